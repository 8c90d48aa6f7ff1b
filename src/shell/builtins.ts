/**
 * Shell builtins: commands that change or read the shell itself (cd, export, exit, history,
 * which, watch, ...). Texts follow bash 5.2; `sh` hosts (busybox ash) print `sh:` instead.
 */
import type { CommandIO } from './command.js';
import { ExitRequest, LoopControl, NestedShellRequest, type Builtin, type Interpreter } from './interpreter.js';
import { binaryPath } from './container/context.js';
import { builtinAbsent, hostHas } from './host.js';
import { jobBuiltins } from './job-builtins.js';
import { columns } from './utils/ls.js';
import { sleepFor } from './utils/common.js';
import { strftime } from './utils/date.js';
import { fsErrorText } from './vfs.js';

export interface BuiltinDeps {
  history(): string[];
  clearHistory(): void;
  now(): number;
}

const NAMES_BASH = ['complete', 'cd', 'export', 'unset', 'exit', 'logout', 'history', 'type', 'help', 'source', '.', ':', 'test', '[', 'env', 'watch', 'which', 'bash', 'sh', 'jobs', 'kill', 'fg', 'wait'];

export function shellBuiltins(deps: BuiltinDeps): Record<string, Builtin> {
  const b: Record<string, Builtin> = {
    cd: async (args, io, sh) => cd(args, io, sh),
    export: async (args, io, sh) => {
      if (args.length === 0 || args[0] === '-p') {
        for (const k of [...sh.state.exported].sort()) {
          const v = sh.state.vars[k];
          io.stdout(v === undefined ? `declare -x ${k}\n` : `declare -x ${k}="${v.replace(/(["\\$`])/g, '\\$1')}"\n`);
        }
        return 0;
      }
      let code = 0;
      for (const a of args) {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/s.exec(a);
        if (!m) { io.stderr(`${sh.shellName}: export: \`${a}': not a valid identifier\n`); code = 1; continue; }
        if (m[2] !== undefined) sh.setVar(m[1]!, m[2], true);
        else if (!sh.state.exported.includes(m[1]!)) sh.state.exported.push(m[1]!);
      }
      return code;
    },
    unset: async (args, _io, sh) => {
      for (const a of args.filter((x) => !x.startsWith('-'))) {
        delete sh.state.vars[a];
        sh.state.exported = sh.state.exported.filter((k) => k !== a);
      }
      return 0;
    },
    exit: async (args, io, sh) => {
      if (args.length > 1) { io.stderr(`${sh.shellName}: exit: too many arguments\n`); return 1; }
      const n = args[0] === undefined ? sh.state.lastExit : Number(args[0]);
      if (!Number.isInteger(n)) {
        io.stderr(`${sh.shellName}: exit: ${args[0]}: numeric argument required\n`);
        throw new ExitRequest(2);
      }
      throw new ExitRequest(((n % 256) + 256) % 256);
    },
    history: async (args, io) => {
      if (args[0] === '-c') { deps.clearHistory(); return 0; }
      const h = deps.history();
      const n = args[0] !== undefined ? Number(args[0]) : h.length;
      if (!Number.isInteger(n) || n < 0) { io.stderr(`bash: history: ${args[0]}: numeric argument required\n`); return 1; }
      const start = Math.max(0, h.length - n);
      io.stdout(h.slice(start).map((l, i) => `${String(start + i + 1).padStart(5)}  ${l}\n`).join(''));
      return 0;
    },
    type: async (args, io, sh) => {
      let code = 0;
      for (const a of args) {
        if (sh.state.aliases?.[a] !== undefined) io.stdout(`${a} is aliased to \`${sh.state.aliases[a]}'\n`);
        else if (sh.builtins[a] && !builtinAbsent(sh.host, a)) io.stdout(`${a} is a shell builtin\n`);
        else if (hostHas(sh.host, a)) io.stdout(`${a} is ${commandPath(sh, a)}\n`);
        // busybox ash: `x: not found` on stdout, status 127; bash: on stderr, status 1.
        else if (sh.host.dialect === 'ash') { io.stdout(`${a}: not found\n`); code = 127; }
        else { io.stderr(`${sh.shellName}: type: ${a}: not found\n`); code = 1; }
      }
      return code;
    },
    which: async (args, io, sh) => {
      let code = args.length ? 0 : 1;
      for (const a of args.filter((x) => !x.startsWith('-'))) {
        if (hostHas(sh.host, a)) io.stdout(commandPath(sh, a) + '\n');
        else if (['bash', 'sh', 'env', 'test', '['].includes(a) && sh.builtins[a] && !builtinAbsent(sh.host, a)) {
          // Builtins that are also programs on disk (bash, sh, env): busybox keeps its applets in /bin.
          io.stdout((binaryPath(sh.host.fs, a) ?? (sh.host.dialect === 'ash' ? `/bin/${a}` : `/usr/bin/${a}`)) + '\n');
        }
        else code = 1;
      }
      return code;
    },
    help: async (_args, io, sh) => {
      io.stdout(`kubelab shell on ${sh.host.hostname}. Commands here:\n\n`);
      const names = [...new Set([
        ...Object.keys(sh.host.commands).filter((n) => hostHas(sh.host, n)),
        ...Object.keys(sh.builtins).filter((n) => !builtinAbsent(sh.host, n)),
      ])].filter((n) => /^[a-z]/.test(n)).sort();
      io.stdout(columns(names, io.columns ?? 80));
      io.stdout('\nPipes, redirects (> >> < 2>&1), &&, ||, ;, $VARS, $(...) and heredocs work as in bash.\n');
      return 0;
    },
    source: async (args, io, sh) => {
      if (!args[0]) { io.stderr(`${sh.shellName}: source: filename argument required\n`); return 2; }
      let text: string;
      try { text = sh.host.fs.readFile(sh.host.fs.resolve(sh.state.cwd, args[0])); } catch (e) {
        io.stderr(`${sh.shellName}: ${args[0]}: ${fsErrorText(e)}\n`);
        return 1;
      }
      // A bash completion script (`source <(kubectl completion bash)`) only defines functions and
      // registers them with `complete`; this shell's Tab completion already knows kubectl.
      if (isCompletionScript(text)) return 0;
      return sh.runSource(text, { stdin: io.stdin, stdinIsTerminal: false, out: io.stdout, err: io.stderr, outIsTerminal: io.isTTY }, io.signal);
    },
    // `complete -o default -F __start_kubectl k` (the kubectl docs' alias line): Tab completion is built in.
    complete: async () => 0,
    ':': async () => 0,
    alias: async (args, io, sh) => {
      const aliases = (sh.state.aliases ??= {});
      const show = (n: string) => `alias ${n}='${aliases[n]!.replace(/'/g, "'\\''")}'\n`;
      if (args.length === 0 || args[0] === '-p') { io.stdout(Object.keys(aliases).sort().map(show).join('')); return 0; }
      let code = 0;
      for (const a of args) {
        const eq = a.indexOf('=');
        if (eq > 0) aliases[a.slice(0, eq)] = a.slice(eq + 1);
        else if (aliases[a] !== undefined) io.stdout(show(a));
        else { io.stderr(`${sh.shellName}: alias: ${a}: not found\n`); code = 1; }
      }
      return code;
    },
    unalias: async (args, io, sh) => {
      const aliases = (sh.state.aliases ??= {});
      if (args[0] === '-a') { sh.state.aliases = {}; return 0; }
      let code = 0;
      for (const a of args) {
        if (aliases[a] === undefined) { io.stderr(`${sh.shellName}: unalias: ${a}: not found\n`); code = 1; } else delete aliases[a];
      }
      return code;
    },
    break: async (args, io, sh) => loopControl('break', args, io, sh),
    continue: async (args, io, sh) => loopControl('continue', args, io, sh),
    test: async (args, io, sh) => test(args, io, sh),
    '[': async (args, io, sh) => {
      if (args[args.length - 1] !== ']') { io.stderr(`${sh.shellName}: [: missing \`]'\n`); return 2; }
      return test(args.slice(0, -1), io, sh);
    },
    env: async (args, io, sh) => {
      let i = 0;
      const extra: Record<string, string> = {};
      for (; i < args.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(args[i]!); i++) {
        const [k, ...v] = args[i]!.split('=');
        extra[k!] = v.join('=');
      }
      if (i >= args.length) {
        const env = new Map(io.env);
        for (const [k, v] of Object.entries(extra)) env.set(k, v);
        io.stdout([...env].map(([k, v]) => `${k}=${v}\n`).join(''));
        return 0;
      }
      const env = new Map(io.env);
      for (const [k, v] of Object.entries(extra)) env.set(k, v);
      const name = args[i]!;
      if (!hostHas(sh.host, name) && !sh.builtins[name]) { io.stderr(`env: ‘${name}’: No such file or directory\n`); return 127; }
      return sh.runArgv(args.slice(i), { ...io, env });
    },
    watch: async (args, io, sh) => watch(args, io, sh, deps),
    ...jobBuiltins(),
    xargs: async (args, io, sh) => xargs(args, io, sh),
    bash: async (args, io, sh) => shellCommand(args, io, sh),
    sh: async (args, io, sh) => shellCommand(args, io, sh, true),
  };
  b['.'] = b.source!;
  b.logout = b.exit!;
  return b;
}

export const BUILTIN_NAMES: readonly string[] = NAMES_BASH;

/** xargs [-n N] [-I R] [-r] [COMMAND [ARG...]]: runs COMMAND with words read from stdin (default echo). */
async function xargs(args: string[], io: CommandIO, sh: Interpreter): Promise<number> {
  let perCall = Infinity;
  let replace: string | undefined;
  let noRunIfEmpty = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-n') perCall = Number(args[++i]);
    else if (/^-n\d+$/.test(a)) perCall = Number(a.slice(2));
    else if (a === '-i') replace = '{}';
    else if (a.startsWith('-I')) replace = a.length > 2 ? a.slice(2) : args[++i];
    else if (a === '-r' || a === '--no-run-if-empty') noRunIfEmpty = true;
    else if (a === '-0' || a === '-t') continue;
    else if (a.startsWith('-') && a !== '-') { io.stderr(`xargs: invalid option -- '${a.slice(1, 2)}'\nUsage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...\nTry 'xargs --help' for more information.\n`); return 1; }
    else break;
  }
  const command = args.length > i ? args.slice(i) : ['echo'];
  if (!sh.builtins[command[0]!] && !sh.host.commands[command[0]!]) {
    io.stderr(`xargs: ${command[0]}: No such file or directory\n`);
    return 127;
  }
  if (!Number.isFinite(perCall) && perCall !== Infinity || perCall < 1) { io.stderr(`xargs: value for -n option should be >= 1\n`); return 1; }
  const items = replace !== undefined ? io.stdin.split('\n').filter((l) => l.trim() !== '') : io.stdin.split(/\s+/).filter(Boolean);
  if (items.length === 0 && (noRunIfEmpty || replace !== undefined)) return 0;
  const batches: string[][] = [];
  if (replace !== undefined) for (const it of items) batches.push(command.map((c) => c.split(replace!).join(it)));
  else if (items.length === 0) batches.push(command);
  else for (let k = 0; k < items.length; k += perCall === Infinity ? items.length : perCall) batches.push([...command, ...items.slice(k, k + (perCall === Infinity ? items.length : perCall))]);
  let code = 0;
  for (const argv of batches) {
    if (io.signal.aborted) return 130;
    if ((await sh.runArgv(argv, { ...io, stdin: '' })) !== 0) code = 123;
  }
  return code;
}

function loopControl(kind: 'break' | 'continue', args: string[], io: CommandIO, sh: Interpreter): number {
  if (sh.loopDepth === 0) {
    io.stderr(`${sh.shellName}: ${kind}: only meaningful in a \`for', \`while', or \`until' loop\n`);
    return 0;
  }
  throw new LoopControl(kind, Math.min(sh.loopDepth, Math.max(1, Number(args[0] ?? 1) || 1)));
}

function commandPath(sh: Interpreter, name: string): string {
  // An installed tool lives where its package put it (apt: /usr/bin/curl).
  // busybox keeps its applets in /bin.
  return sh.host.paths?.[name] ?? binaryPath(sh.host.fs, name) ?? (sh.host.dialect === 'ash' ? `/bin/${name}` : `/usr/bin/${name}`);
}

async function cd(args: string[], io: CommandIO, sh: Interpreter): Promise<number> {
  const operands = args.filter((a) => a !== '-L' && a !== '-P' && a !== '--');
  if (operands.length > 1) { io.stderr(`${sh.shellName}: cd: too many arguments\n`); return 1; }
  let target = operands[0];
  const home = sh.state.vars['HOME'] ?? sh.host.home;
  if (target === undefined || target === '') target = home;
  let print = false;
  if (target === '-') {
    const old = sh.state.vars['OLDPWD'];
    if (old === undefined) { io.stderr(`${sh.shellName}: cd: OLDPWD not set\n`); return 1; }
    target = old;
    print = true;
  }
  const abs = sh.host.fs.resolve(sh.state.cwd, target);
  if (!sh.host.fs.exists(abs)) { io.stderr(`${sh.shellName}: cd: ${target}: No such file or directory\n`); return 1; }
  if (!sh.host.fs.isDir(abs)) { io.stderr(`${sh.shellName}: cd: ${target}: Not a directory\n`); return 1; }
  sh.setVar('OLDPWD', sh.state.cwd, true);
  sh.state.cwd = abs;
  sh.setVar('PWD', abs, true);
  if (print) io.stdout(abs + '\n');
  return 0;
}

/** `bash -c 'cmd'`, `bash script.sh`; bare `bash` at the terminal starts a nested shell. */
async function shellCommand(args: string[], io: CommandIO, outer: Interpreter, asSh = false): Promise<number> {
  const sh = asSh ? outer.asSh() : outer;
  const fds = { stdin: io.stdin, stdinIsTerminal: false, out: io.stdout, err: io.stderr, outIsTerminal: io.isTTY };
  const i = args.findIndex((a) => a === '-c');
  const saved = sh.state;
  const run = async (src: string) => {
    sh.state = { ...saved, vars: { ...saved.vars }, exported: [...saved.exported] };
    try { return await sh.runSource(src, fds, io.signal); } catch (e) {
      if (e instanceof ExitRequest) return e.code;
      throw e;
    } finally { sh.state = saved; }
  };
  if (i >= 0) {
    const src = args[i + 1];
    if (src === undefined) { io.stderr(`${sh.shellName}: -c: option requires an argument\n`); return 2; }
    return run(src);
  }
  const file = args.find((a) => !a.startsWith('-'));
  if (file) {
    try { return await run(sh.host.fs.readFile(sh.host.fs.resolve(sh.state.cwd, file))); } catch (e) {
      io.stderr(`${sh.shellName}: ${file}: ${fsErrorText(e)}\n`);
      return 127;
    }
  }
  if (io.stdin) return run(io.stdin);
  throw new NestedShellRequest(asSh && outer.host.dialect === 'bash');
}

async function test(args: string[], io: CommandIO, sh: Interpreter): Promise<number> {
  const fs = sh.host.fs;
  const path = (p: string) => fs.resolve(sh.state.cwd, p);
  const unary: Record<string, (x: string) => boolean> = {
    '-e': (x) => fs.exists(path(x)), '-f': (x) => fs.exists(path(x)) && !fs.isDir(path(x)), '-d': (x) => fs.isDir(path(x)),
    '-s': (x) => fs.exists(path(x)) && !fs.isDir(path(x)) && fs.readFile(path(x)).length > 0, '-r': (x) => fs.exists(path(x)),
    '-w': (x) => fs.exists(path(x)), '-x': (x) => fs.isDir(path(x)), '-z': (x) => x === '', '-n': (x) => x !== '',
  };
  const evalArgs = (a: string[]): boolean | string => {
    if (a[0] === '!') { const r = evalArgs(a.slice(1)); return typeof r === 'string' ? r : !r; }
    if (a.length === 0) return false;
    if (a.length === 1) return a[0] !== '';
    if (a.length === 2) {
      const f = unary[a[0]!];
      return f ? f(a[1]!) : `${a[0]}: unary operator expected`;
    }
    if (a.length === 3) {
      const [x, op, y] = a as [string, string, string];
      if (op === '=' || op === '==') return x === y;
      if (op === '!=') return x !== y;
      const nums: Record<string, (p: number, q: number) => boolean> = { '-eq': (p, q) => p === q, '-ne': (p, q) => p !== q, '-lt': (p, q) => p < q, '-le': (p, q) => p <= q, '-gt': (p, q) => p > q, '-ge': (p, q) => p >= q };
      if (nums[op]) {
        for (const v of [x, y]) if (!/^\s*-?\d+\s*$/.test(v)) return `${v}: integer expression expected`;
        return nums[op]!(Number(x), Number(y));
      }
      return `${op}: binary operator expected`;
    }
    return 'too many arguments';
  };
  const r = evalArgs(args);
  if (typeof r === 'string') { io.stderr(`${sh.shellName}: test: ${r}\n`); return 2; }
  return r ? 0 : 1;
}

/**
 * procps-ng watch.c output_header(): the interval and command left, `host: time` right (ctime()'s
 * trailing newline takes the last column), clipped to the width by its rules: too narrow for the
 * right part, nothing; then only the right part; then `... ` or a truncated command before it.
 */
export function watchHeader(left: string, cmd: string, right: string, width: number): string {
  const rhlen = right.length + 1;
  const hlen = left.length;
  if (width < rhlen) return '';
  const line = Array.from({ length: width - 1 }, () => ' ');
  const put = (col: number, text: string) => { for (let i = 0; i < text.length && col + i < line.length; i++) line[col + i] = text[i]!; };
  if (rhlen + hlen + 1 <= width) {
    put(0, left);
    if (rhlen + hlen + 2 <= width) {
      if (width < rhlen + hlen + 4) put(width - rhlen - 4, '... ');
      else if (width < rhlen + hlen + cmd.length) { put(hlen, cmd.slice(0, width - rhlen - hlen - 4)); put(width - rhlen - 4, '... '); }
      else put(hlen, cmd);
    }
  }
  put(width - rhlen, right);
  return line.join('');
}

/**
 * procps-ng watch: alternate screen, then every N s a cleared screen with the
 * `Every 2.0s: cmd` / `host: date` header line, a blank line and the output; Ctrl-C ends it.
 */
async function watch(args: string[], io: CommandIO, sh: Interpreter, deps: BuiltinDeps): Promise<number> {
  let interval = 2;
  let title = true;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-n' || a === '--interval') { interval = Number(args[++i]); continue; }
    if (/^-n\d/.test(a)) { interval = Number(a.slice(2)); continue; }
    if (a.startsWith('--interval=')) { interval = Number(a.slice(11)); continue; }
    if (a === '-t' || a === '--no-title') { title = false; continue; }
    if (a === '-d' || a === '-c' || a === '--color') continue;
    break;
  }
  const cmd = args.slice(i).join(' ');
  if (!cmd) {
    io.stderr('\nUsage:\n watch [options] command\n');
    return 1;
  }
  if (!Number.isFinite(interval) || interval <= 0) interval = 2;
  interval = Math.max(interval, 0.1);
  const width = io.columns ?? (Number(io.env.get('COLUMNS')) || 80);
  io.stdout('\x1b[?1049h');
  while (!io.signal.aborted) {
    let frame = '';
    const capture = (t: string) => { frame += t; };
    await sh.runSource(cmd, { stdin: '', stdinIsTerminal: false, out: capture, err: capture, outIsTerminal: false }, io.signal);
    if (io.signal.aborted) break;
    let header = '';
    if (title) {
      const right = `${sh.host.hostname}: ${strftime('%a %b %e %H:%M:%S %Y', deps.now())}`;
      header = watchHeader(`Every ${interval.toFixed(1)}s: `, cmd, right, width) + '\n\n';
    }
    io.stdout('\x1b[H\x1b[2J' + header + frame);
    if (!(await sleepFor(io, interval * 1000))) break;
  }
  io.stdout('\x1b[?1049l');
  return 0;
}

/** Function definitions plus a `complete` registration: what `kubectl completion bash` prints. */
function isCompletionScript(text: string): boolean {
  return /^\s*complete\s+-/m.test(text) && /^\s*[A-Za-z_][\w-]*\s*\(\)\s*\{?\s*$/m.test(text);
}
