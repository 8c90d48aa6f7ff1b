/**
 * Tokeniser for a bash-like shell. Lazy: the parser pulls tokens one at a time, so a syntax
 * error before an unclosed quote is reported first, as bash does. Heredoc bodies are read
 * at the newline that ends the line holding their `<<` operators.
 */
import type { Redirect, Word, WordPart } from './ast.js';

export type Token =
  | { t: 'word'; word: Word; io?: number }
  | { t: 'op'; op: string }
  | { t: 'nl' }
  | { t: 'eof' };

/** Thrown when the input ends inside a construct: the caller asks for another line. */
export class NeedMore extends Error {
  /** The closing character bash was looking for (`"`, `'`, `` ` ``, `)`, `}`), if any. */
  constructor(readonly matching?: string) { super('incomplete'); }
}

const OPS = ['&>>', '<<-', '<<<', '&&', '||', ';;', '>>', '<<', '>&', '<&', '&>', '>|', '|', '&', ';', '(', ')', '<', '>'];
const META = new Set([' ', '\t', '\n', '|', '&', ';', '(', ')', '<', '>']);

export class Lexer {
  private pos = 0;
  private pendingHeredocs: Redirect[] = [];

  constructor(private readonly src: string) {}

  /** The parser registers a `<<` redirect; its body is read after the current line. */
  addHeredoc(r: Redirect): void { this.pendingHeredocs.push(r); }

  next(): Token {
    const s = this.src;
    for (;;) {
      while (this.pos < s.length && (s[this.pos] === ' ' || s[this.pos] === '\t')) this.pos++;
      if (s.startsWith('\\\n', this.pos)) { this.pos += 2; continue; }
      break;
    }
    if (this.pos >= s.length) {
      if (this.pendingHeredocs.length) throw new NeedMore();
      return { t: 'eof' };
    }
    const c = s[this.pos]!;
    if (c === '#') {
      while (this.pos < s.length && s[this.pos] !== '\n') this.pos++;
      return this.next();
    }
    if (c === '\n') {
      this.pos++;
      this.readHeredocBodies();
      return { t: 'nl' };
    }
    if ((c === '<' || c === '>') && s[this.pos + 1] === '(') {
      // Process substitution: a word of its own (`source <(kubectl completion bash)`, `diff <(a) <(b)`).
      const start = this.pos;
      const end = matchParen(s, this.pos + 2);
      this.pos = end + 1;
      return { t: 'word', word: { parts: [{ k: 'proc', source: s.slice(start + 2, end), dir: c }], raw: s.slice(start, this.pos) } };
    }
    for (const op of OPS) {
      if (s.startsWith(op, this.pos)) { this.pos += op.length; return { t: 'op', op }; }
    }
    const word = this.readWord();
    if (/^\d+$/.test(word.raw) && (s[this.pos] === '<' || s[this.pos] === '>')) return { t: 'word', word, io: Number(word.raw) };
    return { t: 'word', word };
  }

  private readHeredocBodies(): void {
    const s = this.src;
    for (const r of this.pendingHeredocs) {
      const delim = r.target.parts.map((p) => (p.k === 'lit' ? p.text : p.k === 'var' ? '$' + p.name : '')).join('');
      const expand = !r.target.parts.some((p) => p.k === 'lit' && p.quoted);
      const lines: string[] = [];
      for (;;) {
        if (this.pos >= s.length) throw new NeedMore();
        const nl = s.indexOf('\n', this.pos);
        const end = nl < 0 ? s.length : nl;
        let line = s.slice(this.pos, end);
        if (nl < 0 && line !== delim && (r.op !== '<<-' || line.replace(/^\t+/, '') !== delim)) throw new NeedMore();
        this.pos = nl < 0 ? s.length : nl + 1;
        if (r.op === '<<-') line = line.replace(/^\t+/, '');
        if (line === delim) break;
        lines.push(line);
      }
      r.heredoc = { body: lines.map((l) => l + '\n').join(''), expand };
    }
    this.pendingHeredocs = [];
  }

  private readWord(): Word {
    const s = this.src;
    const start = this.pos;
    const parts: WordPart[] = [];
    const lit = (text: string, quoted: boolean) => {
      const last = parts[parts.length - 1];
      if (last?.k === 'lit' && last.quoted === quoted) last.text += text;
      else parts.push({ k: 'lit', text, quoted });
    };
    if (s[this.pos] === '~' && (this.pos + 1 >= s.length || s[this.pos + 1] === '/' || META.has(s[this.pos + 1]!))) {
      parts.push({ k: 'tilde' });
      this.pos++;
    }
    while (this.pos < s.length && !META.has(s[this.pos]!)) {
      const c = s[this.pos]!;
      if (c === '\\') {
        if (this.pos + 1 >= s.length) throw new NeedMore();
        const n = s[this.pos + 1]!;
        this.pos += 2;
        if (n !== '\n') lit(n, true);
      } else if (c === "'") {
        const end = s.indexOf("'", this.pos + 1);
        if (end < 0) throw new NeedMore("'");
        lit(s.slice(this.pos + 1, end), true);
        this.pos = end + 1;
      } else if (c === '$' && s[this.pos + 1] === "'") {
        this.pos += 2;
        lit(this.readAnsiC(), true);
      } else if (c === '"') {
        this.pos++;
        this.readDouble(parts, lit);
      } else if (c === '$' || c === '`') {
        const p = this.readDollar(false);
        if (p) parts.push(p);
        else { lit('$', false); this.pos++; }
      } else {
        lit(c, false);
        this.pos++;
      }
    }
    return { parts, raw: s.slice(start, this.pos) };
  }

  private readDouble(parts: WordPart[], lit: (t: string, q: boolean) => void): void {
    const s = this.src;
    lit('', true); // "" is an empty argument, not nothing
    for (;;) {
      if (this.pos >= s.length) throw new NeedMore('"');
      const c = s[this.pos]!;
      if (c === '"') { this.pos++; return; }
      if (c === '\\') {
        if (this.pos + 1 >= s.length) throw new NeedMore('"');
        const n = s[this.pos + 1]!;
        this.pos += 2;
        if (n === '\n') continue;
        lit('$`"\\'.includes(n) ? n : '\\' + n, true);
      } else if (c === '$' || c === '`') {
        const p = this.readDollar(true);
        if (p) parts.push(p);
        else { lit('$', true); this.pos++; }
      } else {
        lit(c, true);
        this.pos++;
      }
    }
  }

  /** `$name`, `${name}`, `$?`, `$(...)` or a backquoted command; null for a lone `$`. */
  private readDollar(quoted: boolean): WordPart | null {
    const s = this.src;
    if (s[this.pos] === '`') {
      let i = this.pos + 1;
      let inner = '';
      for (;;) {
        if (i >= s.length) throw new NeedMore('`');
        if (s[i] === '\\' && i + 1 < s.length && '$`\\'.includes(s[i + 1]!)) { inner += s[i + 1]; i += 2; continue; }
        if (s[i] === '`') break;
        inner += s[i++];
      }
      this.pos = i + 1;
      return { k: 'sub', source: inner, quoted };
    }
    const n = s[this.pos + 1];
    if (n === '(') {
      const end = matchParen(s, this.pos + 2);
      const source = s.slice(this.pos + 2, end);
      this.pos = end + 1;
      if (source.startsWith('(') && source.endsWith(')')) return { k: 'arith', expr: source.slice(1, -1), quoted };
      return { k: 'sub', source, quoted };
    }
    if (n === '{') {
      const end = s.indexOf('}', this.pos + 2);
      if (end < 0) throw new NeedMore('}');
      const name = s.slice(this.pos + 2, end);
      this.pos = end + 1;
      return { k: 'var', name, quoted };
    }
    if (n !== undefined && /[?$#!@*0-9-]/.test(n)) { this.pos += 2; return { k: 'var', name: n, quoted }; }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(this.pos + 1));
    if (!m) return null;
    this.pos += 1 + m[0].length;
    return { k: 'var', name: m[0], quoted };
  }

  private readAnsiC(): string {
    const s = this.src;
    const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', '0': '\0' };
    let out = '';
    for (;;) {
      if (this.pos >= s.length) throw new NeedMore("'");
      const c = s[this.pos]!;
      if (c === "'") { this.pos++; return out; }
      if (c === '\\' && this.pos + 1 < s.length) {
        const n = s[this.pos + 1]!;
        out += map[n] ?? '\\' + n;
        this.pos += 2;
      } else { out += c; this.pos++; }
    }
  }
}

/** Index of the `)` closing a `$(` whose body starts at `i`, skipping quotes and nesting. */
function matchParen(s: string, i: number): number {
  let depth = 1;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '\\') { i += 2; continue; }
    if (c === "'") { const e = s.indexOf("'", i + 1); if (e < 0) throw new NeedMore(')'); i = e + 1; continue; }
    if (c === '"') {
      i++;
      while (i < s.length && s[i] !== '"') i += s[i] === '\\' ? 2 : 1;
      if (i >= s.length) throw new NeedMore(')');
      i++;
      continue;
    }
    if (c === '(') depth++;
    if (c === ')' && --depth === 0) return i;
    i++;
  }
  throw new NeedMore(')');
}
