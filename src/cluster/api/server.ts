/**
 * The simulated kube-apiserver: REST semantics of k8s.io/apiserver's generic registry
 * (pkg/registry/generic/registry/store.go: Create, Update, Delete, Watch) over the Store,
 * with admission (defaulting, mutating plugins, validation) per kind from ./admission.
 * Every method returns a deep copy or throws ApiError, never anything else.
 */
import type { VirtualClock } from '../clock.js';
import type { ClusterProfile } from '../profile.js';
import type { SeededRandom } from '../rng.js';
import { admissionFor } from './admission/index.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './admission/metadata.js';
import type { AdmissionContext } from './admission/types.js';
import { decodeObject } from './decode.js';
import { readLogs, type LogProvider } from './logs.js';
import { generateName, gk, guard, isEventsView, orderTopLevel, qr, rfc3339, specChanged, storeKey, uuid } from './server-util.js';
export { generateName, storeKey, uuid } from './server-util.js';
import { eventFromView, eventToView } from './events-view.js';
import { ipAddressFor, serviceIPs } from './ipaddresses.js';
import { apiVersionOf, findResource, RESOURCES } from './discovery.js';
import {
  alreadyExists, badRequest, conflict, forbidden, invalid, methodNotAllowed, notFound,
  OPTIMISTIC_LOCK_MESSAGE, resourceNotFound, type FieldError,
} from './errors.js';
import { convertFieldSelector, matchesFields, parseFieldSelector, selectableFields, type FieldTerm } from './field-selectors.js';
import { applyPatch } from './patch/index.js';
import { fromScale, hasScale, toScale } from './scale.js';
import { matchesLabels, parseLabelSelector, SelectorParseError, type LabelSelectorParsed } from './selectors.js';
import { objectKey, Store } from './store.js';
import {
  type ApiClient, type DeleteOptions, type KubeList, type KubeObject, type ListOptions, type PatchType,
  type ResourceInfo, type ResourceRef, type Unsubscribe, type VersionInfo, type WatchEvent, type WriteOptions,
} from './types.js';
import { clone, deepEqual, isObject, type MutableMeta } from './util.js';

export interface ApiServerDeps { clock: VirtualClock; rng: SeededRandom; profile: ClusterProfile }

/** Everything the server holds, as plain JSON (see ApiServer.dump / ApiServer.load). */
export interface ApiServerDump {
  resourceVersion: number;
  /** `resource` is the storage key (`pods`, `deployments.apps`), `key` is `namespace/name` or `name`. */
  objects: { resource: string; key: string; obj: KubeObject }[];
  /** Pending re-creations of the server's own `default/kubernetes` objects (absent in old dumps). */
  restores?: { group: string; resource: string; at: number; obj: KubeObject }[];
}

export const ENDPOINTS_DEPRECATION_WARNING = 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice';

/** Kinds whose metadata.generation the server maintains (PrepareForCreate sets 1). */
const TRACKS_GENERATION = new Set([
  '/Pod', '/ReplicationController', 'apps/Deployment', 'apps/ReplicaSet', 'apps/StatefulSet', 'apps/DaemonSet',
  'batch/Job', 'batch/CronJob', 'discovery.k8s.io/EndpointSlice', 'networking.k8s.io/Ingress',
  'networking.k8s.io/NetworkPolicy', 'policy/PodDisruptionBudget', 'autoscaling/HorizontalPodAutoscaler',
  'apiextensions.k8s.io/CustomResourceDefinition', 'admissionregistration.k8s.io/ValidatingAdmissionPolicy',
]);

/** Kinds an update may create (AllowCreateOnUpdate in their strategies). */
const CREATE_ON_UPDATE = new Set(['/Endpoints', '/Event', 'events.k8s.io/Event', 'coordination.k8s.io/Lease']);

/** The autoscaling/v1 Scale kind, for decoding scale subresource bodies. */
const SCALE_INFO: ResourceInfo = {
  group: 'autoscaling', version: 'v1', kind: 'Scale', plural: 'scale', singular: 'scale', shortNames: [],
  namespaced: true, verbs: [], categories: [], subresources: [],
};

/** What the apiserver itself maintains in the default namespace under the name `kubernetes`. */
const OWN_OBJECTS = new Set(['/services', '/endpoints', 'discovery.k8s.io/endpointslices']);

/** Namespaces that can never be deleted (pkg/registry/core/namespace). */
const IMMORTAL_NAMESPACES = new Set(['default', 'kube-system', 'kube-public']);


export class ApiServer implements ApiClient {
  readonly store = new Store();
  private readonly clock: VirtualClock;
  private readonly rng: SeededRandom;
  private readonly profile: ClusterProfile;
  private logProvider?: LogProvider;
  /**
   * True in the view controllerClient() returns: results and watch events are the stored,
   * frozen objects themselves rather than copies (in-process controllers never modify them).
   */
  private shared = false;
  /** Scheduled re-creations (scheduleRestore), kept so a dump can carry them. */
  private restores = new Map<string, { group: string; resource: string; at: number; obj: KubeObject }>();

  constructor(deps: ApiServerDeps) {
    this.clock = deps.clock;
    this.rng = deps.rng;
    this.profile = deps.profile;
  }

  /**
   * The same server for in-process controllers and informers: no copies of what it returns or
   * streams (stored objects are deeply frozen, so a client that tried to change one would throw).
   * Everything else (kubectl, the network layer) keeps the copying client, which it may mutate.
   */
  controllerClient(): ApiClient {
    const view = Object.create(this) as ApiServer;
    view.shared = true;
    return view;
  }

  /** What a client sees of a stored object: itself for the controllers' view, else a copy. */
  private out<T>(o: T): T { return this.shared ? o : clone(o); }
  private present(info: ResourceInfo, stored: KubeObject): KubeObject { return this.out(isEventsView(info) ? eventToView(stored) : stored); }

  /** A deep copy of the stored objects (in storage-key order), the resourceVersion and pending timers. */
  dump(): ApiServerDump {
    const objects: ApiServerDump['objects'] = [];
    for (const resource of this.store.resources().sort()) {
      for (const obj of this.store.list(resource)) objects.push({ resource, key: objectKey(obj.metadata?.namespace, obj.metadata?.name ?? ''), obj: clone(obj) });
    }
    const restores = [...this.restores.values()].map((r) => ({ ...r, obj: clone(r.obj) }));
    return { resourceVersion: Number(this.store.currentResourceVersion()), objects, restores };
  }

  /** A server holding what dump() returned, its timers re-created on deps.clock. Watchers see nothing of the load. */
  static load(deps: ApiServerDeps, dump: ApiServerDump): ApiServer {
    const server = new ApiServer(deps);
    for (const o of dump.objects) server.store.put(o.resource, o.key, clone(o.obj));
    while (Number(server.store.currentResourceVersion()) < dump.resourceVersion) server.store.nextResourceVersion();
    for (const r of dump.restores ?? []) server.scheduleRestoreAt(r.group, r.resource, clone(r.obj), r.at);
    return server;
  }

  discovery(): readonly ResourceInfo[] { return RESOURCES; }

  version(): VersionInfo {
    const v = this.profile.serverVersion;
    const m = /^v(\d+)\.(\d+)/.exec(v);
    const known = v === 'v1.33.1';
    return {
      major: m?.[1] ?? '1', minor: m?.[2] ?? '33', gitVersion: v,
      gitCommit: known ? '8adc0f041b8e7ad1d30e29cc59c6ae7a15e19828' : '0000000000000000000000000000000000000000',
      gitTreeState: 'clean', buildDate: '2025-05-15T08:19:08Z', goVersion: 'go1.24.2', compiler: 'gc', platform: 'linux/amd64',
    };
  }

  /** The cluster serves `kubectl logs` from its container runtime through this. */
  setLogProvider(fn: LogProvider): void { this.logProvider = fn; }

  // ---------------------------------------------------------------- reads

  get(ref: ResourceRef, namespace: string | undefined, name: string, opts: { subresource?: 'status' | 'scale'; warnings?: string[] } = {}): KubeObject {
    return guard(() => {
      const info = this.resolve(ref, 'get');
      this.warn(info, opts.warnings);
      const obj = this.store.get(storeKey(info), this.key(info, namespace, name));
      if (!obj) throw notFound(qr(info), name);
      if (opts.subresource === 'scale') {
        if (!hasScale(info)) throw resourceNotFound();
        return toScale(obj);
      }
      if (opts.subresource && !info.subresources.includes(opts.subresource)) throw resourceNotFound();
      return this.present(info, obj);
    });
  }

  list(ref: ResourceRef, namespace: string | undefined, opts: ListOptions = {}): KubeList {
    return guard(() => {
      const info = this.resolve(ref, 'list');
      this.warn(info, opts.warnings);
      const match = this.matcher(info, opts);
      const ns = info.namespaced ? namespace : undefined;
      const view = isEventsView(info);
      const items = this.store.list(storeKey(info), ns).map((o) => (view ? eventToView(o) : o)).filter(match).map((o) => this.out(o));
      return {
        apiVersion: apiVersionOf(info), kind: `${info.kind}List`,
        metadata: { resourceVersion: this.store.currentResourceVersion() }, items,
      };
    });
  }

  watch(ref: ResourceRef, namespace: string | undefined, opts: ListOptions & { sendInitial?: boolean }, onEvent: (e: WatchEvent) => void): Unsubscribe {
    return guard(() => {
      const info = this.resolve(ref, 'watch');
      this.warn(info, opts.warnings);
      const match = this.matcher(info, opts);
      const ns = info.namespaced ? namespace : undefined;
      const inNs = (o: KubeObject): boolean => ns === undefined || o.metadata?.namespace === ns;
      // Keys currently matching: a MODIFIED object that stops (starts) matching the selectors
      // is seen as DELETED (ADDED), as the watch cache does.
      const visible = new Set<string>();
      const keyOf = (o: KubeObject): string => objectKey(o.metadata?.namespace, o.metadata?.name ?? '');
      let initial: KubeObject[] = [];
      const view = isEventsView(info);
      initial = this.store.list(storeKey(info), ns).map((o) => (view ? eventToView(o) : o)).filter(match);
      for (const o of initial) visible.add(keyOf(o));
      let open = true;
      const unsub = this.store.watch(storeKey(info), (e) => {
        if (!open || !inNs(e.object)) return;
        const object = view ? eventToView(e.object) : e.object;
        const k = keyOf(object);
        const matches = match(object);
        const deliver = (type: WatchEvent['type']): void => {
          try { onEvent({ type, object: this.out(object) }); } catch { /* a client's handler failing must not break the server */ }
        };
        if (e.type === 'DELETED') {
          if (visible.delete(k)) deliver('DELETED');
        } else if (matches) {
          const was = visible.has(k);
          visible.add(k);
          deliver(was ? 'MODIFIED' : 'ADDED');
        } else if (visible.delete(k)) {
          deliver('DELETED');
        }
      });
      if (opts.sendInitial) {
        for (const o of initial) {
          try { onEvent({ type: 'ADDED', object: this.out(o) }); } catch { /* see above */ }
        }
      }
      return () => { open = false; unsub(); };
    });
  }

  logs(namespace: string, pod: string, opts: { container?: string; previous?: boolean; tailLines?: number }): string {
    return guard(() => {
      const info = findResource({ group: '', resource: 'pods' })!;
      const obj = this.store.get(storeKey(info), objectKey(namespace, pod));
      if (!obj) throw notFound(qr(info), pod);
      return readLogs(obj, opts, this.logProvider);
    });
  }

  // ---------------------------------------------------------------- writes

  create(ref: ResourceRef, namespace: string | undefined, input: KubeObject, opts: WriteOptions = {}): KubeObject {
    return guard(() => {
      const info = this.resolve(ref, 'create');
      this.warn(info, opts.warnings);
      if (opts.subresource) throw methodNotAllowed(qr(info), 'create');
      const obj = decodeObject(info, input, opts.fieldValidation ?? 'Warn', opts.warnings);
      if (isEventsView(info)) return eventToView(this.createDecoded(info, namespace, eventFromView(obj), opts));
      return this.createDecoded(info, namespace, obj, opts);
    });
  }

  private createDecoded(info: ResourceInfo, namespace: string | undefined, obj: KubeObject, opts: WriteOptions): KubeObject {
    const m = obj.metadata as MutableMeta;
    if (info.namespaced) {
      if (namespace && m.namespace && m.namespace !== namespace) {
        throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
      }
      m.namespace = namespace || m.namespace || 'default';
    } else {
      delete m.namespace;
    }
    if (m.resourceVersion) throw badRequest('resourceVersion should not be set on objects to be created');
    for (const k of ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'managedFields', 'selfLink'] as const) delete m[k];
    if (!m.name && m.generateName) m.name = generateName(m.generateName, this.rng);

    if (info.namespaced) this.checkNamespaceForCreate(info, m.namespace!, m.name ?? '');

    // PrepareForCreate: status is the server's to set (nodes may bring theirs).
    if (info.subresources.includes('status') && !(info.group === '' && info.plural === 'nodes')) delete obj.status;
    // FillObjectMetaSystemFields runs before validation (the Job strategy needs the uid).
    m.uid = uuid(this.rng);
    const ctx = this.admissionContext(info, 'create', undefined, opts);
    const adm = admissionFor(info);
    adm?.mutate?.(obj, ctx);
    if (TRACKS_GENERATION.has(gk(info))) m.generation = 1; else delete m.generation;

    const errs: FieldError[] = [...validateObjectMeta(obj, info.group, info.kind, info.namespaced), ...(adm?.validate?.(obj, ctx) ?? [])];
    if (errs.length) throw invalid(info.group, info.kind, m.name ?? '', errs);
    adm?.allocate?.(obj, ctx);

    const key = this.key(info, m.namespace, m.name!);
    if (this.store.get(storeKey(info), key)) throw alreadyExists(qr(info), m.name!);

    m.creationTimestamp = this.clock.nowRFC3339();
    if (opts.dryRun) return clone(obj);
    this.syncIPAddresses(info, undefined, obj);
    m.resourceVersion = this.store.nextResourceVersion();
    const stored = orderTopLevel(obj);
    this.store.put(storeKey(info), key, stored);
    return this.out(stored);
  }

  update(ref: ResourceRef, namespace: string | undefined, input: KubeObject, opts: WriteOptions = {}): KubeObject {
    return guard(() => {
      const info = this.resolve(ref, 'update');
      this.warn(info, opts.warnings);
      if (!isObject(input)) throw badRequest('the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf');
      const name = isObject(input.metadata) && typeof input.metadata.name === 'string' ? input.metadata.name : '';
      if (!name) throw badRequest('name is required');
      const ns = info.namespaced ? (namespace || (input.metadata?.namespace as string | undefined) || 'default') : undefined;
      if (info.namespaced && namespace && input.metadata?.namespace && input.metadata.namespace !== namespace) {
        throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
      }
      if (opts.subresource === 'scale') return this.updateScale(info, ns, name, input, opts);
      const existing = this.store.get(storeKey(info), this.key(info, ns, name));
      if (!existing) {
        if (!opts.subresource && CREATE_ON_UPDATE.has(gk(info))) {
          const obj = decodeObject(info, input, opts.fieldValidation ?? 'Warn', opts.warnings);
          delete (obj.metadata as MutableMeta).resourceVersion;
          return this.createDecoded(info, ns, obj, opts);
        }
        throw notFound(qr(info), name);
      }
      // A controller's status update keeps only status: the rest of its body need not be copied.
      const share = this.shared && opts.subresource === 'status';
      const obj = decodeObject(info, input, opts.fieldValidation ?? 'Warn', opts.warnings, undefined, share);
      if (isEventsView(info)) return eventToView(this.updateDecoded(info, existing, eventFromView(obj), opts));
      return this.updateDecoded(info, existing, obj, opts);
    });
  }

  private updateDecoded(info: ResourceInfo, existing: KubeObject, obj: KubeObject, opts: WriteOptions): KubeObject {
    const name = existing.metadata!.name!;
    const rv = obj.metadata?.resourceVersion;
    if (rv && rv !== existing.metadata!.resourceVersion) throw conflict(qr(info), name, OPTIMISTIC_LOCK_MESSAGE);
    const uid = obj.metadata?.uid;
    if (uid && uid !== existing.metadata!.uid) {
      throw conflict(qr(info), name, `Precondition failed: UID in precondition: ${existing.metadata!.uid}, UID in object meta: ${uid}`);
    }
    if (opts.subresource && opts.subresource !== 'scale' && !info.subresources.includes(opts.subresource)) throw resourceNotFound();

    let next: KubeObject;
    if (opts.subresource === 'status') {
      // Status updates change only status (ResetObjectMetaForStatus + strategy keeps spec).
      // The rest is shared with the stored (frozen) version; status is this request's own copy.
      next = { ...existing, metadata: { ...existing.metadata } };
      if (obj.status === undefined) delete next.status; else next.status = obj.status;
    } else if (opts.subresource === 'finalize') {
      next = clone(existing);
      const spec = isObject(obj.spec) ? obj.spec : {};
      next.spec = { ...(isObject(next.spec) ? next.spec : {}), finalizers: Array.isArray(spec.finalizers) ? clone(spec.finalizers) : [] };
      if (!(next.spec as { finalizers: unknown[] }).finalizers.length) delete (next.spec as Record<string, unknown>).finalizers;
    } else {
      next = obj; // already this request's own copy (decoded, patched or built from a Scale)
      const m = next.metadata as MutableMeta;
      const om = existing.metadata!;
      m.namespace = om.namespace;
      if (!info.namespaced) delete m.namespace;
      m.uid = m.uid || om.uid;
      m.creationTimestamp = m.creationTimestamp ?? om.creationTimestamp;
      for (const k of ['deletionTimestamp', 'deletionGracePeriodSeconds', 'generation'] as const) {
        if (om[k] === undefined) delete m[k]; else (m as Record<string, unknown>)[k] = om[k];
      }
      delete m.managedFields;
      if (info.subresources.includes('status')) {
        if (existing.status === undefined) delete next.status; else next.status = existing.status; // frozen, shared
      }
    }
    next.apiVersion = isEventsView(info) ? 'v1' : apiVersionOf(info);
    next.kind = info.kind;

    const ctx = this.admissionContext(info, 'update', existing, opts);
    const adm = admissionFor(info);
    if (!opts.subresource) adm?.mutate?.(next, ctx);
    const errs: FieldError[] = [
      ...validateObjectMetaUpdate(next, existing, info.group, info.kind, info.namespaced),
      ...(opts.subresource ? [] : adm?.validate?.(next, ctx) ?? []),
    ];
    if (errs.length) throw invalid(info.group, info.kind, name, errs);
    if (!opts.subresource) adm?.allocate?.(next, ctx);

    const m = next.metadata as MutableMeta;
    m.resourceVersion = existing.metadata!.resourceVersion;
    if (deepEqual(next, existing)) return this.out(existing);
    if (TRACKS_GENERATION.has(gk(info)) && specChanged(existing, next)) m.generation = (existing.metadata!.generation ?? 0) + 1;
    if (opts.dryRun) return clone(next);
    const key = this.key(info, m.namespace, name);
    this.syncIPAddresses(info, existing, next);
    m.resourceVersion = this.store.nextResourceVersion();
    const stored = orderTopLevel(next);
    if (m.deletionTimestamp && this.readyToRemove(info, stored)) {
      this.store.put(storeKey(info), key, stored);
      this.store.remove(storeKey(info), key);
      return this.out(stored);
    }
    this.store.put(storeKey(info), key, stored);
    return this.out(stored);
  }

  private updateScale(info: ResourceInfo, ns: string | undefined, name: string, scale: KubeObject, opts: WriteOptions): KubeObject {
    if (!hasScale(info)) throw resourceNotFound();
    const existing = this.store.get(storeKey(info), this.key(info, ns, name));
    if (!existing) throw notFound(qr(info), name);
    scale = decodeObject(SCALE_INFO, scale, opts.fieldValidation ?? 'Warn', opts.warnings);
    const rv = scale.metadata?.resourceVersion;
    if (rv && rv !== existing.metadata!.resourceVersion) throw conflict(qr(info), name, OPTIMISTIC_LOCK_MESSAGE);
    const replicas = isObject(scale.spec) ? scale.spec.replicas : undefined;
    if (typeof replicas === 'number' && replicas < 0) {
      throw invalid('autoscaling', 'Scale', name, [{ type: 'Invalid', field: 'spec.replicas', value: replicas, detail: 'must be greater than or equal to 0' }]);
    }
    const next = fromScale(existing, typeof replicas === 'number' ? replicas : 0);
    delete (next.metadata as MutableMeta).resourceVersion;
    const out = this.updateDecoded(info, existing, next, { ...opts, subresource: undefined });
    return toScale(out);
  }

  patch(ref: ResourceRef, namespace: string | undefined, name: string, type: PatchType, patch: unknown, opts: WriteOptions = {}): KubeObject {
    return guard(() => {
      const info = this.resolve(ref, 'patch');
      this.warn(info, opts.warnings);
      const ns = info.namespaced ? namespace || 'default' : undefined;
      const existing = this.store.get(storeKey(info), this.key(info, ns, name));
      if (!existing) throw notFound(qr(info), name);
      if (opts.subresource === 'scale') {
        if (!hasScale(info)) throw resourceNotFound();
        const patched = applyPatch(type, toScale(existing), patch, info.kind === 'Scale' ? 'Scale' : 'Scale');
        return this.updateScale(info, ns, name, patched, opts);
      }
      // Every patch function copies its input, so the stored object is never touched.
      const view = isEventsView(info);
      const patched = applyPatch(type, view ? eventToView(existing) : existing, patch, info.kind);
      if (!isObject(patched)) throw badRequest('the body of the request was in an unknown format');
      // The patch may carry a resourceVersion precondition; otherwise it applies to the live object.
      if (!isObject(patched.metadata)) patched.metadata = {};
      if (patched.metadata.name !== name) {
        throw badRequest(`the name of the object (${String(patched.metadata.name)}) does not match the name on the URL (${name})`);
      }
      const obj = decodeObject(info, patched, opts.fieldValidation ?? 'Warn', opts.warnings, patch);
      if (view) return eventToView(this.updateDecoded(info, existing, eventFromView(obj), opts));
      return this.updateDecoded(info, existing, obj, opts);
    });
  }

  delete(ref: ResourceRef, namespace: string | undefined, name: string, opts: DeleteOptions = {}): KubeObject {
    return guard(() => {
      const info = this.resolve(ref, 'delete');
      this.warn(info, opts.warnings);
      const ns = info.namespaced ? namespace || 'default' : undefined;
      const key = this.key(info, ns, name);
      const existing = this.store.get(storeKey(info), key);
      if (!existing) throw notFound(qr(info), name);
      if (info.group === '' && info.plural === 'namespaces' && IMMORTAL_NAMESPACES.has(name)) {
        throw forbidden(qr(info), name, 'this namespace may not be deleted');
      }
      if (opts.gracePeriodSeconds !== undefined && opts.gracePeriodSeconds < 0) {
        throw invalid(info.group, info.kind, name, [{ type: 'Invalid', field: 'gracePeriodSeconds', value: opts.gracePeriodSeconds, detail: 'must be greater than or equal to 0' }]);
      }
      const next: KubeObject = { ...existing, metadata: { ...existing.metadata } }; // parts shared, frozen
      const m = next.metadata as MutableMeta;
      const finalizers = [...(m.finalizers ?? [])];
      if (opts.propagationPolicy === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion');
      if (opts.propagationPolicy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');
      if (opts.propagationPolicy === 'Background' || opts.propagationPolicy === 'Foreground') {
        const i = finalizers.indexOf('orphan'); if (i >= 0 && opts.propagationPolicy) finalizers.splice(i, 1);
      }
      if (opts.propagationPolicy === 'Background' || opts.propagationPolicy === 'Orphan') {
        const i = finalizers.indexOf('foregroundDeletion'); if (i >= 0) finalizers.splice(i, 1);
      }
      const grace = this.gracePeriod(info, existing, opts);
      const isNamespace = info.group === '' && info.plural === 'namespaces';
      const graceful = grace > 0 || finalizers.length > 0 || isNamespace;

      if (!graceful) {
        if (opts.dryRun) return this.present(info, existing);
        m.resourceVersion = this.store.nextResourceVersion();
        this.removeAs(info, key, next);
        return this.present(info, next);
      }
      // Graceful: stamp deletionTimestamp once; a later delete may only shorten the grace period.
      const now = this.clock.now();
      if (m.deletionTimestamp) {
        const current = m.deletionGracePeriodSeconds ?? 0;
        if (grace < current) {
          m.deletionGracePeriodSeconds = grace;
          m.deletionTimestamp = rfc3339(now + grace * 1000);
        }
      } else {
        m.deletionTimestamp = rfc3339(now + grace * 1000);
        m.deletionGracePeriodSeconds = grace;
      }
      if (finalizers.length) m.finalizers = finalizers; else delete m.finalizers;
      if (isNamespace) {
        next.status = { ...(isObject(next.status) ? next.status : {}), phase: 'Terminating' };
      }
      if (opts.dryRun) return this.present(info, next);
      if (deepEqual(next, existing)) return this.present(info, existing);
      m.resourceVersion = this.store.nextResourceVersion();
      if (this.readyToRemove(info, next)) {
        this.removeAs(info, key, next);
      } else {
        this.store.put(storeKey(info), key, next);
      }
      return this.present(info, next);
    });
  }

  // ---------------------------------------------------------------- helpers

  /** Keeps the IPAddress objects of a Service's ClusterIPs in step with it. */
  private syncIPAddresses(info: ResourceInfo, before: KubeObject | undefined, after: KubeObject | undefined): void {
    if (!(info.group === '' && info.plural === 'services')) return;
    const ipInfo = findResource({ group: 'networking.k8s.io', resource: 'ipaddresses' })!;
    const keep = new Set(serviceIPs(after));
    for (const ip of serviceIPs(before)) {
      if (keep.has(ip) || !this.store.get(storeKey(ipInfo), ip)) continue;
      const gone = clone(this.store.get(storeKey(ipInfo), ip)!);
      (gone.metadata as MutableMeta).resourceVersion = this.store.nextResourceVersion();
      this.removeAs(ipInfo, ip, gone);
    }
    for (const ip of keep) {
      if (this.store.get(storeKey(ipInfo), ip) || !after) continue;
      const obj = ipAddressFor(ip, after);
      const m = obj.metadata as MutableMeta;
      m.uid = uuid(this.rng);
      m.creationTimestamp = this.clock.nowRFC3339();
      m.resourceVersion = this.store.nextResourceVersion();
      this.store.put(storeKey(ipInfo), ip, obj);
    }
  }

  /** Removes an object so watchers see one DELETED event carrying its final state. */
  private removeAs(info: ResourceInfo, key: string, finalState: KubeObject): void {
    this.syncIPAddresses(info, this.store.get(storeKey(info), key), undefined);
    if (!this.store.remove(storeKey(info), key, finalState)) return;
    if (key === 'default/kubernetes' && OWN_OBJECTS.has(`${info.group}/${info.plural}`)) this.scheduleRestore(info, finalState);
  }

  /**
   * The apiserver keeps its own `default/kubernetes` Service, Endpoints and EndpointSlice
   * (pkg/controlplane/controller/kubernetesservice, reconcilers): deleted, they come back on the
   * next 10-second reconcile.
   */
  private scheduleRestore(info: ResourceInfo, last: KubeObject): void {
    const obj = clone(last);
    const m = obj.metadata as MutableMeta;
    for (const k of ['uid', 'resourceVersion', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'finalizers', 'managedFields', 'generation', 'ownerReferences'] as const) delete m[k];
    delete obj.status;
    this.scheduleRestoreAt(info.group, info.plural, obj, this.clock.now() + 10_000);
  }

  private scheduleRestoreAt(group: string, resource: string, obj: KubeObject, at: number): void {
    const id = `${group}/${resource}`;
    if (this.restores.has(id)) return; // one pending re-creation per object is enough
    this.restores.set(id, { group, resource, at, obj });
    this.clock.schedule(Math.max(0, at - this.clock.now()), () => {
      this.restores.delete(id);
      const info = findResource({ group, resource });
      if (!info || this.store.get(storeKey(info), 'default/kubernetes')) return;
      try { this.create({ group, resource }, 'default', obj, { fieldManager: 'kube-apiserver' }); } catch { /* the next delete schedules another try */ }
    });
  }

  /** An object being deleted goes once no finalizer holds it and its grace period is over. */
  private readyToRemove(info: ResourceInfo, obj: KubeObject): boolean {
    const m = obj.metadata!;
    if (!m.deletionTimestamp) return false;
    if ((m.finalizers ?? []).length) return false;
    if (info.group === '' && info.plural === 'namespaces') {
      const spec = isObject(obj.spec) ? obj.spec : {};
      return !Array.isArray(spec.finalizers) || spec.finalizers.length === 0;
    }
    return (m.deletionGracePeriodSeconds ?? 0) === 0;
  }

  /** Pods: the spec's grace (default 30), 0 when unscheduled or finished (pod strategy CheckGracefulDelete). */
  private gracePeriod(info: ResourceInfo, obj: KubeObject, opts: DeleteOptions): number {
    if (!(info.group === '' && info.plural === 'pods')) return 0;
    const spec = isObject(obj.spec) ? obj.spec : {};
    const status = isObject(obj.status) ? obj.status : {};
    if (!spec.nodeName) return 0;
    if (status.phase === 'Succeeded' || status.phase === 'Failed') return 0;
    if (opts.gracePeriodSeconds !== undefined) return opts.gracePeriodSeconds;
    const g = spec.terminationGracePeriodSeconds;
    return typeof g === 'number' ? g : 30;
  }

  private checkNamespaceForCreate(info: ResourceInfo, ns: string, name: string): void {
    const nsInfo = findResource({ group: '', resource: 'namespaces' })!;
    const nsObj = this.store.get(storeKey(nsInfo), ns);
    if (!nsObj) throw notFound(qr(nsInfo), ns);
    if (nsObj.metadata?.deletionTimestamp) {
      void name; void info;
      throw forbidden(qr(info), name, `unable to create new content in namespace ${ns} because it is being terminated`);
    }
  }

  private admissionContext(info: ResourceInfo, op: 'create' | 'update', old: KubeObject | undefined, opts: WriteOptions): AdmissionContext {
    return {
      op, info, old, rng: this.rng, clock: this.clock, profile: this.profile, dryRun: !!opts.dryRun,
      warnings: opts.warnings ?? [],
      list: (group, plural, ns) => {
        const i = findResource({ group, resource: plural });
        return i ? this.store.list(storeKey(i), ns) : [];
      },
    };
  }

  private resolve(ref: ResourceRef, verb: string): ResourceInfo {
    const info = isObject(ref) ? findResource(ref) : undefined;
    if (!info) throw resourceNotFound();
    if (!info.verbs.includes(verb)) throw methodNotAllowed(qr(info), verb);
    return info;
  }

  private key(info: ResourceInfo, namespace: string | undefined, name: string): string {
    return info.namespaced ? objectKey(namespace || 'default', name) : name;
  }

  private warn(info: ResourceInfo, warnings: string[] | undefined): void {
    if (warnings && info.group === '' && info.plural === 'endpoints' && !warnings.includes(ENDPOINTS_DEPRECATION_WARNING)) {
      warnings.push(ENDPOINTS_DEPRECATION_WARNING);
    }
  }

  private matcher(info: ResourceInfo, opts: ListOptions): (o: KubeObject) => boolean {
    let labels: LabelSelectorParsed = [];
    let fields: FieldTerm[] = [];
    try {
      labels = parseLabelSelector(typeof opts.labelSelector === 'string' ? opts.labelSelector : '');
      fields = convertFieldSelector(info.group, info.kind, parseFieldSelector(typeof opts.fieldSelector === 'string' ? opts.fieldSelector : ''));
    } catch (e) {
      if (e instanceof SelectorParseError) throw badRequest(e.message);
      throw e;
    }
    return (o) => matchesLabels(labels, o.metadata?.labels) &&
      (fields.length === 0 || matchesFields(fields, selectableFields(info.group, info.kind, o)));
  }
}

// ---------------------------------------------------------------- pure helpers

