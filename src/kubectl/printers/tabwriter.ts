/**
 * The tabwriter kubectl's table printers use: github.com/liggitt/tabwriter with minwidth 6,
 * padding 3, padchar ' ', RememberWidths (cli-runtime pkg/printers/tabwriter.go). Every cell but
 * the last of a line is left-aligned and padded to max(minwidth, widest cell + padding); the last
 * cell is written as is. Widths count runes. With remembered widths (watch), columns never shrink.
 */
export interface TabWriterOptions { minWidth?: number; padding?: number }

export function runeLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export class TabWriter {
  private widths: number[] = [];
  private readonly minWidth: number;
  private readonly padding: number;
  constructor(opts: TabWriterOptions = {}) {
    this.minWidth = opts.minWidth ?? 6;
    this.padding = opts.padding ?? 3;
  }

  /** Forget remembered widths (kubectl does this between the tables of different kinds). */
  reset(): void { this.widths = []; }

  /** Lay out one block of rows (all with the same cell count), remembering widths. */
  format(rows: readonly (readonly string[])[]): string {
    const cols = Math.max(0, ...rows.map((r) => r.length - 1));
    for (let j = 0; j < cols; j++) {
      let w = Math.max(this.minWidth, this.widths[j] ?? 0);
      for (const r of rows) if (j < r.length - 1) w = Math.max(w, runeLength(r[j]!) + this.padding);
      this.widths[j] = w;
    }
    return rows.map((r) => r.map((c, j) => (j < r.length - 1 ? c + ' '.repeat(this.widths[j]! - runeLength(c)) : c)).join('') + '\n').join('');
  }
}

/** One-shot layout with kubectl's table settings. */
export function formatTable(rows: readonly (readonly string[])[]): string { return new TabWriter().format(rows); }
