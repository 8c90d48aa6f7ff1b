/**
 * describe.go's PrefixWriter: text at an indentation level (2 spaces per level), collected and
 * laid out by one tabwriter over the whole description (tabbedString). Text passes through
 * printers.WriteEscaped, which makes terminal control sequences visible.
 */
import { tabwrite } from './tabwriter.js';

export const LEVEL_0 = 0, LEVEL_1 = 1, LEVEL_2 = 2, LEVEL_3 = 3, LEVEL_4 = 4;

/** cli-runtime printers.EscapeTerminal: ESC and CR would let object data drive the terminal. */
function escapeTerminal(s: string): string {
  return s.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');
}

export class PrefixWriter {
  private parts: string[] = [];

  /** Writes `text` after `level` indentation steps (the text is already formatted). */
  write(level: number, text: string): void {
    this.parts.push(escapeTerminal('  '.repeat(level) + text));
  }

  /** fmt.Sprintln of the arguments: joined by spaces, newline-terminated. */
  writeLine(...a: string[]): void {
    this.parts.push(escapeTerminal(a.join(' ') + '\n'));
  }

  /**
   * The text as written, before the tabwriter lays it out (tabs stay tabs): for printers that
   * use a PrefixWriter without tabbedString, e.g. `rollout history --revision` (printTemplate).
   */
  raw(): string {
    return this.parts.join('');
  }

  /** The laid-out text. */
  toString(): string {
    return tabwrite(this.parts.join(''));
  }
}

/** tabbedString: run `f` against a fresh writer and return the laid-out text. */
export function tabbedString(f: (w: PrefixWriter) => void): string {
  const w = new PrefixWriter();
  f(w);
  return w.toString();
}
