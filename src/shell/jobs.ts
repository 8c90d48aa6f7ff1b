/**
 * Background jobs (`cmd &`), minimal and deterministic: the job runs as a subshell of the shell
 * that started it, prints `[1] <pid>`, and is listed by `jobs`, ended by `kill %1` / `kill <pid>`,
 * brought back by `fg`. bash reports a finished job (`[1]+  Done   cmd`) just before the next
 * prompt; so does the session, via `notifications()` after each line.
 *
 * Time: a job must not drive the virtual clock itself (headless, every sleep advances it), so
 * its sleeps are parked until the foreground lets time pass (`tick()` after each foreground
 * wait and each line). A `kubectl port-forward … &` therefore just waits until it is killed.
 */
import type { TimeDriver } from './contract.js';
import type { AndOr, Command as AstCommand, Pipeline, Redirect, SimpleCommand } from './parser/ast.js';

export type JobState = 'Running' | 'Done' | 'Exit' | 'Terminated' | 'Killed';

export interface Job {
  id: number;
  pid: number;
  text: string;
  state: JobState;
  code: number;
  /** Why it was stopped: SIGTERM (kill) or SIGKILL (kill -9). */
  signal?: 'TERM' | 'KILL';
  abort: AbortController;
  done: Promise<number>;
  /** Reported as finished already. */
  reported?: boolean;
  /** The directory it started in (bash adds `  (wd: DIR)` when the shell has moved since). */
  wd?: string;
}

/** Where the shell is now, for the `(wd: ...)` note. */
export interface JobWhere { cwd: string; home: string }

/** What a job runs: the session forks the shell and runs the and-or list in it. */
export type JobRunner = (andOr: AndOr, signal: AbortSignal, time: TimeDriver) => Promise<number>;

export class JobTable {
  private readonly jobs: Job[] = [];
  private waiters: { at: number; resolve: () => void }[] = [];
  /** Jobs' own clock: sleeps resolve when virtual time reaches them. */
  readonly time: TimeDriver;

  constructor(private readonly now: () => number, private readonly nextPid: () => number) {
    this.time = {
      sleep: (ms, signal) => new Promise<void>((resolve) => {
        if (ms <= 0 || signal.aborted) { resolve(); return; }
        const w = { at: this.now() + ms, resolve };
        this.waiters.push(w);
        signal.addEventListener('abort', () => { this.waiters = this.waiters.filter((x) => x !== w); resolve(); }, { once: true });
      }),
    };
  }

  /** Starts `andOr` in the background; returns the job (its `[n] pid` line is the caller's to print). */
  start(andOr: AndOr, run: JobRunner, wd?: string): Job {
    const id = this.jobs.filter((j) => !j.reported).reduce((m, j) => Math.max(m, j.id), 0) + 1;
    const abort = new AbortController();
    const job: Job = { id, pid: this.nextPid(), text: describeAndOr(andOr), state: 'Running', code: 0, abort, done: Promise.resolve(0), wd };
    job.done = run(andOr, abort.signal, this.time).then(
      (code) => this.finish(job, code),
      () => this.finish(job, 1),
    );
    this.jobs.push(job);
    return job;
  }

  private finish(job: Job, code: number): number {
    job.code = job.signal === 'KILL' ? 137 : job.signal === 'TERM' ? 143 : code;
    job.state = job.signal === 'KILL' ? 'Killed' : job.signal === 'TERM' ? 'Terminated' : code === 0 ? 'Done' : 'Exit';
    return job.code;
  }

  /** Live jobs, oldest first. */
  list(): Job[] { return this.jobs.filter((j) => !j.reported); }

  hasRunning(): boolean { return this.jobs.some((j) => j.state === 'Running'); }

  /** %n, %%, %+, %-, or a PID. */
  find(spec: string): Job | undefined {
    const live = this.list();
    if (spec === '%%' || spec === '%+' || spec === '%') return live[live.length - 1];
    if (spec === '%-') return live[live.length - 2];
    if (/^%\d+$/.test(spec)) return live.find((j) => j.id === Number(spec.slice(1)));
    if (/^\d+$/.test(spec)) return live.find((j) => j.pid === Number(spec) && j.state === 'Running');
    return undefined;
  }

  kill(job: Job, signal: 'TERM' | 'KILL'): void {
    if (job.state !== 'Running') return;
    job.signal = signal;
    job.abort.abort();
  }

  killAll(): void {
    for (const j of this.jobs) { this.kill(j, 'KILL'); j.reported = true; }
  }

  /** `+` marks the current (newest) job, `-` the one before. */
  marker(job: Job): string {
    const live = this.list();
    const i = live.indexOf(job);
    return i === live.length - 1 ? '+' : i === live.length - 2 ? '-' : ' ';
  }

  /** bash's `[1]+  Running                 cmd &` line (jobs.c pretty_print_job); `jobs -l` adds the PID. */
  line(job: Job, long = false, where?: JobWhere): string {
    const status = job.state === 'Exit' ? `Exit ${job.code}` : job.state;
    const pid = long ? `${String(job.pid).padStart(5)} ` : ' ';
    const wd = where && job.wd !== undefined && job.wd !== where.cwd ? `  (wd: ${tilde(job.wd, where.home)})` : '';
    // LONGEST_SIGNAL_DESC: the status is padded to 24 columns.
    return `[${job.id}]${this.marker(job)} ${pid}${status.padEnd(24)}${job.text}${job.state === 'Running' ? ' &' : ''}${wd}\n`;
  }

  /** Lines for jobs that ended since the last call (bash prints them before the next prompt). */
  notifications(where?: JobWhere): string {
    let out = '';
    for (const j of this.list()) if (j.state !== 'Running') out += this.line(j, false, where);
    for (const j of this.jobs) if (j.state !== 'Running') j.reported = true;
    return out;
  }

  /** Wakes parked sleeps whose time has come; then lets the woken jobs run until they wait again. */
  async tick(): Promise<void> {
    if (!this.jobs.some((j) => j.state === 'Running')) return;
    const now = this.now();
    const due = this.waiters.filter((w) => w.at <= now);
    this.waiters = this.waiters.filter((w) => w.at > now);
    for (const w of due) w.resolve();
    await settle();
  }
}

function tilde(dir: string, home: string): string {
  return home !== '/' && (dir === home || dir.startsWith(home + '/')) ? '~' + dir.slice(home.length) : dir;
}

/** Lets promise chains started by a job run to their next real wait (everything here is microtasks). */
export async function settle(turns = 2000): Promise<void> {
  for (let i = 0; i < turns; i++) await Promise.resolve();
}

/** The command text bash shows for a job. */
export function describeAndOr(a: AndOr): string {
  return [describePipeline(a.first), ...a.rest.map((r) => `${r.op} ${describePipeline(r.pipeline)}`)].join(' ');
}

function describePipeline(p: Pipeline): string {
  return (p.negate ? '! ' : '') + p.cmds.map(describeCommand).join(' | ');
}

function describeCommand(c: AstCommand): string {
  if (c.t === 'subshell') return `( ${c.list.items.map((i) => describeAndOr(i.andOr) + (i.background ? ' &' : '')).join('; ')} )`;
  if (c.t !== 'cmd') return c.t;
  return simple(c);
}

function simple(c: SimpleCommand): string {
  return [...c.assigns.map((a) => `${a.name}=${a.value.raw}`), ...c.words.map((w) => w.raw), ...c.redirects.map(redirect)].join(' ');
}

function redirect(r: Redirect): string {
  const fd = r.fd === (r.op.startsWith('<') ? 0 : 1) || r.op.startsWith('&') ? '' : String(r.fd);
  return `${fd}${r.op} ${r.target.raw}`;
}
