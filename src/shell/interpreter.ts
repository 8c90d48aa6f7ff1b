/**
 * Runs parsed command lines on one host. Pipes and redirects are fully buffered: each stage
 * of a pipeline runs to completion and hands its stdout to the next (a stage that writes more
 * than a pipe buffer is stopped, as SIGPIPE would stop `yes | head`).
 */
import type { Command, CommandIO } from './command.js';
import type { OutputSink, TimeDriver } from './contract.js';
import { builtinAbsent, dashHost, type Host } from './host.js';
import type { AndOr, Command as AstCommand, ForLoop, List, Pipeline, Redirect, SimpleCommand, WhileLoop, Word } from './parser/ast.js';
import { parse } from './parser/parse.js';
import type { JobTable } from './jobs.js';
import { expandText, expandWord, expandWords, type ExpandEnv } from './expand.js';
import { fsErrorText } from './vfs.js';

/** The per-shell state that survives between lines (and is saved with the session). */
export interface ShellState {
  cwd: string;
  vars: Record<string, string>;
  exported: string[];
  lastExit: number;
  /** `alias name=value` definitions (bash expands them in command position). */
  aliases?: Record<string, string>;
}

/** A builtin sees the interpreter, so it can change the shell's own state (cd, export, exit). */
export type Builtin = (args: string[], io: CommandIO, sh: Interpreter) => Promise<number>;

/** Thrown by `exit`; the session ends the shell (and leaves the container). */
export class ExitRequest {
  constructor(readonly code: number) {}
}

/** `break` / `continue` unwinding to the enclosing loop. */
export class LoopControl {
  constructor(readonly kind: 'break' | 'continue', public levels: number) {}
}

/** Builtins that are also programs in /bin or /usr/bin (`/bin/bash`, `/usr/bin/env` run them). */
const BINARY_BUILTINS = new Set(['bash', 'sh', 'env', 'which', 'test', '[', 'watch']);

/**
 * Commands that read stdin when given no input operands; at the terminal they wait for lines
 * until Ctrl-D. (Other commands never read the terminal here.)
 */
function readsTerminal(argv: string[]): boolean {
  const [name, ...args] = argv;
  const operands = args.filter((a) => a === '-' || !a.startsWith('-'));
  // A bad option fails before anything is read.
  const known: Record<string, string> = { cat: 'AbeEnstTuv', wc: 'clmwL', sort: 'bdfghiMnRrsuVckmot', base64: 'diw' };
  const badOption = args.some((a) => /^-[^-]/.test(a) && [...a.slice(1)].some((c) => !(known[name ?? ''] ?? '').includes(c)));
  switch (name) {
    case 'cat': case 'wc': case 'sort': case 'base64': return !badOption && (operands.length === 0 || operands.includes('-'));
    case 'tee': return true;
    case 'kubectl': return args.some((a, i) => (a === '-' && ['-f', '--filename'].includes(args[i - 1] ?? '')) || a === '--filename=-' || a === '-f-' || a === '-f=-');
    default: return false;
  }
}

/** A loop that never waits would freeze the page; real bash has no limit, we stop here. */
const MAX_LOOP = 100_000;

/** Thrown by `bash`/`sh` typed without arguments at the terminal: the session starts a nested shell. */
export class NestedShellRequest {
  /** `sh` typed in a bash host: Debian's /bin/sh is dash. */
  constructor(readonly dash = false) {}
}

export interface Fds {
  stdin: string;
  stdinIsTerminal: boolean;
  out: (text: string) => void;
  err: (text: string) => void;
  /** fd 1 is the terminal (no pipe or redirect). */
  outIsTerminal: boolean;
}

export interface InterpreterDeps {
  host: Host;
  state: ShellState;
  time: TimeDriver;
  builtins: Record<string, Builtin>;
  /** Shell process id for `$$`. */
  pid: number;
  /** The terminal's width, when the page has told the session. */
  columns?: () => number | undefined;
  /** Lines typed at the terminal until Ctrl-D, for a command that reads it (`cat > f`). */
  readTerminal?: () => Promise<string>;
  /** An interactive shell's background jobs (`cmd &`); without it `&` runs in the foreground. */
  jobs?: JobTable;
}

/** Bytes a pipe holds before the writer is stopped (Linux: 64 KiB). */
const PIPE_BUFFER = 65536;

export class Interpreter {
  readonly host: Host;
  state: ShellState;
  readonly time: TimeDriver;
  readonly builtins: Record<string, Builtin>;
  readonly pid: number;
  private readonly columns: () => number | undefined;
  private readonly readTerminal?: () => Promise<string>;
  /** Counts $(...) runs, so an assignment-only command can return the last one's status. */
  private substitutions = 0;
  /** How many loops enclose the running command (`break` outside one is an error). */
  loopDepth = 0;
  readonly jobs?: JobTable;

  constructor(deps: InterpreterDeps) {
    this.host = deps.host;
    this.state = deps.state;
    this.time = deps.time;
    this.builtins = deps.builtins;
    this.pid = deps.pid;
    this.columns = deps.columns ?? (() => undefined);
    this.readTerminal = deps.readTerminal;
    this.jobs = deps.jobs;
  }

  /** 'bash' or 'sh': the name in front of shell error messages. */
  get shellName(): string { return this.host.dialect === 'bash' ? 'bash' : 'sh'; }

  /** dash numbers its errors with the input line (1 for `sh -c`; the session counts typed lines). */
  lineNo = 1;

  syntaxErrorText(token: string): string {
    if (this.host.dialect === 'ash') return `sh: syntax error: unexpected ${token === 'newline' ? 'newline' : `"${token}"`}\n`;
    if (this.host.dialect === 'dash') return `sh: ${this.lineNo}: Syntax error: ${token === 'newline' ? 'newline' : `"${token}"`} unexpected\n`;
    return `bash: syntax error near unexpected token \`${token}'\n`;
  }

  notFoundText(name: string): string {
    if (this.host.dialect === 'dash') return `sh: ${this.lineNo}: ${name}: not found\n`;
    return this.host.dialect === 'ash' ? `sh: ${name}: not found\n` : `${this.shellName}: ${name}: command not found\n`;
  }

  getVar(name: string): string | undefined {
    if (name === '?') return String(this.state.lastExit);
    if (name === '$') return String(this.pid);
    if (name === '#') return '0';
    if (name === '0') return this.shellName;
    if (name === 'PWD') return this.state.cwd;
    return this.state.vars[name];
  }

  setVar(name: string, value: string, exported = false): void {
    this.state.vars[name] = value;
    if (exported && !this.state.exported.includes(name)) this.state.exported.push(name);
  }

  /** The environment a child process sees: exported variables, plus PWD. */
  environment(extra: Record<string, string> = {}): Map<string, string> {
    const env = new Map<string, string>();
    for (const k of [...this.state.exported].sort()) {
      const v = this.state.vars[k];
      if (v !== undefined) env.set(k, v);
    }
    env.set('PWD', this.state.cwd);
    for (const [k, v] of Object.entries(extra)) env.set(k, v);
    return env;
  }

  /** Parses and runs source text (used by `watch`, `sh -c`, `$(...)`). Syntax errors go to stderr. */
  async runSource(src: string, fds: Fds, signal: AbortSignal): Promise<number> {
    const r = parse(src);
    if (r.kind === 'incomplete') {
      fds.err(this.host.dialect === 'ash' ? 'sh: syntax error: unexpected end of file\n' : 'bash: syntax error: unexpected end of file\n');
      return (this.state.lastExit = 2);
    }
    if (r.kind === 'error') { fds.err(this.syntaxErrorText(r.token)); return (this.state.lastExit = 2); }
    return this.runList(r.list, fds, signal);
  }

  async runList(list: List, fds: Fds, signal: AbortSignal): Promise<number> {
    let code = this.state.lastExit;
    for (const item of list.items) {
      if (signal.aborted) return (this.state.lastExit = 130);
      if (item.background && this.jobs) {
        const job = this.jobs.start(item.andOr, (andOr, sig, time) => this.runJob(andOr, fds, sig, time), this.state.cwd);
        fds.err(`[${job.id}] ${job.pid}\n`);
        this.state.vars['!'] = String(job.pid);
        code = this.state.lastExit = 0;
        continue;
      }
      code = await this.runPipeline(item.andOr.first, fds, signal);
      for (const { op, pipeline } of item.andOr.rest) {
        if (signal.aborted) return (this.state.lastExit = 130);
        if ((op === '&&' && code !== 0) || (op === '||' && code === 0)) continue;
        code = await this.runPipeline(pipeline, fds, signal);
      }
    }
    return code;
  }

  /** This shell's `sh`: the same state seen by dash when this is a bash host (`sh -c` there is dash). */
  asSh(): Interpreter {
    if (this.host.dialect !== 'bash') return this;
    return new Interpreter({ host: dashHost(this.host), time: this.time, builtins: this.builtins, pid: this.pid, columns: this.columns, state: this.state });
  }

  /** A background job is a subshell: a copy of this shell's state, its own signal and clock. */
  private async runJob(andOr: AndOr, fds: Fds, signal: AbortSignal, time: TimeDriver): Promise<number> {
    const child = new Interpreter({
      host: this.host, time, builtins: this.builtins, pid: this.pid, columns: this.columns,
      state: { ...this.state, vars: { ...this.state.vars }, exported: [...this.state.exported] },
    });
    try {
      return await child.runList({ items: [{ andOr, background: false }] }, { ...fds, stdin: '', stdinIsTerminal: false }, signal);
    } catch (e) {
      if (e instanceof ExitRequest) return e.code;
      if (e instanceof NestedShellRequest) return 0;
      throw e;
    }
  }

  private async runPipeline(p: Pipeline, fds: Fds, signal: AbortSignal): Promise<number> {
    if (p.cmds.length === 1) {
      const code = await this.runCommand(p.cmds[0]!, fds, signal);
      return (this.state.lastExit = p.negate ? (code === 0 ? 1 : 0) : code);
    }
    // Each stage of a real pipeline is a subshell: `exit` there ends only that stage.
    const stage = async (c: AstCommand, f: Fds, sig: AbortSignal): Promise<number> => {
      try { return await this.runCommand(c, f, sig); } catch (e) {
        if (e instanceof ExitRequest) return e.code;
        if (e instanceof NestedShellRequest) return 0;
        throw e;
      }
    };
    let stdin = fds.stdin;
    let stdinIsTerminal = fds.stdinIsTerminal;
    let code = 0;
    for (let i = 0; i < p.cmds.length; i++) {
      const last = i === p.cmds.length - 1;
      if (last) {
        code = await stage(p.cmds[i]!, { ...fds, stdin, stdinIsTerminal }, signal);
        break;
      }
      let buf = '';
      const stageCtl = new AbortController();
      const onAbort = () => stageCtl.abort();
      signal.addEventListener('abort', onAbort);
      const out = (t: string) => {
        if (buf.length >= PIPE_BUFFER) return;
        buf += t;
        if (buf.length >= PIPE_BUFFER) stageCtl.abort();
      };
      await stage(p.cmds[i]!, { ...fds, stdin, stdinIsTerminal, out, outIsTerminal: false }, stageCtl.signal);
      signal.removeEventListener('abort', onAbort);
      if (signal.aborted) return (this.state.lastExit = 130);
      stdin = buf.slice(0, PIPE_BUFFER);
      stdinIsTerminal = false;
    }
    if (p.negate) code = code === 0 ? 1 : 0;
    return (this.state.lastExit = code);
  }

  private async runCommand(c: AstCommand, fds: Fds, signal: AbortSignal): Promise<number> {
    if (c.t === 'subshell') {
      const redirected = await this.applyRedirects(c.redirects, fds, signal);
      if (!redirected) return (this.state.lastExit = 1);
      const saved = this.state;
      this.state = { ...saved, vars: { ...saved.vars }, exported: [...saved.exported] };
      try {
        return await this.runList(c.list, redirected, signal);
      } catch (e) {
        if (e instanceof ExitRequest) return e.code;
        throw e;
      } finally {
        const code = this.state.lastExit;
        this.state = saved;
        this.state.lastExit = code;
      }
    }
    if (c.t === 'cmd') return this.runSimple(c, fds, signal);
    const redirected = await this.applyRedirects(c.redirects, fds, signal);
    if (!redirected) return (this.state.lastExit = 1);
    if (c.t === 'if') {
      for (const b of c.branches) {
        if ((await this.runList(b.cond, redirected, signal)) === 0) return this.runList(b.body, redirected, signal);
        if (signal.aborted) return (this.state.lastExit = 130);
      }
      return c.elseBody ? this.runList(c.elseBody, redirected, signal) : (this.state.lastExit = 0);
    }
    this.loopDepth++;
    try {
      return await this.runLoop(c, redirected, signal);
    } finally {
      this.loopDepth--;
    }
  }

  private async runLoop(c: ForLoop | WhileLoop, redirected: Fds, signal: AbortSignal): Promise<number> {
    let code = 0;
    const env = this.expandEnv(redirected, signal);
    const items = c.t === 'for' ? await expandWords(c.words, env) : [];
    for (let i = 0; c.t === 'while' || i < items.length; i++) {
      if (signal.aborted) return (this.state.lastExit = 130);
      if (i >= MAX_LOOP) {
        redirected.err(`${this.shellName}: loop stopped after ${MAX_LOOP} rounds (kubelab limit)\n`);
        return (this.state.lastExit = 1);
      }
      // Yield now and then so the page stays responsive and Ctrl-C can land.
      if (i % 64 === 63) await this.time.sleep(0, signal);
      if (c.t === 'while') {
        const ok = (await this.runList(c.cond, redirected, signal)) === 0;
        if (ok === c.until || signal.aborted) break;
      } else this.setVar(c.name, items[i]!);
      try {
        code = await this.runList(c.body, redirected, signal);
      } catch (e) {
        if (e instanceof LoopControl) {
          if (e.levels > 1) { e.levels--; throw e; }
          if (e.kind === 'break') break;
          continue;
        }
        throw e;
      }
    }
    return (this.state.lastExit = signal.aborted ? 130 : code);
  }

  expandEnv(fds: Fds, signal: AbortSignal): ExpandEnv {
    let procSubsts = 0;
    return {
      getVar: (n) => this.getVar(n),
      home: () => this.state.vars['HOME'] ?? this.host.home,
      substitute: (src) => this.substitute(src, fds, signal),
      processSubstitute: async (src, dir) => {
        // bash hands out /dev/fd/63, 62, ... ; the output is complete before the command reads it.
        const path = `/dev/fd/${63 - (procSubsts++ % 32)}`;
        const text = dir === '<' ? await this.substitute(src, fds, signal) : '';
        if (!this.host.fs.exists('/dev/fd')) this.host.fs.mkdir('/dev/fd', true);
        this.host.fs.writeFile(path, text);
        return path;
      },
      fs: this.host.fs,
      cwd: this.state.cwd,
    };
  }

  private async substitute(src: string, fds: Fds, signal: AbortSignal): Promise<string> {
    let captured = '';
    this.substitutions++;
    const saved = this.state;
    this.state = { ...saved, vars: { ...saved.vars }, exported: [...saved.exported] };
    try {
      await this.runSource(src, { ...fds, stdin: '', stdinIsTerminal: false, out: (t) => { captured += t; }, outIsTerminal: false }, signal);
    } catch (e) {
      if (!(e instanceof ExitRequest || e instanceof NestedShellRequest)) throw e;
    } finally {
      // $(...) runs in a subshell: only its exit status comes back.
      const code = this.state.lastExit;
      this.state = saved;
      this.state.lastExit = code;
    }
    return captured;
  }

  private async runSimple(cmd: SimpleCommand, fds: Fds, signal: AbortSignal): Promise<number> {
    const env = this.expandEnv(fds, signal);
    const subsBefore = this.substitutions;
    const argv = await expandWords(this.expandAlias(cmd.words), env);
    const assigns: Record<string, string> = {};
    for (const a of cmd.assigns) assigns[a.name] = (await expandWord(a.value, env, false)).join(' ');
    const io = await this.applyRedirects(cmd.redirects, fds, signal);
    if (!io) return (this.state.lastExit = 1);
    if (argv.length === 0) {
      for (const [k, v] of Object.entries(assigns)) this.setVar(k, v);
      return this.substitutions > subsBefore ? this.state.lastExit : (this.state.lastExit = 0);
    }
    let stdin = io.stdin;
    if (io.stdinIsTerminal && this.readTerminal && readsTerminal(argv)) stdin = await this.readTerminal();
    if (signal.aborted) return (this.state.lastExit = 130);
    const commandIO: CommandIO = {
      stdin,
      isTTY: io.outIsTerminal,
      env: this.environment(assigns),
      cwd: this.state.cwd,
      fs: this.host.fs,
      signal,
      time: this.time,
      stdout: io.out,
      stderr: io.err,
      columns: this.columns(),
    };
    let code = await this.runArgv(argv, commandIO);
    if (signal.aborted && code === 0) code = 130;
    return (this.state.lastExit = code);
  }

  /**
   * Alias expansion: an unquoted first word naming an alias is replaced by the alias's words
   * (once per name, as bash stops at a name already being expanded).
   */
  private expandAlias(words: Word[], seen = new Set<string>()): Word[] {
    const first = words[0];
    const aliases = this.state.aliases;
    if (!first || !aliases || first.parts.length !== 1 || first.parts[0]!.k !== 'lit' || first.parts[0]!.quoted) return words;
    const name = first.raw;
    const value = aliases[name];
    if (value === undefined || seen.has(name)) return words;
    const r = parse(value);
    if (r.kind !== 'ok' || r.list.items.length !== 1) return words;
    const c = r.list.items[0]!.andOr.first.cmds[0];
    if (!c || c.t !== 'cmd' || r.list.items[0]!.andOr.first.cmds.length !== 1) return words;
    seen.add(name);
    return [...this.expandAlias(c.words, seen), ...words.slice(1)];
  }

  /** Runs argv[0] as a builtin, a host command or a path; prints bash's error when there is none. */
  async runArgv(argv: string[], io: CommandIO): Promise<number> {
    const name = argv[0]!;
    const base = name.slice(name.lastIndexOf('/') + 1);
    const builtin = builtinAbsent(this.host, base) ? undefined
      : !name.includes('/') ? this.builtins[name]
      : BINARY_BUILTINS.has(base) && /^\/(usr\/)?(local\/)?s?bin\/[^/]+$/.test(this.host.fs.resolve(this.state.cwd, name)) ? this.builtins[base] : undefined;
    const command: Command | undefined = name.includes('/') ? this.commandAtPath(name) : this.host.commands[name];
    try {
      if (builtin) return await builtin(argv.slice(1), io, this);
      // A tool whose binary is not installed is the shell's own "not found" (dash numbers it).
      if (command && (command as { available?: (fs: Host['fs']) => boolean }).available?.(this.host.fs) === false) { io.stderr(this.notFoundText(name)); return 127; }
      if (command) return await command(argv.slice(1), io);
      if (name.includes('/')) return this.pathNotRunnable(name, io.stderr);
      io.stderr(this.notFoundText(name));
      return 127;
    } catch (e) {
      if (e instanceof ExitRequest || e instanceof NestedShellRequest || e instanceof LoopControl) throw e;
      io.stderr(`${name}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
  }

  /** `/usr/bin/ls` runs `ls`: commands live in the bin directories `which` names. */
  private commandAtPath(name: string): Command | undefined {
    const abs = this.host.fs.resolve(this.state.cwd, name);
    const base = abs.slice(abs.lastIndexOf('/') + 1);
    const cmd = this.host.commands[base];
    if (!cmd) return undefined;
    const where = this.host.paths?.[base] ?? `/usr/bin/${base}`;
    return abs === where || /^\/(usr\/)?(local\/)?s?bin\/[^/]+$/.test(abs) ? cmd : undefined;
  }

  /** `./script` or `/bin/x`: we run no files, but say what bash says about them. */
  private pathNotRunnable(name: string, err: (t: string) => void): number {
    const abs = this.host.fs.resolve(this.state.cwd, name);
    if (!this.host.fs.exists(abs)) { err(this.host.dialect !== 'bash' ? this.notFoundText(name) : `${this.shellName}: ${name}: No such file or directory\n`); return 127; }
    if (this.host.fs.isDir(abs)) { err(`${this.shellName}: ${name}: Is a directory\n`); return 126; }
    err(`${this.shellName}: ${name}: Permission denied\n`);
    return 126;
  }

  /** Applies redirects in order; returns the new descriptors or undefined after printing an error. */
  private async applyRedirects(redirects: Redirect[], fds: Fds, signal: AbortSignal): Promise<Fds | undefined> {
    let cur = { ...fds };
    const fs = this.host.fs;
    for (const r of redirects) {
      if (r.heredoc) {
        const body = r.heredoc.expand ? await expandText(r.heredoc.body, this.expandEnv(fds, signal)) : r.heredoc.body;
        cur = { ...cur, stdin: body, stdinIsTerminal: false };
        continue;
      }
      const fields = await expandWord(r.target, this.expandEnv(fds, signal));
      if (r.op === '<<<') { cur = { ...cur, stdin: fields.join(' ') + '\n', stdinIsTerminal: false }; continue; }
      if ((r.op === '>&' || r.op === '<&') && fields.length === 1 && /^\d+$/.test(fields[0]!)) {
        const src = Number(fields[0]);
        if (r.fd === 2 && src === 1) cur = { ...cur, err: cur.out };
        else if (r.fd === 1 && src === 2) cur = { ...cur, out: cur.err, outIsTerminal: false };
        continue;
      }
      if (fields.length !== 1) { cur.err(`${this.shellName}: ${r.target.raw}: ambiguous redirect\n`); return undefined; }
      const target = fields[0]!;
      const path = fs.resolve(this.state.cwd, target);
      if (r.op === '<') {
        try { cur = { ...cur, stdin: fs.readFile(path), stdinIsTerminal: false }; } catch (e) {
          cur.err(`${this.shellName}: ${target}: ${fsErrorText(e)}\n`);
          return undefined;
        }
        continue;
      }
      if (target === '/dev/null') {
        const sink = () => {};
        if (r.op === '&>' || r.op === '&>>' || r.op === '>&') cur = { ...cur, out: sink, err: sink, outIsTerminal: false };
        else if (r.fd === 2) cur = { ...cur, err: sink };
        else cur = { ...cur, out: sink, outIsTerminal: false };
        continue;
      }
      const append = r.op === '>>' || r.op === '&>>';
      try {
        if (fs.isDir(path)) { cur.err(`${this.shellName}: ${target}: Is a directory\n`); return undefined; }
        fs.writeFile(path, '', append);
      } catch (e) {
        cur.err(`${this.shellName}: ${target}: ${fsErrorText(e)}\n`);
        return undefined;
      }
      const sink = (t: string) => { try { fs.writeFile(path, t, true); } catch { /* file removed meanwhile */ } };
      if (r.op === '&>' || r.op === '&>>' || r.op === '>&') cur = { ...cur, out: sink, err: sink, outIsTerminal: false };
      else if (r.fd === 2) cur = { ...cur, err: sink };
      else cur = { ...cur, out: sink, outIsTerminal: false };
    }
    return cur;
  }
}

/** Descriptors for a line typed at the terminal. */
export function terminalFds(out: OutputSink): Fds {
  return { stdin: '', stdinIsTerminal: true, out: (t) => out.stdout(t), err: (t) => out.stderr(t), outIsTerminal: true };
}
