/**
 * Invariants that must hold after every settle, whatever the learner did:
 * Endpoints/EndpointSlices mirror exactly the matching pods, pod IPs are unique, every
 * ReplicaSet owns spec.replicas live pods, and no live object points to a missing owner.
 */
import type { Cluster } from '../../../src/cluster/cluster.js';
import { storeKey } from '../../../src/cluster/api/server.js';
import { findPort, hasSelector } from '../../../src/cluster/controllers/endpoints-util.js';
import { matchesMap } from '../../../src/cluster/controllers/util.js';
import { R, type Any } from '../helpers.js';

const ready = (p: Any) => !!p.status?.conditions?.some((c: Any) => c.type === 'Ready' && c.status === 'True');
const eligible = (p: Any, terminating: boolean) => !!p.status?.podIP && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed' && (terminating || !p.metadata.deletionTimestamp);

export function checkInvariants(c: Cluster): void {
  // Read the store directly (no copies): the checker only reads.
  const all = (ref: { group: string; resource: string }) => c.server.store.list(storeKey({ group: ref.group, plural: ref.resource })) as Any[];
  const pods = all(R.pods), services = all(R.services), endpoints = all(R.endpoints), slices = all(R.slices), rss = all(R.replicasets);
  const fail = (msg: string, detail?: unknown): never => { throw new Error(`${msg}${detail === undefined ? '' : `: ${JSON.stringify(detail)}`}`); };
  const epByKey = new Map(endpoints.map((e) => [`${e.metadata.namespace}/${e.metadata.name}`, e]));

  for (const s of services) {
    const key = `${s.metadata.namespace}/${s.metadata.name}`;
    const mySlices = slices.filter((x) => x.metadata.namespace === s.metadata.namespace && x.metadata.labels?.['kubernetes.io/service-name'] === s.metadata.name);
    if (s.spec.type === 'ExternalName') {
      // No controller-made Endpoints or slices (a hand-written Endpoints is still mirrored, as upstream).
      if (mySlices.some((x) => x.metadata.labels['endpointslice.kubernetes.io/managed-by'] === 'endpointslice-controller.k8s.io')) fail(`ExternalName ${key} has slices`);
      if (epByKey.get(key)?.subsets?.some((ss: Any) => [...(ss.addresses ?? []), ...(ss.notReadyAddresses ?? [])].some((a: Any) => a.targetRef))) fail(`ExternalName ${key} has pod Endpoints`);
      continue;
    }
    if (!hasSelector(s)) {
      const ep = epByKey.get(key);
      if (ep?.metadata.labels?.['endpointslice.kubernetes.io/skip-mirror'] === 'true') continue; // default/kubernetes
      const mirrored = mySlices.filter((x) => x.metadata.labels['endpointslice.kubernetes.io/managed-by'] === 'endpointslicemirroring-controller.k8s.io');
      const want = (ep?.subsets ?? []).flatMap((ss: Any) => [...(ss.addresses ?? []).map((a: Any) => `${a.ip}=true`), ...(ss.notReadyAddresses ?? []).map((a: Any) => `${a.ip}=false`)]).sort();
      const got = mirrored.flatMap((x) => (x.endpoints ?? []).map((e: Any) => `${e.addresses[0]}=${e.conditions.ready}`)).sort();
      if (JSON.stringify(want) !== JSON.stringify(got)) fail(`mirrored slices of ${key}`, { want, got });
      if (mySlices.length !== mirrored.length) fail(`selector-less ${key} has controller slices`);
      continue;
    }
    const matching = pods.filter((p) => p.metadata.namespace === s.metadata.namespace && matchesMap(s.spec.selector, p.metadata.labels));
    // Endpoints: ready pods in addresses, others in notReadyAddresses, per resolved port.
    const wantEp: string[] = [];
    for (const p of matching) {
      if (!eligible(p, false)) continue;
      for (const sp of s.spec.ports ?? []) {
        const port = findPort(p, sp);
        if (port !== undefined) wantEp.push(`${p.status.podIP}:${port}/${sp.name ?? ''}=${ready(p)}`);
      }
    }
    const ep = epByKey.get(key) ?? fail(`no Endpoints for ${key}`);
    const gotEp = (ep.subsets ?? []).flatMap((ss: Any) => (ss.ports ?? []).flatMap((pt: Any) => [
      ...(ss.addresses ?? []).map((a: Any) => `${a.ip}:${pt.port}/${pt.name ?? ''}=true`),
      ...(ss.notReadyAddresses ?? []).map((a: Any) => `${a.ip}:${pt.port}/${pt.name ?? ''}=false`)]));
    if (JSON.stringify(wantEp.sort()) !== JSON.stringify(gotEp.sort())) fail(`Endpoints of ${key}`, { want: wantEp, got: gotEp });
    // Slices: every eligible pod (terminating too) that resolves every port, with its conditions.
    const wantSl: string[] = [];
    for (const p of matching) {
      if (!eligible(p, true)) continue;
      const ports = (s.spec.ports ?? []).map((sp: Any) => findPort(p, sp));
      if (ports.some((x: Any) => x === undefined)) continue;
      const term = !!p.metadata.deletionTimestamp;
      wantSl.push(`${p.status.podIP}:${ports.join(',')} ready=${ready(p) && !term} terminating=${term}`);
    }
    const own = mySlices.filter((x) => x.metadata.labels['endpointslice.kubernetes.io/managed-by'] === 'endpointslice-controller.k8s.io');
    if (own.length !== mySlices.length) fail(`foreign slices for ${key}`);
    const gotSl = own.flatMap((x) => (x.endpoints ?? []).map((e: Any) => `${e.addresses[0]}:${(x.ports ?? []).map((pt: Any) => pt.port).join(',')} ready=${e.conditions.ready} terminating=${e.conditions.terminating}`));
    if (JSON.stringify(wantSl.sort()) !== JSON.stringify(gotSl.sort())) fail(`slices of ${key}`, { want: wantSl, got: gotSl });
    if (own.length === 0) fail(`no slice (not even a placeholder) for ${key}`);
    for (const x of own) if (x.metadata.ownerReferences?.[0]?.uid !== s.metadata.uid) fail(`slice ${x.metadata.name} not owned by ${key}`);
  }
  // Pod IPs are unique among pod-network pods.
  const ips = new Map<string, string>();
  for (const p of pods) {
    if (!p.status?.podIP || p.spec.hostNetwork) continue;
    const prev = ips.get(p.status.podIP);
    if (prev) fail(`pods ${prev} and ${p.metadata.name} share ${p.status.podIP}`);
    ips.set(p.status.podIP, p.metadata.name);
  }
  // Each ReplicaSet owns spec.replicas live pods.
  for (const rs of rss) {
    if (rs.metadata.deletionTimestamp) continue;
    const live = pods.filter((p) => p.metadata.ownerReferences?.some((r: Any) => r.controller && r.uid === rs.metadata.uid) && !p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
    if (live.length !== rs.spec.replicas) fail(`ReplicaSet ${rs.metadata.name} has ${live.length} pods, wants ${rs.spec.replicas}`);
  }
  // No live object points at an owner that does not exist.
  const uids = new Set<string>();
  const everything: Any[] = [];
  const kinds = [R.pods, R.replicasets, R.deployments, R.services, R.endpoints, R.slices, R.nodes, R.statefulsets, R.jobs, { group: 'apps', resource: 'daemonsets' }];
  for (const ref of kinds) {
    const items = ref === R.pods ? pods : ref === R.replicasets ? rss : ref === R.services ? services : ref === R.endpoints ? endpoints : ref === R.slices ? slices : all(ref);
    for (const o of items) { uids.add(o.metadata.uid); everything.push(o); }
  }
  for (const o of everything) {
    if (o.metadata.deletionTimestamp) continue;
    for (const ref of o.metadata.ownerReferences ?? []) if (!uids.has(ref.uid)) fail(`${o.kind} ${o.metadata.name} has a dangling owner ${ref.kind}/${ref.name}`);
  }
}
