/**
 * Helpers shared by the coreutils-style commands: option parsing with GNU's error texts,
 * reading operands (or stdin), and GNU's quoting of file names in messages.
 */
import type { CommandIO } from '../command.js';
import { fsErrorText } from '../vfs.js';

export interface ParsedOpts {
  flags: Set<string>;
  values: Map<string, string[]>;
  operands: string[];
}

/**
 * Short options GNU-style: combined (`-rn`), attached values (`-k2`, `-n5`), `--` ends options.
 * `longMap` maps a long option (without `--`) to its short letter. On an unknown option this
 * writes GNU's two-line error and returns undefined.
 */
export function parseOpts(
  name: string, args: string[], io: CommandIO,
  spec: { flags?: string; values?: string; longMap?: Record<string, string>; numericShorthand?: string },
): ParsedOpts | undefined {
  const flags = new Set<string>();
  const values = new Map<string, string[]>();
  const operands: string[] = [];
  const flagSet = spec.flags ?? '';
  const valueSet = spec.values ?? '';
  const addValue = (k: string, v: string) => values.set(k, [...(values.get(k) ?? []), v]);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') { operands.push(...args.slice(i + 1)); break; }
    if (a.startsWith('--') && a.length > 2) {
      const [long, val] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      const short = spec.longMap?.[long];
      if (!short) {
        io.stderr(`${name}: unrecognized option '${a}'\nTry '${name} --help' for more information.\n`);
        return undefined;
      }
      if (valueSet.includes(short)) {
        const v = val ?? args[++i];
        if (v === undefined) { io.stderr(`${name}: option '--${long}' requires an argument\nTry '${name} --help' for more information.\n`); return undefined; }
        addValue(short, v);
      } else flags.add(short);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      if (spec.numericShorthand && /^-\d+$/.test(a)) { addValue(spec.numericShorthand, a.slice(1)); continue; }
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (valueSet.includes(c)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) { io.stderr(`${name}: option requires an argument -- '${c}'\nTry '${name} --help' for more information.\n`); return undefined; }
          addValue(c, v);
          break;
        }
        if (!flagSet.includes(c)) {
          io.stderr(`${name}: invalid option -- '${c}'\nTry '${name} --help' for more information.\n`);
          return undefined;
        }
        flags.add(c);
      }
      continue;
    }
    operands.push(a);
  }
  return { flags, values, operands };
}

export function lastValue(o: ParsedOpts, k: string): string | undefined {
  const v = o.values.get(k);
  return v ? v[v.length - 1] : undefined;
}

/** GNU quote() in messages: ‘x’ in a UTF-8 locale, 'x' otherwise. */
export function q(io: CommandIO, s: string): string {
  const loc = io.env.get('LC_ALL') || io.env.get('LC_MESSAGES') || io.env.get('LANG') || '';
  return /utf-?8/i.test(loc) ? `‘${s}’` : `'${s}'`;
}

/** GNU quoteaf(): shell-style quoting, used by ls/rm/cp (plain name unless it needs quotes). */
export function qa(s: string): string {
  if (/^[A-Za-z0-9_.,:/@%+=-]+$/.test(s)) return `'${s}'`;
  if (!s.includes("'")) return `'${s}'`;
  return `"${s.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** Reads one operand (`-` is stdin). Returns undefined after printing `name: x: error`. */
export function readOperand(name: string, file: string, io: CommandIO, message?: (file: string, error: string) => string): string | undefined {
  if (file === '-') return io.stdin;
  try {
    return io.fs.readFile(io.fs.resolve(io.cwd, file));
  } catch (e) {
    io.stderr(message ? message(file, fsErrorText(e)) : `${name}: ${file}: ${fsErrorText(e)}\n`);
    return undefined;
  }
}

/** Lines of a text, without the empty piece after a final newline. */
export function lines(text: string): string[] {
  if (text === '') return [];
  const ls = text.split('\n');
  if (ls[ls.length - 1] === '') ls.pop();
  return ls;
}

export function joinLines(ls: string[]): string { return ls.map((l) => l + '\n').join(''); }

/** Waits virtual (headless) or real (page) time; false when interrupted. */
export async function sleepFor(io: CommandIO, ms: number): Promise<boolean> {
  if (io.signal.aborted) return false;
  try { await io.time.sleep(ms, io.signal); } catch { return false; }
  return !io.signal.aborted;
}

/**
 * Takes `--color[=WHEN]` / `--colour[=WHEN]` out of args (GNU: always, auto, never; bare means
 * always) and says whether to colour: `auto` colours only on a terminal.
 */
export function takeColor(args: string[], io: CommandIO): { args: string[]; color: boolean } {
  let when = 'never';
  const rest = args.filter((a) => {
    const m = /^--colou?r(?:=(.*))?$/.exec(a);
    if (!m) return true;
    when = m[1] ?? 'always';
    return false;
  });
  const color = when === 'always' || when === 'yes' || when === 'force' || ((when === 'auto' || when === 'tty' || when === 'if-tty') && io.isTTY);
  return { args: rest, color };
}
