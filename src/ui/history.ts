/**
 * Command history as bash keeps it: newest last, consecutive duplicates and blank lines
 * skipped, bounded. Pure data; the page saves `entries` with the session.
 */
export class History {
  private items: string[];

  constructor(entries: readonly string[] = [], readonly max = 1000) {
    this.items = entries.slice(-max);
  }

  get entries(): readonly string[] { return this.items; }
  get length(): number { return this.items.length; }
  at(i: number): string | undefined { return this.items[i]; }

  add(line: string): void {
    // A multi-line command (heredoc) is kept whole, as bash's cmdhist does.
    if (line.trim() === '') return;
    if (this.items[this.items.length - 1] === line) return;
    this.items.push(line);
    if (this.items.length > this.max) this.items.splice(0, this.items.length - this.max);
  }

  clear(): void { this.items = []; }

  /**
   * Reverse search: the newest index < `before` whose entry contains `query`, or -1.
   * An empty query matches nothing, as in readline's i-search prompt.
   */
  searchBack(query: string, before: number): number {
    if (query === '') return -1;
    for (let i = Math.min(before, this.items.length) - 1; i >= 0; i--) {
      if (this.items[i]!.includes(query)) return i;
    }
    return -1;
  }
}
