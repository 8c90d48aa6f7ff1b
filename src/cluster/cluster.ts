/**
 * The simulated cluster: API server, virtual clock, seeded RNG, container runtime and the
 * controllers (kube-scheduler, kube-controller-manager loops, one kubelet per node), run in a
 * fixed order until quiet after every change of time. A fresh cluster is bootstrapped as if it
 * had existed for profile.clusterAgeSeconds.
 */
import { ApiServer, type ApiServerDump } from './api/server.js';
import type { ApiClient } from './api/types.js';
import { VirtualClock } from './clock.js';
import type { ClusterProfile } from './profile.js';
import { SeededRandom } from './rng.js';
import type { Controller, ControllerContext, EventSpec } from './controllers/controller.js';
import { DaemonSetController } from './controllers/daemonset.js';
import { DeploymentController } from './controllers/deployment.js';
import { EndpointsController } from './controllers/endpoints.js';
import { EndpointSliceController } from './controllers/endpointslice.js';
import { EndpointSliceMirroringController } from './controllers/endpointslice-mirroring.js';
import { EventRecorder } from './controllers/events.js';
import { EventTTLController } from './controllers/event-ttl.js';
import { GarbageCollector } from './controllers/garbage-collector.js';
import { InformerFactory } from './controllers/informer.js';
import { JobController } from './controllers/job.js';
import { Kubelet } from './controllers/kubelet.js';
import { NamespaceController } from './controllers/namespace.js';
import { ReplicaSetController } from './controllers/replicaset.js';
import { Scheduler } from './controllers/scheduler.js';
import { ServiceAccountController } from './controllers/serviceaccount.js';
import { StatefulSetController } from './controllers/statefulset.js';
import { bootstrapCluster } from './profiles/bootstrap.js';
import { ContainerRuntime, type RuntimeSnapshot } from './runtime/runtime.js';

export interface ClusterOptions { seed: number; startTime: number; profile: ClusterProfile }

/** What snapshot() returns: plain JSON. The API server's part is its dump (objects, resourceVersion, timers). */
export interface ClusterSnapshot extends ApiServerDump {
  version: 1;
  profile: ClusterProfile;
  now: number;
  rng: number;
  runtime: RuntimeSnapshot;
  wakeups: { at: number; controller: string; key: string }[];
  events: unknown;
}

const MAX_SETTLE_ROUNDS = 10_000;
const CA_CERT = '-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIa3ViZWxhYmNhMA0GCSqGSIb3DQEBCwUAMBUxEzARBgNV\nBAMTCmt1YmVybmV0ZXMwHhcNMjUwNjAxMDk1NTAwWhcNMzUwNTMwMTAwMDAwWjAV\n-----END CERTIFICATE-----\n';

export class Cluster {
  readonly api: ApiClient;
  readonly server: ApiServer;
  readonly clock: VirtualClock;
  readonly rng: SeededRandom;
  readonly profile: ClusterProfile;
  readonly runtime: ContainerRuntime;
  private readonly informers: InformerFactory;
  private readonly recorder: EventRecorder;
  private readonly controllers: Controller[] = [];
  private readonly byName = new Map<string, Controller>();
  /** Pending timed wake-ups, so a snapshot can re-create them. */
  private wakeups = new Map<string, { at: number; controller: string; key: string }>();
  private settling = false;

  constructor(opts: ClusterOptions, restore?: ClusterSnapshot) {
    this.profile = structuredClone(opts.profile);
    const start = restore ? restore.now : opts.startTime - this.profile.clusterAgeSeconds * 1000;
    this.clock = new VirtualClock(start);
    this.rng = new SeededRandom(opts.seed);
    const deps = { clock: this.clock, rng: this.rng, profile: this.profile };
    this.server = restore ? ApiServer.load(deps, restore) : new ApiServer(deps);
    this.api = this.server;
    this.runtime = restore ? ContainerRuntime.load(restore.runtime) : new ContainerRuntime();
    this.server.setLogProvider((ns, pod, o) => this.runtime.logs(ns, pod, o) ?? '');
    this.runtime.setWaker((rec) => {
      this.byName.get(`kubelet/${rec.nodeName}`)?.enqueue?.(`${rec.namespace}/${rec.name}`);
      this.settle();
    });
    // Controllers and informers read the stored objects themselves (frozen), not copies.
    const internal = this.server.controllerClient();
    this.informers = new InformerFactory(internal);
    this.recorder = new EventRecorder(internal, this.clock);
    if (restore) this.load(restore);
    const ipam = this.profile.flavour === 'eks' ? 'vpc' : 'host-local';
    const list: Controller[] = [
      new Scheduler(),
      ...this.profile.nodes.map((n) => new Kubelet(n, ipam)),
      new ReplicaSetController(), new DeploymentController(), new StatefulSetController(), new DaemonSetController(), new JobController(),
      new EndpointsController(), new EndpointSliceController(), new EndpointSliceMirroringController(),
      new GarbageCollector(), new NamespaceController(), new ServiceAccountController(CA_CERT), new EventTTLController(),
    ];
    const ctx: ControllerContext = {
      api: internal, clock: this.clock, rng: this.rng, informers: this.informers, runtime: this.runtime,
      recordEvent: (ev: EventSpec) => this.recorder.record(ev),
      wakeAt: (controller, key, at) => this.wakeAt(controller, key, at),
    };
    for (const c of list) { this.controllers.push(c); this.byName.set(c.name, c); }
    for (const c of list) c.start(ctx);
    this.informers.startAll();
    // Informers list on start (ADDED for everything): handlers enqueue the initial work.
    for (const c of list) if (c instanceof GarbageCollector) c.prime();
    if (restore) {
      for (const w of restore.wakeups) this.wakeAt(w.controller, w.key, w.at);
      this.settle();
    } else {
      ctx.fastForwardUntil = opts.startTime;
      bootstrapCluster(this.profile, this.api, this.clock, this.rng, this.runtime, { advance: (ms) => this.advance(ms), recordEvent: (ev) => this.recorder.record(ev) });
      this.settle();
      this.advanceTo(opts.startTime);
      ctx.fastForwardUntil = undefined;
      // What the learner sees from here on (names, IPs, pull times) depends only on the seed and
      // their actions, not on how many random draws building the cluster's past took.
      this.rng.setState(Math.imul((opts.seed ^ 0x9e3779b9) >>> 0, 0x85ebca6b) >>> 0);
    }
  }

  /** Runs controllers in a fixed order until none has work. Returns the number of rounds. */
  settle(): number {
    if (this.settling) return 0;
    this.settling = true;
    try {
      for (let round = 1; round <= MAX_SETTLE_ROUNDS; round++) {
        let busy = false;
        for (const c of this.controllers) if (c.drain()) busy = true;
        if (!busy) return round;
      }
      return MAX_SETTLE_ROUNDS;
    } finally { this.settling = false; }
  }

  /** Moves virtual time forward, firing timers in order and settling after each. */
  advance(ms: number): void { this.advanceTo(this.clock.now() + ms); }

  advanceTo(t: number): void {
    this.settle();
    this.clock.advanceTo(t, () => this.settle());
    this.settle();
  }

  controller(name: string): Controller | undefined { return this.byName.get(name); }

  /** Re-queues everything in every controller and settles: a converged cluster writes nothing. */
  resyncAll(): number {
    for (const c of this.controllers) c.resync?.();
    return this.settle();
  }

  private wakeAt(controller: string, key: string, at: number): void {
    const id = `${controller}\u0000${key}\u0000${at}`;
    if (this.wakeups.has(id)) return;
    const w = { at, controller, key };
    this.wakeups.set(id, w);
    this.clock.schedule(Math.max(0, at - this.clock.now()), () => {
      this.wakeups.delete(id);
      this.byName.get(controller)?.enqueue?.(key);
    });
  }

  // ---------------------------------------------------------------- save / restore
  snapshot(): ClusterSnapshot {
    const { resourceVersion, objects, restores } = this.server.dump();
    return {
      version: 1, profile: structuredClone(this.profile), now: this.clock.now(), rng: this.rng.getState(),
      resourceVersion, objects, restores, runtime: this.runtime.save(),
      wakeups: [...this.wakeups.values()].sort((a, b) => a.at - b.at || (a.controller < b.controller ? -1 : 1)),
      events: this.recorder.save(),
    };
  }

  static restore(data: unknown): Cluster {
    const snap = data as ClusterSnapshot;
    if (!snap || snap.version !== 1) throw new Error('not a kubelab cluster snapshot');
    return new Cluster({ seed: 0, startTime: snap.now, profile: snap.profile }, snap);
  }

  private load(snap: ClusterSnapshot): void {
    this.rng.setState(snap.rng);
    this.recorder.load(snap.events);
  }
}
