/**
 * POSIX regular expressions (GNU flavour) to JavaScript RegExp source. BRE: `\( \) \{ \} \| \+ \?`
 * are operators and their bare forms are literal; ERE: the reverse. Both: `\< \>` word edges,
 * `\b \w \s`, bracket expressions with `[:class:]` (where `\` is literal, as POSIX says).
 */
const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', word: 'A-Za-z0-9_', cntrl: '\\x00-\\x1f\\x7f', print: ' -~', graph: '!-~',
};

export class RegexError extends Error {}

export function posixToJs(src: string, extended: boolean): string {
  let out = '';
  let i = 0;
  let atStart = true;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '[') {
      const r = bracket(src, i);
      out += r.re;
      i = r.end;
      atStart = false;
      continue;
    }
    if (c === '\\') {
      const n = src[i + 1];
      i += 2;
      if (n === undefined) throw new RegexError('Trailing backslash');
      if (n === '<') out += '\\b(?=\\w)';
      else if (n === '>') out += '\\b(?<=\\w)';
      else if ('bBwWsS'.includes(n)) out += '\\' + n;
      else if (/[1-9]/.test(n)) out += '\\' + n;
      else if (!extended && '(){}|+?'.includes(n)) out += n;
      else if (n === 'n') out += 'n';
      else out += escapeJs(n);
      atStart = n === '(' && !extended;
      continue;
    }
    i++;
    if (extended) {
      if ('(){}|+?*.^$'.includes(c)) { out += c; atStart = c === '(' || c === '|'; continue; }
    } else {
      if (c === '*' && atStart) { out += '\\*'; atStart = false; continue; }
      if ('*.^$'.includes(c)) { out += c; atStart = c === '^'; continue; }
    }
    out += escapeJs(c);
    atStart = false;
  }
  return out;
}

function escapeJs(c: string): string { return /[\\^$.*+?()[\]{}|/-]/.test(c) ? '\\' + c : c; }

function bracket(src: string, start: number): { re: string; end: number } {
  let i = start + 1;
  let neg = false;
  if (src[i] === '^') { neg = true; i++; }
  let body = '';
  let first = true;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ']' && !first) return { re: `[${neg ? '^' : ''}${body}]`, end: i + 1 };
    first = false;
    if (c === '[' && src[i + 1] === ':') {
      const close = src.indexOf(':]', i + 2);
      if (close < 0) throw new RegexError('Unmatched [, [^, [:, [., or [=');
      const cls = CLASSES[src.slice(i + 2, close)];
      if (cls === undefined) throw new RegexError('Invalid character class name');
      body += cls;
      i = close + 2;
      continue;
    }
    body += c === '\\' || c === ']' || c === '[' ? '\\' + c : c;
    i++;
  }
  throw new RegexError('Unmatched [, [^, [:, [., or [=');
}

/** Builds a RegExp for grep/sed; throws RegexError with GNU's message on bad input. */
export function compilePosix(src: string, opts: { extended: boolean; ignoreCase?: boolean; global?: boolean; fixed?: boolean }): RegExp {
  const source = opts.fixed ? src.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&') : posixToJs(src, opts.extended);
  try {
    return new RegExp(source, (opts.global ? 'g' : '') + (opts.ignoreCase ? 'i' : ''));
  } catch {
    const open = (source.match(/(?<!\\)\(/g) ?? []).length;
    const close = (source.match(/(?<!\\)\)/g) ?? []).length;
    if (open > close) throw new RegexError(opts.extended ? 'Unmatched ( or \\(' : 'Unmatched ( or \\(');
    if (close > open) throw new RegexError('Unmatched ) or \\)');
    throw new RegexError('Invalid regular expression');
  }
}
