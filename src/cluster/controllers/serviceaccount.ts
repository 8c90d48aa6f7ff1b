/**
 * The serviceaccounts controller and the root-ca-cert-publisher (pkg/controller/serviceaccount,
 * pkg/controller/certificates/rootcacertpublisher): every active namespace gets ServiceAccount
 * `default` and ConfigMap `kube-root-ca.crt`, recreated if deleted.
 */
import type { Namespace } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/types.js';
import { ApiError } from '../api/types.js';
import type { Controller, ControllerContext } from './controller.js';
import { WorkQueue } from './controller.js';
import type { Informer } from './informer.js';
import { R, keyOf } from './util.js';

export const ROOT_CA_DESCRIPTION = 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

export class ServiceAccountController implements Controller {
  readonly name = 'serviceaccount';
  private ctx!: ControllerContext;
  private queue = new WorkQueue();
  private namespaces!: Informer<Namespace & KubeObject>;
  private sas!: Informer;
  private cms!: Informer;

  constructor(private readonly caCert: string) {}

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
    this.namespaces = ctx.informers.for<Namespace & KubeObject>(R.namespaces);
    this.sas = ctx.informers.for(R.serviceaccounts);
    this.cms = ctx.informers.for(R.configmaps);
    this.namespaces.onChange((t, n) => { if (t !== 'DELETED') this.queue.add(keyOf(n)); });
    this.sas.onChange((t, o) => { if (t === 'DELETED' && o.metadata?.name === 'default') this.queue.add(o.metadata.namespace ?? ''); });
    this.cms.onChange((t, o) => { if (o.metadata?.name === 'kube-root-ca.crt') this.queue.add(o.metadata.namespace ?? ''); void t; });
    this.resync();
  }

  /** Re-queues every object this controller owns (an informer resync). */
  resync(): void {
    for (const n of this.namespaces.list()) this.queue.add(keyOf(n));
  }

  enqueue(key: string): void { this.queue.add(key); }
  drain(): boolean { return this.queue.drain((k) => this.sync(k)); }

  sync(ns: string): void {
    const n = this.namespaces.get(undefined, ns);
    if (!n || n.metadata?.deletionTimestamp) return;
    if (!this.sas.get(ns, 'default')) this.create(R.serviceaccounts, ns, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: ns } });
    const cm = this.cms.get(ns, 'kube-root-ca.crt');
    const data = { 'ca.crt': this.caCert };
    if (!cm) {
      this.create(R.configmaps, ns, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', namespace: ns, annotations: { 'kubernetes.io/description': ROOT_CA_DESCRIPTION } }, data });
    } else if ((cm['data'] as Record<string, string> | undefined)?.['ca.crt'] !== this.caCert) {
      try { this.ctx.api.update(R.configmaps, ns, { ...cm, data }, { fieldManager: 'kube-controller-manager' }); } catch (e) { if (!(e instanceof ApiError)) throw e; }
    }
  }

  private create(ref: { group: string; resource: string }, ns: string, obj: KubeObject): void {
    try { this.ctx.api.create(ref, ns, obj, { fieldManager: 'kube-controller-manager' }); } catch (e) { if (!(e instanceof ApiError)) throw e; }
  }
}
