/** Shared fakes for the shell tests: a tiny in-memory API (pods, services) and a session runner. */
import type { ApiClient, KubeObject, ResourceInfo } from '../../src/cluster/api/types.js';
import { ApiError } from '../../src/cluster/api/types.js';
import type { RunKubectl } from '../../src/kubectl/context.js';
import { createSession, type ShellSession } from '../../src/shell/session.js';
import { HeadlessTime } from '../../src/shell/time.js';

export const START = Date.parse('2026-11-26T23:00:00Z');

const info = (plural: string, singular: string, kind: string, short: string[], namespaced = true): ResourceInfo => ({
  group: '', version: 'v1', kind, plural, singular, shortNames: short, namespaced, verbs: ['get', 'list'], categories: [], subresources: [],
});

export function fakeApi(objects: Record<string, KubeObject[]> = {}): ApiClient {
  const find = (resource: string) => objects[resource] ?? [];
  const notFound = (resource: string, name: string) => new ApiError({ code: 404, reason: 'NotFound', message: `${resource} "${name}" not found` });
  const api: Partial<ApiClient> = {
    discovery: () => [info('pods', 'pod', 'Pod', ['po']), info('services', 'service', 'Service', ['svc']), info('namespaces', 'namespace', 'Namespace', ['ns'], false)],
    get: (ref, ns, name) => {
      const o = find(ref.resource).find((x) => x.metadata?.name === name && (ns === undefined || (x.metadata?.namespace ?? ns) === ns));
      if (!o) throw notFound(ref.resource, name);
      return structuredClone(o);
    },
    list: (ref, ns) => ({ apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '1' }, items: find(ref.resource).filter((x) => ns === undefined || x.metadata?.namespace === ns) }),
  };
  return api as ApiClient;
}

export function pod(name: string, image: string, extra: { args?: string[]; ip?: string; created?: string } = {}): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: extra.created ?? '2026-11-26T22:59:00Z' },
    spec: { containers: [{ name, image, args: extra.args, tty: true, stdin: true }], nodeName: 'kind-control-plane' },
    status: { phase: 'Running', podIP: extra.ip ?? '10.244.0.7', startTime: '2026-11-26T22:59:01Z' },
  };
}

export function service(name: string, ip: string, ports: { port: number; name?: string }[], ns = 'default', created = '2026-11-26T22:00:00Z'): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name, namespace: ns, creationTimestamp: created },
    spec: { clusterIP: ip, type: 'ClusterIP', ports: ports.map((p) => ({ ...p, protocol: 'TCP' })) },
  };
}

export interface Harness {
  session: ShellSession;
  time: HeadlessTime;
  now(): number;
  /** Types lines; returns everything written (stdout and stderr interleaved), colours removed. */
  run(...lines: string[]): Promise<string>;
  /** Like run, with the exact bytes (colour codes included). */
  raw(...lines: string[]): Promise<string>;
  last: { exitCode?: number; complete: boolean };
}

export function harness(opts: { files?: Record<string, string>; api?: ApiClient; runKubectl?: RunKubectl; openEditor?: (path: string) => Promise<void> } = {}): Harness {
  let now = START;
  const time = new HeadlessTime({ advance: (ms) => { now += ms; } });
  const runKubectl: RunKubectl = opts.runKubectl ?? (async (argv, ctx) => { ctx.stdout(`kubectl ${argv.join(' ')}\n`); return 0; });
  const session = createSession({
    cluster: { api: opts.api ?? fakeApi(), clock: { now: () => now } },
    time,
    files: opts.files,
    runKubectl,
    openEditor: opts.openEditor ? async (p) => opts.openEditor!(p) : undefined,
  });
  const h: Harness = {
    session, time, now: () => now,
    last: { complete: true },
    async run(...lines) {
      return (await h.raw(...lines)).replace(/\x1b\[[0-9;]*m(\x1b\[K)?/g, '');
    },
    async raw(...lines) {
      let out = '';
      for (const l of lines) {
        const r = await session.feed(l, { stdout: (t) => { out += t; }, stderr: (t) => { out += t; } }, new AbortController().signal);
        h.last = { exitCode: r.exitCode, complete: r.complete };
      }
      return out;
    },
  };
  return h;
}
