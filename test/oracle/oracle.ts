/**
 * The oracle: real kubectl 1.33 rendering the same JSON objects kubelab renders. Objects are
 * written as a fakeapi fixture (../shared/tools/fakeapi, beside the repo in CI), served on a
 * free loopback port, and the real binary runs with TZ=UTC, a private HOME and a temp kubeconfig.
 *
 * Time: describe computes ages with the client's clock, which is the wall clock for real
 * kubectl. So the objects are shifted once, when the server starts, by `offsetMs` (whole
 * seconds) to make the simulator's "now" the current second, and served unchanged
 * (`--clock fixture`). Each run reports `nowCandidates`: every wall-clock second its kubectl
 * process was alive in; its clock read one of them. kubelab then renders `objects` (the shifted
 * set) with its clock at a candidate second; a match at any candidate is a match.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { KubeObject } from '../../src/cluster/api/types.js';
import { shiftTimes, type RunResult } from './objects.js';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const FAKEAPI = resolve(REPO_ROOT, '../shared/tools/fakeapi/server.js');
export const KUBECTL_133 = '/usr/lib/google-cloud-sdk/bin/kubectl.1.33';

/** Why the oracle cannot run here, or null when it can. */
export function oracleUnavailable(): string | null {
  if (!existsSync(FAKEAPI)) return `fakeapi not found at ${FAKEAPI}`;
  if (!existsSync(KUBECTL_133)) return `real kubectl 1.33 not found at ${KUBECTL_133}`;
  return null;
}

/** group/Kind of every resource fakeapi serves (its lib/resources.js). */
function servedKinds(): Set<string> {
  const { GROUPS } = createRequire(import.meta.url)(resolve(FAKEAPI, '../lib/resources.js')) as
    { GROUPS: { group: string; resources: { kind: string }[] }[] };
  return new Set(GROUPS.flatMap((g) => g.resources.map((r) => `${g.group}/${r.kind}`)));
}

const groupOf = (o: KubeObject): string => (o.apiVersion ?? '').includes('/') ? o.apiVersion!.slice(0, o.apiVersion!.indexOf('/')) : '';
const second = (ms: number): number => Math.floor(ms / 1000) * 1000;

export interface OracleRun extends RunResult {
  /** Whole seconds (epoch ms) during which real kubectl ran: its clock read one of them. */
  nowCandidates: number[];
}

export interface OracleCase { argv: string[]; files?: Record<string, string> }

export class Oracle {
  private constructor(
    /** The objects served, time-shifted: render exactly these with kubelab. */
    readonly objects: KubeObject[],
    /** How far the objects were shifted (now of the simulator + offsetMs = wall clock at start). */
    readonly offsetMs: number,
    private readonly server: ChildProcess,
    private readonly dir: string,
    private readonly kubectl: string,
    private readonly kubeconfig: string) {}

  /** Serves `objects` (of kinds fakeapi knows) as if `nowMs` were the current second. */
  static async start(objects: KubeObject[], nowMs: number): Promise<Oracle> {
    const dir = mkdtempSync(join(tmpdir(), 'kubelab-oracle-'));
    const kinds = servedKinds();
    const offsetMs = second(Date.now()) - second(nowMs);
    const served = shiftTimes(objects.filter((o) => kinds.has(`${groupOf(o)}/${o.kind}`)), offsetMs);
    const fixture = join(dir, 'fixture.json');
    writeFileSync(fixture, JSON.stringify({ description: 'kubelab oracle', items: served }));
    const server = spawn(process.execPath, [FAKEAPI, '--port', '0', '--fixture', fixture, '--server-version', 'v1.33.1', '--clock', 'fixture'],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    const port = await new Promise<number>((res, rej) => {
      let out = '', err = '';
      const timer = setTimeout(() => rej(new Error(`fakeapi did not start: ${err}`)), 10000);
      server.stdout!.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /listening on http:\/\/[^:]+:(\d+)/.exec(out);
        if (m) { clearTimeout(timer); res(Number(m[1])); }
      });
      server.stderr!.on('data', (b: Buffer) => { err += b.toString(); });
      server.on('exit', (code) => { clearTimeout(timer); rej(new Error(`fakeapi exited (${code}): ${err}`)); });
    });
    server.stdout!.resume();
    server.removeAllListeners('exit');
    const kubeconfig = join(dir, 'kubeconfig');
    writeFileSync(kubeconfig, [
      'apiVersion: v1', 'kind: Config',
      `clusters: [{name: tutorial, cluster: {server: "http://127.0.0.1:${port}"}}]`,
      'contexts: [{name: tutorial, context: {cluster: tutorial, namespace: default, user: learner}}]',
      'current-context: tutorial', 'users: [{name: learner, user: {}}]', '',
    ].join('\n'));
    mkdirSync(join(dir, 'home'));
    mkdirSync(join(dir, 'bin'));
    const kubectl = join(dir, 'bin', 'kubectl'); // run as `kubectl`, as a learner would
    symlinkSync(KUBECTL_133, kubectl);
    return new Oracle(served, offsetMs, server, dir, kubectl, kubeconfig);
  }

  get pid(): number | undefined { return this.server.pid; }

  private exec(argv: string[], cwd: string): Promise<RunResult> {
    return new Promise((res) => {
      const child = spawn('timeout', ['30', this.kubectl, ...argv], {
        cwd,
        env: { PATH: '/usr/bin:/bin', HOME: join(this.dir, 'home'), KUBECONFIG: this.kubeconfig, TZ: 'UTC', LC_ALL: 'C.UTF-8', NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [], err: Buffer[] = [];
      child.stdout.on('data', (b: Buffer) => out.push(b));
      child.stderr.on('data', (b: Buffer) => err.push(b));
      child.on('close', (code) => res({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), exitCode: code ?? -1 }));
    });
  }

  /** Runs real kubectl (argv without `kubectl`) with `files` in its working directory. */
  async run(argv: string[], files: Record<string, string> = {}, cwdName = 'cwd'): Promise<OracleRun> {
    const cwd = join(this.dir, cwdName);
    rmSync(cwd, { recursive: true, force: true });
    mkdirSync(cwd);
    for (const [name, content] of Object.entries(files)) writeFileSync(join(cwd, name), content);
    const t0 = Date.now();
    const r = await this.exec(argv, cwd);
    const t1 = Date.now();
    const nowCandidates: number[] = [];
    for (let s = second(t0); s <= second(t1); s += 1000) nowCandidates.push(s);
    return { ...r, nowCandidates };
  }

  /** Runs several commands, a few at a time; results in input order. */
  async runMany(cases: OracleCase[], parallel = 4): Promise<OracleRun[]> {
    // One warm-up run fills kubectl's discovery cache.
    await this.exec(['api-resources'], this.dir);
    const results: OracleRun[] = [];
    for (let k = 0; k < cases.length; k += parallel) {
      const batch = cases.slice(k, k + parallel);
      results.push(...await Promise.all(batch.map((c, j) => this.run(c.argv, c.files ?? {}, `cwd-${k + j}`))));
    }
    return results;
  }

  /** Stops the server (by its PID) and removes the temp files. */
  async stop(): Promise<void> {
    if (this.server.exitCode === null && this.server.pid) {
      const exited = new Promise((r) => this.server.once('exit', r));
      process.kill(this.server.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
