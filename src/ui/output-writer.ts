/**
 * Terminal writes with backpressure: at most one write is in flight in xterm; whatever
 * arrives meanwhile is joined into the next one, and a flood (an endless watch, `yes`) is
 * capped so the page never holds more than `maxPending` characters of unwritten output.
 */
export const TRUNCATED_NOTICE = '\x1b[0m\r\n[kubelab: output too fast, some lines were skipped]\r\n';

export class OutputWriter {
  private pending: string[] = [];
  private size = 0;
  private inFlight = false;
  private idle: (() => void)[] = [];

  constructor(
    private readonly sink: (data: string, done: () => void) => void,
    private readonly maxPending = 256 * 1024,
  ) {}

  write(data: string): void {
    if (data === '') return;
    this.pending.push(data);
    this.size += data.length;
    if (this.size > this.maxPending) this.trim();
    if (!this.inFlight) this.sendPending();
  }

  /** Resolves once everything written so far has reached the terminal. */
  drained(): Promise<void> {
    if (!this.inFlight) return Promise.resolve();
    return new Promise((r) => this.idle.push(r));
  }

  private send(data: string): void {
    this.inFlight = true;
    this.sink(data, () => {
      this.inFlight = false;
      if (this.pending.length) { this.sendPending(); return; }
      for (const r of this.idle.splice(0)) r();
    });
  }

  private sendPending(): void {
    const next = this.pending.length === 1 ? this.pending[0]! : this.pending.join('');
    this.pending = [];
    this.size = 0;
    this.send(next);
  }

  /** Keeps the newest half of the backlog: the learner sees the latest state, not the oldest. */
  private trim(): void {
    const all = this.pending.join('');
    let keep = all.slice(all.length - Math.floor(this.maxPending / 2));
    const nl = keep.indexOf('\n');
    if (nl >= 0) keep = keep.slice(nl + 1); // start at a line boundary
    this.pending = [TRUNCATED_NOTICE, keep];
    this.size = TRUNCATED_NOTICE.length + keep.length;
  }
}
