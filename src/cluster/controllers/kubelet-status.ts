/**
 * Builds a pod's status from the runtime record, as the kubelet's status manager does
 * (pkg/kubelet/kubelet_pods.go generateAPIPodStatus, getPhase; pkg/kubelet/status/generate.go).
 * Pure: the caller compares with the stored status and writes only on change.
 */
import type { Container, ContainerStatus, Pod, PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import type { ContainerRecord, PodRecord, TerminatedInfo } from '../runtime/types.js';
import { rfc3339 } from './util.js';

export function podPhase(pod: Pod, rec: PodRecord): string {
  const policy0 = pod.spec?.restartPolicy ?? 'Always';
  if ((rec.inits ?? []).some((c) => c.phase === 'done' && !c.sidecar && (c.terminated?.exitCode ?? 0) !== 0) && policy0 === 'Never') return 'Failed';
  if (rec.mainsStarted === false) return 'Pending';
  let waiting = 0, running = 0, stopped = 0, succeeded = 0;
  for (const c of rec.containers) {
    if (c.phase === 'running') running++;
    else if (c.phase === 'exited' || c.phase === 'done') { stopped++; if (c.terminated?.exitCode === 0) succeeded++; }
    else if (c.restarting && c.terminated) { stopped++; if (c.terminated.exitCode === 0) succeeded++; }
    else if (c.lastTerminated) { stopped++; if (c.lastTerminated.exitCode === 0) succeeded++; }
    else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    const policy = pod.spec?.restartPolicy ?? 'Always';
    // Terminal only once every container is done for good.
    const allDone = rec.containers.every((c) => c.phase === 'done');
    if (policy === 'Always' && !allDone) return 'Running';
    if (policy === 'OnFailure') return succeeded === stopped ? 'Succeeded' : allDone ? 'Failed' : 'Running';
    if (!allDone) return 'Running';
    return succeeded === stopped ? 'Succeeded' : 'Failed';
  }
  return 'Pending';
}

function term(t: TerminatedInfo): Record<string, unknown> {
  const o: Record<string, unknown> = {
    containerID: `containerd://${t.containerID}`, exitCode: t.exitCode,
    finishedAt: rfc3339(t.finishedAt), reason: t.reason, startedAt: rfc3339(t.startedAt),
  };
  if (t.message) o['message'] = t.message;
  return o;
}

function containerStatus(c: ContainerRecord, spec: Container | undefined): ContainerStatus {
  let state: Record<string, unknown>;
  if (c.phase === 'running') state = { running: { startedAt: rfc3339(c.startedAt!) } };
  else if ((c.phase === 'exited' || c.phase === 'done' || (c.restarting && c.phase === 'pulling')) && c.terminated) state = { terminated: term(c.terminated) };
  else {
    const w: Record<string, string> = { reason: c.waitingReason ?? 'ContainerCreating' };
    if (c.waitingMessage) w['message'] = c.waitingMessage;
    state = { waiting: w };
  }
  const pulled = c.imageID !== '';
  const s: Record<string, unknown> = {
    image: pulled ? c.imageRef : c.image,
    imageID: c.imageID,
    lastState: c.lastTerminated ? { terminated: term(c.lastTerminated) } : {},
    name: c.name,
    ready: c.ready,
    restartCount: c.restartCount,
    started: c.phase === 'running' && c.started,
    state,
  };
  if (c.containerID) s['containerID'] = `containerd://${c.containerID}`;
  const mounts = spec?.volumeMounts ?? [];
  if (mounts.length) {
    s['volumeMounts'] = mounts.map((m) => (m.readOnly
      ? { mountPath: m.mountPath, name: m.name, readOnly: true, recursiveReadOnly: 'Disabled' }
      : { mountPath: m.mountPath, name: m.name }));
  }
  return s as unknown as ContainerStatus;
}

function cond(rec: PodRecord, now: number, type: string, status: string, reason?: string, message?: string): PodCondition {
  if (rec.conditionState[type] !== status) {
    rec.conditionState[type] = status;
    rec.transitions[type] = now;
  }
  const c: Record<string, unknown> = { lastProbeTime: null, lastTransitionTime: rfc3339(rec.transitions[type]!), status, type };
  if (reason) c['reason'] = reason;
  if (message) c['message'] = message;
  return c as unknown as PodCondition;
}

export function buildStatus(pod: Pod, rec: PodRecord, now: number): PodStatus {
  const specs = new Map((pod.spec?.containers ?? []).map((c) => [c.name, c]));
  const phase = podPhase(pod, rec);
  const notReady = rec.containers.filter((c) => !c.ready).map((c) => c.name);
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const readyStatus = notReady.length === 0 && !terminal ? 'True' : 'False';
  const readyReason = readyStatus === 'True' ? undefined : terminal ? 'PodCompleted' : 'ContainersNotReady';
  const readyMsg = readyStatus === 'True' || terminal ? undefined : `containers with unready status: [${notReady.join(' ')}]`;
  const scheduled = (pod.status?.conditions ?? []).find((c) => c.type === 'PodScheduled');
  const initSpecs = new Map((pod.spec?.initContainers ?? []).map((c) => [c.name, c]));
  const pendingInits = (rec.inits ?? []).filter((c) => !(c.sidecar ? c.started : c.phase === 'done' && c.terminated?.exitCode === 0)).map((c) => c.name);
  const conditions: PodCondition[] = [
    cond(rec, now, 'PodReadyToStartContainers', rec.sandboxReady && !rec.stopped ? 'True' : 'False'),
    pendingInits.length && !terminal
      ? cond(rec, now, 'Initialized', 'False', 'ContainersNotInitialized', `containers with incomplete status: [${pendingInits.join(' ')}]`)
      : cond(rec, now, 'Initialized', 'True'),
    cond(rec, now, 'Ready', readyStatus, readyReason, readyMsg),
    cond(rec, now, 'ContainersReady', readyStatus, readyReason, readyMsg),
  ];
  if (scheduled) conditions.push(scheduled);
  const status: Record<string, unknown> = {
    ...(pod.status ?? {}),
    conditions,
    containerStatuses: rec.containers.map((c) => containerStatus(c, specs.get(c.name))),
    ...(rec.inits?.length ? { initContainerStatuses: rec.inits.map((c) => containerStatus(c, initSpecs.get(c.name))) } : {}),
    hostIP: rec.hostIP,
    hostIPs: [{ ip: rec.hostIP }],
    phase,
    startTime: rfc3339(rec.seenAt),
  };
  if (rec.podIP) { status['podIP'] = rec.podIP; status['podIPs'] = [{ ip: rec.podIP }]; }
  if (!status['qosClass']) status['qosClass'] = qosClass(pod);
  return status as PodStatus;
}

export function qosClass(pod: Pod): string {
  const cs = pod.spec?.containers ?? [];
  let any = false, guaranteed = cs.length > 0;
  for (const c of cs) {
    const req = c.resources?.requests ?? {}, lim = c.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const r of ['cpu', 'memory']) {
      const l = lim[r] ?? undefined, q = req[r] ?? l;
      if (l === undefined || q === undefined || String(l) !== String(q)) guaranteed = false;
    }
  }
  return !any ? 'BestEffort' : guaranteed ? 'Guaranteed' : 'Burstable';
}
