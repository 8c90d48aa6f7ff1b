/**
 * Drives runKubectl against a real API server (and, when present, the controllers) with an
 * in-memory workstation filesystem. Time only moves when kubectl sleeps or a test advances it.
 */
import { readFileSync } from 'node:fs';
import { Cluster, getProfile } from '../../../src/cluster/index.js';
import type { ApiClient, KubeObject } from '../../../src/cluster/api/types.js';
import type { InteractiveRequest, KubectlContext } from '../../../src/kubectl/context.js';
import { runKubectl } from '../../../src/kubectl/index.js';

export const START = Date.UTC(2026, 10, 26, 21, 0, 0);

export interface Result { out: string; err: string; code: number }

export class Env {
  readonly cluster: Cluster;
  readonly api: ApiClient;
  readonly files = new Map<string, string>();
  readonly interactions: InteractiveRequest[] = [];
  /** What ctx.edit returns for each call, in order (null = closed unchanged). */
  editResults: ((text: string) => string | null)[] = [];
  readonly editTexts: string[] = [];

  constructor(profile = 'kind') {
    this.cluster = new Cluster({ seed: 7, startTime: START, profile: getProfile(profile) });
    this.api = this.cluster.api;
  }

  /** Let virtual time pass (controllers run), as a learner waiting would. */
  advance(ms: number): void { this.cluster.advance(ms); }

  write(path: string, text: string): void { this.files.set(path, text); }

  async run(line: string | string[], opts: { stdin?: string; tty?: boolean; interact?: (r: InteractiveRequest) => Promise<number>; abortAfterMs?: number } = {}): Promise<Result> {
    const ac = new AbortController();
    const started = this.cluster.clock.now();
    const argv = typeof line === 'string' ? splitArgs(line) : line;
    let out = '', err = '';
    const files = this.files;
    const ctx: KubectlContext = {
      api: this.api,
      now: () => this.cluster.clock.now(),
      stdout: (t) => { out += t; },
      stderr: (t) => { err += t; },
      stdin: opts.stdin,
      isTTY: opts.tty ?? false,
      files: {
        read: (p) => { const v = files.get(p); if (v === undefined) throw new Error(`open ${p}: no such file or directory`); return v; },
        exists: (p) => files.has(p) || [...files.keys()].some((k) => k.startsWith(p.replace(/\/$/, '') + '/')),
        isDir: (p) => !files.has(p) && [...files.keys()].some((k) => k.startsWith(p.replace(/\/$/, '') + '/')),
        list: (d) => [...new Set([...files.keys()].filter((k) => k.startsWith(d.replace(/\/$/, '') + '/'))
          .map((k) => k.slice(d.replace(/\/$/, '').length + 1).split('/')[0]!))].sort(),
      },
      config: {
        currentContext: 'kind-kind', contexts: [{ name: 'kind-kind', cluster: 'kind-kind', user: 'kind-kind', namespace: 'default' }],
        clusters: [{ name: 'kind-kind', server: 'https://127.0.0.1:6443' }], users: [{ name: 'kind-kind' }],
      },
      edit: async (text) => {
        this.editTexts.push(text);
        const next = this.editResults.shift();
        return next ? next(text) : null;
      },
      interact: async (req) => { this.interactions.push(req); return opts.interact ? opts.interact(req) : 0; },
      sleep: async (ms) => {
        this.cluster.advance(ms);
        // Ctrl-C after a while, as a learner would end `logs -f` or `port-forward`.
        if (opts.abortAfterMs !== undefined && this.cluster.clock.now() - started >= opts.abortAfterMs) ac.abort();
      },
      signal: ac.signal,
    };
    const code = await runKubectl(argv, ctx);
    return { out, err, code };
  }

  get(resource: string, name: string, group = '', ns: string | undefined = 'default'): KubeObject {
    return this.api.get({ group, resource }, ns, name);
  }

  /** Every object of the namespaced kinds tests touch, with resourceVersions: "did anything change?" */
  snapshot(): string {
    const out: unknown[] = [];
    for (const [group, resource] of [['', 'pods'], ['', 'services'], ['apps', 'deployments'], ['', 'configmaps'], ['', 'namespaces']] as const) {
      out.push(this.api.list({ group, resource }, undefined).items.map((o) => [o.metadata?.name, o.metadata?.resourceVersion]));
    }
    return JSON.stringify(out);
  }
}

/** Shell-like splitting for test command lines: whitespace, single and double quotes. */
export function splitArgs(line: string): string[] {
  const out: string[] = [];
  let cur = '', quote: string | null = null, has = false;
  for (const ch of line) {
    if (quote) { if (ch === quote) quote = null; else cur += ch; continue; }
    if (ch === '"' || ch === "'") { quote = ch; has = true; continue; }
    if (/\s/.test(ch)) { if (has || cur) out.push(cur); cur = ''; has = false; continue; }
    cur += ch;
  }
  if (has || cur) out.push(cur);
  return out.slice(out[0] === 'kubectl' ? 1 : 0);
}

/** stdout/stderr of a golden file from test/goldens. */
export function golden(text: string): { out: string; err: string } {
  const o = text.indexOf('=== stdout ===\n'), e = text.indexOf('=== stderr ===\n');
  return { out: text.slice(o + 15, e), err: text.slice(e + 15) };
}

const HERE = new URL('.', import.meta.url).pathname;

/** A golden from test/kubectl/cmd/goldens (copied from real kubectl 1.33 captures). */
export function loadGolden(file: string): { out: string; err: string } {
  return golden(readFileSync(`${HERE}goldens/${file}`, 'utf8'));
}

/** A manifest from test/kubectl/cmd/manifests, placed on the workstation under the same name. */
export function manifest(env: Env, file: string): void {
  env.write(file, readFileSync(`${HERE}manifests/${file}`, 'utf8'));
}
