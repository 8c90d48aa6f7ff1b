/** echo (bash builtin semantics: -n, -e, -E) and printf FORMAT [ARG...]. */
import type { Command } from '../command.js';

/** Backslash escapes as `echo -e` and printf's %b understand them; `\c` stops output. */
export function escapes(s: string): { text: string; stop: boolean } {
  let out = '';
  const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', e: '\x1b', E: '\x1b' };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i + 1 >= s.length) { out += c; continue; }
    const n = s[i + 1]!;
    if (n === 'c') return { text: out, stop: true };
    if (map[n] !== undefined) { out += map[n]; i++; continue; }
    if (n === '0') {
      const m = /^[0-7]{0,3}/.exec(s.slice(i + 2))![0];
      out += String.fromCharCode(parseInt(m || '0', 8));
      i += 1 + m.length;
      continue;
    }
    if (n === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 2));
      if (m) { out += String.fromCharCode(parseInt(m[0], 16)); i += 1 + m[0].length; continue; }
    }
    out += c;
  }
  return { text: out, stop: false };
}

export const echo: Command = async (args, io) => {
  let newline = true;
  let interpret = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (!/^-[neE]+$/.test(a)) break;
    for (const c of a.slice(1)) {
      if (c === 'n') newline = false;
      else if (c === 'e') interpret = true;
      else interpret = false;
    }
  }
  let text = args.slice(i).join(' ');
  if (interpret) {
    const r = escapes(text);
    text = r.text;
    if (r.stop) { io.stdout(text); return 0; }
  }
  io.stdout(text + (newline ? '\n' : ''));
  return 0;
};

export const printf: Command = async (args, io) => {
  if (args.length === 0) {
    io.stderr('printf: usage: printf [-v var] format [arguments]\n');
    return 2;
  }
  const [format, ...rest] = args as [string, ...string[]];
  let argi = 0;
  let code = 0;
  let out = '';
  const next = () => (argi < rest.length ? rest[argi++]! : undefined);
  do {
    const used = argi;
    for (let i = 0; i < format.length; i++) {
      const c = format[i]!;
      if (c === '\\') {
        const m = /^\\(0[0-7]{0,3}|x[0-9a-fA-F]{1,2}|[\s\S])/.exec(format.slice(i));
        if (!m) { out += c; continue; }
        out += escapes(m[0]).text;
        i += m[0].length - 1;
        continue;
      }
      if (c !== '%') { out += c; continue; }
      const m = /^%([-+ #0]*)(\d+|\*)?(?:\.(\d+|\*))?([sdiufFxXoceEgGb%])/.exec(format.slice(i));
      if (!m) { out += c; continue; }
      i += m[0].length - 1;
      const conv = m[4]!;
      if (conv === '%') { out += '%'; continue; }
      const flags = m[1] ?? '';
      const width = m[2] === '*' ? Number(next() ?? 0) : m[2] ? Number(m[2]) : 0;
      const prec = m[3] === '*' ? Number(next() ?? 0) : m[3] !== undefined ? Number(m[3]) : undefined;
      const arg = next();
      let s: string;
      if ('diuxXoc'.includes(conv) || 'fFeEgG'.includes(conv)) {
        if (conv === 'c') s = (arg ?? '').slice(0, 1);
        else {
          const n = arg === undefined || arg === '' ? 0 : Number(arg.startsWith("'") || arg.startsWith('"') ? arg.codePointAt(1) : arg);
          if (Number.isNaN(n)) { io.stderr(`printf: ${arg}: invalid number\n`); code = 1; }
          const v = Number.isNaN(n) ? 0 : n;
          if ('di'.includes(conv) || conv === 'u') s = String(Math.trunc(v));
          else if (conv === 'x') s = Math.trunc(v).toString(16);
          else if (conv === 'X') s = Math.trunc(v).toString(16).toUpperCase();
          else if (conv === 'o') s = Math.trunc(v).toString(8);
          else if ('eE'.includes(conv)) s = v.toExponential(prec ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
          else s = v.toFixed(prec ?? 6);
          if (conv === 'E') s = s.toUpperCase();
          if (flags.includes('+') && v >= 0) s = '+' + s;
        }
      } else {
        s = conv === 'b' ? escapes(arg ?? '').text : (arg ?? '');
        if (prec !== undefined) s = s.slice(0, prec);
      }
      if (s.length < width) {
        if (flags.includes('-')) s = s.padEnd(width);
        else if (flags.includes('0') && !'sbc'.includes(conv)) s = (s.startsWith('-') ? '-' + s.slice(1).padStart(width - 1, '0') : s.padStart(width, '0'));
        else s = s.padStart(width);
      }
      out += s;
    }
    if (argi === used) break;
  } while (argi < rest.length);
  io.stdout(out);
  return code;
};
