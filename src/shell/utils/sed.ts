/**
 * sed [-n] [-E|-r] [-i] [-e SCRIPT]... [SCRIPT] [FILE...]: commands s///[gip N], p, d, q, =
 * with addresses N, $, /re/ and ranges A,B. Enough for the one-liners learners type.
 */
import type { Command } from '../command.js';
import { lines, parseOpts, readOperand } from './common.js';
import { compilePosix, RegexError } from './regex.js';

type Addr = { k: 'line'; n: number } | { k: 'last' } | { k: 're'; re: RegExp };
interface SedCmd { a1?: Addr; a2?: Addr; negate: boolean; op: string; re?: RegExp; rep?: string; global?: boolean; print?: boolean; nth?: number; inRange?: boolean }

class SedError extends Error {}

function parseScript(script: string, extended: boolean): SedCmd[] {
  const cmds: SedCmd[] = [];
  let i = 0;
  const s = script;
  const readDelimited = (delim: string): string => {
    let out = '';
    while (i < s.length && s[i] !== delim) {
      if (s[i] === '\\' && i + 1 < s.length) {
        out += s[i + 1] === delim ? delim : s[i]! + s[i + 1]!;
        i += 2;
        continue;
      }
      out += s[i++];
    }
    if (i >= s.length) throw new SedError(`-e expression #1, char ${s.length}: unterminated \`s' command`);
    i++;
    return out;
  };
  const readAddr = (): Addr | undefined => {
    if (/\d/.test(s[i] ?? '')) { const m = /^\d+/.exec(s.slice(i))!; i += m[0].length; return { k: 'line', n: Number(m[0]) }; }
    if (s[i] === '$') { i++; return { k: 'last' }; }
    if (s[i] === '/') { i++; return { k: 're', re: compilePosix(readDelimited('/'), { extended }) }; }
    return undefined;
  };
  while (i < s.length) {
    while (i < s.length && /[\s;]/.test(s[i]!)) i++;
    if (i >= s.length) break;
    const c: SedCmd = { negate: false, op: '' };
    c.a1 = readAddr();
    if (c.a1 && s[i] === ',') { i++; c.a2 = readAddr(); }
    while (s[i] === ' ') i++;
    if (s[i] === '!') { c.negate = true; i++; }
    const op = s[i++];
    if (op === undefined) throw new SedError(`-e expression #1, char ${i}: missing command`);
    c.op = op;
    if (op === 's') {
      const delim = s[i++]!;
      const pat = readDelimited(delim);
      c.rep = readDelimited(delim);
      let flags = '';
      while (i < s.length && /[gipI0-9]/.test(s[i]!)) flags += s[i++];
      c.global = flags.includes('g');
      c.print = flags.includes('p');
      const nth = /\d+/.exec(flags);
      if (nth) c.nth = Number(nth[0]);
      c.re = compilePosix(pat, { extended, ignoreCase: /[iI]/.test(flags), global: true });
    } else if (!'pdq='.includes(op)) {
      throw new SedError(`-e expression #1, char ${i}: unknown command: \`${op}'`);
    }
    cmds.push(c);
  }
  return cmds;
}

function replacement(rep: string, m: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < rep.length; i++) {
    const c = rep[i]!;
    if (c === '&') { out += m[0]; continue; }
    if (c === '\\' && i + 1 < rep.length) {
      const n = rep[++i]!;
      if (/\d/.test(n)) out += m[Number(n)] ?? '';
      else if (n === 'n') out += '\n';
      else if (n === 't') out += '\t';
      else out += n;
      continue;
    }
    out += c;
  }
  return out;
}

export const sed: Command = async (args, io) => {
  const o = parseOpts('sed', args, io, { flags: 'nEri', values: 'e', longMap: { quiet: 'n', silent: 'n', 'regexp-extended': 'E', expression: 'e', 'in-place': 'i' } });
  if (!o) return 1;
  const operands = [...o.operands];
  const scripts = o.values.get('e') ?? [];
  if (scripts.length === 0) {
    const s = operands.shift();
    if (s === undefined) { io.stderr("Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n"); return 1; }
    scripts.push(s);
  }
  let cmds: SedCmd[];
  try { cmds = parseScript(scripts.join('\n'), o.flags.has('E') || o.flags.has('r')); } catch (e) {
    io.stderr(`sed: ${e instanceof SedError ? e.message : e instanceof RegexError ? `-e expression #1, char 0: ${e.message}` : String(e)}\n`);
    return 1;
  }
  const run = (text: string): { out: string; quit: boolean } => {
    const ls = lines(text);
    let out = '';
    for (let n = 0; n < ls.length; n++) {
      let line = ls[n]!;
      let deleted = false;
      let quit = false;
      const matches = (a: Addr) => (a.k === 'line' ? a.n === n + 1 : a.k === 'last' ? n === ls.length - 1 : (a.re.lastIndex = 0, a.re.test(line)));
      for (const c of cmds) {
        let sel = true;
        if (c.a1 && c.a2) {
          if (c.inRange) { sel = true; if (matches(c.a2) || (c.a2.k === 'line' && c.a2.n <= n + 1)) c.inRange = false; }
          else if (matches(c.a1)) { sel = true; c.inRange = !(c.a2.k === 'line' && c.a2.n <= n + 1); }
          else sel = false;
        } else if (c.a1) sel = matches(c.a1);
        if (c.negate) sel = !sel;
        if (!sel) continue;
        if (c.op === 'p') out += line + '\n';
        else if (c.op === 'd') { deleted = true; break; }
        else if (c.op === '=') out += `${n + 1}\n`;
        else if (c.op === 'q') { quit = true; break; }
        else if (c.op === 's') {
          const re = c.re!;
          re.lastIndex = 0;
          let count = 0;
          let result = '';
          let last = 0;
          let did = false;
          for (let m = re.exec(line); m; m = re.exec(line)) {
            count++;
            if (m[0] === '') re.lastIndex++;
            if ((c.nth && count === c.nth) || (!c.nth && (c.global || count === 1)) || (c.nth && c.global && count >= c.nth)) {
              result += line.slice(last, m.index) + replacement(c.rep!, m);
              last = m.index + m[0].length;
              did = true;
              if (!c.global && !c.nth) break;
              if (c.nth && !c.global) break;
            }
          }
          if (did) { line = result + line.slice(last); if (c.print) out += line + '\n'; }
        }
      }
      if (!deleted && !o.flags.has('n')) out += line + '\n';
      if (quit) return { out, quit: true };
    }
    return { out, quit: false };
  };
  const files = operands.length ? operands : ['-'];
  let code = 0;
  if (o.flags.has('i')) {
    for (const f of files) {
      const text = readOperand('sed', f, io, (file, err) => `sed: can't read ${file}: ${err}\n`);
      if (text === undefined) { code = 4; continue; }
      io.fs.writeFile(io.fs.resolve(io.cwd, f), run(text).out);
    }
    return code;
  }
  let all = '';
  for (const f of files) {
    const text = readOperand('sed', f, io, (file, err) => `sed: can't read ${file}: ${err}\n`);
    if (text === undefined) { code = 2; continue; }
    all += text;
  }
  io.stdout(run(all).out);
  return code;
};
