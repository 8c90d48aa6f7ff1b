/**
 * A Session that accepts input before the simulator has loaded: the prompt shows at once
 * (the saved one, or a fresh workstation's), typing works, and a line entered early waits
 * for the real session. Keeps the cluster and shell out of the first download.
 */
import type { Completion, LineResult, OutputSink, Session } from '../shell/index.js';

/** A fresh workstation's prompt (src/shell/hosts/workstation.ts; a test keeps them equal). */
export const FRESH_PROMPT = 'learner@kubelab:~$ ';

export class LazySession implements Session {
  private real: Session | null = null;

  constructor(private readonly loading: Promise<Session>, private readonly initialPrompt: string, private readonly beforeFeed: () => void = () => {}) {
    void loading.then((s) => { this.real = s; }, () => undefined);
  }

  get loaded(): boolean { return this.real !== null; }

  prompt(): string { return this.real ? this.real.prompt() : this.initialPrompt; }

  async feed(line: string, out: OutputSink, signal: AbortSignal): Promise<LineResult> {
    const s = this.real ?? await this.loading;
    this.beforeFeed();
    return s.feed(line, out, signal);
  }

  complete(line: string): Completion {
    return this.real ? this.real.complete(line) : { replaceFrom: line.length, candidates: [] };
  }
}
