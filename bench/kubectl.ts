/**
 * kubectl on the article's cluster: the seed article's objects created through the session the
 * page uses, then each read command timed as typed (shell parse + kubectl + API), median of many.
 * Target from the issue: get/describe under 5 ms each.
 */
import { Cluster, getProfile } from '../src/cluster/index.js';
import { createSession } from '../src/shell/session.js';
import { HeadlessTime } from '../src/shell/time.js';
import { readFileSync } from 'node:fs';

const files = Object.fromEntries(['svc-example.yaml', 'deploy-example.yaml', 'external-endpoint.yaml', 'rtfm-service.yaml']
  .map((f) => [f, readFileSync(new URL(`../lessons/endpoints/files/${f}`, import.meta.url), 'utf8')]));

export async function benchKubectl(): Promise<Record<string, number | string>> {
  const cluster = new Cluster({ seed: 20210313, startTime: Date.parse('2021-03-13T06:37:55Z'), profile: getProfile('eks-article') });
  const time = new HeadlessTime({ advance: (ms) => cluster.advance(ms) });
  const session = createSession({ cluster, time, files });
  const sink = { stdout: () => {}, stderr: () => {} };
  const signal = new AbortController().signal;
  for (const f of Object.keys(files)) { await session.feed(`kubectl apply -f ${f}`, sink, signal); cluster.advance(30_000); }
  const out: Record<string, number | string> = {};
  for (const cmd of ['kubectl get pods', 'kubectl get endpoints', 'kubectl get svc -o wide', 'kubectl get all -A',
    'kubectl describe service nginx-svc', 'kubectl describe pod nginx-pod', 'kubectl describe endpoints external-svc',
    'kubectl get pod nginx-pod -o yaml']) {
    const samples: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      await session.feed(cmd, sink, signal);
      samples.push(performance.now() - t);
    }
    samples.sort((a, b) => a - b);
    out[`${cmd} (median ms)`] = samples[samples.length >> 1]!;
    out[`${cmd} (p95 ms)`] = samples[Math.floor(samples.length * 0.95)]!;
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchKubectl());
