/**
 * Recursive-descent parser for the subset of the POSIX shell grammar kubelab supports:
 * lists (`;`, `&`, newline), and-or lists, pipelines (with `!`), simple commands with
 * assignments and redirects, and `( ... )` subshells. Errors name the token bash names.
 */
import type { AndOr, Assignment, Command, IfClause, List, ParseResult, Pipeline, Redirect, RedirectOp, SimpleCommand, Word } from './ast.js';
import { Lexer, NeedMore, type Token } from './lexer.js';

class SyntaxError_ extends Error { constructor(readonly token: string) { super(token); } }

/** Words that end a list inside a compound command; elsewhere they are syntax errors. */
const RESERVED_ENDS = new Set(['do', 'done', 'then', 'elif', 'else', 'fi']);

/** An unquoted word typed exactly as `w` (reserved words only count unquoted). */
function isWord(t: Token, w: string): boolean {
  return t.t === 'word' && t.word.raw === w && t.word.parts.every((p) => p.k === 'lit' && !p.quoted);
}

const REDIRECT_OPS = new Set(['>', '>>', '<', '>&', '<&', '&>', '&>>', '<<', '<<-', '<<<', '>|']);

export function parse(src: string): ParseResult {
  try {
    const p = new Parser(new Lexer(src));
    const list = p.parseProgram();
    return { kind: 'ok', list };
  } catch (e) {
    if (e instanceof NeedMore) return e.matching ? { kind: 'incomplete', matching: e.matching } : { kind: 'incomplete' };
    if (e instanceof SyntaxError_) return { kind: 'error', token: e.token };
    throw e;
  }
}

function tokenText(t: Token): string {
  if (t.t === 'op') return t.op;
  if (t.t === 'word') return t.word.raw;
  return 'newline';
}

class Parser {
  private la: Token | null = null;

  constructor(private readonly lx: Lexer) {}

  private peek(): Token { return (this.la ??= this.lx.next()); }
  private take(): Token { const t = this.peek(); this.la = null; return t; }
  private isOp(op: string): boolean { const t = this.peek(); return t.t === 'op' && t.op === op; }

  private skipNewlines(): void { while (this.peek().t === 'nl') this.take(); }

  /** A line that ends where a command must follow (`ls |`): bash asks for more input. */
  private needCommandAfterOperator(): void {
    this.skipNewlines();
    if (this.peek().t === 'eof') throw new NeedMore();
  }

  parseProgram(): List {
    const list = this.parseList(false);
    const t = this.peek();
    if (t.t !== 'eof') throw new SyntaxError_(tokenText(t));
    return list;
  }

  /**
   * `inParens`: stop at `)` (subshell body); `stops`: reserved words that end this list
   * (`done`, `fi`, ...). Input ending inside either means more input.
   */
  private parseList(inParens: boolean, stops: string[] = []): List {
    const items: List['items'] = [];
    const nested = inParens || stops.length > 0;
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (t.t === 'eof') {
        if (nested) throw new NeedMore();
        return { items };
      }
      const atStop = (inParens && this.isOp(')')) || stops.some((w) => isWord(t, w));
      if (atStop) {
        if (items.length === 0) throw new SyntaxError_(tokenText(t));
        return { items };
      }
      const andOr = this.parseAndOr();
      let background = false;
      const sep = this.peek();
      if (sep.t === 'op' && (sep.op === ';' || sep.op === '&')) {
        this.take();
        background = sep.op === '&';
      } else if (sep.t === 'nl') {
        this.take();
      } else if (!(sep.t === 'eof' || (inParens && sep.t === 'op' && sep.op === ')') || stops.some((w) => isWord(sep, w)))) {
        throw new SyntaxError_(tokenText(sep));
      }
      items.push({ andOr, background });
    }
  }

  /** Consumes the reserved word `w` or fails naming what is there instead. */
  private expectWord(w: string): void {
    this.skipNewlines();
    const t = this.peek();
    if (t.t === 'eof') throw new NeedMore();
    if (!isWord(t, w)) throw new SyntaxError_(tokenText(t));
    this.take();
  }

  private redirectsAfterCompound(): Redirect[] {
    const redirects: Redirect[] = [];
    while (this.peekRedirect()) redirects.push(this.parseRedirect());
    const t = this.peek();
    if (t.t === 'word') throw new SyntaxError_(t.word.raw);
    return redirects;
  }

  private parseFor(): Command {
    const nameTok = this.take();
    if (nameTok.t === 'eof') throw new NeedMore();
    if (nameTok.t !== 'word' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(nameTok.word.raw)) {
      if (nameTok.t === 'word') throw new SyntaxError_(nameTok.word.raw);
      throw new SyntaxError_(tokenText(nameTok));
    }
    const words: Word[] = [];
    this.skipNewlines();
    if (isWord(this.peek(), 'in')) {
      this.take();
      for (;;) {
        const t = this.peek();
        if (t.t !== 'word') break;
        this.take();
        words.push(t.word);
      }
    }
    const sep = this.peek();
    if (sep.t === 'op' && sep.op === ';') this.take();
    else if (sep.t === 'eof') throw new NeedMore();
    else if (sep.t !== 'nl' && !isWord(sep, 'do')) throw new SyntaxError_(tokenText(sep));
    this.expectWord('do');
    const body = this.parseList(false, ['done']);
    this.expectWord('done');
    return { t: 'for', name: nameTok.word.raw, words, body, redirects: this.redirectsAfterCompound() };
  }

  private parseWhile(until: boolean): Command {
    const cond = this.parseList(false, ['do']);
    this.expectWord('do');
    const body = this.parseList(false, ['done']);
    this.expectWord('done');
    return { t: 'while', until, cond, body, redirects: this.redirectsAfterCompound() };
  }

  private parseIf(): Command {
    const branches: IfClause['branches'] = [];
    let elseBody: List | undefined;
    for (;;) {
      const cond = this.parseList(false, ['then']);
      this.expectWord('then');
      const body = this.parseList(false, ['elif', 'else', 'fi']);
      branches.push({ cond, body });
      this.skipNewlines();
      const t = this.take();
      if (isWord(t, 'elif')) continue;
      if (isWord(t, 'else')) {
        elseBody = this.parseList(false, ['fi']);
        this.expectWord('fi');
      }
      break;
    }
    return { t: 'if', branches, elseBody, redirects: this.redirectsAfterCompound() };
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const t = this.peek();
      if (t.t !== 'op' || (t.op !== '&&' && t.op !== '||')) return { first, rest };
      this.take();
      this.needCommandAfterOperator();
      rest.push({ op: t.op, pipeline: this.parsePipeline() });
    }
  }

  private parsePipeline(): Pipeline {
    let negate = false;
    const t0 = this.peek();
    if (t0.t === 'word' && t0.word.raw === '!') { this.take(); negate = true; }
    const cmds: Command[] = [this.parseCommand()];
    while (this.isOp('|')) {
      this.take();
      this.needCommandAfterOperator();
      cmds.push(this.parseCommand());
    }
    return { negate, cmds };
  }

  private parseCommand(): Command {
    const first = this.peek();
    if (isWord(first, 'for')) { this.take(); return this.parseFor(); }
    if (isWord(first, 'while') || isWord(first, 'until')) { this.take(); return this.parseWhile(first.t === 'word' && first.word.raw === 'until'); }
    if (isWord(first, 'if')) { this.take(); return this.parseIf(); }
    if (first.t === 'word' && RESERVED_ENDS.has(first.word.raw) && isWord(first, first.word.raw)) throw new SyntaxError_(first.word.raw);
    if (this.isOp('(')) {
      this.take();
      const list = this.parseList(true);
      this.take(); // ')'
      const redirects: Redirect[] = [];
      while (this.peekRedirect()) redirects.push(this.parseRedirect());
      const t = this.peek();
      if (t.t === 'word') throw new SyntaxError_(t.word.raw);
      return { t: 'subshell', list, redirects };
    }
    const cmd: SimpleCommand = { t: 'cmd', assigns: [], words: [], redirects: [] };
    for (;;) {
      const t = this.peek();
      if (this.peekRedirect()) { cmd.redirects.push(this.parseRedirect()); continue; }
      if (t.t === 'word') {
        this.take();
        const a = cmd.words.length === 0 ? asAssignment(t.word) : null;
        if (a) cmd.assigns.push(a);
        else cmd.words.push(t.word);
        continue;
      }
      if (t.t === 'op' && t.op === '(' ) throw new SyntaxError_('(');
      break;
    }
    if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirects.length === 0) {
      throw new SyntaxError_(tokenText(this.peek()));
    }
    return cmd;
  }

  private peekRedirect(): boolean {
    const t = this.peek();
    return (t.t === 'op' && REDIRECT_OPS.has(t.op)) || (t.t === 'word' && t.io !== undefined);
  }

  private parseRedirect(): Redirect {
    let fd: number | undefined;
    const first = this.take();
    let opTok = first;
    if (first.t === 'word') { fd = first.io; opTok = this.take(); }
    const op = (opTok as { op: string }).op as RedirectOp;
    const target = this.take();
    if (target.t !== 'word') throw new SyntaxError_(tokenText(target));
    const defaultFd = op.startsWith('<') ? 0 : 1;
    const r: Redirect = { fd: fd ?? defaultFd, op, target: target.word };
    if (op === '<<' || op === '<<-') this.lx.addHeredoc(r);
    return r;
  }
}

function asAssignment(w: Word): Assignment | null {
  const first = w.parts[0];
  if (first?.k !== 'lit' || first.quoted) return null;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.text);
  if (!m) return null;
  const rest = first.text.slice(m[0].length);
  const parts = [...(rest ? [{ ...first, text: rest }] : []), ...w.parts.slice(1)];
  return { name: m[1]!, value: { parts, raw: w.raw.slice(m[0].length) } };
}
