/**
 * A minimal in-memory ApiClient for network tests: objects by resource, label-equality
 * selectors, NotFound errors. Enough to state a cluster the way the controllers would leave it.
 */
import { ApiError, type ApiClient, type KubeList, type KubeObject, type ResourceRef } from '../../src/cluster/api/types.js';
import type { ClusterProfile } from '../../src/cluster/profile.js';

export class FakeApi implements ApiClient {
  private objs = new Map<string, KubeObject[]>();

  add(resource: string, obj: KubeObject): this {
    const list = this.objs.get(resource) ?? [];
    list.push(obj);
    this.objs.set(resource, list);
    return this;
  }

  remove(resource: string, ns: string, name: string): void {
    this.objs.set(resource, (this.objs.get(resource) ?? []).filter((o) => !(o.metadata?.name === name && (o.metadata?.namespace ?? ns) === ns)));
  }

  discovery() { return []; }
  version() { return { major: '1', minor: '33', gitVersion: 'v1.33.1', gitCommit: '', gitTreeState: '', buildDate: '', goVersion: '', compiler: '', platform: '' }; }
  create(): KubeObject { throw new Error('not implemented'); }
  update(): KubeObject { throw new Error('not implemented'); }
  patch(): KubeObject { throw new Error('not implemented'); }
  delete(): KubeObject { throw new Error('not implemented'); }
  watch() { return () => {}; }

  get(ref: ResourceRef, namespace: string | undefined, name: string): KubeObject {
    const o = (this.objs.get(ref.resource) ?? []).find((x) => x.metadata?.name === name &&
      (ref.resource === 'namespaces' || ref.resource === 'nodes' || x.metadata?.namespace === namespace));
    if (!o) throw new ApiError({ code: 404, reason: 'NotFound', message: `${ref.resource} "${name}" not found` });
    return structuredClone(o);
  }

  list(ref: ResourceRef, namespace: string | undefined, opts?: { labelSelector?: string }): KubeList {
    let items = (this.objs.get(ref.resource) ?? []).filter((x) => namespace === undefined || x.metadata?.namespace === namespace);
    if (opts?.labelSelector) {
      const reqs = opts.labelSelector.split(',').map((r) => r.split('='));
      items = items.filter((x) => reqs.every(([k, v]) => x.metadata?.labels?.[k!] === v));
    }
    return { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '1' }, items: structuredClone(items) };
  }
}

export const KIND_PROFILE: ClusterProfile = {
  id: 'kind', flavour: 'kind', serverVersion: 'v1.33.1', clusterName: 'kind-kind', contextName: 'kind-kind', userName: 'kind-kind',
  serverURL: 'https://127.0.0.1:6443', serviceCIDR: '10.96.0.0/12', clusterDomain: 'cluster.local', nodePortRange: [30000, 32767],
  clusterAgeSeconds: 3600, addons: ['coredns', 'kube-proxy', 'kindnet'], apiserverEndpoints: [{ ip: '172.18.0.2', port: 6443 }],
  nodes: [{
    name: 'kind-control-plane', internalIP: '172.18.0.2', podCIDR: '10.244.0.0/24',
    capacity: { cpu: '2', memory: '8Gi', pods: '110', 'ephemeral-storage': '100Gi' },
    kubeletVersion: 'v1.33.1', osImage: 'Debian GNU/Linux 12 (bookworm)', kernelVersion: '6.8.0-60-generic', containerRuntimeVersion: 'containerd://2.1.1',
  }],
};

export const EKS_PROFILE: ClusterProfile = {
  ...KIND_PROFILE, id: 'eks-article', flavour: 'eks', serviceCIDR: '172.20.0.0/16',
  nodes: [{ ...KIND_PROFILE.nodes[0]!, name: 'ip-10-21-49-33.us-east-2.compute.internal', internalIP: '10.21.49.33', podCIDR: '10.21.48.0/20' }],
};

export const ns = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

export function svc(name: string, spec: Record<string, unknown>, namespace = 'default'): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { type: 'ClusterIP', sessionAffinity: 'None', ...spec } };
}

export function pod(name: string, ip: string, opts: { labels?: Record<string, string>; image?: string; ready?: boolean; namespace?: string; node?: string } = {}): KubeObject {
  const ready = opts.ready ?? true;
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace: opts.namespace ?? 'default', labels: opts.labels ?? {} },
    spec: { nodeName: opts.node ?? 'kind-control-plane', containers: [{ name: 'c', image: opts.image ?? 'nginx' }] },
    status: {
      phase: 'Running', podIP: ip, podIPs: [{ ip }],
      containerStatuses: [{ name: 'c', ready, restartCount: 0, image: opts.image ?? 'nginx', imageID: '', state: { running: { startedAt: '2025-06-01T10:00:00Z' } } }],
    },
  };
}

/** An EndpointSlice as the controller writes it. */
export function slice(service: string, endpoints: { ip: string; ready?: boolean; hostname?: string; pod?: string }[], ports: { name?: string; port: number; protocol?: string }[], namespace = 'default'): KubeObject {
  return {
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
    metadata: { name: `${service}-abcde`, namespace, labels: { 'kubernetes.io/service-name': service } },
    addressType: 'IPv4',
    endpoints: endpoints.map((e) => ({
      addresses: [e.ip], conditions: { ready: e.ready ?? true, serving: e.ready ?? true, terminating: false },
      ...(e.hostname ? { hostname: e.hostname } : {}),
      ...(e.pod ? { targetRef: { kind: 'Pod', name: e.pod, namespace } } : {}),
    })),
    ports: ports.map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' })),
  };
}

/** The article's cluster state after all its manifests are applied. */
export function articleCluster(): FakeApi {
  const api = new FakeApi();
  api.add('namespaces', ns('default')).add('namespaces', ns('kube-system'));
  api.add('services', svc('kube-dns', { clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], ports: [{ name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 }, { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 }] }, 'kube-system'));
  api.add('services', svc('kubernetes', { clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] }));
  api.add('services', svc('nginx-svc', { clusterIP: '10.96.113.142', clusterIPs: ['10.96.113.142'], selector: { app: 'nginx' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] }));
  api.add('services', svc('external-svc', { clusterIP: '10.96.45.77', clusterIPs: ['10.96.45.77'], ports: [{ name: 'web', port: 80, protocol: 'TCP', targetPort: 80 }] }));
  api.add('services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'rtfm-service', namespace: 'default' }, spec: { type: 'ExternalName', externalName: 'rtfm.co.ua', ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], sessionAffinity: 'None' } });
  api.add('pods', pod('nginx-pod', '10.244.0.5', { labels: { app: 'nginx' } }));
  api.add('pods', pod('nginx-deploy-7fcd954c94-gbm6d', '10.244.0.6', { labels: { app: 'nginx' } }));
  api.add('pods', pod('nginx-deploy-7fcd954c94-mg8kr', '10.244.0.7', { labels: { app: 'nginx' } }));
  api.add('pods', pod('ubuntu', '10.244.0.9', { labels: { run: 'ubuntu' }, image: 'ubuntu' }));
  api.add('endpointslices', slice('nginx-svc', [
    { ip: '10.244.0.5', pod: 'nginx-pod' }, { ip: '10.244.0.6', pod: 'nginx-deploy-7fcd954c94-gbm6d' }, { ip: '10.244.0.7', pod: 'nginx-deploy-7fcd954c94-mg8kr' },
  ], [{ port: 80 }]));
  api.add('endpointslices', { ...slice('external-svc', [{ ip: '139.59.205.180' }], [{ name: 'web', port: 80 }]), metadata: { name: 'external-svc-7k2lp', namespace: 'default', labels: { 'kubernetes.io/service-name': 'external-svc', 'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io' } } });
  return api;
}
