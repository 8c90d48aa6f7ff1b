/**
 * The container runtime's state (what containerd + the kubelet know about each pod sandbox
 * and container). Plain JSON data so a snapshot can save it. The kubelet writes it; the
 * network layer and shell read it (listening ports, logs, processes).
 */

export interface ProcessInfo { pid: number; ppid: number; user: string; command: string; startedAt: number }

export interface ProbeState {
  /** Consecutive results. */
  successes: number;
  failures: number;
  /** Next probe time (ms), undefined when the container is not running or has no probe. */
  nextAt?: number;
  /** Readiness result (liveness: unused). */
  ok: boolean;
}

export interface TerminatedInfo {
  exitCode: number; reason: string; message?: string; startedAt: number; finishedAt: number; containerID: string;
}

/** Where a container is in its life, as the kubelet drives it. */
export type ContainerPhase =
  | 'creating'     // sandbox not ready yet
  | 'pulling'      // image pull in flight until pullDoneAt
  | 'pullFailed'   // ErrImagePull shown; switches to pullBackOff at the next sync
  | 'pullBackOff'  // ImagePullBackOff until backoffUntil
  | 'running'
  | 'exited'       // terminated, restart decision pending (shown as Completed/Error)
  | 'crashBackOff' // CrashLoopBackOff until backoffUntil
  | 'done';        // terminated for good (restartPolicy Never/OnFailure, or pod stopped)

export interface ContainerRecord {
  name: string;
  /**
   * A main process only the shell layer can run (wget, curl, nslookup need the network): it
   * stays running until a session runs it (claimed) and reports its exit (runtime.exitContainer).
   */
  external?: { argv: string[]; claimed?: boolean };
  /** An init container (events name `spec.initContainers{name}`). */
  init?: boolean;
  /** A sidecar: an init container with restartPolicy Always, running alongside. */
  sidecar?: boolean;
  /** Image as written in the spec, and containerd's normalised name. */
  image: string;
  imageRef: string;
  imageID: string;
  containerID?: string;
  restartCount: number;
  /** A restart is under way (pulling again): status keeps showing the previous state. */
  restarting?: boolean;
  phase: ContainerPhase;
  /** Waiting reason/message shown in status (ContainerCreating, ErrImagePull, ...). */
  waitingReason?: string;
  waitingMessage?: string;
  pullRequestedAt?: number;
  pullDoneAt?: number;
  /** When this pull actually began (after waiting for earlier pulls on the node). */
  pullBeganAt?: number;
  /** ms the process takes to exit on SIGTERM; undefined = ignores it. */
  stopMs?: number;
  pullOk?: boolean;
  pullError?: string;
  pullFailures: number;
  backoffUntil?: number;
  /** Exponential back-off step for crash restarts (0 = next restart immediate). */
  crashBackoffMs: number;
  startedAt?: number;
  /** When the running process will exit by itself (undefined: runs until stopped). */
  exitAt?: number;
  exitCode?: number;
  terminated?: TerminatedInfo;
  lastTerminated?: TerminatedInfo;
  ready: boolean;
  started: boolean;
  readiness: ProbeState;
  liveness: ProbeState;
  /** Set while stopping: when the process will be gone, and the exit code it will report. */
  stopAt?: number;
  stopExitCode?: number;
  /** Stopped by a failed liveness probe: restart afterwards (policy permitting). */
  stopForRestart?: boolean;
  /** After an exit, when the kubelet decides about a restart (its next sync after the PLEG event). */
  decideAt?: number;
  /** What the process serves and prints. */
  ports: number[];
  logs: string[];
  previousLogs: string[];
  processes: ProcessInfo[];
  tty: boolean;
  stdin: boolean;
}

export interface PodRecord {
  uid: string;
  namespace: string;
  name: string;
  nodeName: string;
  hostIP: string;
  podIP?: string;
  hostNetwork: boolean;
  /** First kubelet sync (status.startTime). */
  seenAt: number;
  /** When the sandbox (network namespace, IP) is ready. */
  sandboxAt: number;
  sandboxReady: boolean;
  containers: ContainerRecord[];
  /** Init containers, run one after another before `containers` start. */
  inits?: ContainerRecord[];
  /** All init containers are done and the regular containers have been started. */
  mainsStarted?: boolean;
  /** Graceful termination in progress since this time. */
  terminatingSince?: number;
  /** Everything stopped; kubelet will delete the API object. */
  stopped?: boolean;
  /** Last time each condition changed (for lastTransitionTime). */
  transitions: Record<string, number>;
  conditionState: Record<string, string>;
  nextPid: number;
}

export interface NodeRuntimeState {
  name: string;
  /** Normalised image names present on the node. */
  images: string[];
  /** Image pulls are serialised (kubelet serializeImagePulls: true): the queue is busy until. */
  pullBusyUntil: number;
  /** image → when its first successful pull on this node completes (may be in the future). */
  pulledAt?: Record<string, number>;
  /** host-local IPAM: last handed-out offset, and addresses in use. */
  lastIPOffset: number;
  usedIPs: string[];
  /** Pods bound here but not yet picked up by a pod worker: uid → when they will be. */
  pickups?: Record<string, number>;
}
