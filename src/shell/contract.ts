/**
 * The session contract between the shell layer and everything above it (UI, lessons, replay,
 * the embed API). The UI owns line editing and the terminal; the session owns meaning.
 */

/** Where a running command writes. Text uses '\n' line ends; the UI converts for xterm. */
export interface OutputSink {
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface LineResult {
  /** false when the line opened a heredoc, quote or `\` continuation: feed the next line. */
  complete: boolean;
  /** The whole command as typed (all continuation lines joined with '\n'). Set when complete. */
  input?: string;
  exitCode?: number;
  /** Host that ran it: 'workstation' or the container's pod/container label. */
  host?: string;
}

export interface Completion { replaceFrom: number; candidates: string[] }

/**
 * How long-running things wait. In the page the virtual clock follows wall time, so waiting
 * means real time passing; headless, waiting advances the clock at once.
 */
export interface TimeDriver {
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** The line the UI feeds for Ctrl-D on an empty line (see Session.feed). */
export const CTRL_D = '\x04';

export interface Session {
  /** The prompt to show now (changes inside containers, and to '> ' on continuation lines). */
  prompt(): string;
  /**
   * Runs (or buffers) one typed line. `signal` aborts it (Ctrl-C). Never throws.
   * Ctrl-D: the UI sends `feed(CTRL_D)` (the single character '\x04') when Ctrl-D is pressed
   * on an empty line, and echoes no newline itself. In a container shell this ends the shell
   * like `exit` (bash prints `exit` after the prompt); inside a continuation it ends the
   * construct with bash's `syntax error: unexpected end of file`; on the workstation it is ignored.
   */
  feed(line: string, out: OutputSink, signal: AbortSignal): Promise<LineResult>;
  /** Tab completion for the line so far (cursor at its end). */
  complete(line: string): Completion;
}
