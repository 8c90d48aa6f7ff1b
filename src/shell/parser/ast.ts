/**
 * The shell's syntax tree. Words keep their quoting so expansion can decide what is split,
 * globbed or left alone, the way POSIX word expansion does.
 */
export type WordPart =
  | { k: 'lit'; text: string; quoted: boolean }
  | { k: 'var'; name: string; quoted: boolean }
  /** $(...) or `...`: the inner source, parsed and run at expansion time. */
  | { k: 'sub'; source: string; quoted: boolean }
  /** $(( expr )): integer arithmetic. */
  | { k: 'arith'; expr: string; quoted: boolean }
  /** `<(...)` / `>(...)`: runs the list and stands for a /dev/fd path holding its output. */
  | { k: 'proc'; source: string; dir: '<' | '>' }
  /** A leading unquoted `~`. */
  | { k: 'tilde' };

export interface Word { parts: WordPart[]; raw: string }

export type RedirectOp = '>' | '>>' | '<' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<-' | '<<<' | '>|';

export interface Redirect {
  fd: number;
  op: RedirectOp;
  target: Word;
  /** Filled in by the lexer once the body lines have been read. */
  heredoc?: { body: string; expand: boolean };
}

export interface Assignment { name: string; value: Word }

export interface SimpleCommand { t: 'cmd'; assigns: Assignment[]; words: Word[]; redirects: Redirect[] }
export interface Subshell { t: 'subshell'; list: List; redirects: Redirect[] }
/** `for NAME [in WORDS]; do BODY; done` (no `in`: the positional parameters, none here). */
export interface ForLoop { t: 'for'; name: string; words: Word[]; body: List; redirects: Redirect[] }
/** `while COND; do BODY; done` and `until`. */
export interface WhileLoop { t: 'while'; until: boolean; cond: List; body: List; redirects: Redirect[] }
export interface IfClause { t: 'if'; branches: { cond: List; body: List }[]; elseBody?: List; redirects: Redirect[] }
export type Command = SimpleCommand | Subshell | ForLoop | WhileLoop | IfClause;

export interface Pipeline { negate: boolean; cmds: Command[] }
export interface AndOr { first: Pipeline; rest: { op: '&&' | '||'; pipeline: Pipeline }[] }
export interface List { items: { andOr: AndOr; background: boolean }[] }

export type ParseResult =
  | { kind: 'ok'; list: List }
  /** More input is needed: an open quote, heredoc, `\` at the end, or a trailing `|`/`&&`. */
  | { kind: 'incomplete'; matching?: string }
  /** `token` is what bash names in `syntax error near unexpected token`: an operator or 'newline'. */
  | { kind: 'error'; token: string };
