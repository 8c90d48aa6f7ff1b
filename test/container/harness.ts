/** A real cluster + the real shell session, with the container tools attached. */
import { readFileSync } from 'node:fs';
import { Cluster } from '../../src/cluster/cluster.js';
import { getProfile } from '../../src/cluster/profiles/index.js';
import { attachCluster } from '../../src/shell/container/index.js';
import { createSession, type ShellSession } from '../../src/shell/session.js';
import { HeadlessTime } from '../../src/shell/time.js';

export const START = Date.parse('2025-06-01T10:00:00Z');

function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

export interface World {
  cluster: Cluster;
  session: ShellSession;
  /** Types one line; returns stdout+stderr interleaved and the exit code. */
  type(line: string): Promise<{ out: string; err: string; all: string; code?: number }>;
}

export function world(profile = 'kind', seed = 42): World {
  const cluster = new Cluster({ seed, startTime: START, profile: getProfile(profile) });
  attachCluster(cluster);
  const time = new HeadlessTime({ advance: (ms) => cluster.advance(ms) });
  const files: Record<string, string> = {};
  for (const f of ['svc-example.yaml', 'external-endpoint.yaml', 'rtfm-service.yaml', 'deploy-example.yaml', 'headless.yaml', 'nodeport.yaml']) files[f] = fixture(f);
  const session = createSession({ cluster, time, files });
  return {
    cluster, session,
    async type(line) {
      let out = ''; let err = ''; let all = '';
      const r = await session.feed(line, {
        stdout: (t) => { out += t; all += t; }, stderr: (t) => { err += t; all += t; },
      }, new AbortController().signal);
      return { out, err, all, code: r.exitCode };
    },
  };
}
