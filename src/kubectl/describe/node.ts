/**
 * kubectl describe node (describe.go NodeDescriber, describeNode, describeNodeLease,
 * describeNodeResource; pkg/util/resource PodRequestsAndLimits).
 */
import type { Event, Node, Pod } from 'kubernetes-types/core/v1';
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Describer } from './describer.js';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefix-writer.js';
import { describeEvents, searchEvents } from './events.js';
import { formatRFC1123Z, goCompare, printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline, sortedKeys, timestampSince } from './format.js';
import { addQuantity, cmpQuantity, milliValue, parseList, quantityString, value, ZERO, type Quantity } from './quantity.js';
import { messageOf } from './errors-text.js';
import { microTimeError } from './microtime.js';

const NODES = { group: '', resource: 'nodes' };
const PODS = { group: '', resource: 'pods' };
const LEASES = { group: 'coordination.k8s.io', resource: 'leases' };

export const describeNodeResource: Describer = (deps, _namespace, name, settings) => {
  const node = deps.api.get(NODES, undefined, name) as unknown as Node;
  const pods = deps.api.list(PODS, undefined, {
    fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed`,
  }).items as unknown as Pod[];
  let events: Event[] | null = null;
  if (settings.showEvents) {
    // Controllers refer to a node by its uid, the kubelet by its name: kubectl asks for both.
    events = [
      ...searchEvents(deps.api, { kind: 'Node', name, namespace: '', uid: node.metadata?.uid }),
      ...searchEvents(deps.api, { kind: 'Node', name, namespace: '', uid: name }),
    ];
  }
  let lease: Lease | string;
  try {
    lease = deps.api.get(LEASES, 'kube-node-lease', name) as unknown as Lease;
    const bad = microTimeError(lease.spec?.acquireTime) ?? microTimeError(lease.spec?.renewTime);
    if (bad) lease = bad;
  } catch (err) { lease = messageOf(err); }
  return describeNode(node, pods, events, lease, deps.now);
};

/** resourcehelper.IsHugePageResourceName / IsStandardContainerResourceName. */
const isHugePages = (r: string): boolean => r.startsWith('hugepages-');
const STANDARD_CONTAINER = new Set(['cpu', 'memory', 'ephemeral-storage']);

export function describeNode(node: Node, pods: Pod[], events: Event[] | null, lease: Lease | string, now: number): string {
  return tabbedString((w) => {
    const meta = node.metadata ?? {}, spec = node.spec ?? {}, status = node.status ?? {};
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    const roles = findNodeRoles(meta.labels ?? {});
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(meta.creationTimestamp)}\n`);
    printTaintsMultiline(w, 'Taints', spec.taints);
    w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable === true}\n`);
    if (typeof lease === 'string') w.write(LEVEL_0, `Lease:\tFailed to get lease: ${lease}\n`);
    else {
      w.write(LEVEL_0, 'Lease:\n');
      w.write(LEVEL_1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}\n`);
      w.write(LEVEL_1, `AcquireTime:\t${lease.spec?.acquireTime ? formatRFC1123Z(lease.spec.acquireTime) : '<unset>'}\n`);
      w.write(LEVEL_1, `RenewTime:\t${lease.spec?.renewTime ? formatRFC1123Z(lease.spec.renewTime) : '<unset>'}\n`);
    }
    const conds = status.conditions ?? [];
    if (conds.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conds) {
        w.write(LEVEL_1, `${c.type} \t${c.status} \t${formatRFC1123Z(c.lastHeartbeatTime)} \t${formatRFC1123Z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
      }
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
    const printResourceList = (list: Record<string, string | number>): void => {
      for (const k of sortedKeys(list)) w.write(LEVEL_0, `  ${k}:\t${quantityString(parseList({ [k]: list[k] }).get(k) ?? ZERO)}\n`);
    };
    if (status.capacity && Object.keys(status.capacity).length > 0) { w.write(LEVEL_0, 'Capacity:\n'); printResourceList(status.capacity); }
    if (status.allocatable && Object.keys(status.allocatable).length > 0) { w.write(LEVEL_0, 'Allocatable:\n'); printResourceList(status.allocatable); }
    const ni = status.nodeInfo;
    w.write(LEVEL_0, 'System Info:\n');
    w.write(LEVEL_0, `  Machine ID:\t${ni?.machineID ?? ''}\n`);
    w.write(LEVEL_0, `  System UUID:\t${ni?.systemUUID ?? ''}\n`);
    w.write(LEVEL_0, `  Boot ID:\t${ni?.bootID ?? ''}\n`);
    w.write(LEVEL_0, `  Kernel Version:\t${ni?.kernelVersion ?? ''}\n`);
    w.write(LEVEL_0, `  OS Image:\t${ni?.osImage ?? ''}\n`);
    w.write(LEVEL_0, `  Operating System:\t${ni?.operatingSystem ?? ''}\n`);
    w.write(LEVEL_0, `  Architecture:\t${ni?.architecture ?? ''}\n`);
    w.write(LEVEL_0, `  Container Runtime Version:\t${ni?.containerRuntimeVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kubelet Version:\t${ni?.kubeletVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kube-Proxy Version:\t${ni?.kubeProxyVersion ?? ''}\n`);
    if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`);
    if (spec.podCIDRs && spec.podCIDRs.length > 0) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`);
    if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`);
    describeNodeResources(pods, node, w, now);
    describeEvents(events, w, now);
  });
}

/** findNodeRoles: node-role.kubernetes.io/<role> labels and kubernetes.io/role=<role>. */
function findNodeRoles(labels: Record<string, string>): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels)) {
    if (k.startsWith('node-role.kubernetes.io/')) { const r = k.slice('node-role.kubernetes.io/'.length); if (r) roles.add(r); }
    else if (k === 'kubernetes.io/role' && v !== '') roles.add(v);
  }
  return [...roles].sort(goCompare);
}

type RList = Map<string, Quantity>;
function addInto(list: RList, add: RList): void {
  for (const [k, q] of add) list.set(k, list.has(k) ? addQuantity(list.get(k)!, q) : q);
}
function maxInto(list: RList, other: RList): void {
  for (const [k, q] of other) if (!list.has(k) || cmpQuantity(q, list.get(k)!) > 0) list.set(k, q);
}

/** PodRequestsAndLimits: sum of containers, at least the largest init container, plus overhead. */
export function podRequestsAndLimits(pod: Pod): { reqs: RList; limits: RList } {
  const spec = pod.spec;
  const reqs: RList = new Map(), limits: RList = new Map();
  for (const c of spec?.containers ?? []) { addInto(reqs, parseList(c.resources?.requests)); addInto(limits, parseList(c.resources?.limits)); }
  const restartReqs: RList = new Map(), restartLimits: RList = new Map();
  const initReqs: RList = new Map(), initLimits: RList = new Map();
  for (const c of spec?.initContainers ?? []) {
    const r = parseList(c.resources?.requests), l = parseList(c.resources?.limits);
    if (c.restartPolicy === 'Always') {
      addInto(reqs, r); addInto(restartReqs, r); maxInto(initReqs, restartReqs);
      addInto(limits, l); addInto(restartLimits, l); maxInto(initLimits, restartLimits);
    } else {
      const tr: RList = new Map(); addInto(tr, r); addInto(tr, restartReqs); maxInto(initReqs, tr);
      const tl: RList = new Map(); addInto(tl, l); addInto(tl, restartLimits); maxInto(initLimits, tl);
    }
  }
  maxInto(reqs, initReqs);
  maxInto(limits, initLimits);
  const overhead = parseList(spec?.overhead);
  addInto(reqs, overhead);
  for (const [k, q] of overhead) { const v = limits.get(k); if (v && v.n !== 0n) limits.set(k, addQuantity(v, q)); }
  return { reqs, limits };
}

const pct = (part: number, whole: number): number => Math.trunc(part / whole * 100);
/** Go's int64(NaN or Inf) on amd64 is the minimum int64. */
function pctText(part: number, whole: number): string {
  const f = part / whole * 100;
  return Number.isFinite(f) ? String(Math.trunc(f)) : '-9223372036854775808';
}

function describeNodeResources(pods: Pod[], node: Node, w: PrefixWriter, now: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const allocatable = parseList(node.status?.allocatable && Object.keys(node.status.allocatable).length > 0 ? node.status.allocatable : node.status?.capacity);
  const get = (l: RList, k: string): Quantity => l.get(k) ?? ZERO;
  const allocCpu = milliValue(get(allocatable, 'cpu')), allocMem = value(get(allocatable, 'memory'));
  for (const p of pods) {
    const { reqs, limits } = podRequestsAndLimits(p);
    const cr = get(reqs, 'cpu'), cl = get(limits, 'cpu'), mr = get(reqs, 'memory'), ml = get(limits, 'memory');
    w.write(LEVEL_1, `${p.metadata?.namespace ?? ''}\t${p.metadata?.name ?? ''}\t\t` +
      `${quantityString(cr)} (${pctText(milliValue(cr), allocCpu)}%)\t${quantityString(cl)} (${pctText(milliValue(cl), allocCpu)}%)\t` +
      `${quantityString(mr)} (${pctText(value(mr), allocMem)}%)\t${quantityString(ml)} (${pctText(value(ml), allocMem)}%)\t` +
      `${timestampSince(p.metadata?.creationTimestamp, now)}\n`);
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const reqs: RList = new Map(), limits: RList = new Map();
  for (const p of pods) { const r = podRequestsAndLimits(p); addInto(reqs, r.reqs); addInto(limits, r.limits); }
  const row = (name: string, req: Quantity, lim: Quantity, reqV: number, limV: number, whole: number): void => {
    const fr = whole !== 0 ? pct(reqV, whole) : 0, fl = whole !== 0 ? pct(limV, whole) : 0;
    w.write(LEVEL_1, `${name}\t${quantityString(req)} (${fr}%)\t${quantityString(lim)} (${fl}%)\n`);
  };
  row('cpu', get(reqs, 'cpu'), get(limits, 'cpu'), milliValue(get(reqs, 'cpu')), milliValue(get(limits, 'cpu')), allocCpu);
  row('memory', get(reqs, 'memory'), get(limits, 'memory'), value(get(reqs, 'memory')), value(get(limits, 'memory')), allocMem);
  row('ephemeral-storage', get(reqs, 'ephemeral-storage'), get(limits, 'ephemeral-storage'),
    value(get(reqs, 'ephemeral-storage')), value(get(limits, 'ephemeral-storage')), value(get(allocatable, 'ephemeral-storage')));
  const keys = [...allocatable.keys()];
  for (const r of keys.filter(isHugePages).sort(goCompare)) {
    row(r, get(reqs, r), get(limits, r), value(get(reqs, r)), value(get(limits, r)), value(get(allocatable, r)));
  }
  // Extended resources: anything but the standard container resources and pods.
  const standard = (r: string): boolean => STANDARD_CONTAINER.has(r);
  for (const r of keys.filter((k) => !isHugePages(k) && !standard(k) && k !== 'pods').sort(goCompare)) {
    w.write(LEVEL_1, `${r}\t${quantityString(get(reqs, r))}\t${quantityString(get(limits, r))}\n`);
  }
}
