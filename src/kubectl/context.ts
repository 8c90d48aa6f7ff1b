/**
 * What the kubectl layer needs from its caller (the shell or a test). kubectl is a client of
 * the API only, and hands interactive sessions back to the caller instead of drawing a terminal.
 */
import type { ApiClient } from '../cluster/api/types.js';

/** Files kubectl reads for -f / --filename (the host's filesystem, relative to cwd). */
export interface KubectlFiles {
  read(path: string): string;                 // throws an Error whose message is the OS error text
  exists(path: string): boolean;
  isDir(path: string): boolean;
  list(dir: string): string[];                // entry names, sorted
}

/** The kubeconfig state: contexts and the current namespace, persisted with the session. */
export interface KubeConfigState {
  currentContext: string;
  contexts: { name: string; cluster: string; user: string; namespace?: string }[];
  clusters: { name: string; server: string }[];
  users: { name: string }[];
}

/** An interactive request kubectl cannot serve itself (it has no terminal). */
export type InteractiveRequest =
  | { kind: 'exec'; namespace: string; pod: string; container: string; command: string[]; stdin: boolean; tty: boolean }
  | { kind: 'attach'; namespace: string; pod: string; container: string; stdin: boolean; tty: boolean;
      /** `kubectl run --rm`: delete the pod when the session ends. */ removeOnExit?: boolean }
  | { kind: 'stream'; /** get -w, logs -f, port-forward, rollout status: lines arrive until cancelled */
      start(write: (stdout: string) => void, writeErr: (stderr: string) => void, done: (exitCode: number) => void): () => void };

export interface KubectlContext {
  api: ApiClient;
  /** Virtual now, for AGE columns and timestamps. */
  now(): number;
  stdout(text: string): void;
  stderr(text: string): void;
  stdin?: string;
  /** kubectl decides colours for TTY only (the yellow Warning:). */
  isTTY: boolean;
  files: KubectlFiles;
  config: KubeConfigState;
  /** `kubectl edit`: open text in an editor, resolve with the saved text or null (closed unchanged). */
  edit?(text: string, fileName: string): Promise<string | null>;
  /** The caller runs interactive parts; resolves with their exit code. */
  interact?(req: InteractiveRequest): Promise<number>;
  /** Waits in virtual time (for --wait, wait --for, rollout status). */
  sleep(ms: number): Promise<void>;
  signal?: AbortSignal;
}

export type RunKubectl = (argv: string[], ctx: KubectlContext) => Promise<number>;
