/** find [PATH...] [-name PAT] [-iname PAT] [-type f|d] [-maxdepth N] [-mindepth N]: GNU order (directory order as stored). */
import type { Command, CommandIO } from '../command.js';

function globRe(pat: string, flags = ''): RegExp {
  const re = pat.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${re}$`, flags);
}

export const find: Command = async (args, io) => {
  const paths: string[] = [];
  let i = 0;
  for (; i < args.length && !args[i]!.startsWith('-'); i++) paths.push(args[i]!);
  if (paths.length === 0) paths.push('.');
  const tests: ((name: string, isDir: boolean, depth: number) => boolean)[] = [];
  let maxDepth = Infinity;
  let minDepth = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    const v = args[i + 1];
    if (['-name', '-iname', '-type', '-maxdepth', '-mindepth'].includes(a) && v === undefined) {
      io.stderr(`find: missing argument to \`${a}'\n`);
      return 1;
    }
    if (a === '-name' || a === '-iname') { const re = globRe(v!, a === '-iname' ? 'i' : ''); tests.push((n) => re.test(n)); i++; }
    else if (a === '-type') {
      if (v !== 'f' && v !== 'd') { io.stderr(`find: Unknown argument to -type: ${v}\n`); return 1; }
      tests.push((_n, d) => (v === 'd') === d); i++;
    } else if (a === '-maxdepth') { maxDepth = Number(v); i++; }
    else if (a === '-mindepth') { minDepth = Number(v); i++; }
    else if (a === '-print') continue;
    else { io.stderr(`find: unknown predicate \`${a}'\n`); return 1; }
  }
  let code = 0;
  const walk = (shown: string, abs: string, depth: number) => {
    const isDir = io.fs.isDir(abs);
    const name = depth === 0 ? shown : abs.slice(abs.lastIndexOf('/') + 1);
    if (depth >= minDepth && tests.every((t) => t(name, isDir, depth))) io.stdout(shown + '\n');
    if (!isDir || depth >= maxDepth) return;
    for (const child of io.fs.readdir(abs)) walk(shown.endsWith('/') ? shown + child : `${shown}/${child}`, io.fs.resolve(abs, child), depth + 1);
  };
  for (const p of paths) {
    const abs = io.fs.resolve(io.cwd, p);
    if (!io.fs.exists(abs)) { io.stderr(`find: ‘${p}’: No such file or directory\n`); code = 1; continue; }
    walk(p, abs, 0);
  }
  return code;
};

/** printenv [NAME...]: values of environment variables; status 1 if one is missing. */
export const printenv: Command = async (args, io) => {
  if (args.length === 0) { io.stdout([...io.env].map(([k, v]) => `${k}=${v}\n`).join('')); return 0; }
  let code = 0;
  for (const a of args) {
    const v = io.env.get(a);
    if (v === undefined) code = 1;
    else io.stdout(v + '\n');
  }
  return code;
};

/** uname [-asnrmo]: a container shares its node's kernel, so this reports the node's. */
export function makeUname(hostname: string, kernel: string): Command {
  return async (args, io: CommandIO) => {
    const flags = new Set(args.flatMap((a) => (a.startsWith('-') ? [...a.slice(1)] : [])));
    const bad = [...flags].find((f) => !'asnrvmpio'.includes(f));
    if (bad) { io.stderr(`uname: invalid option -- '${bad}'\nTry 'uname --help' for more information.\n`); return 1; }
    const all = flags.has('a');
    const parts: string[] = [];
    if (all || flags.has('s') || flags.size === 0) parts.push('Linux');
    if (all || flags.has('n')) parts.push(hostname);
    if (all || flags.has('r')) parts.push(kernel);
    if (all || flags.has('v')) parts.push('#1 SMP PREEMPT_DYNAMIC');
    if (all || flags.has('m')) parts.push('x86_64');
    if (all || flags.has('p')) parts.push('x86_64');
    if (all || flags.has('i')) parts.push('x86_64');
    if (all || flags.has('o')) parts.push('GNU/Linux');
    io.stdout(parts.join(' ') + '\n');
    return 0;
  };
}
