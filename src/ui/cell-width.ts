/**
 * How many terminal cells text takes, as xterm lays it out (wcwidth): East Asian wide and
 * fullwidth characters (CJK, most emoji) take two, combining marks and joiners none. The line
 * editor places its cursor with this; `.length` counts UTF-16 units and would put it wrong.
 */
import { eastAsianWidth } from 'get-east-asian-width';

const ZERO = /[\p{Mn}\p{Me}\u200b-\u200f\ufe00-\ufe0f]/u;

export function codePointWidth(ch: string): 0 | 1 | 2 {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (cp < 0x300) return 1;
  if (ZERO.test(ch)) return 0;
  return eastAsianWidth(cp) as 1 | 2;
}

export function cellWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += codePointWidth(ch);
  return w;
}

/**
 * Where the cell after `text` is, drawn from column 0 of a `cols`-wide terminal: a wide character
 * that does not fit at the end of a row moves to the next one, as in xterm.
 */
export function endPosition(text: string, cols: number): { row: number; col: number } {
  let row = 0;
  let col = 0;
  for (const ch of text) {
    const w = codePointWidth(ch);
    if (w === 0) continue;
    if (col + w > cols) { row++; col = 0; }
    col += w;
  }
  return col >= cols ? { row: row + 1, col: 0 } : { row, col };
}

const unitsAt = (s: string, i: number): number => (s.codePointAt(i)! > 0xffff ? 2 : 1);
const zeroWidthAt = (s: string, i: number): boolean => s.charCodeAt(i) >= 0x20 && codePointWidth(String.fromCodePoint(s.codePointAt(i)!)) === 0;

/** The index after the character at `i` (zero-width characters after it belong to it). */
export function nextChar(s: string, i: number): number {
  if (i >= s.length) return s.length;
  i += unitsAt(s, i);
  while (i < s.length && zeroWidthAt(s, i)) i += unitsAt(s, i);
  return i;
}

/** The index of the character before `i` (a base character together with its combining marks). */
export function prevChar(s: string, i: number): number {
  const step = (j: number): number => (j >= 2 && /[\udc00-\udfff]/.test(s[j - 1]!) && /[\ud800-\udbff]/.test(s[j - 2]!) ? j - 2 : j - 1);
  if (i <= 0) return 0;
  let j = step(i);
  while (j > 0 && zeroWidthAt(s, j)) j = step(j);
  return j;
}
