/** cut -d D -f LIST | -c LIST, and tr [-ds] SET1 [SET2]. */
import type { Command } from '../command.js';
import { escapes } from './echo.js';
import { lastValue, lines, parseOpts, q, readOperand } from './common.js';

/** `1,3-5,7-` → predicate over 1-based positions; undefined if malformed. */
function parseList(spec: string): ((i: number) => boolean) | undefined {
  const ranges: [number, number][] = [];
  for (const part of spec.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (m[1] === '' && m[3] === '') || (!m[2] && m[3] !== '')) return undefined;
    const a = m[1] ? Number(m[1]) : 1;
    const b = m[2] ? (m[3] ? Number(m[3]) : Infinity) : a;
    if (a < 1) return undefined;
    ranges.push([a, b]);
  }
  return (i) => ranges.some(([a, b]) => i >= a && i <= b);
}

export const cut: Command = async (args, io) => {
  const o = parseOpts('cut', args, io, { flags: 's', values: 'dfcb', longMap: { delimiter: 'd', fields: 'f', characters: 'c', bytes: 'b', 'only-delimited': 's' } });
  if (!o) return 1;
  const fields = lastValue(o, 'f');
  const chars = lastValue(o, 'c') ?? lastValue(o, 'b');
  if (!fields && !chars) {
    io.stderr("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n");
    return 1;
  }
  const delim = lastValue(o, 'd') ?? '\t';
  if (delim.length !== 1) {
    io.stderr("cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n");
    return 1;
  }
  const pick = parseList((fields ?? chars)!);
  if (/(^|[,-])0/.test((fields ?? chars)!)) {
    io.stderr(`cut: ${fields ? 'fields' : 'byte/character positions'} are numbered from 1\nTry 'cut --help' for more information.\n`);
    return 1;
  }
  if (!pick) {
    io.stderr(`cut: invalid field value '${fields ?? chars}'\nTry 'cut --help' for more information.\n`);
    return 1;
  }
  let code = 0;
  for (const f of o.operands.length ? o.operands : ['-']) {
    const text = readOperand('cut', f, io);
    if (text === undefined) { code = 1; continue; }
    let out = '';
    for (const l of lines(text)) {
      if (chars) { out += [...l].filter((_, i) => pick(i + 1)).join('') + '\n'; continue; }
      if (!l.includes(delim)) { if (!o.flags.has('s')) out += l + '\n'; continue; }
      out += l.split(delim).filter((_, i) => pick(i + 1)).join(delim) + '\n';
    }
    io.stdout(out);
  }
  return code;
};

const TR_CLASSES: Record<string, string> = {
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', lower: 'abcdefghijklmnopqrstuvwxyz', digit: '0123456789',
  space: ' \t\n\r\f\v', blank: ' \t', alpha: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  alnum: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
};

function expandSet(s: string): string {
  s = escapes(s).text;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const cls = /^\[:(\w+):\]/.exec(s.slice(i));
    if (cls && TR_CLASSES[cls[1]!]) { out += TR_CLASSES[cls[1]!]; i += cls[0].length - 1; continue; }
    if (s[i + 1] === '-' && i + 2 < s.length) {
      const a = s.charCodeAt(i);
      const b = s.charCodeAt(i + 2);
      for (let c = a; c <= b; c++) out += String.fromCharCode(c);
      i += 2;
      continue;
    }
    out += s[i];
  }
  return out;
}

export const tr: Command = async (args, io) => {
  const o = parseOpts('tr', args, io, { flags: 'dsc', longMap: { delete: 'd', 'squeeze-repeats': 's' } });
  if (!o) return 1;
  const [s1, s2] = o.operands;
  if (s1 === undefined) { io.stderr("tr: missing operand\nTry 'tr --help' for more information.\n"); return 1; }
  if (s2 === undefined && !o.flags.has('d') && !o.flags.has('s')) {
    io.stderr(`tr: missing operand after ${q(io, s1)}\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n`);
    return 1;
  }
  const set1 = expandSet(s1);
  const set2 = s2 !== undefined ? expandSet(s2) : '';
  let out = '';
  for (const c of io.stdin) {
    if (o.flags.has('d')) { if (!set1.includes(c)) out += c; continue; }
    let r = c;
    const idx = set1.indexOf(c);
    if (set2 && idx >= 0) r = set2[Math.min(idx, set2.length - 1)]!;
    const squeezeSet = set2 || set1;
    if (o.flags.has('s') && out.endsWith(r) && squeezeSet.includes(r)) continue;
    out += r;
  }
  io.stdout(out);
  return 0;
};
