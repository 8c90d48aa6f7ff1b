/** Test helpers for the kubectl core tests: run argv against an ApiClient with a fixed clock. */
import type { ApiClient } from '../../src/cluster/api/types.js';
import type { InteractiveRequest, KubectlContext } from '../../src/kubectl/context.js';
import { runKubectl } from '../../src/kubectl/index.js';

export interface RunResult { stdout: string; stderr: string; exitCode: number }

export interface RunOptions {
  tty?: boolean;
  files?: Record<string, string>;
  stdin?: string;
  interact?: (req: InteractiveRequest) => Promise<number>;
  now?: () => number;
  /** Waits in virtual time (kubectl --wait, rollout status); default: returns at once. */
  sleep?: (ms: number) => Promise<void>;
}

export async function runArgv(argv: string[], api: ApiClient, now: number, opts: RunOptions = {}): Promise<RunResult> {
  let stdout = '', stderr = '';
  const files = opts.files ?? {};
  const under = (d: string): string[] => Object.keys(files).filter((k) => k.startsWith(`${d.replace(/\/$/, '')}/`));
  const ctx: KubectlContext = {
    api, now: opts.now ?? (() => now), isTTY: opts.tty ?? false, stdin: opts.stdin,
    stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; },
    files: {
      read: (p) => { const v = files[p]; if (v === undefined) throw new Error(`open ${p}: no such file or directory`); return v; },
      exists: (p) => p in files || under(p).length > 0,
      isDir: (p) => !(p in files) && under(p).length > 0,
      list: (d) => [...new Set(under(d).map((k) => k.slice(d.replace(/\/$/, '').length + 1).split('/')[0]!))].sort(),
    },
    config: {
      currentContext: 'tutorial', contexts: [{ name: 'tutorial', cluster: 'tutorial', user: 'learner', namespace: 'default' }],
      clusters: [{ name: 'tutorial', server: 'http://127.0.0.1:18433' }], users: [{ name: 'learner' }],
    },
    interact: opts.interact,
    sleep: opts.sleep ?? (async () => {}),
  };
  const exitCode = await runKubectl(argv, ctx);
  return { stdout, stderr, exitCode };
}

/** Split a golden's `# command:` line like a shell would (single quotes), dropping `timeout N` and `kubectl`. */
export function splitCommand(command: string): string[] {
  const words: string[] = [];
  let cur = '', inWord = false, quote = '';
  for (const c of command) {
    if (quote) { if (c === quote) quote = ''; else cur += c; continue; }
    if (c === "'" || c === '"') { quote = c; inWord = true; continue; }
    if (c === ' ') { if (inWord) words.push(cur); cur = ''; inWord = false; continue; }
    cur += c; inWord = true;
  }
  if (inWord) words.push(cur);
  while (words.length && words[0] !== 'kubectl') words.shift();
  return words.slice(1);
}
