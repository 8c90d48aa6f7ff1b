/**
 * The read-eval-print loop between the terminal and a Session: line editing, one
 * AbortController per command (Ctrl-C), typeahead while a command runs (a pasted block runs
 * line by line), and a record of every command for the embed API. No DOM: the page passes
 * `write`, Node tests pass a string buffer or @xterm/headless.
 */
import type { Session, LineResult } from '../shell/index.js';
// A value import from the shell's index would pull the whole shell into the first download.
import { CTRL_D } from '../shell/contract.js';
import { History } from './history.js';
import { LineEditor } from './line-editor.js';
import { endsAtLineStart, stripAnsi, toTerminalNewlines } from './keys.js';

export interface CommandRecord {
  input: string;
  /** stdout and stderr as the learner saw them, without colours. */
  output: string;
  exitCode: number;
  host?: string;
}

export interface ReplDeps {
  session: Session;
  write(text: string): void;
  cols(): number;
  history?: History;
  /** Called for every complete command (typed, pasted, or via run(): then `viaRun` is true). */
  onCommand?(rec: CommandRecord, viaRun: boolean): void;
  /** Called each time a prompt starts accepting input. */
  onPrompt?(): void;
}

/** A command's plain-text output kept for the embed API is capped; the terminal is not. */
const MAX_CAPTURE = 1 << 20;

export class Repl {
  readonly history: History;
  readonly editor: LineEditor;
  private running: AbortController | null = null;
  private typeahead = '';
  private atLineStart = true;
  private capture = '';
  private continuation = false;
  private idleWaiters: (() => void)[] = [];
  private pendingRun: ((rec: CommandRecord) => void) | null = null;

  constructor(private readonly deps: ReplDeps) {
    this.history = deps.history ?? new History();
    this.editor = new LineEditor({
      write: (t) => this.write(t),
      cols: deps.cols,
      history: this.history,
      complete: (line) => deps.session.complete(line),
    });
  }

  private closed = false;

  get busy(): boolean { return this.running !== null; }

  /** Detaches from the terminal (reset): a command still finishing prints nothing more. */
  close(): void {
    this.closed = true;
    this.running?.abort();
    this.pendingRun = null;
    this.idleWaiters = [];
  }

  /** Shows the first prompt. */
  start(): void { this.showPrompt(); }

  /** Keys and pasted text from the terminal. */
  input(data: string): void {
    if (this.closed) return;
    if (this.running) {
      const cc = data.lastIndexOf('\x03');
      if (cc >= 0) { this.interrupt(); this.typeahead = data.slice(cc + 1); return; }
      this.typeahead += data;
      return;
    }
    const { action, rest } = this.editor.handle(data);
    if (!action) return;
    this.typeahead = rest + this.typeahead;
    if (action.type === 'submit') void this.execute(action.line, 'line');
    else if (action.type === 'eof') void this.execute(CTRL_D, 'eof');
    else {
      this.atLineStart = true;
      // Ctrl-C at a continuation prompt drops the unfinished command, as bash does.
      // The session drops its buffered lines on EOF; its complaint about it is not shown.
      if (this.continuation) void this.execute(CTRL_D, 'cancel');
      else this.showPrompt();
    }
  }

  /** Stops the running command now (Ctrl-C). */
  interrupt(): void {
    if (!this.running) return;
    this.running.abort();
    this.write('^C');
  }

  /** Types a command and runs it, as if the learner had; resolves with what it printed. */
  async run(command: string): Promise<CommandRecord> {
    await this.whenIdle();
    return new Promise((resolve) => {
      this.pendingRun = resolve;
      this.editor.setLine('');
      this.input(command.replace(/\r\n?|\n/g, '\r') + '\r');
    });
  }

  /** Puts text on the prompt without running it. */
  type(text: string): void {
    // Typed, never run: line breaks become spaces, control characters are dropped.
    const clean = text.replace(/\r?\n/g, ' ').replace(/[\x00-\x1f\x7f]/g, '');
    if (this.running || !this.editor.active) { this.typeahead += clean; return; }
    this.editor.insert(clean);
  }

  whenIdle(): Promise<void> {
    if (!this.running && this.editor.active) return Promise.resolve();
    return new Promise((r) => this.idleWaiters.push(r));
  }

  /**
   * Prints a notice on its own line above the prompt being edited, then redraws the prompt
   * (which may have changed: a restore failed and a fresh session started).
   */
  printAbove(text: string): void {
    if (this.running || !this.editor.active) { this.write((this.atLineStart ? '' : '\r\n') + text); this.atLineStart = endsAtLineStart(text, this.atLineStart); return; }
    this.editor.erase();
    this.deps.write(text);
    this.editor.redraw(this.deps.session.prompt());
  }

  /** The session's prompt may differ from the one shown (the real session just loaded). */
  refreshPrompt(): void {
    if (!this.running && this.editor.active) this.editor.setPrompt(this.deps.session.prompt());
  }

  /** The terminal was resized. */
  resized(): void { this.editor.resized(); }

  /** `line`: a typed line; `eof`: Ctrl-D on an empty line; `cancel`: Ctrl-C at a continuation prompt. */
  private async execute(line: string, kind: 'line' | 'eof' | 'cancel'): Promise<void> {
    const ac = new AbortController();
    this.running = ac;
    if (!this.continuation) this.capture = '';
    const sink = kind === 'cancel' ? { stdout: () => {}, stderr: () => {} } : {
      stdout: (t: string) => this.output(t),
      stderr: (t: string) => this.output(t),
    };
    let res: LineResult;
    try {
      res = await this.deps.session.feed(line, sink, ac.signal);
    } catch (e) {
      // The session promises never to throw; if it does, keep the terminal usable.
      this.output(`kubelab: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      res = { complete: true, input: line, exitCode: 1 };
    }
    this.running = null;
    this.continuation = !res.complete;
    if (!res.complete) { this.showPrompt(); return; }
    const input = res.input ?? line;
    if (kind === 'line') this.history.add(input);
    this.finish({ input, output: this.capture, exitCode: res.exitCode ?? 0, host: res.host }, kind === 'line');
  }

  private finish(rec: CommandRecord, report = true): void {
    this.capture = '';
    if (report) {
      const p = this.pendingRun;
      // An empty line (Enter at a bare prompt) is not a command worth reporting.
      if (rec.input.trim() !== '' || p) this.deps.onCommand?.(rec, p !== null);
      this.pendingRun = null;
      p?.(rec);
    }
    this.showPrompt();
  }

  private output(t: string): void {
    if (t === '') return;
    this.write(toTerminalNewlines(t));
    if (this.capture.length < MAX_CAPTURE) this.capture += stripAnsi(t).slice(0, MAX_CAPTURE - this.capture.length);
  }

  private write(t: string): void {
    if (t === '' || this.closed) return;
    this.deps.write(t);
    this.atLineStart = endsAtLineStart(t, this.atLineStart);
  }

  private showPrompt(): void {
    if (this.closed) return;
    // Output without a final newline would put the prompt mid-row; start it on a fresh row.
    if (!this.atLineStart) this.write('\r\n');
    this.editor.start(this.deps.session.prompt());
    this.atLineStart = false;
    this.deps.onPrompt?.();
    const waiters = this.idleWaiters.splice(0);
    for (const w of waiters) w();
    if (this.typeahead && this.editor.active && !this.running) {
      const t = this.typeahead;
      this.typeahead = '';
      this.input(t);
    }
  }
}
