/**
 * The learner's terminal session: a stack of shells (the workstation's login shell at the
 * bottom, container shells from `kubectl run -it` / `exec -it` and nested `bash` above it),
 * line buffering for continuation lines and heredocs, history, Tab completion, and a JSON
 * snapshot of all of it. The page, lessons and the replay CLI all drive this one class.
 *
 * Prompts: `learner@kubelab:~$ ` on the workstation, `root@<pod>:/# ` in bash images,
 * `/ # ` in busybox/alpine, `> ` on continuation lines, and nothing right after
 * `kubectl run -it` / `attach -it` until the first Enter (kubectl says "If you don't see a
 * command prompt, try pressing enter." because the real prompt was printed before it attached).
 */
import type { ApiClient, ClusterProfile } from '../cluster/index.js';
import { KubectlError, runKubectl as realKubectl, type InteractiveRequest, type KubeConfigState, type RunKubectl } from '../kubectl/index.js';
import type { CommandIO } from './command.js';
import type { Completion, LineResult, OutputSink, Session, TimeDriver } from './contract.js';
import { dashHost, type ContainerSpec, type Host } from './host.js';
import type { NetworkHost } from '../net/index.js';
import { shellBuiltins } from './builtins.js';
import { attachCluster, workstationTools } from './container/index.js';
import { complete } from './completion.js';
import { clusterDnsIP, containerSpecFor, createContainerHost } from './hosts/container.js';
import { createWorkstation } from './hosts/workstation.js';
import { ExitRequest, Interpreter, NestedShellRequest, terminalFds, type Builtin, type ShellState } from './interpreter.js';
import { execNotFound, followStream, planProgram } from './interactive.js';
import { runMainProcess } from './main-process.js';
import { JobTable } from './jobs.js';
import { makeKubectlCommand } from './kubectl-command.js';
import { parse } from './parser/parse.js';
import type { OpenEditor } from './utils/index.js';
import type { VfsSnapshot } from './vfs.js';

/** What the session needs from the simulated cluster (src/cluster/cluster.ts satisfies it). */
/** The container runtime operations a shell session drives (src/cluster/runtime ContainerRuntime has them). */
export interface SessionRuntimeOps {
  /** The attached main process (bash from `kubectl run -it`) exited: the kubelet applies the restart policy. */
  exitContainer(namespace: string, pod: string, container: string | undefined, exitCode: number, now: number): boolean;
  /** `kubectl exec` started a process (it shows in `ps`); returns its PID. */
  spawnProcess(namespace: string, pod: string, container: string | undefined, command: string, user: string, now: number): number | undefined;
  killProcess(namespace: string, pod: string, container: string | undefined, pid: number): void;
  /** Main processes that need the network wait for a session to run them (see main-process.ts). */
  pendingExternal(): { namespace: string; pod: string; container: string; argv: string[]; startedAt: number }[];
  claimExternal(namespace: string, pod: string, container: string | undefined): string[] | undefined;
}

export interface SessionCluster extends NetworkHost {
  api: ApiClient;
  runtime?: NetworkHost['runtime'] & Partial<SessionRuntimeOps>;
  /** The virtual clock (now(): ms since the epoch). */
  clock: { now(): number };
  profile?: ClusterProfile;
}

export interface SessionOptions {
  cluster: SessionCluster;
  time: TimeDriver;
  /** Files for the workstation home (path relative to ~ → content), e.g. a lesson's manifests. */
  files?: Record<string, string>;
  /** The page's editor (nano/vi/vim/code and kubectl edit); headless: absent. */
  openEditor?: OpenEditor;
  /** Defaults to the real kubectl (src/kubectl); tests may pass a fake. */
  runKubectl?: RunKubectl;
  snapshot?: SessionSnapshot;
}

/** 'input': a command such as `cat > f` reading the terminal until Ctrl-D (no shell of its own). */
type FrameKind = 'login' | 'nested' | 'attach' | 'exec' | 'input';

interface Frame {
  kind: FrameKind;
  /** Lines read by this shell (dash's error line numbers). */
  linesRead?: number;
  host: Host;
  interp: Interpreter;
  history: string[];
  /** No prompt until the first Enter (after attach). */
  suppressPrompt: boolean;
  /** No prompt at all (a shell without a terminal). */
  noPrompt?: boolean;
  /** An interactive bash reads ~/.bashrc before the first command (aliases live there). */
  rcPending?: boolean;
  /** What was typed so far into a command reading the terminal ('input' frames). */
  typed?: string;
  /** The PID `kubectl exec` got in the container, ended when the shell exits. */
  pid?: number;
  /** An attached shell's terminal is the container's stdout: the unfinished last log line. */
  logPartial?: string;
  /** Ends the kubectl exec/attach waiting on this shell. */
  resolve?: (code: number) => void;
  /** The command line that was running when this shell was entered; it resumes on exit. */
  suspended?: { run: Promise<number>; input: string };
  spec?: ContainerSpec & { uid: string };
}

export interface SessionSnapshot {
  version: 1;
  workstation: { fs: VfsSnapshot; state: ShellState; history: string[] };
  containers: { spec: ContainerSpec & { uid: string }; fs: VfsSnapshot }[];
  frames: { kind: FrameKind; hostId: string; state: ShellState; history: string[]; suppressPrompt: boolean; noPrompt?: boolean }[];
  kubeconfig: KubeConfigState;
  buffer: string[];
}

export interface ShellSession extends Session {
  snapshot(): SessionSnapshot;
  /** Label of the host the next line runs on ('workstation' or `<pod>/<container>`). */
  currentHost(): string;
  /** The workstation's filesystem (lesson checks read files the learner wrote). */
  workstation(): Host;
  /** Lines typed so far that completed earlier commands which were suspended in a container shell. */
  takeResumed(): { input: string; exitCode: number }[];
  kubeconfig(): KubeConfigState;
  /** The page's terminal size: `ls` lays out columns and `watch` its header to this width. */
  resize(columns: number, rows: number): void;
  /** The container the next line runs in, if any (lesson checks look at the image). */
  container(): { namespace: string; pod: string; container: string; image: string } | undefined;
}

function defaultKubeconfig(p?: ClusterProfile): KubeConfigState {
  const ctx = p?.contextName ?? 'kind-kind';
  const cluster = p?.clusterName ?? 'kind-kind';
  const user = p?.userName ?? 'kind-kind';
  return {
    currentContext: ctx,
    contexts: [{ name: ctx, cluster, user }],
    clusters: [{ name: cluster, server: p?.serverURL ?? 'https://127.0.0.1:6443' }],
    users: [{ name: user }],
  };
}

function freshState(host: Host, cwd?: string): ShellState {
  const vars = { ...host.env };
  return { cwd: cwd ?? host.workdir ?? host.home, vars, exported: Object.keys(vars), lastExit: 0 };
}

export function createSession(opts: SessionOptions): ShellSession {
  return new SessionImpl(opts);
}

class SessionImpl implements ShellSession {
  private readonly cluster: SessionCluster;
  private readonly time: TimeDriver;
  private readonly openEditor?: OpenEditor;
  private readonly runKubectl: RunKubectl;
  private frames: Frame[] = [];
  private buffer: string[] = [];
  private config: KubeConfigState;
  private containerFs = new Map<string, { spec: ContainerSpec & { uid: string }; host: Host }>();
  private readonly builtins: Record<string, Builtin>;
  /** Where terminal output goes now: the sink of the feed() in progress. */
  private out: OutputSink = { stdout: () => {}, stderr: () => {} };
  /** Resolved when a command of the current feed enters a container shell. */
  private entered?: () => void;
  private resumed: { input: string; exitCode: number }[] = [];
  private nextPid = 100;
  private columns: number | undefined;
  private runningPending = false;

  constructor(opts: SessionOptions) {
    this.cluster = opts.cluster;
    // Whenever the foreground lets time pass, background jobs whose sleep is over run on.
    this.time = { sleep: async (ms, signal) => { await opts.time.sleep(ms, signal); await this.tickJobs(); await this.runPending(); } };
    this.openEditor = opts.openEditor;
    this.runKubectl = opts.runKubectl ?? realKubectl;
    // Container tools (curl, nslookup, apt, ...) reach this cluster's network.
    const net = attachCluster(opts.cluster);
    this.config = opts.snapshot ? structuredClone(opts.snapshot.kubeconfig) : defaultKubeconfig(opts.cluster.profile);
    this.builtins = shellBuiltins({
      history: () => this.top().history,
      clearHistory: () => { this.top().history.length = 0; },
      now: () => this.cluster.clock.now(),
    });
    const ws = createWorkstation({
      now: () => this.cluster.clock.now(),
      files: opts.files,
      openEditor: opts.openEditor,
      snapshot: opts.snapshot?.workstation.fs,
      // curl, nslookup, dig, ping on the laptop: outside the cluster, this cluster's network.
      extra: { ...workstationTools(() => net), kubectl: this.kubectlCommand() },
    });
    const login = this.makeFrame('login', ws, opts.snapshot?.workstation.state ?? freshState(ws));
    login.history = [...(opts.snapshot?.workstation.history ?? [])];
    login.rcPending = !opts.snapshot;
    this.frames.push(login);
    if (opts.snapshot) this.restore(opts.snapshot);
  }

  // ---- Session contract ----

  prompt(): string {
    if (this.buffer.length) return '> ';
    const f = this.top();
    if (f.suppressPrompt || f.noPrompt) return '';
    return f.host.prompt(f.interp.state.cwd);
  }

  async feed(line: string, out: OutputSink, signal: AbortSignal): Promise<LineResult> {
    this.out = out;
    try {
      return await this.feedInner(line, signal);
    } catch (e) {
      // Nothing reaches the learner as an exception: report it like a crashed program.
      out.stderr(`kubelab: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      this.buffer = [];
      return { complete: true, input: line, exitCode: 1, host: this.top().host.label };
    }
  }

  complete(line: string): Completion {
    try {
      const f = this.top();
      return complete(line, { host: f.host, cwd: f.interp.state.cwd, builtins: Object.keys(this.builtins), api: this.cluster.api, config: this.config });
    } catch {
      return { replaceFrom: line.length, candidates: [] };
    }
  }

  // ---- extras ----

  currentHost(): string { return this.top().host.label; }
  workstation(): Host { return this.frames[0]!.host; }
  kubeconfig(): KubeConfigState { return this.config; }
  resize(columns: number): void { this.columns = columns > 0 ? Math.floor(columns) : undefined; }
  container(): { namespace: string; pod: string; container: string; image: string } | undefined {
    const id = this.top().host.id;
    const spec = this.containerFs.get(id)?.spec;
    return spec && { namespace: spec.namespace, pod: spec.pod, container: spec.container, image: spec.image };
  }
  takeResumed(): { input: string; exitCode: number }[] { const r = this.resumed; this.resumed = []; return r; }

  snapshot(): SessionSnapshot {
    const login = this.frames[0]!;
    return structuredClone({
      version: 1 as const,
      workstation: { fs: login.host.fs.snapshot(), state: login.interp.state, history: login.history },
      containers: this.liveContainers().map((c) => ({ spec: c.spec, fs: c.host.fs.snapshot() })),
      frames: this.frames.slice(1).filter((f) => f.kind !== 'input').map((f) => ({ kind: f.kind, hostId: f.host.id, state: f.interp.state, history: f.history, suppressPrompt: f.suppressPrompt, noPrompt: f.noPrompt })),
      kubeconfig: this.config,
      buffer: this.buffer,
    });
  }

  // ---- internals ----

  /** Containers worth saving: their pod still exists (same uid), or a shell is open in them. */
  private liveContainers(): { spec: ContainerSpec & { uid: string }; host: Host }[] {
    const open = new Set(this.frames.map((f) => f.host.id));
    let uids: Set<string>;
    try {
      uids = new Set(this.cluster.api.list({ group: '', resource: 'pods' }, undefined).items.map((p) => p.metadata?.uid ?? ''));
    } catch {
      return [...this.containerFs.values()];
    }
    return [...this.containerFs.values()].filter((c) => open.has(c.host.id) || uids.has(c.spec.uid.split('#')[0]!));
  }

  private top(): Frame { return this.frames[this.frames.length - 1]!; }

  private makeFrame(kind: FrameKind, host: Host, state: ShellState): Frame {
    const interp = new Interpreter({
      host, state, time: this.time, builtins: this.builtins, pid: this.nextPid++, columns: () => this.columns,
      readTerminal: () => this.readTerminal(),
      jobs: new JobTable(() => this.cluster.clock.now(), () => this.nextPid++),
    });
    return { kind, host, interp, history: [], suppressPrompt: false };
  }

  private restore(s: SessionSnapshot): void {
    this.buffer = [...s.buffer];
    for (const c of s.containers) {
      const host = this.buildContainerHost(c.spec, c.fs);
      this.containerFs.set(host.id, { spec: c.spec, host });
    }
    for (const f of s.frames) {
      const host = f.hostId === 'workstation' ? this.frames[0]!.host : this.containerFs.get(f.hostId)?.host;
      if (!host) continue;
      const frame = this.makeFrame(f.kind, host, structuredClone(f.state));
      frame.history = [...f.history];
      frame.suppressPrompt = f.suppressPrompt;
      frame.noPrompt = f.noPrompt;
      frame.spec = this.containerFs.get(f.hostId)?.spec;
      // The kubectl that opened this shell did not survive the save: closing it just returns.
      frame.resolve = () => {};
      this.frames.push(frame);
    }
  }

  private async feedInner(line: string, signal: AbortSignal): Promise<LineResult> {
    const frame = this.top();
    if (frame.kind === 'input') return this.typeIntoCommand(frame, line, signal);
    await this.runPending();
    if (frame.rcPending) await this.readRc(frame, signal);
    if (line === '\x04') return this.endOfFile(signal);
    // The tty echoes what is typed after the prompt bash printed (before kubectl attached, too).
    this.logTerminal((this.buffer.length ? '> ' : frame.host.prompt(frame.interp.state.cwd)) + line + '\n');
    frame.suppressPrompt = false;
    this.buffer.push(line);
    const src = this.buffer.join('\n');
    const parsed = parse(src);
    if (parsed.kind === 'incomplete') return { complete: false };
    this.buffer = [];
    // dash numbers its error messages with the line it read.
    frame.linesRead = (frame.linesRead ?? 0) + src.split('\n').length;
    frame.interp.lineNo = frame.linesRead;
    const host = frame.host.label;
    if (src.trim() !== '' && frame.history[frame.history.length - 1] !== src && !/^\s/.test(src)) frame.history.push(src);
    if (parsed.kind === 'error') {
      this.terminal().stderr(frame.interp.syntaxErrorText(parsed.token));
      frame.interp.state.lastExit = 2;
      return { complete: true, input: src, exitCode: 2, host };
    }
    const run = frame.interp.runList(parsed.list, terminalFds(this.terminal()), signal);
    const code = await this.awaitOrEnter(run, src, signal);
    await this.reportJobs();
    return { complete: true, input: src, exitCode: code, host };
  }

  /**
   * A command that reads the terminal (`cat > f`, `kubectl apply -f -`) waits for lines until
   * Ctrl-D; then it runs with them as stdin, and the line that started it continues.
   */
  private readTerminal(): Promise<string> {
    const below = this.top();
    const frame: Frame = { kind: 'input', host: below.host, interp: below.interp, history: below.history, suppressPrompt: false, noPrompt: true, typed: '' };
    const text = new Promise<string>((resolve) => { frame.resolve = () => resolve(frame.typed ?? ''); });
    this.frames.push(frame);
    this.entered?.();
    return text;
  }

  private async typeIntoCommand(frame: Frame, line: string, signal: AbortSignal): Promise<LineResult> {
    if (line !== '\x04') {
      frame.typed += line + '\n';
      return { complete: false };
    }
    this.frames.pop();
    frame.resolve?.(0);
    const input = (frame.typed ?? '').replace(/\n$/, '');
    const suspended = frame.suspended;
    let code: number | undefined = this.top().interp.state.lastExit;
    if (suspended) {
      code = await this.awaitOrEnter(suspended.run, suspended.input, signal);
      if (code !== undefined) this.resumed.push({ input: suspended.input, exitCode: code });
    }
    return { complete: true, input, exitCode: code, host: frame.host.label };
  }

  private async readRc(frame: Frame, signal: AbortSignal): Promise<void> {
    frame.rcPending = false;
    if (frame.host.dialect !== 'bash') return;
    const rc = `${frame.interp.state.vars['HOME'] ?? frame.host.home}/.bashrc`;
    if (!frame.host.fs.exists(rc)) return;
    const silent = () => {};
    const code = frame.interp.state.lastExit;
    try {
      await frame.interp.runSource(frame.host.fs.readFile(rc), { stdin: '', stdinIsTerminal: false, out: silent, err: silent, outIsTerminal: false }, signal);
    } catch { /* a broken .bashrc must not break the shell */ }
    frame.interp.state.lastExit = code;
  }

  /** Lets due background jobs run (their sleeps wait for the foreground to let time pass). */
  private async tickJobs(): Promise<void> {
    for (const f of this.frames) if (f.kind !== 'input') await f.interp.jobs?.tick();
  }

  /**
   * Containers whose main process needs the network (`kubectl run -- wget -qO- web`) run it
   * here once they are started: its output becomes the container log, its exit the container's.
   */
  private async runPending(): Promise<void> {
    const rt = this.cluster.runtime;
    if (this.runningPending || !rt?.pendingExternal || !rt.claimExternal) return;
    this.runningPending = true;
    try {
      for (const p of rt.pendingExternal()) {
        const argv = rt.claimExternal(p.namespace, p.pod, p.container);
        if (!argv) continue;
        let host: Host;
        try { host = this.containerHost(containerSpecFor(this.cluster.api, p.namespace, p.pod, p.container)); } catch { continue; }
        // It ran from the container's start (nobody watched): it may have finished already.
        const started = p.startedAt || this.cluster.clock.now();
        const env = { builtins: this.builtins, pid: this.nextPid++, columns: this.columns, state: freshState(host) };
        const { code, elapsed } = await runMainProcess(argv, host, env, (line) => rt.appendLog?.(p.namespace, p.pod, p.container, line));
        if (code !== undefined) rt.exitContainer?.(p.namespace, p.pod, p.container, code, started + elapsed);
      }
    } finally { this.runningPending = false; }
  }

  /** bash reports jobs that ended (`[1]+  Done ...`) before it prints the next prompt. */
  private async reportJobs(): Promise<void> {
    await this.tickJobs();
    const sh = this.top().interp;
    const text = sh.jobs?.notifications({ cwd: sh.state.cwd, home: sh.state.vars['HOME'] ?? sh.host.home });
    if (text) this.terminal().stderr(text);
  }

  /** A sink that always points at the current feed's output (container shells outlive feeds). */
  private terminal(): OutputSink {
    return {
      stdout: (t) => { this.logTerminal(t); this.out.stdout(t); },
      stderr: (t) => { this.logTerminal(t); this.out.stderr(t); },
    };
  }

  /**
   * In an attached session everything on the terminal is the container's output, so
   * `kubectl logs` shows the session afterwards (k8s-semantics §7.5). Exec sessions are not logged.
   */
  private logTerminal(text: string): void {
    const frame = this.top();
    const append = this.cluster.runtime?.appendLog;
    if (frame.kind !== 'attach' || !frame.spec || !append) return;
    const parts = ((frame.logPartial ?? '') + text).split('\n');
    frame.logPartial = parts.pop();
    for (const line of parts) append.call(this.cluster.runtime, frame.spec.namespace, frame.spec.pod, frame.spec.container, line);
  }

  /**
   * Waits for a command line to finish, unless it enters a container shell first: then the
   * line stays suspended on the new shell's frame and resumes when that shell exits.
   * Returns the exit code, or undefined while suspended.
   */
  private async awaitOrEnter(run: Promise<number>, input: string, signal: AbortSignal): Promise<number | undefined> {
    const guarded = run.then(
      (code) => ({ code }),
      (e: unknown) => ({ error: e }),
    );
    const entered = new Promise<'entered'>((resolve) => { this.entered = () => resolve('entered'); });
    const first = await Promise.race([guarded, entered]);
    this.entered = undefined;
    if (first === 'entered') {
      this.top().suspended = { run, input };
      return undefined;
    }
    if ('code' in first) return first.code;
    return this.handleShellExit(first.error, signal);
  }

  /** `exit` (or a nested-shell request) escaped the interpreter. */
  private async handleShellExit(e: unknown, signal: AbortSignal): Promise<number | undefined> {
    if (e instanceof NestedShellRequest) {
      const cur = this.top();
      const state = freshState(cur.host, cur.interp.state.cwd);
      for (const k of cur.interp.state.exported) if (cur.interp.state.vars[k] !== undefined) state.vars[k] = cur.interp.state.vars[k]!;
      state.exported = [...cur.interp.state.exported];
      const nested = this.makeFrame('nested', e.dash ? dashHost(cur.host) : cur.host, state);
      nested.rcPending = true;
      this.frames.push(nested);
      return 0;
    }
    if (e instanceof ExitRequest) return this.leaveShell(e.code, signal);
    throw e;
  }

  private async endOfFile(signal: AbortSignal): Promise<LineResult> {
    const frame = this.top();
    if (this.buffer.length) {
      // bash at EOF inside an unfinished construct.
      const r = parse(this.buffer.join('\n'));
      this.buffer = [];
      const sh = frame.interp.shellName;
      this.terminal().stderr(r.kind === 'incomplete' && r.matching && frame.host.dialect === 'bash'
        ? `${sh}: unexpected EOF while looking for matching \`${r.matching}'\n`
        : `${sh}: syntax error: unexpected end of file\n`);
      frame.interp.state.lastExit = 2;
      return { complete: true, input: '', exitCode: 2, host: frame.host.label };
    }
    if (frame.kind === 'login') return { complete: true, input: '', exitCode: frame.interp.state.lastExit, host: frame.host.label };
    // busybox ash ends the prompt line on EOF (bash prints `exit` in leaveShell instead).
    if (frame.host.dialect === 'ash') this.terminal().stderr('\n');
    const code = await this.leaveShell(frame.interp.state.lastExit, signal);
    return { complete: true, input: '', exitCode: code, host: frame.host.label };
  }

  /** Ends the top shell: bash says `exit`; a container shell hands its code back to kubectl. */
  private async leaveShell(code: number, signal: AbortSignal): Promise<number | undefined> {
    const frame = this.top();
    if (frame.host.dialect === 'bash') this.terminal().stderr('exit\n');
    // The shell's background jobs get SIGHUP when it ends.
    frame.interp.jobs?.killAll();
    if (frame.kind === 'login') {
      // A browser tab cannot close its terminal: start a fresh login shell, like a new tab.
      frame.interp.state = freshState(frame.host);
      return code;
    }
    this.frames.pop();
    this.top().interp.state.lastExit = code;
    this.endProcess(frame, code);
    frame.resolve?.(code);
    const suspended = frame.suspended;
    if (!suspended) return code;
    const outer = await this.awaitOrEnter(suspended.run, suspended.input, signal);
    if (outer !== undefined) this.resumed.push({ input: suspended.input, exitCode: outer });
    return outer;
  }

  // ---- kubectl and container shells ----

  private kubectlCommand() {
    return makeKubectlCommand({
      api: () => this.cluster.api,
      now: () => this.cluster.clock.now(),
      config: () => this.config,
      run: (argv, ctx) => this.runKubectl(argv, ctx),
      interact: (req, io) => this.interact(req, io),
      openEditor: this.openEditor,
    });
  }

  private async interact(req: InteractiveRequest, io: CommandIO): Promise<number> {
    if (req.kind === 'stream') return followStream(req, io, io.time);
    let host: Host;
    let spec: ContainerSpec & { uid: string };
    try {
      spec = containerSpecFor(this.cluster.api, req.namespace, req.pod, req.container);
      host = this.containerHost(spec);
    } catch (e) {
      io.stderr(`error: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
    // Attached to a main process that needs the network: it runs here, on the terminal and in the log.
    const claimed = req.kind === 'attach' ? this.cluster.runtime?.claimExternal?.(req.namespace, req.pod, req.container) : undefined;
    if (claimed) {
      const rt = this.cluster.runtime!;
      const env = { builtins: this.builtins, pid: this.nextPid++, columns: this.columns, state: freshState(host) };
      const { code } = await runMainProcess(claimed, host, env, (line) => rt.appendLog?.(req.namespace, req.pod, req.container, line), io, io.time, io.signal);
      rt.exitContainer?.(req.namespace, req.pod, req.container, code ?? 130, this.cluster.clock.now());
      return code ?? 130;
    }
    const plan = planProgram(host, req.kind === 'exec' ? req.command : spec.argv.length ? spec.argv : [host.dialect === 'ash' ? 'sh' : 'bash']);
    if (plan.kind === 'missing') throw new KubectlError(execNotFound(plan.program, `${spec.uid}/${plan.program}/${this.cluster.clock.now()}/${this.nextPid++}`));
    const { argv, isShell } = plan;
    // A background job (`kubectl exec -it pod -- bash &`) has no terminal: its shell reads EOF.
    const background = io.time !== this.time;
    if (!req.stdin && isShell && req.kind === 'attach') {
      // Attached to a shell without stdin: nothing to type, nothing printed, until Ctrl-C.
      while (!io.signal.aborted) await io.time.sleep(1000, io.signal);
      return 130;
    }
    if (!(req.stdin && isShell) || background) {
      // One command, no terminal: run it in a throwaway shell on the container host.
      const interp = new Interpreter({ host, state: freshState(host), time: io.time, builtins: this.builtins, pid: this.nextPid++, columns: () => this.columns });
      const cio: CommandIO = { ...io, env: interp.environment(), cwd: interp.state.cwd, fs: host.fs, stdin: req.stdin ? io.stdin : '' };
      try {
        return await interp.runArgv(argv, cio);
      } catch (e) {
        if (e instanceof ExitRequest) return e.code;
        if (e instanceof NestedShellRequest) return 0;
        throw e;
      }
    }
    // `-- sh` in a Debian/Ubuntu image is dash, not bash.
    const frame = this.makeFrame(req.kind, argv[0] === 'sh' ? dashHost(host) : host, freshState(host));
    frame.spec = spec;
    if (req.kind === 'exec') frame.pid = this.cluster.runtime?.spawnProcess?.(spec.namespace, spec.pod, spec.container, argv.join(' '), host.user, this.cluster.clock.now());
    frame.suppressPrompt = req.kind === 'attach';
    // A shell reading a pipe (`exec -i` without -t) is not interactive: it prints no prompt.
    frame.noPrompt = !req.tty;
    frame.rcPending = req.tty;
    const done = new Promise<number>((resolve) => { frame.resolve = resolve; });
    this.frames.push(frame);
    this.entered?.();
    return done;
  }

  /**
   * Tells the runtime a container shell ended: an attached shell is the container's main
   * process, so the container exits (and restarts or completes, as its policy says); an exec'd
   * shell is just a process that goes away.
   */
  private endProcess(frame: Frame, code: number): void {
    const spec = frame.spec;
    const rt = this.cluster.runtime;
    if (!spec || !rt) return;
    if (frame.kind === 'attach') rt.exitContainer?.(spec.namespace, spec.pod, spec.container, code, this.cluster.clock.now());
    else if (frame.kind === 'exec' && frame.pid !== undefined) rt.killProcess?.(spec.namespace, spec.pod, spec.container, frame.pid);
  }

  /** A container's filesystem lives as long as the pod (same uid): `apt install` survives exit. */
  private containerHost(spec: ContainerSpec & { uid: string }): Host {
    const id = `${spec.namespace}/${spec.pod}/${spec.container}@${spec.uid}`;
    const cached = this.containerFs.get(id);
    if (cached) return cached.host;
    for (const [k, v] of this.containerFs) {
      if (v.spec.namespace === spec.namespace && v.spec.pod === spec.pod && v.spec.container === spec.container) this.containerFs.delete(k);
    }
    const host = this.buildContainerHost(spec);
    this.containerFs.set(id, { spec, host });
    return host;
  }

  private buildContainerHost(spec: ContainerSpec & { uid: string }, fs?: VfsSnapshot): Host {
    return createContainerHost(spec, {
      now: () => this.cluster.clock.now(),
      dnsServer: clusterDnsIP(this.cluster.api),
      clusterDomain: this.cluster.profile?.clusterDomain ?? 'cluster.local',
      snapshot: fs,
      kernel: this.cluster.profile?.nodes.find((n) => n.name === spec.nodeName)?.kernelVersion,
    });
  }
}
