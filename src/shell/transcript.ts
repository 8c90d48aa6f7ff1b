/**
 * Headless typing: feeds lines into a session as a learner would and records what the
 * terminal shows. The replay CLI and the transcript tests use this, so they drive exactly
 * the code the page drives.
 *
 * After each complete command the clock advances `stepMs`. A command that waits longer than
 * `interruptAfterMs` of virtual time (a `get -w`, `watch`, `logs -f`, a long sleep) is
 * interrupted as if the learner pressed Ctrl-C: the terminal shows `^C`.
 */
import type { ShellSession } from './session.js';
import type { HeadlessTime } from './time.js';

export interface TranscriptEntry {
  host: string;
  prompt: string;
  input: string;
  output: string;
  exitCode: number | null;
}

export interface TranscriptOptions {
  stepMs: number;
  interruptAfterMs?: number;
}

export interface Transcript {
  entries: TranscriptEntry[];
  /** Prompts, typed lines and output, as the terminal shows them (escape sequences removed). */
  text: string;
}

/** Removes CSI/OSC escape sequences and other terminal controls except newline and tab. */
export function stripEscapes(s: string): string {
  return s
    .replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '')
    .replace(/\x1b\][^\x07\x1b]*(\x07|\x1b\\)/g, '')
    .replace(/\x1b[@-Z\\-_]/g, '')
    .replace(/\r(?!\n)/g, '')
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '');
}

export const DEFAULT_INTERRUPT_MS = 60_000;

/**
 * Types lines one at a time and records the transcript as it goes (runTranscript types a
 * whole script; lesson auto-play types solution lines as the lesson asks for them).
 */
export class Typist {
  readonly entries: TranscriptEntry[] = [];
  private text = '';
  private pending: { prompt: string; host: string; lines: string[]; output: string } | undefined;
  private readonly waitingForExit = new Map<string, TranscriptEntry[]>();

  constructor(private readonly session: ShellSession, private readonly time: HeadlessTime, private readonly opts: TranscriptOptions) {}

  /** Types one line; returns the entry when it completed a command (blank lines: none). */
  async type(line: string): Promise<TranscriptEntry | undefined> {
    const { session, time } = this;
    const pending = (this.pending ??= { prompt: session.prompt(), host: session.currentHost(), lines: [], output: '' });
    this.text += session.prompt() + (line === '\x04' ? '' : line + '\n');
    pending.lines.push(line);
    const controller = new AbortController();
    let output = '';
    const write = (t: string) => { output += t; };
    time.setBudget(this.opts.interruptAfterMs ?? DEFAULT_INTERRUPT_MS, () => {
      write('^C\n');
      controller.abort();
    });
    const r = await session.feed(line, { stdout: write, stderr: write }, controller.signal);
    time.setBudget(undefined);
    this.text += stripEscapes(output);
    pending.output += output;
    if (!r.complete) return undefined;
    this.pending = undefined;
    // Enter on an empty line is not a command: no entry, no time step.
    if (line.trim() === '' && pending.lines.length === 1) return undefined;
    const entry: TranscriptEntry = {
      host: pending.host,
      prompt: pending.prompt,
      input: r.input || (line === '\x04' ? line : pending.lines.join('\n')),
      output: stripEscapes(pending.output),
      exitCode: r.exitCode ?? null,
    };
    this.entries.push(entry);
    // A command that opened a container shell finishes when that shell exits.
    if (r.exitCode === undefined) this.waitingForExit.set(entry.input, [...(this.waitingForExit.get(entry.input) ?? []), entry]);
    for (const done of session.takeResumed()) {
      const waiting = this.waitingForExit.get(done.input)?.shift();
      if (waiting) waiting.exitCode = done.exitCode;
    }
    await this.wait(this.opts.stepMs);
    return entry;
  }

  /** Lets virtual time pass without typing. */
  wait(ms: number): Promise<void> { return this.time.sleep(ms, new AbortController().signal); }

  /** The terminal so far, ending with the prompt now shown. */
  transcript(): Transcript { return { entries: this.entries, text: this.text + this.session.prompt() }; }
}

export async function runTranscript(session: ShellSession, time: HeadlessTime, lines: string[], opts: TranscriptOptions): Promise<Transcript> {
  const typist = new Typist(session, time, opts);
  for (const line of lines) await typist.type(line);
  return typist.transcript();
}
