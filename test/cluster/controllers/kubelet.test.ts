/** The kubelet's pod lifecycle as a learner sees it: statuses, events, back-offs, probes, stop. */
import { describe, expect, it } from 'vitest';
import { R, events, newCluster, nginxPod, type Any } from '../helpers.js';

const get = (c: ReturnType<typeof newCluster>, name: string): Any => c.api.get(R.pods, 'default', name);

describe('kubelet', () => {
  it('starts nginx: ContainerCreating, then Running with the 1.33 events and conditions', () => {
    const c = newCluster();
    c.api.create(R.pods, 'default', nginxPod('nginx-pod'));
    c.advance(300);
    let p = get(c, 'nginx-pod');
    expect(p.status.phase).toBe('Pending');
    expect(p.status.containerStatuses[0].state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    expect(p.status.conditions.map((x: Any) => `${x.type}=${x.status}`)).toEqual(['PodReadyToStartContainers=False', 'Initialized=True', 'Ready=False', 'ContainersReady=False', 'PodScheduled=True']);
    expect(p.status.conditions[2].message).toBe('containers with unready status: [nginx-container]');
    c.advance(30_000);
    p = get(c, 'nginx-pod');
    expect(p.status.phase).toBe('Running');
    expect(p.status.podIP).toBe('10.244.0.5');
    expect(p.status.hostIP).toBe('172.18.0.2');
    const cs = p.status.containerStatuses[0];
    expect(cs).toMatchObject({ ready: true, started: true, restartCount: 0, image: 'docker.io/library/nginx:latest' });
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(cs.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(cs.volumeMounts?.[0]).toMatchObject({ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true, recursiveReadOnly: 'Disabled' });
    expect(p.status.conditions.every((x: Any) => x.status === 'True')).toBe(true);
    const ev = events(c, 'nginx-pod');
    expect(ev.map((e) => e.reason)).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
    expect(ev[0].message).toBe('Successfully assigned default/nginx-pod to kind-control-plane');
    expect(ev[0].source).toEqual({ component: 'default-scheduler' });
    expect(ev[1].message).toBe('Pulling image "nginx"');
    expect(ev[1].source).toEqual({ component: 'kubelet', host: 'kind-control-plane' });
    expect(ev[1].involvedObject.fieldPath).toBe('spec.containers{nginx-container}');
    expect(ev[2].message).toMatch(/^Successfully pulled image "nginx" in \d+(\.\d+)?m?s \(\d+(\.\d+)?m?s including waiting\)\. Image size: 72195292 bytes\.$/);
    expect(ev[3].message).toBe('Created container: nginx-container');
    expect(ev[4].message).toBe('Started container nginx-container');
  });

  it('serves nginx startup logs and listens on 80', () => {
    const c = newCluster();
    c.api.create(R.pods, 'default', nginxPod('web'));
    c.advance(30_000);
    const logs = c.api.logs!('default', 'web', {});
    expect(logs.split('\n')[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    expect(logs).toMatch(/\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[notice\] 1#1: start worker process 29\n/);
    expect(c.runtime.listeners('10.244.0.5')).toEqual([{ port: 80, container: 'nginx-container' }]);
    c.runtime.appendLog('default', 'web', undefined, '10.244.0.9 - - [01/Jun/2025:10:05:12 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"');
    expect(c.api.logs!('default', 'web', { tailLines: 1 })).toBe('10.244.0.9 - - [01/Jun/2025:10:05:12 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"\n');
  });

  it('ubuntu without a TTY completes, restarts at once, then backs off in CrashLoopBackOff (10s, 20s)', () => {
    const c = newCluster();
    c.api.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'ubuntu' }, spec: { containers: [{ name: 'ubuntu', image: 'ubuntu' }] } });
    c.advance(1000);
    const seen: string[] = [];
    for (let i = 0; i < 200; i++) {
      const cs = get(c, 'ubuntu').status.containerStatuses[0];
      const st = cs.state.waiting?.reason ?? cs.state.terminated?.reason ?? 'Running';
      const s = `${st}/${cs.restartCount}`;
      if (seen[seen.length - 1] !== s) seen.push(s);
      c.advance(200);
    }
    expect(seen.slice(0, 6)).toEqual(['ContainerCreating/0', 'Completed/0', 'Completed/1', 'CrashLoopBackOff/1', 'Completed/2', 'CrashLoopBackOff/2']);
    const p = get(c, 'ubuntu');
    expect(p.status.phase).toBe('Running');
    const w = p.status.containerStatuses[0];
    expect(w.lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    const back = events(c, 'ubuntu').filter((e) => e.reason === 'BackOff');
    expect(back[0].message).toBe(`Back-off restarting failed container ubuntu in pod ubuntu_default(${p.metadata.uid})`);
    expect(back[0].type).toBe('Warning');
    expect(back[0].count).toBeGreaterThanOrEqual(2);
  });

  it('an unknown image fails with ErrImagePull, then ImagePullBackOff', () => {
    const c = newCluster();
    c.api.create(R.pods, 'default', nginxPod('bad', { app: 'bad' }, { image: 'nginxx' }));
    c.advance(3000);
    let cs = get(c, 'bad').status.containerStatuses[0];
    expect(cs.state.waiting.reason).toMatch(/^(ErrImagePull|ImagePullBackOff)$/);
    c.advance(1500);
    cs = get(c, 'bad').status.containerStatuses[0];
    expect(cs.state.waiting.reason).toBe('ImagePullBackOff');
    expect(cs.state.waiting.message).toMatch(/^Back-off pulling image "nginxx": ErrImagePull: rpc error: code = NotFound desc = failed to pull and unpack image "docker.io\/library\/nginxx:latest"/);
    const ev = events(c, 'bad').map((e) => `${e.type} ${e.reason} ${e.message}`);
    expect(ev).toContain('Warning Failed Error: ErrImagePull');
    expect(ev).toContain('Normal BackOff Back-off pulling image "nginxx"');
    expect(ev).toContain('Warning Failed Error: ImagePullBackOff');
    expect(ev.some((e) => e.startsWith('Warning Failed Failed to pull image "nginxx": rpc error: code = NotFound'))).toBe(true);
  });

  it('a repeated pull after the back-off never shows ContainerCreating again (status keeps the pull error)', () => {
    const c = newCluster();
    c.api.create(R.pods, 'default', nginxPod('bad', { app: 'bad' }, { image: 'nginx:doesnotexist' }));
    const seen = new Set<string>();
    c.advance(3000);
    for (let t = 0; t < 120; t++) { c.advance(500); seen.add(get(c, 'bad').status.containerStatuses[0].state.waiting.reason); }
    expect([...seen].sort()).toEqual(['ErrImagePull', 'ImagePullBackOff']);
    expect(events(c, 'bad').find((e) => e.reason === 'Pulling')?.count).toBeGreaterThan(1);
  });

  it('graceful deletion: nginx goes in about a second, a sleeping shell takes the full 30s', () => {
    const c = newCluster();
    c.api.create(R.pods, 'default', nginxPod('web'));
    c.api.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'sleeper' }, spec: { containers: [{ name: 'sh', image: 'busybox', command: ['sleep', '3600'] }] } });
    c.advance(30_000);
    c.api.delete(R.pods, 'default', 'web');
    c.api.delete(R.pods, 'default', 'sleeper');
    c.advance(2000);
    expect(() => get(c, 'web')).toThrow(/not found/);
    expect(get(c, 'sleeper').metadata.deletionTimestamp).toBeDefined();
    expect(events(c, 'sleeper').map((e) => e.message)).toContain('Stopping container sh');
    c.advance(27_500);
    expect(get(c, 'sleeper').metadata.deletionTimestamp).toBeDefined();
    c.advance(1000);
    expect(() => get(c, 'sleeper')).toThrow(/not found/);
    expect(c.runtime.pod('default', 'sleeper')).toBeUndefined();
  });

  it('a failing readiness probe keeps the pod NotReady and emits Unhealthy', () => {
    const c = newCluster();
    c.api.create(R.pods, 'default', nginxPod('probe', { app: 'p' }, { readinessProbe: { httpGet: { path: '/healthz', port: 80 }, periodSeconds: 5 } }));
    c.advance(40_000);
    const p = get(c, 'probe');
    expect(p.status.phase).toBe('Running');
    expect(p.status.containerStatuses[0].ready).toBe(false);
    expect(p.status.conditions.find((x: Any) => x.type === 'Ready').status).toBe('False');
    const un = events(c, 'probe').filter((e) => e.reason === 'Unhealthy');
    expect(un[0].message).toBe('Readiness probe failed: HTTP probe failed with statuscode: 404');
    expect(un[0].count).toBeGreaterThan(2);
  });

  it('a passing readiness probe makes the pod Ready after initialDelaySeconds', () => {
    const c = newCluster();
    c.api.create(R.pods, 'default', nginxPod('ok', { app: 'ok' }, { readinessProbe: { tcpSocket: { port: 'web' }, initialDelaySeconds: 15 } }));
    c.advance(20_000);
    const started = Date.parse(get(c, 'ok').status.containerStatuses[0].state.running.startedAt);
    const ready = get(c, 'ok').status.containerStatuses[0].ready;
    expect(ready).toBe(c.clock.now() - started >= 15_000);
    c.advance(20_000);
    expect(get(c, 'ok').status.containerStatuses[0].ready).toBe(true);
  });

  it('a failing liveness probe restarts the container', () => {
    const c = newCluster();
    c.api.create(R.pods, 'default', nginxPod('live', { app: 'l' }, { livenessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 3, failureThreshold: 2 } }));
    c.advance(40_000);
    const p = get(c, 'live');
    expect(p.status.containerStatuses[0].restartCount).toBeGreaterThanOrEqual(1);
    const ev = events(c, 'live');
    expect(ev.map((e) => e.message)).toContain('Container nginx-container failed liveness probe, will be restarted');
    expect(ev.find((e) => e.reason === 'Unhealthy').message).toBe('Liveness probe failed: dial tcp 10.244.0.5:8080: connect: connection refused');
  });

  it('restartPolicy Never: a finished command leaves the pod Succeeded with its output', () => {
    const c = newCluster();
    c.api.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'once' }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo hello; sleep 2; echo bye'] }] } });
    c.advance(15_000);
    const p = get(c, 'once');
    expect(p.status.phase).toBe('Succeeded');
    expect(p.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(p.status.conditions.find((x: Any) => x.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
    expect(c.api.logs!('default', 'once', {})).toBe('hello\nbye\n');
  });

  it('kubectl logs on a container in CrashLoopBackOff shows its last run, as does --previous', () => {
    const c = newCluster();
    c.api.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'crash' }, spec: { containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo hello; exit 1'] }] } });
    c.advance(20_000);
    const p = get(c, 'crash');
    expect(p.status.containerStatuses[0].state.waiting.reason).toBe('CrashLoopBackOff');
    expect(c.api.logs!('default', 'crash', {})).toBe('hello\n');
    expect(c.api.logs!('default', 'crash', { previous: true })).toBe('hello\n');
  });

  it('gives unique pod IPs and reuses none immediately', () => {
    const c = newCluster();
    for (let i = 0; i < 5; i++) c.api.create(R.pods, 'default', nginxPod(`p${i}`, { app: `p${i}` }));
    c.advance(30_000);
    c.api.delete(R.pods, 'default', 'p0');
    c.advance(5000);
    c.api.create(R.pods, 'default', nginxPod('p5', { app: 'p5' }));
    c.advance(30_000);
    const ips = (c.api.list(R.pods, 'default').items as Any[]).map((p) => p.status.podIP);
    expect(new Set(ips).size).toBe(ips.length);
    expect(get(c, 'p5').status.podIP).toBe('10.244.0.10');
  });
});

describe('kubelet and attached sessions', () => {
  it('kubectl run -it: bash waits on stdin; exit restarts it (policy Always)', () => {
    const c = newCluster();
    c.api.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'ubuntu', labels: { run: 'ubuntu' } },
      spec: { containers: [{ name: 'ubuntu', image: 'ubuntu', args: ['bash'], stdin: true, stdinOnce: true, tty: true }] } });
    c.advance(30_000);
    expect(get(c, 'ubuntu').status.phase).toBe('Running');
    expect(c.runtime.processes('default', 'ubuntu').map((p) => p.command)).toEqual(['bash']);
    expect(c.runtime.exitContainer('default', 'ubuntu', 'ubuntu', 0, c.clock.now())).toBe(true);
    expect(get(c, 'ubuntu').status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    c.advance(5000);
    const cs = get(c, 'ubuntu').status.containerStatuses[0];
    expect(cs.restartCount).toBe(1);
    expect(cs.state.running).toBeDefined();
  });

  it('imagePullPolicy Never without the image: ErrImageNeverPull', () => {
    const c = newCluster();
    c.api.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'never' }, spec: { containers: [{ name: 'c', image: 'redis:7', imagePullPolicy: 'Never' }] } });
    c.advance(10_000);
    const w = get(c, 'never').status.containerStatuses[0].state.waiting;
    expect(w).toEqual({ reason: 'ErrImageNeverPull', message: 'Container image "redis:7" is not present with pull policy of Never' });
  });
});

describe('init containers', () => {
  it('run in order before the app container, then the pod starts', () => {
    const c = newCluster();
    c.api.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'init' }, spec: {
      initContainers: [{ name: 'wait', image: 'busybox', command: ['sh', '-c', 'echo waiting; sleep 5'] }, { name: 'setup', image: 'busybox', command: ['sh', '-c', 'echo ok'] }],
      containers: [{ name: 'app', image: 'nginx' }] } });
    c.advance(2500);
    let p = get(c, 'init');
    expect(p.status.phase).toBe('Pending');
    expect(p.status.initContainerStatuses.map((s: Any) => Object.keys(s.state)[0])).toEqual(['running', 'waiting']);
    expect(p.status.containerStatuses[0].state.waiting.reason).toBe('PodInitializing');
    expect(p.status.conditions.find((x: Any) => x.type === 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [wait setup]' });
    c.advance(30_000);
    p = get(c, 'init');
    expect(p.status.phase).toBe('Running');
    expect(p.status.initContainerStatuses.map((s: Any) => [s.state.terminated?.reason, s.ready, s.started])).toEqual([['Completed', true, false], ['Completed', true, false]]);
    expect(p.status.conditions.every((x: Any) => x.status === 'True')).toBe(true);
    expect(c.api.logs!('default', 'init', { container: 'wait' })).toBe('waiting\n');
    expect(events(c, 'init').find((e) => e.message === 'Created container: wait').involvedObject.fieldPath).toBe('spec.initContainers{wait}');
  });

  it('a failing init container with restartPolicy Never fails the pod', () => {
    const c = newCluster();
    c.api.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bad-init' }, spec: { restartPolicy: 'Never',
      initContainers: [{ name: 'check', image: 'busybox', command: ['sh', '-c', 'exit 3'] }], containers: [{ name: 'app', image: 'nginx' }] } });
    c.advance(15_000);
    const p = get(c, 'bad-init');
    expect(p.status.phase).toBe('Failed');
    expect(p.status.initContainerStatuses[0].state.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
  });
});
