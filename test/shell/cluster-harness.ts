/** A session on the real simulated cluster and the real kubectl, driven headless. */
import { Cluster, getProfile } from '../../src/cluster/index.js';
import { createSession, type ShellSession, type SessionSnapshot } from '../../src/shell/session.js';
import { HeadlessTime } from '../../src/shell/time.js';

export const START = Date.parse('2026-11-26T10:00:00Z');

export const SVC_EXAMPLE = `apiVersion: v1
kind: Pod
metadata:
  name: nginx-pod
  labels:
    app: nginx
spec:
  containers:
  - name: nginx-container
    image: nginx
    ports:
    - containerPort: 80
      name: web
---
apiVersion: v1
kind: Service
metadata:
  name: nginx-svc
spec:
  selector:
    app: nginx
  ports:
  - name: http
    port: 80
    targetPort: web
`;

export interface ClusterHarness {
  cluster: Cluster;
  session: ShellSession;
  time: HeadlessTime;
  run(...lines: string[]): Promise<string>;
  /** Lets virtual time pass (pods start, endpoints fill). */
  wait(ms: number): Promise<void>;
  exitCode?: number;
}

export function clusterHarness(opts: { files?: Record<string, string>; snapshot?: SessionSnapshot; cluster?: Cluster } = {}): ClusterHarness {
  const cluster = opts.cluster ?? new Cluster({ seed: 7, startTime: START, profile: getProfile('kind') });
  const time = new HeadlessTime({ advance: (ms) => cluster.advance(ms) });
  const session = createSession({ cluster, time, files: opts.files ?? { 'svc-example.yaml': SVC_EXAMPLE }, snapshot: opts.snapshot });
  const h: ClusterHarness = {
    cluster, session, time,
    async run(...lines) {
      let out = '';
      for (const l of lines) {
        const r = await session.feed(l, { stdout: (t) => { out += t; }, stderr: (t) => { out += t; } }, new AbortController().signal);
        h.exitCode = r.exitCode;
      }
      return out.replace(/\x1b\[[0-9;]*m(\x1b\[K)?/g, '');
    },
    wait: (ms) => time.sleep(ms, new AbortController().signal),
  };
  return h;
}
