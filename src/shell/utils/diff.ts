/** diff [-u] [-q] FILE1 FILE2 (GNU diffutils): normal or unified output; 0 same, 1 different, 2 trouble. */
import { editScript, unifiedHunks } from '../../kubectl/cmd/internal/unified-diff.js';
import type { Command, CommandIO } from '../command.js';
import { fsErrorText } from '../vfs.js';

const split = (s: string): string[] => (s === '' ? [] : s.replace(/\n$/, '').split('\n'));
const range = (from: number, to: number): string => (from === to ? `${from}` : `${from},${to}`);

/** Normal format: `2c2`, `3d2`, `4a5,6` blocks with `<` / `---` / `>` lines. */
function normal(a: string[], b: string[]): string {
  const ops = editScript(a, b);
  let out = '', i = 0, j = 0, k = 0;
  while (k < ops.length) {
    if (ops[k]!.t === ' ') { i++; j++; k++; continue; }
    const del: string[] = [], ins: string[] = [];
    while (k < ops.length && ops[k]!.t !== ' ') { (ops[k]!.t === '-' ? del : ins).push(ops[k]!.line); k++; }
    if (del.length && ins.length) out += `${range(i + 1, i + del.length)}c${range(j + 1, j + ins.length)}\n`;
    else if (del.length) out += `${range(i + 1, i + del.length)}d${j}\n`;
    else out += `${i}a${range(j + 1, j + ins.length)}\n`;
    out += del.map((l) => `< ${l}\n`).join('') + (del.length && ins.length ? '---\n' : '') + ins.map((l) => `> ${l}\n`).join('');
    i += del.length; j += ins.length;
  }
  return out;
}

function stamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.000000000 +0000`;
}

export function makeDiff(now: () => number): Command {
  return async (args, io) => {
    const flags = new Set<string>();
    const files: string[] = [];
    for (const a of args) {
      if (a === '-u' || a === '--unified') flags.add('u');
      else if (a === '-q' || a === '--brief') flags.add('q');
      else if (a.startsWith('-') && a !== '-') { io.stderr(`diff: invalid option -- '${a.replace(/^-+/, '')[0] ?? ''}'\ndiff: Try 'diff --help' for more information.\n`); return 2; }
      else files.push(a);
    }
    if (files.length !== 2) {
      io.stderr(files.length < 2 ? `diff: missing operand after '${files[0] ?? 'diff'}'\ndiff: Try 'diff --help' for more information.\n` : `diff: extra operand '${files[2]}'\ndiff: Try 'diff --help' for more information.\n`);
      return 2;
    }
    const texts: string[] = [];
    for (const f of files) {
      const t = read(io, f);
      if (t === undefined) return 2;
      texts.push(t);
    }
    const [a, b] = texts as [string, string];
    if (a === b) return 0;
    if (flags.has('q')) { io.stdout(`Files ${files[0]} and ${files[1]} differ\n`); return 1; }
    if (flags.has('u')) io.stdout(`--- ${files[0]}\t${stamp(now())}\n+++ ${files[1]}\t${stamp(now())}\n${unifiedHunks(a, b)}`);
    else io.stdout(normal(split(a), split(b)));
    return 1;
  };
}

function read(io: CommandIO, f: string): string | undefined {
  if (f === '-') return io.stdin;
  try { return io.fs.readFile(io.fs.resolve(io.cwd, f)); } catch (e) {
    io.stderr(`diff: ${f}: ${fsErrorText(e)}\n`);
    return undefined;
  }
}
