/** Node, Namespace, Event, ConfigMap, Secret, ServiceAccount, Lease tables and the server's default table. */
import type { KubeObject } from '../../cluster/api/types.js';
import { ageSince } from '../printers/duration.js';
import { age, arr, dig, nameOf, num, rec, str, type Obj } from './helpers.js';
import { AGE, col, NAME, type TablePrinter } from './types.js';

export function nodeRoles(node: KubeObject): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) { const r = k.slice('node-role.kubernetes.io/'.length); if (r) roles.add(r); }
    else if (k === 'kubernetes.io/role' && v !== '') roles.add(v);
  }
  return [...roles].sort();
}

export const nodeTable: TablePrinter = {
  columns: [NAME, col('Status'), col('Roles'), AGE, col('Version'), col('Internal-IP', 1), col('External-IP', 1), col('OS-Image', 1), col('Kernel-Version', 1), col('Container-Runtime', 1)],
  row: (node, now) => {
    const st = (node.status ?? {}) as Obj;
    const status: string[] = [];
    const ready = arr(st.conditions).find((c) => c.type === 'Ready');
    if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
    if (status.length === 0) status.push('Unknown');
    if (dig(node, 'spec', 'unschedulable') === true) status.push('SchedulingDisabled');
    const info = rec(st.nodeInfo);
    const addr = (t: string): string => str(arr(st.addresses).find((a) => a.type === t)?.address) || '<none>';
    return [nameOf(node), status.join(','), nodeRoles(node).join(',') || '<none>', age(node, now), str(info.kubeletVersion),
      addr('InternalIP'), addr('ExternalIP'), str(info.osImage) || '<unknown>', str(info.kernelVersion) || '<unknown>',
      str(info.containerRuntimeVersion) || '<unknown>'];
  },
};

export const namespaceTable: TablePrinter = {
  columns: [NAME, col('Status'), AGE],
  row: (ns, now) => [nameOf(ns), str(dig(ns, 'status', 'phase')), age(ns, now)],
};

export const eventTable: TablePrinter = {
  columns: [col('Last Seen'), col('Type'), col('Reason'), col('Object'), col('Subobject', 1), col('Source', 1), col('Message'),
    col('First Seen', 1), col('Count', 1), col('Name', 1)],
  row: (ev, now) => {
    const first = ev.firstTimestamp ? ageSince(ev.firstTimestamp, now) : ev.eventTime ? ageSince(ev.eventTime, now) : '<unknown>';
    let last = ev.lastTimestamp ? ageSince(ev.lastTimestamp, now) : first;
    let count = num(ev.count);
    const series = ev.series as Obj | undefined;
    if (series) { last = series.lastObservedTime ? ageSince(series.lastObservedTime, now) : '<unknown>'; count = num(series.count); }
    else if (count === 0) count = 1;
    const io = (ev.involvedObject ?? {}) as Obj;
    const kind = str(io.kind).toLowerCase();
    const target = str(io.name) ? `${kind}/${str(io.name)}` : kind;
    const component = str(dig(ev, 'source', 'component')) || str(ev.reportingComponent);
    const instance = str(dig(ev, 'source', 'host')) || str(ev.reportingInstance);
    return [last, str(ev.type), str(ev.reason), target, str(io.fieldPath), instance ? `${component}, ${instance}` : component,
      str(ev.message).trim(), first, String(count), nameOf(ev)];
  },
};

export const configMapTable: TablePrinter = {
  columns: [NAME, col('Data'), AGE],
  row: (c, now) => [nameOf(c), String(Object.keys(rec(c.data)).length + Object.keys(rec(c.binaryData)).length), age(c, now)],
};

export const secretTable: TablePrinter = {
  columns: [NAME, col('Type'), col('Data'), AGE],
  row: (s, now) => [nameOf(s), str(s.type), String(Object.keys(rec(s.data)).length), age(s, now)],
};

export const serviceAccountTable: TablePrinter = {
  columns: [NAME, AGE],
  row: (s, now) => [nameOf(s), age(s, now)],
};

export const leaseTable: TablePrinter = {
  columns: [NAME, col('Holder'), AGE],
  row: (l, now) => [nameOf(l), str(dig(l, 'spec', 'holderIdentity')), age(l, now)],
};

/** rest.DefaultTableConvertor: what the API server answers for kinds without a printer. */
export const defaultTable: TablePrinter = {
  columns: [NAME, col('Created At')],
  row: (o) => [nameOf(o), str(o.metadata?.creationTimestamp)],
};
