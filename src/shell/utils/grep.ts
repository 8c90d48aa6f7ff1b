/** grep [-ivEFocnwqrlhH] [-e PATTERN] PATTERN [FILE...] with GNU exit codes (0 match, 1 none, 2 error). */
import type { Command, CommandIO } from '../command.js';
import { fsErrorText } from '../vfs.js';
import { lastValue, lines, parseOpts, takeColor } from './common.js';

/** GNU grep's default GREP_COLORS: ms=01;31 fn=35 ln=32 se=36, each followed by erase-line. */
const C = { match: '\x1b[01;31m\x1b[K', file: '\x1b[35m\x1b[K', line: '\x1b[32m\x1b[K', sep: '\x1b[36m\x1b[K', end: '\x1b[m\x1b[K' };
import { compilePosix, RegexError } from './regex.js';

export const grep: Command = async (rawArgs, io) => {
  const { args, color } = takeColor(rawArgs, io);
  const o = parseOpts('grep', args, io, {
    flags: 'ivEFocnwqrRlLhHxs',
    values: 'eABCm',
    longMap: { 'ignore-case': 'i', 'invert-match': 'v', 'extended-regexp': 'E', 'fixed-strings': 'F', 'only-matching': 'o', count: 'c',
      'line-number': 'n', 'word-regexp': 'w', quiet: 'q', silent: 'q', recursive: 'r', 'files-with-matches': 'l', regexp: 'e', 'no-filename': 'h',
      'with-filename': 'H', 'line-regexp': 'x', 'no-messages': 's' },
  });
  if (!o) return 2;
  const f = o.flags;
  const patterns = o.values.get('e') ?? [];
  const operands = [...o.operands];
  if (patterns.length === 0) {
    const p = operands.shift();
    if (p === undefined) {
      io.stderr("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
      return 2;
    }
    patterns.push(...p.split('\n'));
  }
  let re: RegExp;
  try {
    const parts = patterns.map((p) => compilePosix(p, { extended: f.has('E'), fixed: f.has('F') }).source);
    let source = parts.length === 1 ? parts[0]! : parts.map((s) => `(?:${s})`).join('|');
    if (f.has('w')) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
    if (f.has('x')) source = `^(?:${source})$`;
    re = new RegExp(source, 'g' + (f.has('i') ? 'i' : ''));
  } catch (e) {
    io.stderr(`grep: ${e instanceof RegexError ? e.message : 'Invalid regular expression'}\n`);
    return 2;
  }
  // -A/-B/-C: lines of context around each selected line, groups apart separated by `--`.
  const ctxLen = (k: string): number | undefined => {
    const v = lastValue(o, k);
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v)) throw new RangeError(v);
    return Number(v);
  };
  let after = 0, before = 0;
  try {
    const c = ctxLen('C') ?? 0;
    after = ctxLen('A') ?? c;
    before = ctxLen('B') ?? c;
  } catch (e) {
    io.stderr(`grep: ${(e as Error).message}: invalid context length argument\n`);
    return 2;
  }
  const withContext = (after > 0 || before > 0) && !f.has('o') && !f.has('c') && !f.has('l') && !f.has('L') && !f.has('q');
  let printedAny = false;
  const maxM = lastValue(o, 'm');
  const max = maxM === undefined ? Infinity : Number(maxM);
  const recursive = f.has('r') || f.has('R');
  const implicitDot = operands.length === 0 && recursive;
  if (operands.length === 0) operands.push(recursive ? '.' : '-');
  const showName = f.has('H') || (!f.has('h') && (recursive || operands.length > 1));
  let matched = false;
  let errors = false;
  const sep = color ? `${C.sep}:${C.end}` : ':';
  const fileName = (name: string) => (color ? `${C.file}${name}${C.end}` : name);
  // One input at a time, in order, so messages interleave with output as GNU grep's do.
  const search = (input: { name: string; text: string }): boolean => {
    let count = 0;
    const ls = lines(input.text);
    if (withContext) {
      searchWithContext(input, ls);
      return false;
    }
    for (let n = 0; n < ls.length; n++) {
      const line = ls[n]!;
      re.lastIndex = 0;
      const hit = re.test(line);
      if (hit === f.has('v')) continue;
      count++;
      matched = true;
      if (f.has('q')) return true;
      if (f.has('c') || f.has('l') || f.has('L')) continue;
      const prefix = (showName ? fileName(input.name) + sep : '') + (f.has('n') ? (color ? `${C.line}${n + 1}${C.end}` : `${n + 1}`) + sep : '');
      const paint = (m: string) => (color ? `${C.match}${m}${C.end}` : m);
      if (f.has('o') && !f.has('v')) {
        re.lastIndex = 0;
        for (const m of line.matchAll(re)) if (m[0]) io.stdout(prefix + paint(m[0]) + '\n');
      } else if (color && !f.has('v')) {
        re.lastIndex = 0;
        io.stdout(prefix + line.replace(re, (m) => (m ? paint(m) : m)) + '\n');
      } else io.stdout(prefix + line + '\n');
      const max = lastValue(o, 'm');
      if (max !== undefined && count >= Number(max)) break;
    }
    if (f.has('c')) io.stdout((showName ? fileName(input.name) + sep : '') + count + '\n');
    if (f.has('l') && count > 0) io.stdout(fileName(input.name) + '\n');
    if (f.has('L') && count === 0) io.stdout(fileName(input.name) + '\n');
    return false;
  };
  function searchWithContext(input: { name: string; text: string }, ls: string[]): void {
    const csep = color ? `${C.sep}-${C.end}` : '-';
    const prefix = (n: number, s: string): string => (showName ? fileName(input.name) + s : '') + (f.has('n') ? (color ? `${C.line}${n + 1}${C.end}` : `${n + 1}`) + s : '');
    let lastOut = -1, pendingAfter = 0, count = 0;
    const context = (n: number): void => { io.stdout(prefix(n, csep) + ls[n]! + '\n'); lastOut = n; printedAny = true; };
    for (let n = 0; n < ls.length; n++) {
      re.lastIndex = 0;
      const selected = count < max && re.test(ls[n]!) !== f.has('v');
      if (!selected) {
        if (pendingAfter > 0) { context(n); pendingAfter--; } else if (count >= max) break;
        continue;
      }
      count++;
      matched = true;
      const start = Math.max(n - before, lastOut + 1);
      if (printedAny && (lastOut < 0 || start > lastOut + 1)) io.stdout(color ? `${C.sep}--${C.end}\n` : '--\n');
      for (let i = start; i < n; i++) context(i);
      re.lastIndex = 0;
      const line = color && !f.has('v') ? ls[n]!.replace(re, (m) => (m ? `${C.match}${m}${C.end}` : m)) : ls[n]!;
      io.stdout(prefix(n, sep) + line + '\n');
      lastOut = n; printedAny = true;
      pendingAfter = after;
    }
  }

  for (const op of operands) {
    const inputs: { name: string; text: string }[] = [];
    if (op === '-') inputs.push({ name: '(standard input)', text: io.stdin });
    else {
      const abs = io.fs.resolve(io.cwd, op);
      if (io.fs.isDir(abs)) {
        if (recursive) walk(io, abs, implicitDot ? '' : op, inputs);
        else if (!f.has('s')) io.stderr(`grep: ${op}: Is a directory\n`);
      } else {
        try { inputs.push({ name: op, text: io.fs.readFile(abs) }); } catch (e) {
          if (!f.has('s')) io.stderr(`grep: ${op}: ${fsErrorText(e)}\n`);
          errors = true;
        }
      }
    }
    for (const input of inputs) if (search(input)) return 0;
  }
  if (errors && !(f.has('q') && matched)) return 2;
  return matched ? 0 : 1;
};

function walk(io: CommandIO, abs: string, shown: string, out: { name: string; text: string }[]): void {
  for (const name of io.fs.readdir(abs)) {
    const child = abs === '/' ? '/' + name : `${abs}/${name}`;
    const label = shown === '' ? name : shown.endsWith('/') ? shown + name : `${shown}/${name}`;
    if (io.fs.isDir(child)) walk(io, child, label, out);
    else out.push({ name: label, text: io.fs.readFile(child) });
  }
}
