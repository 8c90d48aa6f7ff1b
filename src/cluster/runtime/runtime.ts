/**
 * The container runtime model: pods' sandboxes and containers on every node, their logs,
 * listening ports and processes. The kubelet drives it; other layers read it:
 *   - network: `listeners(ip)`, `podByIP(ip)`, `appendLog(...)` for access-log lines
 *   - shell/exec: `container(ns, pod, name)`, `processes(...)`
 *   - API server: `logs(...)` through ApiServer.setLogProvider
 */
import type { ContainerRecord, NodeRuntimeState, PodRecord, ProcessInfo } from './types.js';

export interface RuntimeSnapshot { pods: PodRecord[]; nodes: NodeRuntimeState[] }

export class ContainerRuntime {
  /** Called when something outside the kubelet changes a container (exit, process); the cluster wakes the kubelet. */
  private waker?: (rec: PodRecord) => void;
  private pods = new Map<string, PodRecord>();          // by uid
  private byName = new Map<string, string>();            // ns/name → uid
  private byIP = new Map<string, string>();              // podIP → uid (not hostNetwork)
  private nodes = new Map<string, NodeRuntimeState>();

  // ---------------------------------------------------------------- nodes
  node(name: string): NodeRuntimeState {
    let n = this.nodes.get(name);
    if (!n) { n = { name, images: [], pullBusyUntil: 0, lastIPOffset: 1, usedIPs: [] }; this.nodes.set(name, n); }
    return n;
  }
  hasImage(node: string, image: string): boolean { return this.node(node).images.includes(image); }
  addImage(node: string, image: string): void { const n = this.node(node); if (!n.images.includes(image)) n.images.push(image); }

  // ---------------------------------------------------------------- pods
  addPod(rec: PodRecord): void {
    this.pods.set(rec.uid, rec);
    this.byName.set(`${rec.namespace}/${rec.name}`, rec.uid);
  }
  setPodIP(rec: PodRecord, ip: string): void {
    rec.podIP = ip;
    if (!rec.hostNetwork) this.byIP.set(ip, rec.uid);
  }
  removePod(uid: string): PodRecord | undefined {
    const rec = this.pods.get(uid);
    if (!rec) return undefined;
    this.pods.delete(uid);
    if (this.byName.get(`${rec.namespace}/${rec.name}`) === uid) this.byName.delete(`${rec.namespace}/${rec.name}`);
    if (rec.podIP && this.byIP.get(rec.podIP) === uid) this.byIP.delete(rec.podIP);
    return rec;
  }
  podByUid(uid: string): PodRecord | undefined { return this.pods.get(uid); }
  pod(namespace: string, name: string): PodRecord | undefined {
    const uid = this.byName.get(`${namespace}/${name}`);
    return uid ? this.pods.get(uid) : undefined;
  }
  podByIP(ip: string): PodRecord | undefined {
    const uid = this.byIP.get(ip);
    return uid ? this.pods.get(uid) : undefined;
  }
  allPods(): PodRecord[] { return [...this.pods.values()]; }

  container(namespace: string, pod: string, name?: string): ContainerRecord | undefined {
    const p = this.pod(namespace, pod);
    if (!p) return undefined;
    return name === undefined ? p.containers[0] : p.containers.find((c) => c.name === name) ?? p.inits?.find((c) => c.name === name);
  }

  /** Ports with a listening process at this pod IP (running containers only). */
  listeners(ip: string): { port: number; container: string }[] {
    const p = this.podByIP(ip);
    if (!p || p.stopped) return [];
    const out: { port: number; container: string }[] = [];
    for (const c of p.containers) if (c.phase === 'running' && c.stopAt === undefined) for (const port of c.ports) out.push({ port, container: c.name });
    return out;
  }

  // ---------------------------------------------------------------- logs and processes
  /** Lines the current (or previous) instance has printed, as `kubectl logs` shows them. */
  /**
   * The log of one container instance: `containerID` (as the API server resolved it from the
   * pod status) picks the current record's instance or the one before; without it, `previous`.
   */
  logs(namespace: string, pod: string, opts: { container?: string; previous?: boolean; tailLines?: number; containerID?: string } = {}): string | undefined {
    const c = this.container(namespace, pod, opts.container);
    if (!c) return undefined;
    const current = opts.containerID !== undefined ? opts.containerID === c.containerID : !opts.previous;
    let lines = current ? c.logs : c.previousLogs;
    if (opts.tailLines !== undefined && opts.tailLines >= 0) lines = lines.slice(Math.max(0, lines.length - opts.tailLines));
    return lines.length ? `${lines.join('\n')}\n` : '';
  }

  /** The network layer calls this for access-log lines (nginx `log_format main`). */
  appendLog(namespace: string, pod: string, container: string | undefined, line: string): void {
    const c = this.container(namespace, pod, container);
    if (c && c.phase === 'running') c.logs.push(line);
  }

  processes(namespace: string, pod: string, container?: string): ProcessInfo[] {
    return this.container(namespace, pod, container)?.processes.map((p) => ({ ...p })) ?? [];
  }

  setWaker(fn: (rec: PodRecord) => void): void { this.waker = fn; }

  /**
   * The container's main process exits now (e.g. the learner typed `exit` in an attached
   * bash). The kubelet then applies the restart policy. Returns false if it is not running.
   */
  exitContainer(namespace: string, pod: string, container: string | undefined, exitCode: number, now: number): boolean {
    const p = this.pod(namespace, pod);
    const c = p && (container === undefined ? p.containers[0] : p.containers.find((x) => x.name === container));
    if (!p || !c || c.phase !== 'running') return false;
    c.exitAt = now;
    c.exitCode = exitCode;
    this.waker?.(p);
    return true;
  }

  /**
   * Running main processes that wait for a session to run them (network tools, see ProcessPlan.external).
   * One with stdin open (`kubectl run -i`) is left to the session that attaches to it.
   */
  pendingExternal(): { namespace: string; pod: string; container: string; argv: string[]; startedAt: number }[] {
    const out: { namespace: string; pod: string; container: string; argv: string[]; startedAt: number }[] = [];
    for (const p of this.pods.values()) {
      for (const c of p.containers) if (c.external && !c.external.claimed && !c.stdin && c.phase === 'running') out.push({ namespace: p.namespace, pod: p.name, container: c.name, argv: c.external.argv, startedAt: c.startedAt ?? 0 });
    }
    return out;
  }

  /** A session takes a pending main process to run it; undefined if there is none (or it is taken). */
  claimExternal(namespace: string, pod: string, container: string | undefined): string[] | undefined {
    const c = this.container(namespace, pod, container);
    if (!c?.external || c.external.claimed || c.phase !== 'running') return undefined;
    c.external.claimed = true;
    return c.external.argv;
  }

  /** A process started inside a running container (kubectl exec): returns its PID. */
  spawnProcess(namespace: string, pod: string, container: string | undefined, command: string, user: string, now: number): number | undefined {
    const p = this.pod(namespace, pod);
    const c = p && (container === undefined ? p.containers[0] : p.containers.find((x) => x.name === container));
    if (!p || !c || c.phase !== 'running') return undefined;
    const pid = Math.max(p.nextPid, ...c.processes.map((x) => x.pid + 1), 7);
    p.nextPid = pid + 1;
    c.processes.push({ pid, ppid: 0, user, command, startedAt: now });
    return pid;
  }

  killProcess(namespace: string, pod: string, container: string | undefined, pid: number): void {
    const c = this.container(namespace, pod, container);
    if (c) c.processes = c.processes.filter((x) => x.pid !== pid);
  }

  // ---------------------------------------------------------------- snapshot
  save(): RuntimeSnapshot {
    return structuredClone({ pods: [...this.pods.values()], nodes: [...this.nodes.values()] });
  }
  static load(data: RuntimeSnapshot): ContainerRuntime {
    const rt = new ContainerRuntime();
    for (const n of structuredClone(data.nodes)) rt.nodes.set(n.name, n);
    for (const p of structuredClone(data.pods)) { rt.addPod(p); if (p.podIP) rt.setPodIP(p, p.podIP); }
    return rt;
  }
}
