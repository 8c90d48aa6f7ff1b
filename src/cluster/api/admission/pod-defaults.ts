/**
 * SetDefaults_PodSpec / SetDefaults_Container and friends (pkg/apis/core/v1/defaults.go):
 * what every pod and pod template gets. Admission-only additions (service account token
 * volume, tolerations, priority) live in pod.ts because templates do not get them.
 */
import { isObject, type JsonObject } from '../util.js';

function setIfAbsent(o: JsonObject, k: string, v: unknown): void { if (o[k] === undefined || o[k] === null || o[k] === '') o[k] = v; }

/** Always for `:latest` or no tag (digests count as tags), else IfNotPresent. */
export function defaultPullPolicy(image: unknown): string {
  if (typeof image !== 'string') return 'IfNotPresent';
  if (image.includes('@')) return 'IfNotPresent';
  const slash = image.lastIndexOf('/');
  const last = image.slice(slash + 1);
  const colon = last.lastIndexOf(':');
  if (colon < 0) return 'Always';
  return last.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultProbe(p: unknown): void {
  if (!isObject(p)) return;
  setIfAbsent(p, 'timeoutSeconds', 1);
  setIfAbsent(p, 'periodSeconds', 10);
  setIfAbsent(p, 'successThreshold', 1);
  setIfAbsent(p, 'failureThreshold', 3);
  for (const h of ['httpGet']) if (isObject(p[h])) { setIfAbsent(p[h] as JsonObject, 'path', '/'); setIfAbsent(p[h] as JsonObject, 'scheme', 'HTTP'); }
}

export function defaultContainer(c: JsonObject): void {
  setIfAbsent(c, 'imagePullPolicy', defaultPullPolicy(c.image));
  setIfAbsent(c, 'terminationMessagePath', '/dev/termination-log');
  setIfAbsent(c, 'terminationMessagePolicy', 'File');
  if (c.resources === undefined) c.resources = {};
  if (Array.isArray(c.ports)) for (const p of c.ports) if (isObject(p)) setIfAbsent(p, 'protocol', 'TCP');
  if (Array.isArray(c.env)) {
    for (const e of c.env) {
      if (!isObject(e) || !isObject(e.valueFrom)) continue;
      const fr = e.valueFrom.fieldRef;
      if (isObject(fr)) setIfAbsent(fr, 'apiVersion', 'v1');
    }
  }
  defaultProbe(c.livenessProbe); defaultProbe(c.readinessProbe); defaultProbe(c.startupProbe);
  // Requests default to limits when only limits are given (SetDefaults_Pod does this for pods).
  if (isObject(c.resources) && isObject(c.resources.limits) && !isObject(c.resources.requests)) {
    c.resources.requests = { ...c.resources.limits };
  }
}

function defaultVolume(v: JsonObject): void {
  const hasSource = Object.keys(v).some((k) => k !== 'name');
  if (!hasSource) v.emptyDir = {};
  for (const [k, mode] of [['secret', 'defaultMode'], ['configMap', 'defaultMode'], ['downwardAPI', 'defaultMode'], ['projected', 'defaultMode']] as const) {
    const s = v[k];
    if (isObject(s)) setIfAbsent(s, mode, 420);
  }
  if (isObject(v.hostPath)) setIfAbsent(v.hostPath, 'type', '');
}

export function defaultPodSpec(spec: JsonObject): void {
  setIfAbsent(spec, 'dnsPolicy', 'ClusterFirst');
  setIfAbsent(spec, 'restartPolicy', 'Always');
  if (spec.securityContext === undefined || spec.securityContext === null) spec.securityContext = {};
  setIfAbsent(spec, 'terminationGracePeriodSeconds', 30);
  setIfAbsent(spec, 'schedulerName', 'default-scheduler');
  if (spec.enableServiceLinks === undefined) spec.enableServiceLinks = true;
  if (spec.hostNetwork === true && Array.isArray(spec.containers)) {
    for (const c of spec.containers) {
      if (!isObject(c) || !Array.isArray(c.ports)) continue;
      for (const p of c.ports) if (isObject(p) && p.hostPort === undefined) p.hostPort = p.containerPort;
    }
  }
  for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
    const cs = spec[list];
    if (Array.isArray(cs)) for (const c of cs) if (isObject(c)) defaultContainer(c);
  }
  if (Array.isArray(spec.volumes)) for (const v of spec.volumes) if (isObject(v)) defaultVolume(v);
}

/** A PodTemplateSpec inside a workload: spec defaults only. */
export function defaultPodTemplate(tpl: unknown): void {
  if (!isObject(tpl)) return;
  markTemplateMetadata(tpl);
  if (isObject(tpl.spec)) defaultPodSpec(tpl.spec);
}

/**
 * A template's ObjectMeta serializes its zero creationTimestamp as `null` (metav1.Time has no
 * omitzero in 1.33), which is why `kubectl get -o yaml` shows `creationTimestamp: null` there.
 */
export function markTemplateMetadata(tpl: JsonObject): void {
  const m = isObject(tpl.metadata) ? tpl.metadata : (tpl.metadata = {});
  if (m.creationTimestamp === undefined) m.creationTimestamp = null;
}
