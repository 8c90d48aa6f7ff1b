/**
 * A readline-style line editor (the subset of bash's emacs mode a learner meets), with no
 * DOM: it reads keys and writes ANSI to a `write` function, so Node tests drive it exactly
 * as the page does. Key bindings follow readline's defaults (bind -p in bash 5).
 */
import type { Completion } from '../shell/index.js';
import type { History } from './history.js';
import { splitKeys, stripAnsi } from './keys.js';
import { cellWidth, endPosition, nextChar, prevChar } from './cell-width.js';

export type EditorAction =
  | { type: 'submit'; line: string }
  | { type: 'eof' }
  | { type: 'interrupt' };

export interface LineEditorDeps {
  write(text: string): void;
  cols(): number;
  history: History;
  complete(lineBeforeCursor: string): Completion;
}

interface SearchState { query: string; index: number; failed: boolean }

const isPrintable = (k: string | undefined): boolean =>
  k !== undefined && k.length > 0 && k[0] !== '\x1b' && k.charCodeAt(0) >= 0x20 && k !== '\x7f';

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}_]/u.test(c);

export class LineEditor {
  line = '';
  cursor = 0;
  private prompt = '';
  /** The prompt as it shows (no escape sequences): positions are counted over it and the line. */
  private promptText = '';
  /** Terminal rows between the prompt's first row and the row the cursor is on. */
  private cursorRow = 0;
  private kill = '';
  private histIndex = 0;
  private savedLine = '';
  private search: SearchState | null = null;
  private lastKey = '';
  /** True between start() and an action: keys are being edited, not queued. */
  active = false;

  constructor(private readonly deps: LineEditorDeps) {}

  /** Shows the prompt and starts editing an empty line. */
  start(prompt: string, initial = ''): void {
    this.prompt = prompt;
    this.promptText = stripAnsi(prompt);
    this.line = initial;
    this.cursor = initial.length;
    this.cursorRow = 0;
    this.histIndex = this.deps.history.length;
    this.savedLine = '';
    this.search = null;
    this.lastKey = '';
    this.active = true;
    this.render(true);
  }

  /**
   * Handles keys until one of them ends the line. Returns that action (or none) and the
   * input not yet consumed, which the caller replays once the next prompt is up.
   */
  handle(data: string): { action?: EditorAction; rest: string } {
    const keys = splitKeys(data);
    for (let i = 0; i < keys.length; i++) {
      // A run of printable keys (typing fast, a pasted line) is inserted with one redraw.
      if (!this.search && isPrintable(keys[i]!) && isPrintable(keys[i + 1])) {
        let j = i;
        while (isPrintable(keys[j + 1])) j++;
        this.insert(keys.slice(i, j + 1).join(''));
        this.lastKey = keys[j]!;
        i = j;
        continue;
      }
      const action = this.key(keys[i]!);
      if (action) { this.active = false; return { action, rest: keys.slice(i + 1).join('') }; }
    }
    return { rest: '' };
  }

  /** Inserts text at the cursor without running it (the embed API's typeCommand). */
  insert(text: string): void {
    this.line = this.line.slice(0, this.cursor) + text + this.line.slice(this.cursor);
    this.cursor += text.length;
    this.render();
  }

  /** Replaces the whole line (cursor at its end). */
  setLine(text: string): void {
    this.line = text;
    this.cursor = text.length;
    this.render();
  }

  /** The terminal width changed: xterm reflowed the rows, so recompute where we are and redraw. */
  resized(): void {
    if (!this.active) return;
    this.cursorRow = this.cursorPosition().row;
    this.render();
  }

  /** Removes prompt and line from the screen (to print above them; then redraw()). */
  erase(): void {
    this.deps.write((this.cursorRow > 0 ? `\x1b[${this.cursorRow}A` : '') + '\r\x1b[J');
    this.cursorRow = 0;
  }

  /** Changes the prompt of the line being edited (the real session arrived). */
  setPrompt(prompt: string): void {
    if (prompt === this.prompt) return;
    this.erase();
    this.redraw(prompt);
  }

  /** Redraws prompt and line after something else wrote to the screen (Ctrl-L, a listing). */
  redraw(prompt?: string): void {
    if (prompt !== undefined) { this.prompt = prompt; this.promptText = stripAnsi(prompt); }
    this.cursorRow = 0;
    this.render(true);
  }

  private key(k: string): EditorAction | undefined {
    const prevKey = this.lastKey;
    this.lastKey = k;
    if (this.search) return this.searchKey(k);
    switch (k) {
      case '\r': return this.accept();
      case '\x03': // Ctrl-C
        this.moveToEnd();
        this.deps.write('^C\r\n');
        return { type: 'interrupt' };
      case '\x04': // Ctrl-D: EOF on an empty line, else delete-char
        if (this.line === '') { this.deps.write('\r\n'); return { type: 'eof' }; }
        this.deleteRange(this.cursor, nextChar(this.line, this.cursor));
        return;
      case '\x01': case '\x1b[H': case '\x1bOH': case '\x1b[1~': this.cursor = 0; break;
      case '\x05': case '\x1b[F': case '\x1bOF': case '\x1b[4~': this.cursor = this.line.length; break;
      case '\x02': case '\x1b[D': case '\x1bOD': this.cursor = prevChar(this.line, this.cursor); break;
      case '\x06': case '\x1b[C': case '\x1bOC': this.cursor = nextChar(this.line, this.cursor); break;
      case '\x1bb': case '\x1b[1;5D': case '\x1b[1;3D': this.cursor = this.wordLeft(this.cursor); break;
      case '\x1bf': case '\x1b[1;5C': case '\x1b[1;3C': this.cursor = this.wordRight(this.cursor); break;
      case '\x7f': case '\x08': this.deleteRange(prevChar(this.line, this.cursor), this.cursor); return;
      case '\x1b[3~': this.deleteRange(this.cursor, nextChar(this.line, this.cursor)); return;
      case '\x0b': this.killRange(this.cursor, this.line.length); return;                 // Ctrl-K
      case '\x15': this.killRange(0, this.cursor); return;                                // Ctrl-U
      case '\x17': this.killRange(this.spaceLeft(this.cursor), this.cursor); return;      // Ctrl-W
      case '\x1bd': this.killRange(this.cursor, this.wordRight(this.cursor)); return;     // Alt-D
      case '\x1b\x7f': case '\x1b\x08': this.killRange(this.wordLeft(this.cursor), this.cursor); return;
      case '\x19': this.insert(this.kill); return;                                       // Ctrl-Y
      case '\x0c': this.deps.write('\x1b[H\x1b[2J'); this.redraw(); return;               // Ctrl-L
      case '\x1b[A': case '\x1bOA': case '\x10': this.historyMove(-1); return;
      case '\x1b[B': case '\x1bOB': case '\x0e': this.historyMove(1); return;
      case '\x12': this.search = { query: '', index: this.deps.history.length, failed: false }; this.renderSearch(); return;
      case '\t': this.tab(prevKey === '\t'); return;
      default:
        // Printable text only; other control keys and unknown sequences are ignored, as readline does.
        if (isPrintable(k)) this.insert(k);
        return;
    }
    this.placeCursor();
  }

  private accept(): EditorAction {
    this.moveToEnd();
    this.deps.write('\r\n');
    return { type: 'submit', line: this.line };
  }

  private searchKey(k: string): EditorAction | undefined {
    const s = this.search!;
    const h = this.deps.history;
    if (k === '\x12') { // Ctrl-R again: next older match
      const i = h.searchBack(s.query, s.index);
      if (i >= 0) s.index = i; else s.failed = true;
      this.renderSearch();
      return;
    }
    if (k === '\x07' || k === '\x03') { // Ctrl-G / Ctrl-C: abort the search, restore the line
      this.search = null;
      if (k === '\x03') { this.line = ''; this.cursor = 0; this.render(); return this.key(k); }
      this.render();
      return;
    }
    if (k === '\x7f' || k === '\x08') {
      s.query = s.query.slice(0, -1);
      const i = h.searchBack(s.query, h.length);
      s.index = i >= 0 ? i : h.length;
      s.failed = false;
      this.renderSearch();
      return;
    }
    if (k.length >= 1 && k[0] !== '\x1b' && k.charCodeAt(0) >= 0x20) {
      s.query += k;
      // Keep the current match if it still matches; else search older, as readline does.
      const cur = h.at(s.index);
      if (cur === undefined || !cur.includes(s.query)) {
        const i = h.searchBack(s.query, s.index === h.length ? h.length : s.index + 1);
        if (i >= 0) { s.index = i; s.failed = false; } else s.failed = true;
      }
      this.renderSearch();
      return;
    }
    // Any other key accepts the match into the line, then acts normally (Enter runs it).
    const match = h.at(s.index);
    this.search = null;
    if (match !== undefined) { this.line = match; this.cursor = match.indexOf(s.query) >= 0 ? match.indexOf(s.query) : match.length; }
    this.histIndex = match !== undefined ? s.index : h.length;
    this.render();
    if (k === '\x1b') return;
    if (k === '\r') return this.accept();
    return this.key(k);
  }

  private tab(listing: boolean): void {
    const before = this.line.slice(0, this.cursor);
    let c: Completion;
    try { c = this.deps.complete(before); } catch { return; }
    const word = before.slice(c.replaceFrom);
    const cands = c.candidates;
    if (cands.length === 0) return;
    if (cands.length === 1) {
      const only = cands[0]!;
      const suffix = /[/= ]$/.test(only) ? '' : ' ';
      this.replaceWord(c.replaceFrom, only + suffix);
      return;
    }
    const lcp = commonPrefix(cands);
    if (lcp.length > word.length) { this.replaceWord(c.replaceFrom, lcp); return; }
    if (!listing) return; // bash lists on the second Tab
    this.moveToEnd();
    this.deps.write('\r\n' + columns([...cands].sort(), this.deps.cols()));
    this.redraw();
  }

  private replaceWord(from: number, text: string): void {
    this.line = this.line.slice(0, from) + text + this.line.slice(this.cursor);
    this.cursor = from + text.length;
    this.render();
  }

  private historyMove(dir: number): void {
    const h = this.deps.history;
    const next = this.histIndex + dir;
    if (next < 0 || next > h.length) return;
    if (this.histIndex === h.length) this.savedLine = this.line;
    this.histIndex = next;
    this.line = next === h.length ? this.savedLine : h.at(next)!;
    this.cursor = this.line.length;
    this.render();
  }

  private deleteRange(from: number, to: number): void {
    from = Math.max(0, from); to = Math.min(this.line.length, to);
    if (from >= to) return;
    this.line = this.line.slice(0, from) + this.line.slice(to);
    this.cursor = from;
    this.render();
  }

  private killRange(from: number, to: number): void {
    if (from >= to) return;
    this.kill = this.line.slice(from, to);
    this.deleteRange(from, to);
  }

  private wordLeft(p: number): number {
    while (p > 0 && !isWordChar(this.line[p - 1])) p--;
    while (p > 0 && isWordChar(this.line[p - 1])) p--;
    return p;
  }

  private wordRight(p: number): number {
    const n = this.line.length;
    while (p < n && !isWordChar(this.line[p])) p++;
    while (p < n && isWordChar(this.line[p])) p++;
    return p;
  }

  /** unix-word-rubout: back to the previous whitespace. */
  private spaceLeft(p: number): number {
    while (p > 0 && this.line[p - 1] === ' ') p--;
    while (p > 0 && this.line[p - 1] !== ' ') p--;
    return p;
  }

  /** Redraw prompt and line from the prompt's first row, then put the cursor in place. */
  private render(fresh = false): void {
    this.drawText(this.prompt + this.line, this.promptText + this.line, fresh);
    this.placeCursor();
  }

  private renderSearch(): void {
    const s = this.search!;
    const match = this.deps.history.at(s.index) ?? '';
    const label = `(${s.failed ? 'failed ' : ''}reverse-i-search)\`${s.query}': `;
    this.drawText(label + match, label + match, false);
  }

  /** `text` with escapes; `shown` the same without them (what takes cells). */
  private drawText(text: string, shown: string, fresh: boolean): void {
    const end = endPosition(shown, Math.max(1, this.deps.cols()));
    let out = fresh ? '' : (this.cursorRow > 0 ? `\x1b[${this.cursorRow}A` : '') + '\r';
    out += text.replace(/\n/g, '\r\n') + '\x1b[J';
    // At a full last row xterm waits to wrap (endPosition says row + 1, col 0); force the wrap
    // so row maths hold.
    if (end.col === 0 && end.row > 0) out += '\r\n';
    this.deps.write(out);
    this.cursorRow = end.row;
  }

  /** The cell of the character under the cursor (a wide one that does not fit starts the next row). */
  private cursorPosition(): { row: number; col: number } {
    const cols = Math.max(1, this.deps.cols());
    const pos = endPosition(this.promptText + this.line.slice(0, this.cursor), cols);
    const next = this.line.slice(this.cursor, nextChar(this.line, this.cursor));
    return next && pos.col + cellWidth(next) > cols ? { row: pos.row + 1, col: 0 } : pos;
  }

  private placeCursor(): void {
    const { row, col } = this.cursorPosition();
    let out = '';
    if (row < this.cursorRow) out += `\x1b[${this.cursorRow - row}A`;
    else if (row > this.cursorRow) out += `\x1b[${row - this.cursorRow}B`;
    out += '\r' + (col > 0 ? `\x1b[${col}C` : '');
    this.cursorRow = row;
    this.deps.write(out);
  }

  /** Moves the terminal cursor past the end of the line (before printing below it). */
  private moveToEnd(): void {
    this.cursor = this.line.length;
    this.placeCursor();
  }
}

export function commonPrefix(items: readonly string[]): string {
  if (items.length === 0) return '';
  let p = items[0]!;
  for (const s of items) { while (!s.startsWith(p)) p = p.slice(0, -1); }
  return p;
}

/** Candidates in columns, column-major, as bash lists completions. */
export function columns(items: readonly string[], cols: number): string {
  const width = Math.max(...items.map(cellWidth)) + 2;
  const perRow = Math.max(1, Math.floor((cols + 2) / width));
  const rows = Math.ceil(items.length / perRow);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perRow; c++) {
      const s = items[c * rows + r];
      if (s === undefined) continue;
      line += c < perRow - 1 && items[(c + 1) * rows + r] !== undefined ? s + ' '.repeat(width - cellWidth(s)) : s;
    }
    out += line + '\r\n';
  }
  return out;
}
