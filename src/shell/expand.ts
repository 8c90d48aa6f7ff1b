/**
 * Word expansion in POSIX order: tilde, parameters, command substitution, field splitting
 * (only of unquoted results), pathname expansion (`*`, `?`, `[...]` against the host's fs),
 * then quote removal (implicit: parts already carry their text without quotes).
 */
import type { Word } from './parser/ast.js';
import type { FileSystem } from './command.js';

export interface ExpandEnv {
  getVar(name: string): string | undefined;
  home(): string;
  /** Runs `$(...)` and returns its stdout (trailing newlines are stripped here). */
  substitute(source: string): Promise<string>;
  /** Runs `<(...)` and returns the /dev/fd path that holds its output. */
  processSubstitute?(source: string, dir: '<' | '>'): Promise<string>;
  fs: FileSystem;
  cwd: string;
}

interface Seg { text: string; quoted: boolean }

export async function expandWords(words: Word[], env: ExpandEnv): Promise<string[]> {
  const out: string[] = [];
  for (const w of words) out.push(...(await expandWord(w, env)));
  return out;
}

/** One word to zero or more fields. */
export async function expandWord(w: Word, env: ExpandEnv, split = true): Promise<string[]> {
  const fields: Seg[][] = [[]];
  let keep = [false];
  const cur = () => fields[fields.length - 1]!;
  const pushSplit = (value: string) => {
    const pieces = value.split(/[ \t\n]+/);
    pieces.forEach((p, i) => {
      if (i > 0 && (cur().length > 0 || keep[keep.length - 1])) { fields.push([]); keep.push(false); }
      if (p) cur().push({ text: p, quoted: true });
    });
  };
  for (const part of w.parts) {
    if (part.k === 'tilde') { cur().push({ text: env.home(), quoted: true }); keep[keep.length - 1] = true; continue; }
    if (part.k === 'proc') {
      cur().push({ text: env.processSubstitute ? await env.processSubstitute(part.source, part.dir) : '', quoted: true });
      keep[keep.length - 1] = true;
      continue;
    }
    if (part.k === 'lit') {
      cur().push({ text: part.text, quoted: part.quoted });
      if (part.quoted || part.text) keep[keep.length - 1] = true;
      continue;
    }
    const value = part.k === 'var' ? expandParam(part.name, env)
      : part.k === 'arith' ? arithmetic(await expandText(part.expr, env), env)
      : (await env.substitute(part.source)).replace(/\n+$/, '');
    if (part.quoted || !split) { cur().push({ text: value, quoted: true }); keep[keep.length - 1] = true; }
    else pushSplit(value);
  }
  const result: string[] = [];
  fields.forEach((segs, i) => {
    if (!keep[i] && segs.every((s) => s.text === '')) return;
    const hasGlob = split && segs.some((s) => !s.quoted && /[*?[]/.test(s.text));
    const text = segs.map((s) => s.text).join('');
    if (hasGlob) {
      const matches = glob(segs, env.fs, env.cwd);
      if (matches.length) { result.push(...matches); return; }
    }
    result.push(text);
  });
  return result;
}

/** `${X}`, `${X:-default}`, `${#X}` and the specials (`$?` is served by getVar). */
function expandParam(name: string, env: ExpandEnv): string {
  if (name.startsWith('#') && name.length > 1) return String((env.getVar(name.slice(1)) ?? '').length);
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(:?[-=+])(.*)$/.exec(name);
  if (m) {
    const v = env.getVar(m[1]!);
    const unsetOrEmpty = m[2]!.startsWith(':') ? !v : v === undefined;
    if (m[2]!.endsWith('+')) return unsetOrEmpty ? '' : m[3]!;
    return unsetOrEmpty ? m[3]! : v!;
  }
  return env.getVar(name) ?? '';
}

/** Expands for a heredoc body or other "double-quoted" context: variables and $(...) only. */
export async function expandText(text: string, env: ExpandEnv): Promise<string> {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length && '$`\\'.includes(text[i + 1]!)) { out += text[++i]; continue; }
    if (c === '$' && text[i + 1] === '(') {
      let depth = 1; let j = i + 2;
      for (; j < text.length && depth; j++) { if (text[j] === '(') depth++; else if (text[j] === ')') depth--; }
      const inner = text.slice(i + 2, j - 1);
      out += inner.startsWith('(') && inner.endsWith(')')
        ? arithmetic(await expandText(inner.slice(1, -1), env), env)
        : (await env.substitute(inner)).replace(/\n+$/, '');
      i = j - 1;
      continue;
    }
    if (c === '$' && text[i + 1] === '{') {
      const end = text.indexOf('}', i);
      if (end > 0) { out += expandParam(text.slice(i + 2, end), env); i = end; continue; }
    }
    if (c === '$') {
      const m = /^([A-Za-z_][A-Za-z0-9_]*|[?$#0-9])/.exec(text.slice(i + 1));
      if (m) { out += expandParam(m[1]!, env); i += m[1]!.length; continue; }
    }
    out += c;
  }
  return out;
}

// ---- arithmetic expansion ----

/** Integer arithmetic as in `$(( ))`: + - * / % ** comparisons && || ! and parentheses. */
export function arithmetic(expr: string, env: Pick<ExpandEnv, 'getVar'>): string {
  const toks = expr.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|<=|>=|==|!=|&&|\|\||[-+*/%()<>!]/g) ?? [];
  let i = 0;
  const peek = () => toks[i];
  const num = (t: string) => (/^\d/.test(t) ? parseInt(t, 10) : parseInt(env.getVar(t) ?? '0', 10) || 0);
  const bin = (next: () => number, ops: Record<string, (a: number, b: number) => number>) => (): number => {
    let a = next();
    while (peek() !== undefined && ops[peek()!]) { const op = toks[i++]!; a = ops[op]!(a, next()); }
    return a;
  };
  const primary = (): number => {
    const t = toks[i++];
    if (t === undefined) return 0;
    if (t === '(') { const v = or(); i++; return v; }
    if (t === '-') return -primary();
    if (t === '+') return primary();
    if (t === '!') return primary() ? 0 : 1;
    return num(t);
  };
  const pow = (): number => { const a = primary(); if (peek() === '**') { i++; return a ** pow(); } return a; };
  const mul = bin(pow, { '*': (a, b) => a * b, '/': (a, b) => (b === 0 ? NaN : Math.trunc(a / b)), '%': (a, b) => (b === 0 ? NaN : a % b) });
  const add = bin(mul, { '+': (a, b) => a + b, '-': (a, b) => a - b });
  const cmp = bin(add, { '<': (a, b) => +(a < b), '>': (a, b) => +(a > b), '<=': (a, b) => +(a <= b), '>=': (a, b) => +(a >= b) });
  const eq = bin(cmp, { '==': (a, b) => +(a === b), '!=': (a, b) => +(a !== b) });
  const and = bin(eq, { '&&': (a, b) => +(a !== 0 && b !== 0) });
  const or = bin(and, { '||': (a, b) => +(a !== 0 || b !== 0) });
  const v = or();
  return Number.isFinite(v) ? String(v) : '0';
}

// ---- pathname expansion ----

function globToRegExp(segs: Seg[]): RegExp {
  let re = '';
  for (const s of segs) {
    if (s.quoted) { re += escapeRe(s.text); continue; }
    for (let i = 0; i < s.text.length; i++) {
      const c = s.text[i]!;
      if (c === '*') re += '[^/]*';
      else if (c === '?') re += '[^/]';
      else if (c === '[') {
        const end = s.text.indexOf(']', i + 2);
        if (end < 0) { re += '\\['; continue; }
        let cls = s.text.slice(i + 1, end);
        if (cls.startsWith('!')) cls = '^' + cls.slice(1);
        re += '[' + cls.replace(/\\/g, '\\\\') + ']';
        i = end;
      } else re += escapeRe(c);
    }
  }
  return new RegExp('^' + re + '$');
}

function escapeRe(s: string): string { return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'); }

/** Splits the word's segments at unquoted or quoted `/` into per-component segment lists. */
function splitComponents(segs: Seg[]): Seg[][] {
  const comps: Seg[][] = [[]];
  for (const s of segs) {
    const pieces = s.text.split('/');
    pieces.forEach((p, i) => {
      if (i > 0) comps.push([]);
      if (p) comps[comps.length - 1]!.push({ text: p, quoted: s.quoted });
    });
  }
  return comps;
}

function glob(segs: Seg[], fs: FileSystem, cwd: string): string[] {
  const text = segs.map((s) => s.text).join('');
  const absolute = text.startsWith('/');
  const comps = splitComponents(segs).filter((c, i) => c.length > 0 || i === 0);
  let paths: string[] = [absolute ? '/' : ''];
  const compsToWalk = absolute ? comps.slice(1) : comps;
  for (const comp of compsToWalk) {
    const hasGlob = comp.some((s) => !s.quoted && /[*?[]/.test(s.text));
    const name = comp.map((s) => s.text).join('');
    const next: string[] = [];
    for (const base of paths) {
      const dirAbs = fs.resolve(cwd, base || '.');
      if (!hasGlob) {
        const p = joinPath(base, name);
        if (fs.exists(fs.resolve(cwd, p))) next.push(p);
        continue;
      }
      if (!fs.isDir(dirAbs)) continue;
      const re = globToRegExp(comp);
      const dotOk = name.startsWith('.');
      for (const entry of fs.readdir(dirAbs)) {
        if (entry.startsWith('.') && !dotOk) continue;
        if (re.test(entry)) next.push(joinPath(base, entry));
      }
    }
    paths = next;
    if (!paths.length) return [];
  }
  if (text.endsWith('/')) paths = paths.filter((p) => fs.isDir(fs.resolve(cwd, p))).map((p) => p + '/');
  return paths.sort();
}

function joinPath(base: string, name: string): string {
  if (base === '') return name;
  if (base.endsWith('/')) return base + name;
  return base + '/' + name;
}
