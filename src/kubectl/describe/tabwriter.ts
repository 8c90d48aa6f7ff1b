/**
 * A port of Go's text/tabwriter as kubectl describe configures it (describe.go tabbedString:
 * minwidth 0, tabwidth 8, padding 2, padchar ' ', flags 0). Cells end at '\t'; the text after the
 * last tab of a line is not part of any column. A column block is a run of consecutive lines that
 * all have a cell in that column; its width is the widest cell + padding. Widths count runes.
 */
import { runeLength } from '../printers/tabwriter.js';

const PADDING = 2;

interface Cell { text: string; width: number }


/** Lays out `text` (lines separated by '\n', cells by '\t') exactly as tabwriter.Writer.Flush would. */
export function tabwrite(text: string): string {
  const lines: Cell[][] = text.split('\n').map((l) => l.split('\t').map((t) => ({ text: t, width: runeLength(t) })));
  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i];
      for (let j = 0; j < line.length; j++) {
        const c = line[j];
        out.push(c.text);
        if (j < widths.length) out.push(' '.repeat(Math.max(0, widths[j] - c.width)));
      }
      if (i + 1 < lines.length) out.push('\n');
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let th = line0; th < line1; th++) {
      if (column >= lines[th].length - 1) continue;
      writeLines(line0, th);
      line0 = th;
      let width = 0;
      for (; th < line1; th++) {
        const line = lines[th];
        if (column >= line.length - 1) break;
        width = Math.max(width, line[column].width + PADDING);
      }
      widths.push(width);
      format(line0, th);
      widths.pop();
      line0 = th;
      th--; // the outer loop's increment must revisit the line that ended the block
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('');
}
