/**
 * What a stock v1.33 kube-apiserver advertises (GET /api, /apis; `kubectl api-resources`),
 * for the groups enabled by default. Order: core first, then groups in the order of a real
 * /apis answer; resources alphabetical within a group, as the server lists them.
 */
import type { ResourceInfo, ResourceRef } from './types.js';

const FULL = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const NO_COLLECTION = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];
const CREATE = ['create'];

interface Def {
  plural: string; kind: string; namespaced: boolean; verbs?: string[]; short?: string[];
  singular?: string; categories?: string[]; sub?: string[];
}
interface GroupDef { group: string; version: string; resources: Def[] }

const ALL = ['all'];
const EXT = ['api-extensions'];

const GROUPS: GroupDef[] = [
  { group: '', version: 'v1', resources: [
    { plural: 'bindings', kind: 'Binding', namespaced: true, verbs: CREATE },
    { plural: 'componentstatuses', kind: 'ComponentStatus', namespaced: false, verbs: ['get', 'list'], short: ['cs'] },
    { plural: 'configmaps', kind: 'ConfigMap', namespaced: true, short: ['cm'] },
    { plural: 'endpoints', kind: 'Endpoints', namespaced: true, short: ['ep'], singular: 'endpoints' },
    { plural: 'events', kind: 'Event', namespaced: true, short: ['ev'] },
    { plural: 'limitranges', kind: 'LimitRange', namespaced: true, short: ['limits'] },
    { plural: 'namespaces', kind: 'Namespace', namespaced: false, verbs: NO_COLLECTION, short: ['ns'], sub: ['finalize', 'status'] },
    { plural: 'nodes', kind: 'Node', namespaced: false, short: ['no'], sub: ['proxy', 'status'] },
    { plural: 'persistentvolumeclaims', kind: 'PersistentVolumeClaim', namespaced: true, short: ['pvc'], sub: ['status'] },
    { plural: 'persistentvolumes', kind: 'PersistentVolume', namespaced: false, short: ['pv'], sub: ['status'] },
    { plural: 'pods', kind: 'Pod', namespaced: true, short: ['po'], categories: ALL,
      sub: ['attach', 'binding', 'ephemeralcontainers', 'eviction', 'exec', 'log', 'portforward', 'proxy', 'resize', 'status'] },
    { plural: 'podtemplates', kind: 'PodTemplate', namespaced: true },
    { plural: 'replicationcontrollers', kind: 'ReplicationController', namespaced: true, short: ['rc'], categories: ALL, sub: ['scale', 'status'] },
    { plural: 'resourcequotas', kind: 'ResourceQuota', namespaced: true, short: ['quota'], sub: ['status'] },
    { plural: 'secrets', kind: 'Secret', namespaced: true },
    { plural: 'serviceaccounts', kind: 'ServiceAccount', namespaced: true, short: ['sa'], sub: ['token'] },
    { plural: 'services', kind: 'Service', namespaced: true, verbs: NO_COLLECTION, short: ['svc'], categories: ALL, sub: ['proxy', 'status'] },
  ] },
  { group: 'apiregistration.k8s.io', version: 'v1', resources: [
    { plural: 'apiservices', kind: 'APIService', namespaced: false, categories: EXT, sub: ['status'] },
  ] },
  { group: 'apps', version: 'v1', resources: [
    { plural: 'controllerrevisions', kind: 'ControllerRevision', namespaced: true },
    { plural: 'daemonsets', kind: 'DaemonSet', namespaced: true, short: ['ds'], categories: ALL, sub: ['status'] },
    { plural: 'deployments', kind: 'Deployment', namespaced: true, short: ['deploy'], categories: ALL, sub: ['scale', 'status'] },
    { plural: 'replicasets', kind: 'ReplicaSet', namespaced: true, short: ['rs'], categories: ALL, sub: ['scale', 'status'] },
    { plural: 'statefulsets', kind: 'StatefulSet', namespaced: true, short: ['sts'], categories: ALL, sub: ['scale', 'status'] },
  ] },
  { group: 'events.k8s.io', version: 'v1', resources: [
    { plural: 'events', kind: 'Event', namespaced: true, short: ['ev'] },
  ] },
  { group: 'authentication.k8s.io', version: 'v1', resources: [
    { plural: 'selfsubjectreviews', kind: 'SelfSubjectReview', namespaced: false, verbs: CREATE },
    { plural: 'tokenreviews', kind: 'TokenReview', namespaced: false, verbs: CREATE },
  ] },
  { group: 'authorization.k8s.io', version: 'v1', resources: [
    { plural: 'localsubjectaccessreviews', kind: 'LocalSubjectAccessReview', namespaced: true, verbs: CREATE },
    { plural: 'selfsubjectaccessreviews', kind: 'SelfSubjectAccessReview', namespaced: false, verbs: CREATE },
    { plural: 'selfsubjectrulesreviews', kind: 'SelfSubjectRulesReview', namespaced: false, verbs: CREATE },
    { plural: 'subjectaccessreviews', kind: 'SubjectAccessReview', namespaced: false, verbs: CREATE },
  ] },
  { group: 'autoscaling', version: 'v2', resources: [
    { plural: 'horizontalpodautoscalers', kind: 'HorizontalPodAutoscaler', namespaced: true, short: ['hpa'], categories: ALL, sub: ['status'] },
  ] },
  { group: 'batch', version: 'v1', resources: [
    { plural: 'cronjobs', kind: 'CronJob', namespaced: true, short: ['cj'], categories: ALL, sub: ['status'] },
    { plural: 'jobs', kind: 'Job', namespaced: true, categories: ALL, sub: ['status'] },
  ] },
  { group: 'certificates.k8s.io', version: 'v1', resources: [
    { plural: 'certificatesigningrequests', kind: 'CertificateSigningRequest', namespaced: false, short: ['csr'], sub: ['approval', 'status'] },
  ] },
  { group: 'networking.k8s.io', version: 'v1', resources: [
    { plural: 'ingressclasses', kind: 'IngressClass', namespaced: false },
    { plural: 'ingresses', kind: 'Ingress', namespaced: true, short: ['ing'], sub: ['status'] },
    { plural: 'ipaddresses', kind: 'IPAddress', namespaced: false, short: ['ip'] },
    { plural: 'networkpolicies', kind: 'NetworkPolicy', namespaced: true, short: ['netpol'] },
    { plural: 'servicecidrs', kind: 'ServiceCIDR', namespaced: false, sub: ['status'] },
  ] },
  { group: 'policy', version: 'v1', resources: [
    { plural: 'poddisruptionbudgets', kind: 'PodDisruptionBudget', namespaced: true, short: ['pdb'], sub: ['status'] },
  ] },
  { group: 'rbac.authorization.k8s.io', version: 'v1', resources: [
    { plural: 'clusterrolebindings', kind: 'ClusterRoleBinding', namespaced: false },
    { plural: 'clusterroles', kind: 'ClusterRole', namespaced: false },
    { plural: 'rolebindings', kind: 'RoleBinding', namespaced: true },
    { plural: 'roles', kind: 'Role', namespaced: true },
  ] },
  { group: 'storage.k8s.io', version: 'v1', resources: [
    { plural: 'csidrivers', kind: 'CSIDriver', namespaced: false },
    { plural: 'csinodes', kind: 'CSINode', namespaced: false },
    { plural: 'csistoragecapacities', kind: 'CSIStorageCapacity', namespaced: true },
    { plural: 'storageclasses', kind: 'StorageClass', namespaced: false, short: ['sc'] },
    { plural: 'volumeattachments', kind: 'VolumeAttachment', namespaced: false, sub: ['status'] },
  ] },
  { group: 'admissionregistration.k8s.io', version: 'v1', resources: [
    { plural: 'mutatingwebhookconfigurations', kind: 'MutatingWebhookConfiguration', namespaced: false, categories: EXT },
    { plural: 'validatingadmissionpolicies', kind: 'ValidatingAdmissionPolicy', namespaced: false, categories: EXT, sub: ['status'] },
    { plural: 'validatingadmissionpolicybindings', kind: 'ValidatingAdmissionPolicyBinding', namespaced: false, categories: EXT },
    { plural: 'validatingwebhookconfigurations', kind: 'ValidatingWebhookConfiguration', namespaced: false, categories: EXT },
  ] },
  { group: 'apiextensions.k8s.io', version: 'v1', resources: [
    { plural: 'customresourcedefinitions', kind: 'CustomResourceDefinition', namespaced: false, short: ['crd', 'crds'], categories: EXT, sub: ['status'] },
  ] },
  { group: 'scheduling.k8s.io', version: 'v1', resources: [
    { plural: 'priorityclasses', kind: 'PriorityClass', namespaced: false, short: ['pc'] },
  ] },
  { group: 'coordination.k8s.io', version: 'v1', resources: [
    { plural: 'leases', kind: 'Lease', namespaced: true },
  ] },
  { group: 'node.k8s.io', version: 'v1', resources: [
    { plural: 'runtimeclasses', kind: 'RuntimeClass', namespaced: false },
  ] },
  { group: 'discovery.k8s.io', version: 'v1', resources: [
    { plural: 'endpointslices', kind: 'EndpointSlice', namespaced: true },
  ] },
  { group: 'flowcontrol.apiserver.k8s.io', version: 'v1', resources: [
    { plural: 'flowschemas', kind: 'FlowSchema', namespaced: false, sub: ['status'] },
    { plural: 'prioritylevelconfigurations', kind: 'PriorityLevelConfiguration', namespaced: false, sub: ['status'] },
  ] },
];

export const RESOURCES: readonly ResourceInfo[] = Object.freeze(GROUPS.flatMap((g) => g.resources.map((r): ResourceInfo => Object.freeze({
  group: g.group, version: g.version, kind: r.kind, plural: r.plural,
  singular: r.singular ?? r.kind.toLowerCase(), shortNames: r.short ?? [], namespaced: r.namespaced,
  verbs: r.verbs ?? FULL, categories: r.categories ?? [], subresources: r.sub ?? [],
}))));

/** Other served versions besides the preferred one (autoscaling/v1 for HPA and the Scale kind). */
export const EXTRA_VERSIONS: Readonly<Record<string, string[]>> = { autoscaling: ['v1'] };

export function apiVersionOf(info: { group: string; version: string }): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

export function findResource(ref: ResourceRef): ResourceInfo | undefined {
  return RESOURCES.find((r) => r.group === ref.group && r.plural === ref.resource);
}

/**
 * Resolves what a user types (`po`, `pods`, `pod`, `Pod`, `deployments.apps`, `deploy`) the way
 * kubectl's RESTMapper does: plural, singular, short name or kind, optionally `.group`.
 * Prefers the core group, then the first group in discovery order (events → core Event).
 */
export function resourceFor(kindOrPlural: string, list: readonly ResourceInfo[] = RESOURCES): ResourceInfo | undefined {
  const want = kindOrPlural.trim();
  const lower = want.toLowerCase();
  const matches = (r: ResourceInfo, n: string): boolean =>
    r.plural === n || r.singular === n || r.kind.toLowerCase() === n || r.shortNames.includes(n);
  const direct = list.find((r) => matches(r, lower));
  if (direct) return direct;
  const dot = lower.indexOf('.');
  if (dot > 0) {
    const name = lower.slice(0, dot), group = lower.slice(dot + 1);
    return list.find((r) => matches(r, name) && (r.group === group || r.group.startsWith(group + '.') || `${r.version}.${r.group}` === group));
  }
  return undefined;
}

/** The resource that stores objects of apiVersion + kind (for `kubectl apply -f`). */
export function resourceForKind(apiVersion: string, kind: string, list: readonly ResourceInfo[] = RESOURCES): ResourceInfo | undefined {
  const slash = apiVersion.indexOf('/');
  const group = slash >= 0 ? apiVersion.slice(0, slash) : '';
  const version = slash >= 0 ? apiVersion.slice(slash + 1) : apiVersion;
  return list.find((r) => r.group === group && r.kind === kind &&
    (r.version === version || (EXTRA_VERSIONS[group] ?? []).includes(version)));
}
