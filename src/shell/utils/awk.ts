/**
 * A small awk: `awk [-F SEP] [-v X=1] 'PROGRAM' [FILE...]` with BEGIN/END, /re/ and expression
 * patterns, and actions made of print, printf, assignments (= += -= ++) and if. Fields $N,
 * $NF, NR, NF; string/number semantics as awk (numeric strings compare as numbers).
 */
import type { Command } from '../command.js';
import { lastValue, lines, parseOpts, readOperand } from './common.js';
import { compilePosix } from './regex.js';
import { printf as printfCmd } from './echo.js';

type Tok = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 're'; v: string } | { t: 'id'; v: string } | { t: 'op'; v: string };
type Expr =
  | { k: 'num'; v: number } | { k: 'str'; v: string } | { k: 're'; re: RegExp }
  | { k: 'field'; e: Expr } | { k: 'var'; name: string }
  | { k: 'bin'; op: string; a: Expr; b: Expr } | { k: 'not'; e: Expr } | { k: 'neg'; e: Expr }
  | { k: 'assign'; op: string; target: Expr; e: Expr } | { k: 'incr'; op: string; target: Expr; post: boolean }
  | { k: 'concat'; a: Expr; b: Expr } | { k: 'call'; name: string; args: Expr[] };
type Stmt = { k: 'print'; args: Expr[]; printf: boolean } | { k: 'expr'; e: Expr } | { k: 'if'; c: Expr; then: Stmt[]; else: Stmt[] } | { k: 'next' };
interface Rule { pattern: 'BEGIN' | 'END' | Expr | null; body: Stmt[] | null }

class AwkError extends Error {}

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const prevAllowsRegex = () => {
    const p = out[out.length - 1];
    return !p || (p.t === 'op' && p.v !== ')' && p.v !== '$');
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t') { i++; continue; }
    if (c === '\n' || c === ';') { out.push({ t: 'op', v: ';' }); i++; continue; }
    if (c === '#') { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (/\d/.test(c) || (c === '.' && /\d/.test(src[i + 1] ?? ''))) {
      const m = /^\d*\.?\d+(e[+-]?\d+)?|^\d+/.exec(src.slice(i))!;
      out.push({ t: 'num', v: Number(m[0]) }); i += m[0].length; continue;
    }
    if (c === '"') {
      let s = ''; i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '\\') { const n = src[i + 1]!; s += n === 'n' ? '\n' : n === 't' ? '\t' : n; i += 2; } else s += src[i++];
      }
      i++;
      out.push({ t: 'str', v: s });
      continue;
    }
    if (c === '/' && prevAllowsRegex()) {
      let s = ''; i++;
      while (i < src.length && src[i] !== '/') { if (src[i] === '\\') { s += src[i]! + src[i + 1]!; i += 2; } else s += src[i++]; }
      i++;
      out.push({ t: 're', v: s });
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (id) { out.push({ t: 'id', v: id[0] }); i += id[0].length; continue; }
    const op = ['+=', '-=', '*=', '/=', '++', '--', '==', '!=', '<=', '>=', '&&', '||', '!~'].find((o) => src.startsWith(o, i)) ?? c;
    out.push({ t: 'op', v: op });
    i += op.length;
  }
  return out;
}

class Parser {
  i = 0;
  constructor(private toks: Tok[]) {}
  peek(): Tok | undefined { return this.toks[this.i]; }
  isOp(v: string): boolean { const t = this.peek(); return t?.t === 'op' && t.v === v; }
  expectOp(v: string): void { if (!this.isOp(v)) throw new AwkError('syntax error'); this.i++; }
  skipSemis(): void { while (this.isOp(';')) this.i++; }

  program(): Rule[] {
    const rules: Rule[] = [];
    this.skipSemis();
    while (this.peek()) {
      let pattern: Rule['pattern'] = null;
      const t = this.peek()!;
      if (t.t === 'id' && (t.v === 'BEGIN' || t.v === 'END')) { pattern = t.v; this.i++; }
      else if (!this.isOp('{')) pattern = this.expr();
      const body = this.isOp('{') ? this.block() : null;
      rules.push({ pattern, body });
      this.skipSemis();
    }
    return rules;
  }

  block(): Stmt[] {
    this.expectOp('{');
    const out: Stmt[] = [];
    this.skipSemis();
    while (!this.isOp('}')) {
      if (!this.peek()) throw new AwkError('syntax error');
      out.push(this.stmt());
      this.skipSemis();
    }
    this.i++;
    return out;
  }

  stmt(): Stmt {
    const t = this.peek()!;
    if (t.t === 'id' && (t.v === 'print' || t.v === 'printf')) {
      this.i++;
      const args: Expr[] = [];
      const paren = this.isOp('(');
      if (paren) this.i++;
      while (this.peek() && !this.isOp(';') && !this.isOp('}') && !(paren && this.isOp(')'))) {
        args.push(this.expr(true));
        if (this.isOp(',')) this.i++;
      }
      if (paren) this.expectOp(')');
      return { k: 'print', args, printf: t.v === 'printf' };
    }
    if (t.t === 'id' && t.v === 'next') { this.i++; return { k: 'next' }; }
    if (t.t === 'id' && t.v === 'if') {
      this.i++;
      this.expectOp('(');
      const c = this.expr();
      this.expectOp(')');
      this.skipSemis();
      const then = this.isOp('{') ? this.block() : [this.stmt()];
      this.skipSemis();
      let els: Stmt[] = [];
      const e = this.peek();
      if (e?.t === 'id' && e.v === 'else') { this.i++; this.skipSemis(); els = this.isOp('{') ? this.block() : [this.stmt()]; }
      return { k: 'if', c, then, else: els };
    }
    return { k: 'expr', e: this.expr() };
  }

  expr(noGt = false): Expr { return this.assign(noGt); }

  assign(noGt: boolean): Expr {
    const left = this.or(noGt);
    const t = this.peek();
    if (t?.t === 'op' && ['=', '+=', '-=', '*=', '/='].includes(t.v) && (left.k === 'var' || left.k === 'field')) {
      this.i++;
      return { k: 'assign', op: t.v, target: left, e: this.assign(noGt) };
    }
    return left;
  }
  or(noGt: boolean): Expr { let a = this.and(noGt); while (this.isOp('||')) { this.i++; a = { k: 'bin', op: '||', a, b: this.and(noGt) }; } return a; }
  and(noGt: boolean): Expr { let a = this.match(noGt); while (this.isOp('&&')) { this.i++; a = { k: 'bin', op: '&&', a, b: this.match(noGt) }; } return a; }
  match(noGt: boolean): Expr {
    let a = this.cmp(noGt);
    while (this.isOp('~') || this.isOp('!~')) { const op = (this.toks[this.i++] as { v: string }).v; a = { k: 'bin', op, a, b: this.cmp(noGt) }; }
    return a;
  }
  cmp(noGt: boolean): Expr {
    const a = this.concat();
    const t = this.peek();
    if (t?.t === 'op' && ['==', '!=', '<', '<=', '>=', ...(noGt ? [] : ['>'])].includes(t.v)) { this.i++; return { k: 'bin', op: t.v, a, b: this.concat() }; }
    return a;
  }
  concat(): Expr {
    let a = this.additive();
    for (;;) {
      const t = this.peek();
      if (!t || (t.t === 'op' && !['$', '(', '!', '-', '++', '--'].includes(t.v)) || (t.t === 'id' && ['in', 'else'].includes(t.v))) return a;
      if (t.t === 'op' && t.v === '-') return a;
      a = { k: 'concat', a, b: this.additive() };
    }
  }
  additive(): Expr {
    let a = this.mult();
    while (this.isOp('+') || this.isOp('-')) { const op = (this.toks[this.i++] as { v: string }).v; a = { k: 'bin', op, a, b: this.mult() }; }
    return a;
  }
  mult(): Expr {
    let a = this.unary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) { const op = (this.toks[this.i++] as { v: string }).v; a = { k: 'bin', op, a, b: this.unary() }; }
    return a;
  }
  unary(): Expr {
    if (this.isOp('!')) { this.i++; return { k: 'not', e: this.unary() }; }
    if (this.isOp('-')) { this.i++; return { k: 'neg', e: this.unary() }; }
    if (this.isOp('++') || this.isOp('--')) { const op = (this.toks[this.i++] as { v: string }).v; return { k: 'incr', op, target: this.primary(), post: false }; }
    const p = this.primary();
    if ((this.isOp('++') || this.isOp('--')) && (p.k === 'var' || p.k === 'field')) { const op = (this.toks[this.i++] as { v: string }).v; return { k: 'incr', op, target: p, post: true }; }
    return p;
  }
  primary(): Expr {
    const t = this.toks[this.i++];
    if (!t) throw new AwkError('syntax error');
    if (t.t === 'num') return { k: 'num', v: t.v };
    if (t.t === 'str') return { k: 'str', v: t.v };
    if (t.t === 're') return { k: 're', re: compilePosix(t.v, { extended: true }) };
    if (t.t === 'id') {
      if (this.isOp('(') && ['length', 'toupper', 'tolower', 'substr', 'int', 'index'].includes(t.v)) {
        this.i++;
        const args: Expr[] = [];
        while (!this.isOp(')')) { args.push(this.expr()); if (this.isOp(',')) this.i++; else if (!this.isOp(')')) throw new AwkError('syntax error'); }
        this.i++;
        return { k: 'call', name: t.v, args };
      }
      if (t.v === 'length') return { k: 'call', name: 'length', args: [] };
      return { k: 'var', name: t.v };
    }
    if (t.v === '$') return { k: 'field', e: this.primaryForField() };
    if (t.v === '(') { const e = this.expr(); this.expectOp(')'); return e; }
    throw new AwkError('syntax error');
  }
  primaryForField(): Expr {
    if (this.isOp('(')) { this.i++; const e = this.expr(); this.expectOp(')'); return e; }
    return this.primary();
  }
}

type Val = string | number;
const num = (v: Val): number => (typeof v === 'number' ? v : parseFloat(v) || 0);
const str = (v: Val): string => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)))) : v);
const looksNumeric = (v: Val) => typeof v === 'number' || /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(v);

export const awk: Command = async (args, io) => {
  const o = parseOpts('awk', args, io, { values: 'Fvf', longMap: { 'field-separator': 'F' } });
  if (!o) return 2;
  const [progText, ...files] = o.operands;
  if (progText === undefined) { io.stderr('usage: awk [-F fs][-v var=value][prog | -f progfile][file ...]\n'); return 2; }
  let rules: Rule[];
  try { rules = new Parser(tokenize(progText)).program(); } catch {
    io.stderr(`awk: line 1: syntax error at or near end of line\n`);
    return 2;
  }
  const vars: Record<string, Val> = { NR: 0, NF: 0, FS: lastValue(o, 'F') ?? ' ', OFS: ' ', ORS: '\n' };
  for (const v of o.values.get('v') ?? []) { const [k, ...rest] = v.split('='); vars[k!] = rest.join('='); }
  if (vars.FS === 't') vars.FS = '\t';
  let fields: string[] = [];
  let record = '';
  let out = '';
  const split = (line: string) => {
    record = line;
    const fs = str(vars.FS!);
    fields = fs === ' ' ? line.trim().split(/[ \t]+/).filter(Boolean) : fs.length === 1 ? line.split(fs) : line.split(new RegExp(fs));
    if (line === '') fields = [];
    vars.NF = fields.length;
  };
  const getField = (n: number): string => (n === 0 ? record : fields[n - 1] ?? '');
  const setLv = (target: Expr, v: Val) => {
    if (target.k === 'var') vars[target.name] = v;
    else if (target.k === 'field') {
      const n = num(evalE(target.e));
      if (n === 0) split(str(v));
      else { while (fields.length < n) fields.push(''); fields[n - 1] = str(v); vars.NF = fields.length; record = fields.join(str(vars.OFS!)); }
    }
  };
  const evalE = (e: Expr): Val => {
    switch (e.k) {
      case 'num': return e.v;
      case 'str': return e.v;
      case 're': return e.re.test(record) ? 1 : 0;
      case 'field': return getField(num(evalE(e.e)));
      case 'var': return vars[e.name] ?? '';
      case 'not': return truthy(evalE(e.e)) ? 0 : 1;
      case 'neg': return -num(evalE(e.e));
      case 'concat': return str(evalE(e.a)) + str(evalE(e.b));
      case 'assign': {
        const v = evalE(e.e);
        const cur = evalE(e.target);
        const r = e.op === '=' ? v : e.op === '+=' ? num(cur) + num(v) : e.op === '-=' ? num(cur) - num(v) : e.op === '*=' ? num(cur) * num(v) : num(cur) / num(v);
        setLv(e.target, r);
        return r;
      }
      case 'incr': {
        const cur = num(evalE(e.target));
        const next = e.op === '++' ? cur + 1 : cur - 1;
        setLv(e.target, next);
        return e.post ? cur : next;
      }
      case 'call': {
        const a = e.args.map(evalE);
        if (e.name === 'length') return (a.length ? str(a[0]!) : record).length;
        if (e.name === 'toupper') return str(a[0] ?? '').toUpperCase();
        if (e.name === 'tolower') return str(a[0] ?? '').toLowerCase();
        if (e.name === 'int') return Math.trunc(num(a[0] ?? 0));
        if (e.name === 'index') return str(a[0] ?? '').indexOf(str(a[1] ?? '')) + 1;
        const s = str(a[0] ?? '');
        const start = Math.max(1, num(a[1] ?? 1));
        return a.length > 2 ? s.substr(start - 1, num(a[2]!)) : s.slice(start - 1);
      }
      case 'bin': {
        if (e.op === '&&') return truthy(evalE(e.a)) && truthy(evalE(e.b)) ? 1 : 0;
        if (e.op === '||') return truthy(evalE(e.a)) || truthy(evalE(e.b)) ? 1 : 0;
        if (e.op === '~' || e.op === '!~') {
          const re = e.b.k === 're' ? e.b.re : compilePosix(str(evalE(e.b)), { extended: true });
          const m = re.test(str(evalE(e.a)));
          return (e.op === '~') === m ? 1 : 0;
        }
        const a = evalE(e.a);
        const b = evalE(e.b);
        if (['==', '!=', '<', '<=', '>', '>='].includes(e.op)) {
          const numeric = looksNumeric(a) && looksNumeric(b);
          const x: Val = numeric ? num(a) : str(a);
          const y: Val = numeric ? num(b) : str(b);
          const r = e.op === '==' ? x === y : e.op === '!=' ? x !== y : e.op === '<' ? x < y : e.op === '<=' ? x <= y : e.op === '>' ? x > y : x >= y;
          return r ? 1 : 0;
        }
        const x = num(a); const y = num(b);
        return e.op === '+' ? x + y : e.op === '-' ? x - y : e.op === '*' ? x * y : e.op === '/' ? x / y : x % y;
      }
    }
  };
  const truthy = (v: Val) => (typeof v === 'number' ? v !== 0 : v !== '');
  class Next {}
  const exec = async (body: Stmt[]): Promise<void> => {
    for (const s of body) {
      if (s.k === 'next') throw new Next();
      if (s.k === 'expr') evalE(s.e);
      else if (s.k === 'if') await exec(truthy(evalE(s.c)) ? s.then : s.else);
      else if (s.printf) {
        const vals = s.args.map((a) => str(evalE(a)));
        await printfCmd(vals, { ...io, stdout: (t: string) => { out += t; } });
      } else {
        const vals = s.args.length ? s.args.map((a) => str(evalE(a))) : [record];
        out += vals.join(str(vars.OFS!)) + str(vars.ORS!);
      }
    }
  };
  for (const r of rules) if (r.pattern === 'BEGIN' && r.body) await exec(r.body);
  const main = rules.filter((r) => r.pattern !== 'BEGIN' && r.pattern !== 'END');
  let code = 0;
  if (main.length || rules.some((r) => r.pattern === 'END')) {
    for (const f of files.length ? files : ['-']) {
      const text = f === '-' ? io.stdin : readOperand('awk', f, io, (file, err) => `awk: cannot open ${file} (${err})\n`);
      if (text === undefined) { code = 2; continue; }
      for (const line of lines(text)) {
        vars.NR = num(vars.NR!) + 1;
        split(line);
        try {
          for (const r of main) {
            if (r.pattern && !truthy(evalE(r.pattern as Expr))) continue;
            if (r.body) await exec(r.body);
            else out += record + str(vars.ORS!);
          }
        } catch (e) { if (!(e instanceof Next)) throw e; }
      }
    }
  }
  for (const r of rules) if (r.pattern === 'END' && r.body) await exec(r.body);
  io.stdout(out);
  return code;
};
