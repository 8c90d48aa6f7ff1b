/** head and tail: -n N (tail also +N), -N, -c N; `==> f <==` headers for several files. */
import type { Command } from '../command.js';
import { fsErrorText } from '../vfs.js';
import { lastValue, parseOpts, q } from './common.js';

function make(name: 'head' | 'tail'): Command {
  return async (args, io) => {
    const o = parseOpts(name, args, io, { flags: 'qvf', values: 'nc', longMap: { lines: 'n', bytes: 'c', quiet: 'q', verbose: 'v', follow: 'f' }, numericShorthand: 'n' });
    if (!o) return 1;
    const nText = lastValue(o, 'n');
    const cText = lastValue(o, 'c');
    const spec = cText ?? nText ?? '10';
    const m = /^([+-]?)(\d+)$/.exec(spec);
    if (!m) {
      const what = cText !== undefined ? 'bytes' : 'lines';
      io.stderr(`${name}: invalid number of ${what}: ${q(io, spec)}\n`);
      return 1;
    }
    const n = Number(m[2]);
    const sign = m[1];
    const files = o.operands.length ? o.operands : ['-'];
    let code = 0;
    const headers = (files.length > 1 && !o.flags.has('q')) || o.flags.has('v');
    let first = true;
    for (const f of files) {
      let text: string;
      if (f === '-') text = io.stdin;
      else {
        try { text = io.fs.readFile(io.fs.resolve(io.cwd, f)); } catch (e) {
          io.stderr(`${name}: cannot open '${f}' for reading: ${fsErrorText(e)}\n`);
          code = 1;
          continue;
        }
      }
      if (headers) { io.stdout(`${first ? '' : '\n'}==> ${f === '-' ? 'standard input' : f} <==\n`); }
      first = false;
      io.stdout(cText !== undefined ? bytes(name, text, n, sign!) : linesOf(name, text, n, sign!));
    }
    return code;
  };
}

function linesOf(name: string, text: string, n: number, sign: string): string {
  const parts = text.split(/(?<=\n)/);
  if (name === 'head') return (sign === '-' ? parts.slice(0, Math.max(0, parts.length - n)) : parts.slice(0, n)).join('');
  if (sign === '+') return parts.slice(Math.max(0, n - 1)).join('');
  return n === 0 ? '' : parts.slice(-n).join('');
}

function bytes(name: string, text: string, n: number, sign: string): string {
  if (name === 'head') return sign === '-' ? text.slice(0, Math.max(0, text.length - n)) : text.slice(0, n);
  if (sign === '+') return text.slice(Math.max(0, n - 1));
  return n === 0 ? '' : text.slice(-n);
}

export const head = make('head');
export const tail = make('tail');
