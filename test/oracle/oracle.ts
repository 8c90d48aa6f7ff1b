/**
 * The oracle: real kubectl 1.33 rendering the same JSON objects kubelab renders. Objects are
 * written as a fakeapi fixture (../shared/tools/fakeapi, beside the repo in CI), served on a
 * free loopback port with `--clock pinned` (the fixture's "now" is the current second of each
 * response), and the real binary runs with TZ=UTC, a private HOME and a temp kubeconfig.
 *
 * Timestamps: a run is accepted only when it starts and ends within one wall-clock second S;
 * then every response mapped the fixture's now to S, kubectl's clock read S plus a fraction,
 * and `offsetMs` = S - fixtureNow is the shift kubelab must apply to the same objects (and its
 * clock) to render identical dates and ages. Otherwise the run is retried at the next second.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { KubeObject } from '../../src/cluster/api/types.js';
import type { RunResult } from './objects.js';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const FAKEAPI = resolve(REPO_ROOT, '../shared/tools/fakeapi/server.js');
export const KUBECTL_133 = '/usr/lib/google-cloud-sdk/bin/kubectl.1.33';

/** Why the oracle cannot run here, or null when it can. */
export function oracleUnavailable(): string | null {
  if (!existsSync(FAKEAPI)) return `fakeapi not found at ${FAKEAPI}`;
  if (!existsSync(KUBECTL_133)) return `real kubectl 1.33 not found at ${KUBECTL_133}`;
  return null;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** group/Kind of every resource fakeapi serves (its lib/resources.js). */
function servedKinds(): Set<string> {
  const { GROUPS } = createRequire(import.meta.url)(resolve(FAKEAPI, '../lib/resources.js')) as
    { GROUPS: { group: string; resources: { kind: string }[] }[] };
  return new Set(GROUPS.flatMap((g) => g.resources.map((r) => `${g.group}/${r.kind}`)));
}

const groupOf = (o: KubeObject): string => (o.apiVersion ?? '').includes('/') ? o.apiVersion!.slice(0, o.apiVersion!.indexOf('/')) : '';

export interface OracleRun extends RunResult { offsetMs: number }

export class Oracle {
  private constructor(
    /** The objects served: those of kinds fakeapi knows (render the same set with kubelab). */
    readonly objects: KubeObject[],
    private readonly server: ChildProcess, private readonly dir: string,
    private readonly kubectl: string, private readonly kubeconfig: string, private readonly fixtureNow: number) {}

  /**
   * Serves `objects` with the fixture's now at `fixtureNowMs` (whole seconds; the simulator's
   * virtual now). Resolves once the server listens.
   */
  static async start(objects: KubeObject[], fixtureNowMs: number): Promise<Oracle> {
    const dir = mkdtempSync(join(tmpdir(), 'kubelab-oracle-'));
    const fixtureNow = Math.floor(fixtureNowMs / 1000) * 1000;
    const fixture = join(dir, 'fixture.json');
    const kinds = servedKinds();
    const served = objects.filter((o) => kinds.has(`${groupOf(o)}/${o.kind}`));
    writeFileSync(fixture, JSON.stringify({
      description: 'kubelab oracle', fixtureNow: new Date(fixtureNow).toISOString().replace('.000Z', 'Z'), items: served,
    }));
    const server = spawn(process.execPath, [FAKEAPI, '--port', '0', '--fixture', fixture, '--server-version', 'v1.33.1', '--clock', 'pinned'],
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
    return new Oracle(served, server, dir, kubectl, kubeconfig, fixtureNow);
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

  /** Runs real kubectl (argv without `kubectl`) within one wall-clock second; see the file comment. */
  async run(argv: string[], files: Record<string, string> = {}): Promise<OracleRun> {
    const cwd = join(this.dir, 'cwd');
    rmSync(cwd, { recursive: true, force: true });
    mkdirSync(cwd);
    for (const [name, content] of Object.entries(files)) writeFileSync(join(cwd, name), content);
    // The first call fills kubectl's discovery cache, so later runs are quick.
    for (let attempt = 0; attempt < 8; attempt++) {
      const ms = Date.now() % 1000;
      if (ms > 20) await sleep(1000 - ms + 5);
      const t0 = Date.now();
      const r = await this.exec(argv, cwd);
      const t1 = Date.now();
      const s = Math.floor(t0 / 1000) * 1000;
      if (Math.floor(t1 / 1000) * 1000 === s) return { ...r, offsetMs: s - this.fixtureNow };
    }
    throw new Error(`kubectl ${argv.join(' ')} never finished within one second`);
  }

  /**
   * Runs several commands, a few at a time in parallel, each batch started at the beginning of a
   * wall-clock second; a command that did not finish within its second is run again. Results
   * come back in input order, each with its own offset.
   */
  async runMany(cases: { argv: string[]; files?: Record<string, string> }[], parallel = 4): Promise<OracleRun[]> {
    const results: (OracleRun | undefined)[] = cases.map(() => undefined);
    const cwds = cases.map((c, i) => {
      const cwd = join(this.dir, `cwd-${i}`);
      rmSync(cwd, { recursive: true, force: true });
      mkdirSync(cwd);
      for (const [name, content] of Object.entries(c.files ?? {})) writeFileSync(join(cwd, name), content);
      return cwd;
    });
    // One warm-up run fills kubectl's discovery cache so that parallel runs start fast.
    await this.exec(['api-resources'], cwds[0] ?? this.dir);
    for (let attempt = 0; attempt < 10 && results.some((r) => r === undefined); attempt++) {
      const pending = results.map((r, i) => (r === undefined ? i : -1)).filter((i) => i >= 0);
      for (let k = 0; k < pending.length; k += parallel) {
        const batch = pending.slice(k, k + parallel);
        const ms = Date.now() % 1000;
        if (ms > 20) await sleep(1000 - ms + 5);
        const t0 = Date.now();
        const s = Math.floor(t0 / 1000) * 1000;
        await Promise.all(batch.map(async (i) => {
          const r = await this.exec(cases[i]!.argv, cwds[i]!);
          if (Math.floor(Date.now() / 1000) * 1000 === s) results[i] = { ...r, offsetMs: s - this.fixtureNow };
        }));
      }
    }
    return results.map((r, i) => {
      if (!r) throw new Error(`kubectl ${cases[i]!.argv.join(' ')} never finished within one second`);
      return r;
    });
  }

  /** Stops the server (by its PID) and removes the temp files. */
  async stop(): Promise<void> {
    if (this.server.exitCode === null && this.server.pid) {
      const exited = new Promise((r) => this.server.once('exit', r));
      process.kill(this.server.pid, 'SIGTERM');
      await Promise.race([exited, sleep(3000)]);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
