/**
 * The kubelet of one node (pkg/kubelet: syncPod, kuberuntime_manager, image_manager, prober,
 * status manager), driven by the virtual clock. Each pod's runtime record is a small state
 * machine: sandbox → pull → create/start → running (probes) → exit → restart with back-off;
 * graceful stop on deletion, then the final delete with grace 0.
 * Init containers run one after another before the regular ones (sidecars keep running).
 * Left out: volumes, resource enforcement, eviction, startup probes.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/types.js';
import { ApiError } from '../api/types.js';
import type { NodeProfile } from '../profile.js';
import type { Controller, ControllerContext } from './controller.js';
import { WorkQueue } from './controller.js';
import type { Informer } from './informer.js';
import { buildStatus } from './kubelet-status.js';
import { heartbeat } from './kubelet-heartbeat.js';
import { probeDefaults, runProbe } from './kubelet-probes.js';
import { knownTag, notFoundTagMessage, pullErrorMessage, resolveImage } from '../images.js';
import { planProcess } from '../runtime/process.js';
import { allocatePodIP, releasePodIP } from '../runtime/ipam.js';
import type { ContainerRecord, PodRecord } from '../runtime/types.js';
import { R, clone, deepEqual, goDurationMs, keyOf, splitKey } from './util.js';
import { K8S_RAND_ALPHABET } from '../rng.js';

const MAX_BACKOFF = 300_000;
/** Queue key for the node's own heartbeats (not a pod key: no '/'). */
const HEARTBEAT = '\u0000heartbeat';
const INITIAL_BACKOFF = 10_000;
const HEX = '0123456789abcdef';
/** A deadline that never comes (JSON-safe, unlike Infinity). */
const NEVER = Number.MAX_SAFE_INTEGER;

export class Kubelet implements Controller {
  readonly name: string;
  private ctx!: ControllerContext;
  private queue = new WorkQueue();
  private pods!: Informer<Pod & KubeObject>;

  constructor(private readonly node: NodeProfile, private readonly ipamMode: 'host-local' | 'vpc') {
    this.name = `kubelet/${node.name}`;
  }

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
    this.pods = ctx.informers.for<Pod & KubeObject>(R.pods).addIndex('nodeName', (p) => [p.spec?.nodeName ?? '']);
    ctx.informers.for(R.leases); ctx.informers.for(R.nodes); // read by the heartbeats
    this.pods.onChange((_t, pod, old) => {
      if (pod.spec?.nodeName === this.node.name || old?.spec?.nodeName === this.node.name) this.queue.add(keyOf(pod));
    });
    this.resync();
  }

  /** Re-queues every object this controller owns (an informer resync). */
  resync(): void {
    this.queue.add(HEARTBEAT);
    for (const p of this.pods.byIndex('nodeName', this.node.name)) this.queue.add(keyOf(p));
    for (const r of this.ctx.runtime.allPods()) if (r.nodeName === this.node.name) this.queue.add(`${r.namespace}/${r.name}`);
  }

  enqueue(key: string): void { this.queue.add(key); }
  drain(): boolean { return this.queue.drain((k) => this.sync(k)); }

  private get cpus(): number { return Math.max(1, Math.floor(Number.parseFloat(this.node.capacity.cpu) || 1)); }

  sync(key: string): void {
    if (key === HEARTBEAT) { this.ctx.wakeAt(this.name, HEARTBEAT, heartbeat(this.ctx, this.node.name)); return; }
    const [ns, name] = splitKey(key);
    const pod = this.pods.get(ns, name);
    const rt = this.ctx.runtime;
    let rec = rt.pod(ns!, name);
    if (rec && (!pod || pod.metadata?.uid !== rec.uid)) { this.forget(rec); rec = undefined; }
    if (!pod || pod.spec?.nodeName !== this.node.name) return;
    const now = this.ctx.clock.now();
    if (!rec) {
      if (pod.metadata?.deletionTimestamp || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') {
        if (pod.metadata?.deletionTimestamp) this.finalDelete(pod);
        return;
      }
      rec = this.newRecord(pod, now);
      rt.addPod(rec);
    }
    this.advance(pod, rec, now);
    this.writeStatus(pod, rec, now);
    if (rec.stopped && pod.metadata?.deletionTimestamp) {
      this.finalDelete(pod);
      this.forget(rec);
      return;
    }
    const next = nextDeadline(rec, now);
    if (next !== undefined) this.ctx.wakeAt(this.name, key, next);
  }

  private newRecord(pod: Pod, now: number): PodRecord {
    const rng = this.ctx.rng;
    return {
      uid: pod.metadata!.uid!, namespace: pod.metadata!.namespace!, name: pod.metadata!.name!,
      nodeName: this.node.name, hostIP: this.node.internalIP, hostNetwork: !!pod.spec?.hostNetwork,
      seenAt: now, sandboxAt: now + 400 + rng.int(800), sandboxReady: false,
      containers: (pod.spec?.containers ?? []).map((c) => newContainer(c, (pod.spec?.initContainers ?? []).length > 0)),
      inits: (pod.spec?.initContainers ?? []).map((c) => ({ ...newContainer(c, false), init: true, sidecar: c.restartPolicy === 'Always' })),
      mainsStarted: (pod.spec?.initContainers ?? []).length === 0 ? undefined : false,
      transitions: {}, conditionState: {}, nextPid: 1,
    };
  }

  private forget(rec: PodRecord): void {
    this.ctx.runtime.removePod(rec.uid);
    if (rec.podIP && !rec.hostNetwork) releasePodIP(this.ctx.runtime.node(this.node.name), rec.podIP);
  }

  private finalDelete(pod: Pod): void {
    try {
      this.ctx.api.delete(R.pods, pod.metadata!.namespace, pod.metadata!.name!, { gracePeriodSeconds: 0, fieldManager: 'kubelet' });
    } catch (e) { if (!(e instanceof ApiError)) throw e; }
  }

  // ---------------------------------------------------------------- the state machine
  private advance(pod: Pod, rec: PodRecord, now: number): void {
    const specs = new Map((pod.spec?.containers ?? []).map((c) => [c.name, c]));
    const initSpecs = new Map((pod.spec?.initContainers ?? []).map((c) => [c.name, c]));
    const inits = rec.inits ?? [];
    if (pod.metadata?.deletionTimestamp && rec.terminatingSince === undefined) this.beginStop(pod, rec, now);
    if (!rec.sandboxReady && now >= rec.sandboxAt && rec.terminatingSince === undefined) {
      rec.sandboxReady = true;
      const ip = rec.hostNetwork ? this.node.internalIP
        : allocatePodIP(this.ctx.runtime.node(this.node.name), this.node.podCIDR, this.ipamMode, this.ctx.rng, [this.node.internalIP]);
      if (ip) this.ctx.runtime.setPodIP(rec, ip);
      if (rec.mainsStarted !== false) for (const c of rec.containers) this.startAttempt(pod, rec, c, specs.get(c.name)!, rec.sandboxAt);
    }
    for (let guard = 0; guard < 50; guard++) {
      let changed = false;
      for (const c of inits) {
        const spec = initSpecs.get(c.name);
        if (spec && this.step(pod, rec, c, spec, now)) changed = true;
      }
      if (rec.mainsStarted === false && rec.sandboxReady && rec.terminatingSince === undefined) {
        // Init containers run in order; the regular containers start when all are done.
        const next = inits.find((c) => !initDone(c));
        if (!next) {
          rec.mainsStarted = true;
          for (const c of rec.containers) this.startAttempt(pod, rec, c, specs.get(c.name)!, now);
          changed = true;
        } else if (next.phase === 'creating') {
          this.startAttempt(pod, rec, next, initSpecs.get(next.name)!, now);
          changed = true;
        }
      }
      for (const c of rec.containers) {
        const spec = specs.get(c.name);
        if (!spec) continue;
        if (this.step(pod, rec, c, spec, now)) changed = true;
      }
      if (!changed) break;
    }
    if (rec.terminatingSince !== undefined && !rec.stopped && [...rec.containers, ...inits].every((c) => c.phase !== 'running')) rec.stopped = true;
  }

  /** One due transition for a container; true if something happened. */
  private step(pod: Pod, rec: PodRecord, c: ContainerRecord, spec: Container, now: number): boolean {
    switch (c.phase) {
      case 'pulling':
        if (c.pullDoneAt! > now) return false;
        if (c.pullOk) { this.pulled(pod, rec, c, spec, c.pullDoneAt!); return true; }
        c.phase = 'pullFailed';
        c.waitingReason = 'ErrImagePull'; c.waitingMessage = c.pullError;
        c.pullFailures++;
        c.backoffUntil = c.pullDoneAt! + Math.min(INITIAL_BACKOFF * 2 ** (c.pullFailures - 1), MAX_BACKOFF);
        c.decideAt = c.pullDoneAt! + 1000;
        this.event(pod, c, 'Warning', 'Failed', `Failed to pull image "${c.image}": ${c.pullError}`);
        this.event(pod, c, 'Warning', 'Failed', 'Error: ErrImagePull');
        return true;
      case 'pullFailed':
        if (c.decideAt! > now) return false;
        c.phase = 'pullBackOff';
        c.decideAt = now + this.resyncDelay();
        c.waitingReason = 'ImagePullBackOff';
        c.waitingMessage = `Back-off pulling image "${c.image}": ErrImagePull: ${c.pullError}`;
        this.event(pod, c, 'Normal', 'BackOff', `Back-off pulling image "${c.image}"`);
        this.event(pod, c, 'Warning', 'Failed', 'Error: ImagePullBackOff');
        return true;
      case 'pullBackOff':
        if (rec.terminatingSince !== undefined) return false;
        if (c.backoffUntil! <= now) { this.startAttempt(pod, rec, c, spec, c.backoffUntil!); return true; }
        if (c.decideAt! > now) return false;
        // Every pod sync during the back-off repeats the events (their counts grow).
        this.event(pod, c, 'Normal', 'BackOff', `Back-off pulling image "${c.image}"`);
        this.event(pod, c, 'Warning', 'Failed', 'Error: ImagePullBackOff');
        c.decideAt = now + this.resyncDelay();
        return true;
      case 'running': {
        const at = Math.min(c.exitAt ?? Infinity, c.stopAt ?? Infinity, c.readiness.nextAt ?? Infinity, c.liveness.nextAt ?? Infinity);
        if (at > now) return false;
        if (c.stopAt !== undefined && c.stopAt === at) { this.exited(pod, rec, c, c.stopExitCode ?? 0, at, c.stopForRestart ? 'exited' : 'done'); return true; }
        if (c.exitAt !== undefined && c.exitAt === at) { this.exited(pod, rec, c, c.exitCode ?? 0, at, 'exited'); return true; }
        if (c.readiness.nextAt === at) { this.probe(pod, rec, c, spec, 'readiness', at); return true; }
        this.probe(pod, rec, c, spec, 'liveness', at);
        return true;
      }
      case 'exited': {
        if (c.decideAt! > now) return false;
        if (rec.terminatingSince !== undefined) { c.phase = 'done'; return true; }
        const policy = c.sidecar ? 'Always' : pod.spec?.restartPolicy ?? 'Always';
        const code = c.terminated?.exitCode ?? 0;
        // A finished init container is done; a failed one is retried unless the pod never restarts.
        if (c.init && !c.sidecar && (code === 0 || policy === 'Never')) { c.phase = 'done'; c.ready = code === 0; return true; }
        if (policy === 'Never' || (policy === 'OnFailure' && code === 0)) { c.phase = 'done'; return true; }
        if (c.crashBackoffMs === 0) { c.crashBackoffMs = INITIAL_BACKOFF; this.restart(pod, rec, c, spec, c.decideAt!); return true; }
        c.phase = 'crashBackOff';
        c.backoffUntil = c.terminated!.finishedAt + c.crashBackoffMs;
        c.waitingReason = 'CrashLoopBackOff';
        c.waitingMessage = `back-off ${goDurationMs(c.crashBackoffMs).replace(/^(\d+)m0s$/, '$1m0s')} restarting failed container=${c.name} pod=${rec.name}_${rec.namespace}(${rec.uid})`;
        c.lastTerminated = c.terminated; c.terminated = undefined;
        this.event(pod, c, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${rec.name}_${rec.namespace}(${rec.uid})`);
        c.crashBackoffMs = Math.min(c.crashBackoffMs * 2, MAX_BACKOFF);
        c.decideAt = now + this.resyncDelay();
        return true;
      }
      case 'crashBackOff':
        if (rec.terminatingSince !== undefined) return false;
        if (c.backoffUntil! <= now) { this.restart(pod, rec, c, spec, c.backoffUntil!); return true; }
        if (c.decideAt! > now) return false;
        this.event(pod, c, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${rec.name}_${rec.namespace}(${rec.uid})`);
        c.decideAt = now + this.resyncDelay();
        return true;
      default:
        return false;
    }
  }

  /** The pod worker re-syncs a pod in back-off every 10-20 s. */
  private resyncDelay(): number { return 10_000 + this.ctx.rng.int(10_000); }

  private startAttempt(pod: Pod, rec: PodRecord, c: ContainerRecord, spec: Container, at: number): void {
    const ref = resolveImage(spec.image ?? '');
    const node = this.ctx.runtime.node(this.node.name);
    const cached = this.ctx.runtime.hasImage(this.node.name, ref.normalized);
    const policy = spec.imagePullPolicy ?? (ref.tag === 'latest' ? 'Always' : 'IfNotPresent');
    // The kubelet's default waiting reason is PodInitializing for every container of a pod with init containers.
    // A re-pull after a back-off keeps the last pull error: the pod worker is busy pulling and posts no new status.
    if (!c.restarting && !c.pullFailures) { c.waitingReason = rec.inits?.length ? 'PodInitializing' : 'ContainerCreating'; c.waitingMessage = undefined; }
    if (!cached && policy === 'Never') {
      const msg = `Container image "${c.image}" is not present with pull policy of Never`;
      c.phase = 'pullFailed'; c.waitingReason = 'ErrImageNeverPull'; c.waitingMessage = msg;
      c.pullError = msg; c.pullDoneAt = at; c.decideAt = NEVER; // waits until the pod is replaced
      this.event(pod, c, 'Warning', 'ErrImageNeverPull', msg, at);
      return;
    }
    if (cached && policy !== 'Always') {
      this.event(pod, c, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`, at);
      this.createAndStart(pod, rec, c, spec, at);
      return;
    }
    const rng = this.ctx.rng;
    const exists = !!ref.info && knownTag(ref);
    const begin = Math.max(at, node.pullBusyUntil);
    // Pulls are serialised: an earlier queued pull of the same image makes this one a cache hit.
    const pulledAt = (node.pulledAt ??= {})[ref.normalized];
    const warm = cached || (pulledAt !== undefined && pulledAt <= begin);
    let dur: number;
    if (!exists) dur = 400 + rng.int(900);
    else if (warm) dur = 250 + rng.int(700);
    else dur = Math.round(ref.info!.sizeBytes / (7_000_000 + rng.int(7_000_000)) * 1000) + 300 + rng.int(500);
    if (exists && pulledAt === undefined) node.pulledAt[ref.normalized] = begin + dur;
    c.phase = 'pulling';
    c.pullRequestedAt = at;
    c.pullDoneAt = begin + dur;
    c.pullBeganAt = begin;
    c.pullOk = exists;
    c.pullError = exists ? undefined : (ref.info ? notFoundTagMessage(ref) : pullErrorMessage(ref));
    node.pullBusyUntil = c.pullDoneAt;
    this.event(pod, c, 'Normal', 'Pulling', `Pulling image "${c.image}"`, at);
  }

  private pulled(pod: Pod, rec: PodRecord, c: ContainerRecord, spec: Container, at: number): void {
    const ref = resolveImage(spec.image ?? '');
    this.ctx.runtime.addImage(this.node.name, ref.normalized);
    const took = at - (c.pullRequestedAt ?? at);
    const size = ref.info!.sizeBytes;
    const own = Math.max(1, c.pullDoneAt! - (c.pullBeganAt ?? c.pullRequestedAt ?? at));
    this.event(pod, c, 'Normal', 'Pulled', `Successfully pulled image "${c.image}" in ${goDurationMs(own)} (${goDurationMs(took)} including waiting). Image size: ${size} bytes.`, at);
    c.pullFailures = 0;
    this.createAndStart(pod, rec, c, spec, at);
  }

  private createAndStart(pod: Pod, rec: PodRecord, c: ContainerRecord, spec: Container, at: number): void {
    const ref = resolveImage(spec.image ?? '');
    const info = ref.info!;
    const plan = planProcess(spec, info, at, this.cpus);
    c.imageRef = ref.normalized;
    c.imageID = `${ref.repository}@sha256:${info.digest}`;
    if (c.restarting) {
      // The new instance replaces the dead one: restartCount counts dead containers.
      if (c.terminated) c.lastTerminated = c.terminated;
      c.terminated = undefined;
      c.restartCount++;
      c.restarting = false;
      c.previousLogs = c.logs;
      c.logs = [];
    }
    c.containerID = this.ctx.rng.string(HEX, 64);
    if (plan.startError) {
      this.event(pod, c, 'Warning', 'Failed', `Error: ${plan.startError}`, at);
      c.startedAt = at;
      c.terminated = { exitCode: 128, reason: 'StartError', message: plan.startError, startedAt: 0, finishedAt: at, containerID: c.containerID };
      c.phase = 'exited'; c.decideAt = at + 1000; c.ready = false;
      return;
    }
    this.event(pod, c, 'Normal', 'Created', `Created container: ${c.name}`, at);
    this.event(pod, c, 'Normal', 'Started', `Started container ${c.name}`, at);
    c.phase = 'running';
    c.waitingReason = undefined; c.waitingMessage = undefined;
    c.startedAt = at;
    c.started = true;
    c.ports = plan.ports;
    c.logs = plan.logs.map((l) => l.replace(/\{\{POD_IP\}\}/g, rec.podIP ?? ''));
    c.processes = plan.commands.map((cmd, i) => ({ pid: i === 0 ? 1 : 28 + i, ppid: i === 0 ? 0 : 1, user: i === 0 || !cmd.includes('worker') ? 'root' : 'nginx', command: cmd, startedAt: at }));
    c.tty = !!spec.tty; c.stdin = !!spec.stdin;
    c.external = plan.external ? { argv: plan.argv } : undefined;
    c.exitCode = plan.exitCode;
    c.exitAt = plan.exitAfterMs === undefined ? undefined : at + plan.exitAfterMs;
    c.stopAt = undefined; c.stopForRestart = undefined;
    c.stopExitCode = plan.stopMs === undefined ? 137 : 0;
    c.stopMs = plan.stopMs;
    const rp = spec.readinessProbe, lp = spec.livenessProbe;
    c.ready = !rp;
    c.readiness = { successes: 0, failures: 0, ok: !rp, nextAt: rp ? at + probeDefaults(rp).initialDelaySeconds * 1000 : undefined };
    c.liveness = { successes: 0, failures: 0, ok: true, nextAt: lp ? at + Math.max(1, probeDefaults(lp).initialDelaySeconds) * 1000 : undefined };
    if (c.exitAt !== undefined && c.exitAt - at < 1000) this.exited(pod, rec, c, plan.exitCode, at, 'exited');
  }

  private probe(pod: Pod, rec: PodRecord, c: ContainerRecord, spec: Container, kind: 'readiness' | 'liveness', at: number): void {
    const p = kind === 'readiness' ? spec.readinessProbe! : spec.livenessProbe!;
    const st = kind === 'readiness' ? c.readiness : c.liveness;
    const d = probeDefaults(p);
    st.nextAt = at + d.periodSeconds * 1000;
    const res = runProbe(p, spec, c, rec.podIP ?? '');
    if (res.ok) {
      st.successes++; st.failures = 0;
      if (st.successes >= d.successThreshold) st.ok = true;
    } else {
      st.failures++; st.successes = 0;
      const label = kind === 'readiness' ? 'Readiness' : 'Liveness';
      this.event(pod, c, 'Warning', 'Unhealthy', `${label} probe failed: ${res.message}`, at);
      if (st.failures >= d.failureThreshold) st.ok = false;
    }
    // Results here depend only on the container's own state, which changes only through the
    // kubelet: once steadily passing, further probes cannot change anything visible.
    if (res.ok && st.ok) st.nextAt = undefined;
    if (kind === 'readiness') c.ready = st.ok && rec.terminatingSince === undefined;
    else if (!st.ok && c.stopAt === undefined) {
      this.event(pod, c, 'Normal', 'Killing', `Container ${c.name} failed liveness probe, will be restarted`, at);
      const stopMs = c.stopMs;
      const grace = (pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
      c.stopAt = at + (stopMs ?? grace);
      c.stopExitCode = stopMs === undefined ? 137 : 0;
      c.stopForRestart = true;
      c.liveness.nextAt = undefined;
    }
  }

  private exited(pod: Pod, rec: PodRecord, c: ContainerRecord, code: number, at: number, next: 'exited' | 'done'): void {
    void pod;
    c.terminated = { exitCode: code, reason: code === 0 ? 'Completed' : 'Error', startedAt: c.startedAt ?? at, finishedAt: at, containerID: c.containerID ?? '' };
    c.phase = next;
    c.decideAt = at + 1000;
    c.ready = false;
    c.ports = [];
    c.exitAt = undefined; c.stopAt = undefined;
    c.readiness = { successes: 0, failures: 0, ok: false };
    c.liveness = { successes: 0, failures: 0, ok: true };
    c.processes = [];
    void rec;
  }

  private restart(pod: Pod, rec: PodRecord, c: ContainerRecord, spec: Container, at: number): void {
    c.restarting = true;
    this.startAttempt(pod, rec, c, spec, at);
  }

  private beginStop(pod: Pod, rec: PodRecord, now: number): void {
    rec.terminatingSince = now;
    const grace = (pod.metadata?.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
    for (const c of [...rec.containers, ...(rec.inits ?? [])]) {
      if (c.phase === 'running') {
        this.event(pod, c, 'Normal', 'Killing', `Stopping container ${c.name}`, now);
        const stopMs = c.stopMs;
        const ms = stopMs === undefined ? grace : Math.min(stopMs, grace);
        c.stopAt = now + ms;
        c.stopExitCode = stopMs === undefined || stopMs > grace ? 137 : 0;
        c.stopForRestart = false;
        c.ready = false;
        c.readiness.nextAt = undefined; c.liveness.nextAt = undefined;
        c.exitAt = undefined;
      } else if (c.phase !== 'done') {
        c.phase = c.terminated ? 'done' : 'done';
      }
    }
  }

  private writeStatus(pod: Pod & KubeObject, rec: PodRecord, now: number): void {
    const status = buildStatus(pod, rec, now);
    if (deepEqual(status, pod.status)) return;
    const upd = { ...pod, status }; // the server copies its input
    try {
      this.ctx.api.update(R.pods, rec.namespace, upd, { subresource: 'status', fieldManager: 'kubelet' });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.code === 409) this.queue.add(keyOf(pod));
    }
  }

  private event(pod: Pod, c: ContainerRecord, type: 'Normal' | 'Warning', reason: string, message: string, at?: number): void {
    void at;
    this.ctx.recordEvent({
      involved: { kind: 'Pod', apiVersion: 'v1', namespace: pod.metadata!.namespace, name: pod.metadata!.name!, uid: pod.metadata!.uid, fieldPath: `spec.${c.init ? 'initContainers' : 'containers'}{${c.name}}` },
      type, reason, message, source: { component: 'kubelet', host: this.node.name },
    });
  }
}

function newContainer(c: Container, afterInits: boolean): ContainerRecord {
  return {
    name: c.name, image: c.image ?? '', imageRef: '', imageID: '', restartCount: 0, phase: 'creating',
    waitingReason: afterInits ? 'PodInitializing' : 'ContainerCreating', pullFailures: 0, crashBackoffMs: 0, ready: false, started: false,
    readiness: { successes: 0, failures: 0, ok: false }, liveness: { successes: 0, failures: 0, ok: true },
    ports: [], logs: [], previousLogs: [], processes: [], tty: !!c.tty, stdin: !!c.stdin,
  };
}

/** An init container lets the next one start: it completed, or (a sidecar) it is running. */
function initDone(c: ContainerRecord): boolean {
  return c.sidecar ? c.phase === 'running' && c.started : c.phase === 'done' && c.terminated?.exitCode === 0;
}

/** The earliest future time something changes for this pod. */
function nextDeadline(rec: PodRecord, now: number): number | undefined {
  let t = Infinity;
  if (!rec.sandboxReady && rec.terminatingSince === undefined) t = Math.min(t, rec.sandboxAt);
  for (const c of [...rec.containers, ...(rec.inits ?? [])]) {
    switch (c.phase) {
      case 'pulling': t = Math.min(t, c.pullDoneAt!); break;
      case 'pullFailed': case 'exited': if (c.decideAt! < NEVER) t = Math.min(t, c.decideAt!); break;
      case 'pullBackOff': case 'crashBackOff': if (rec.terminatingSince === undefined) t = Math.min(t, c.backoffUntil!, c.decideAt ?? Infinity); break;
      case 'running': t = Math.min(t, c.exitAt ?? Infinity, c.stopAt ?? Infinity, c.readiness.nextAt ?? Infinity, c.liveness.nextAt ?? Infinity); break;
      default: break;
    }
  }
  return t === Infinity || t <= now ? (t <= now ? now : undefined) : t;
}

export { K8S_RAND_ALPHABET };
