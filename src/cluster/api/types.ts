/**
 * The contract between the simulated kube-apiserver and its clients (controllers, kubectl,
 * the network layer, lessons). Clients use only this; how the server stores things is its own.
 * Object shapes come from `kubernetes-types`; KubeObject is the common envelope.
 */
import type { ObjectMeta, Status, StatusCause } from 'kubernetes-types/meta/v1';

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  [field: string]: unknown;
}

export interface KubeList<T extends KubeObject = KubeObject> {
  apiVersion: string;
  kind: string;
  metadata: { resourceVersion: string };
  items: T[];
}

/** One entry of discovery: what `kubectl api-resources` prints, and what kubectl resolves names with. */
export interface ResourceInfo {
  group: string;            // '' for core
  version: string;          // 'v1'
  kind: string;             // 'Pod'
  plural: string;           // 'pods'
  singular: string;         // 'pod'
  shortNames: string[];     // ['po']
  namespaced: boolean;
  verbs: string[];          // ['create','delete',...]
  categories: string[];     // ['all']
  subresources: string[];   // ['status','scale','log','exec',...]
}

/** Identifies a resource collection: group + plural (version is the preferred one). */
export interface ResourceRef { group: string; resource: string }

export type PatchType = 'json' | 'merge' | 'strategic';

export interface WriteOptions {
  /** --dry-run=server: run admission, return the result, persist nothing. */
  dryRun?: boolean;
  fieldManager?: string;
  /** Warnings the server attaches to the response (HTTP `Warning` headers), appended here. */
  warnings?: string[];
  /** 'Strict' (kubectl's default) rejects unknown fields with strict-decoding errors. */
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
  /** 'finalize' (namespaces only) is how the namespace controller clears spec.finalizers. */
  subresource?: 'status' | 'scale' | 'finalize';
}

export interface DeleteOptions extends WriteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Foreground' | 'Background' | 'Orphan';
}

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
  warnings?: string[];
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';
export interface WatchEvent { type: WatchEventType; object: KubeObject }
export type Unsubscribe = () => void;

export interface VersionInfo {
  major: string; minor: string; gitVersion: string; gitCommit: string; gitTreeState: string;
  buildDate: string; goVersion: string; compiler: string; platform: string;
}

/**
 * The API as a client sees it. Every method either returns or throws ApiError (never anything else).
 * `namespace` is ignored for cluster-scoped resources; `undefined` on list/watch means all namespaces.
 */
export interface ApiClient {
  discovery(): readonly ResourceInfo[];
  version(): VersionInfo;
  create(ref: ResourceRef, namespace: string | undefined, obj: KubeObject, opts?: WriteOptions): KubeObject;
  get(ref: ResourceRef, namespace: string | undefined, name: string, opts?: { subresource?: 'status' | 'scale'; warnings?: string[] }): KubeObject;
  list(ref: ResourceRef, namespace: string | undefined, opts?: ListOptions): KubeList;
  update(ref: ResourceRef, namespace: string | undefined, obj: KubeObject, opts?: WriteOptions): KubeObject;
  patch(ref: ResourceRef, namespace: string | undefined, name: string, type: PatchType, patch: unknown, opts?: WriteOptions): KubeObject;
  /** Returns the object as it is after the call (with deletionTimestamp if graceful) or a Status. */
  delete(ref: ResourceRef, namespace: string | undefined, name: string, opts?: DeleteOptions): KubeObject;
  /** Events after the call; with `sendInitial`, ADDED for every existing match first. */
  watch(ref: ResourceRef, namespace: string | undefined, opts: ListOptions & { sendInitial?: boolean }, onEvent: (e: WatchEvent) => void): Unsubscribe;
  /** Reads a container's log (the kubelet's job on a real cluster; here served by the API). */
  logs?(namespace: string, pod: string, opts: { container?: string; previous?: boolean; tailLines?: number }): string;
}

/** A metav1.Status failure, thrown by the API server. Its fields are what kubectl prints. */
export class ApiError extends Error {
  readonly status: Status & { code: number; reason: string; message: string };
  constructor(status: Status & { code: number; reason: string; message: string }) {
    super(status.message);
    this.name = 'ApiError';
    this.status = status;
  }
  get code(): number { return this.status.code; }
  get reason(): string { return this.status.reason; }
  get causes(): StatusCause[] { return this.status.details?.causes ?? []; }
}
