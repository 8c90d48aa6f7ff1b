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

export async function runTranscript(session: ShellSession, time: HeadlessTime, lines: string[], opts: TranscriptOptions): Promise<Transcript> {
  const entries: TranscriptEntry[] = [];
  let text = '';
  let pending: { prompt: string; host: string; lines: string[]; output: string } | undefined;
  const pendingByInput = new Map<string, TranscriptEntry[]>();
  for (const line of lines) {
    const prompt = session.prompt();
    const host = session.currentHost();
    pending ??= { prompt, host, lines: [], output: '' };
    pending.lines.push(line);
    const shown = line === '\x04' ? '' : line;
    text += prompt + shown + (line === '\x04' ? '' : '\n');
    const controller = new AbortController();
    let output = '';
    const write = (t: string) => { output += t; };
    time.setBudget(opts.interruptAfterMs ?? DEFAULT_INTERRUPT_MS, () => {
      write('^C\n');
      controller.abort();
    });
    const r = await session.feed(line, { stdout: write, stderr: write }, controller.signal);
    time.setBudget(undefined);
    text += stripEscapes(output);
    pending.output += output;
    if (!r.complete) continue;
    // Enter on an empty line is not a command: no entry, no time step.
    if (line.trim() === '' && pending.lines.length === 1) { pending = undefined; continue; }
    const entry: TranscriptEntry = {
      host: pending.host,
      prompt: pending.prompt,
      input: line === '\x04' ? line : r.input ?? pending.lines.join('\n'),
      output: stripEscapes(pending.output),
      exitCode: r.exitCode ?? null,
    };
    entries.push(entry);
    if (r.exitCode === undefined) pendingByInput.set(entry.input, [...(pendingByInput.get(entry.input) ?? []), entry]);
    for (const done of session.takeResumed()) {
      const waiting = pendingByInput.get(done.input)?.shift();
      if (waiting) waiting.exitCode = done.exitCode;
    }
    pending = undefined;
    await time.sleep(opts.stepMs, new AbortController().signal);
  }
  text += session.prompt();
  return { entries, text };
}
