/**
 * Pods: defaulting (SetDefaults_Pod), the pod strategy's PrepareForCreate (status Pending,
 * qosClass), and the default admission plugins that touch pods: ServiceAccount (token volume
 * `kube-api-access-xxxxx`), DefaultTolerationSeconds, Priority. Then ValidatePodCreate/Update.
 */
import { K8S_RAND_ALPHABET } from '../../rng.js';
import { fe, forbidden, type FieldError } from '../errors.js';
import type { KubeObject } from '../types.js';
import { clone, deepEqual, isObject, type JsonObject } from '../util.js';
import { defaultPodSpec } from './pod-defaults.js';
import { validatePodSpec } from './pod-validation.js';
import type { Admission, AdmissionContext } from './types.js';

export const SA_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

const SYSTEM_PRIORITIES: Record<string, number> = { 'system-node-critical': 2000001000, 'system-cluster-critical': 2000000000 };

function tokenVolume(name: string): JsonObject {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    },
  };
}

function qosClass(spec: JsonObject): string {
  const cs = [...(Array.isArray(spec.initContainers) ? spec.initContainers : []), ...(Array.isArray(spec.containers) ? spec.containers : [])]
    .filter(isObject);
  let any = false, guaranteed = true;
  for (const c of cs) {
    const r = isObject(c.resources) ? c.resources : {};
    const req = isObject(r.requests) ? r.requests : {};
    const lim = isObject(r.limits) ? r.limits : {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const res of ['cpu', 'memory']) {
      if (lim[res] === undefined || (req[res] !== undefined && String(req[res]) !== String(lim[res]))) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** The admission plugins that run on pod create only. */
function admitNewPod(pod: KubeObject, spec: JsonObject, ctx: AdmissionContext): void {
  const name = pod.metadata?.name ?? '';
  const q = { group: '', resource: 'pods' };
  // ServiceAccount
  if (!spec.serviceAccountName) spec.serviceAccountName = spec.serviceAccount || 'default';
  spec.serviceAccount = spec.serviceAccountName;
  const saName = String(spec.serviceAccountName);
  const sas = ctx.list('', 'serviceaccounts', pod.metadata?.namespace);
  const sa = sas.find((s) => s.metadata?.name === saName);
  // A missing `default` account is tolerated (the cluster's controller may not have made it yet).
  if (!sa && saName !== 'default') {
    throw forbidden(q, name, `error looking up service account ${pod.metadata?.namespace}/${saName}: serviceaccount "${saName}" not found`);
  }
  const automount = spec.automountServiceAccountToken ?? (sa as { automountServiceAccountToken?: boolean } | undefined)?.automountServiceAccountToken ?? true;
  if (automount !== false) {
    const vols = Array.isArray(spec.volumes) ? spec.volumes : (spec.volumes = []);
    const volName = `kube-api-access-${ctx.rng.string(K8S_RAND_ALPHABET, 5)}`;
    let added = false;
    for (const list of ['initContainers', 'containers']) {
      const cs = spec[list];
      if (!Array.isArray(cs)) continue;
      for (const c of cs) {
        if (!isObject(c)) continue;
        const mounts = Array.isArray(c.volumeMounts) ? c.volumeMounts : (c.volumeMounts = []);
        if (mounts.some((m) => isObject(m) && m.mountPath === SA_MOUNT_PATH)) continue;
        mounts.push({ name: volName, readOnly: true, mountPath: SA_MOUNT_PATH });
        added = true;
      }
    }
    if (added) (vols as unknown[]).push(tokenVolume(volName));
    else if (vols.length === 0) delete spec.volumes;
  }
  // DefaultTolerationSeconds
  const tols = Array.isArray(spec.tolerations) ? spec.tolerations : [];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    const has = tols.some((t) => isObject(t) && (t.key === key || (t.key === undefined && t.operator === 'Exists')) && (t.effect === undefined || t.effect === '' || t.effect === 'NoExecute'));
    if (!has) tols.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
  }
  spec.tolerations = tols;
  // Priority
  const pc = typeof spec.priorityClassName === 'string' ? spec.priorityClassName : '';
  if (pc) {
    const known = (Object.prototype.hasOwnProperty.call(SYSTEM_PRIORITIES, pc) ? SYSTEM_PRIORITIES[pc] : undefined) ?? (ctx.list('scheduling.k8s.io', 'priorityclasses').find((p) => p.metadata?.name === pc) as { value?: number } | undefined)?.value;
    if (known === undefined) throw forbidden(q, name, `no PriorityClass with name ${pc} was found`);
    spec.priority = known;
  } else if (spec.priority === undefined) {
    spec.priority = 0;
  }
  if (spec.preemptionPolicy === undefined) spec.preemptionPolicy = 'PreemptLowerPriority';
}

const UPDATE_FORBIDDEN = 'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

function validatePodUpdate(spec: JsonObject, oldSpec: JsonObject): FieldError[] {
  // Copy the mutable fields from the new spec onto the old and compare what remains.
  const mutable = clone(spec);
  for (const list of ['containers', 'initContainers']) {
    const a = mutable[list], b = oldSpec[list];
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
      a.forEach((c, i) => { if (isObject(c) && isObject(b[i])) c.image = (b[i] as JsonObject).image; });
    }
  }
  mutable.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  mutable.terminationGracePeriodSeconds = oldSpec.terminationGracePeriodSeconds;
  const oldTols = Array.isArray(oldSpec.tolerations) ? oldSpec.tolerations : [];
  const newTols = Array.isArray(mutable.tolerations) ? mutable.tolerations : [];
  const tolsOk = oldTols.every((t) => newTols.some((n) => deepEqual(n, t)));
  mutable.tolerations = oldSpec.tolerations;
  // Binding: the scheduler sets nodeName once (the pods/binding subresource on a real server).
  if (!oldSpec.nodeName && mutable.nodeName) mutable.nodeName = oldSpec.nodeName;
  for (const k of Object.keys(mutable)) if (mutable[k] === undefined) delete mutable[k];
  if (!deepEqual(mutable, oldSpec) || !tolsOk) return [fe.forbidden('spec', UPDATE_FORBIDDEN)];
  return [];
}

export const podAdmission: Admission = {
  mutate(pod, ctx) {
    if (!isObject(pod.spec)) pod.spec = {};
    const spec = pod.spec as JsonObject;
    defaultPodSpec(spec);
    if (ctx.op === 'create') {
      admitNewPod(pod, spec, ctx);
      pod.status = { phase: 'Pending', qosClass: qosClass(spec) };
    }
  },
  validate(pod, ctx) {
    const errs = validatePodSpec(pod.spec, 'spec');
    if (ctx.op === 'update' && ctx.old && isObject(pod.spec) && isObject(ctx.old.spec)) errs.push(...validatePodUpdate(pod.spec, ctx.old.spec));
    return errs;
  },
};
