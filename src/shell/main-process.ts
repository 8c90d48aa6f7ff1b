/**
 * Container main processes that need the network (`kubectl run --image busybox -- wget -qO- web`,
 * `--image curlimages/curl -- curl -s web`): the cluster cannot run them (it sits below the
 * network), so it keeps them running until a session runs them here with the real container
 * tools, writes their output to the container log and reports their exit code.
 */
import type { OutputSink, TimeDriver } from './contract.js';
import type { Host } from './host.js';
import { Interpreter, type Builtin, type ShellState } from './interpreter.js';

export interface MainProcessRuntime {
  pendingExternal?(): { namespace: string; pod: string; container: string; argv: string[]; startedAt: number }[];
  claimExternal?(namespace: string, pod: string, container: string | undefined): string[] | undefined;
  appendLog?(namespace: string, pod: string, container: string | undefined, line: string): void;
  exitContainer?(namespace: string, pod: string, container: string | undefined, exitCode: number, now: number): boolean;
}

export interface MainProcessEnv {
  builtins: Record<string, Builtin>;
  pid: number;
  columns?: number;
  state: ShellState;
}

/** A process nobody watches gets this much virtual time; one still going then (ping) keeps running. */
const UNWATCHED_LIMIT_MS = 10 * 60_000;

/**
 * Runs argv on the container host. Its time passes instantly (nobody waits for it); `echo` of
 * output goes to `log` line by line and, when attached, to `tee` as well. Returns the exit code,
 * or undefined if it was still running at the limit, and the virtual time it took.
 */
export async function runMainProcess(argv: string[], host: Host, env: MainProcessEnv, log: (line: string) => void, tee?: OutputSink, time?: TimeDriver, signal?: AbortSignal): Promise<{ code?: number; elapsed: number }> {
  let elapsed = 0;
  const limit = new AbortController();
  const instant: TimeDriver = {
    sleep: async (ms) => { elapsed += ms; if (elapsed >= UNWATCHED_LIMIT_MS) limit.abort(); },
  };
  let partial = '';
  const write = (t: string, to?: (t: string) => void): void => {
    to?.(t);
    const parts = (partial + t).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) log(line);
  };
  const interp = new Interpreter({ host, state: env.state, time: time ?? instant, builtins: env.builtins, pid: env.pid, columns: () => env.columns });
  const sig = signal ?? limit.signal;
  let code: number | undefined;
  try {
    code = await interp.runArgv(argv, {
      stdout: (t) => write(t, tee?.stdout), stderr: (t) => write(t, tee?.stderr),
      stdin: '', isTTY: false, env: interp.environment(), cwd: interp.state.cwd, fs: host.fs, signal: sig, time: time ?? instant, columns: env.columns,
    });
  } catch (e) {
    code = typeof (e as { code?: unknown }).code === 'number' ? (e as { code: number }).code : 1;
  }
  if (partial) log(partial);
  if (!signal && limit.signal.aborted) return { elapsed };
  return { code, elapsed };
}
