/**
 * Shared by the golden and oracle tests: time-shifting a list of API objects (as fakeapi's
 * clock does), an ApiServer whose store holds exactly those objects, and a way to run
 * kubelab's kubectl against it.
 */
import type { ApiClient, KubeObject } from '../../src/cluster/api/types.js';
import { ObjectsApi } from './objects-api.js';
import { runKubectl } from '../../src/kubectl/index.js';
import type { KubectlContext } from '../../src/kubectl/index.js';

const TS_RE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?Z$/;

/** Moves every RFC3339 timestamp (at any depth, also inside annotations) by offsetMs. */
export function shiftTimes<T>(value: T, offsetMs: number): T {
  if (Array.isArray(value)) return value.map((v) => shiftTimes(v, offsetMs)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = shiftTimes(v, offsetMs);
    return out as T;
  }
  if (typeof value === 'string') {
    const m = TS_RE.exec(value);
    if (!m) return value;
    const iso = new Date(Date.parse(`${m[1]}Z`) + offsetMs).toISOString().slice(0, 19);
    return `${iso}${m[2] ?? ''}Z` as T;
  }
  return value;
}

/** An API serving exactly `objects` (stored as given, read-only). */
export function apiWithObjects(objects: KubeObject[]): ObjectsApi {
  return new ObjectsApi(objects);
}

export interface RunResult { stdout: string; stderr: string; exitCode: number }

/** Runs kubelab's kubectl (argv without `kubectl`) against `api` with kubectl's clock at `now`. */
export async function runKubelab(argv: string[], api: ApiClient, now: number, files: Record<string, string> = {}): Promise<RunResult> {
  let stdout = '', stderr = '';
  const ctx: KubectlContext = {
    api, now: () => now, isTTY: false,
    stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; },
    files: {
      read: (p) => { const c = files[p]; if (c === undefined) throw new Error(`open ${p}: no such file or directory`); return c; },
      exists: (p) => p in files, isDir: () => false, list: () => [],
    },
    config: {
      currentContext: 'tutorial', contexts: [{ name: 'tutorial', cluster: 'tutorial', user: 'learner', namespace: 'default' }],
      clusters: [{ name: 'tutorial', server: 'http://127.0.0.1' }], users: [{ name: 'learner' }],
    },
    sleep: async () => {},
  };
  const exitCode = await runKubectl(argv, ctx);
  return { stdout, stderr, exitCode };
}

/** Splits a command line of a golden (`kubectl describe pods -l app=nginx`) into argv. */
export function argvOf(command: string): string[] {
  return command.trim().split(/\s+/).slice(1);
}
