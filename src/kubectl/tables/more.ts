/**
 * Further server-side tables (printers.go): storage (PV, PVC, StorageClass, CSI), networking
 * (Ingress, IngressClass, NetworkPolicy, ServiceCIDR, IPAddress), RBAC bindings, autoscaling,
 * policy, scheduling and cluster-level kinds. Server tables always carry the wide cells.
 */
import type { KubeObject } from '../../cluster/api/types.js';
import { humanDuration } from '../printers/duration.js';
import { age, arr, containerCells, dig, formatLabels, formatLabelSelector, nameOf, num, rec, str, type Obj } from './helpers.js';
import { AGE, col, NAME, type TablePrinter } from './types.js';
import type { LabelSelector } from 'kubernetes-types/meta/v1';

const spec = (o: KubeObject): Obj => (o.spec ?? {}) as Obj;
const bool = (v: unknown): string => (v === true ? 'true' : 'false');

/** helper.GetAccessModesAsString: fixed order, de-duplicated. */
function accessModes(modes: unknown): string {
  const m = arr<string>(modes);
  return [['ReadWriteOnce', 'RWO'], ['ReadOnlyMany', 'ROX'], ['ReadWriteMany', 'RWX'], ['ReadWriteOncePod', 'RWOP']]
    .filter(([full]) => m.includes(full!)).map(([, short]) => short).join(',');
}

const classOf = (o: KubeObject): string =>
  str(spec(o).storageClassName) || str(o.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class']);

export const persistentVolumeTable: TablePrinter = {
  columns: [NAME, col('Capacity'), col('Access Modes'), col('Reclaim Policy'), col('Status'), col('Claim'), col('StorageClass'),
    col('VolumeAttributesClass'), col('Reason'), AGE, col('VolumeMode', 1)],
  row: (pv, now) => {
    const s = spec(pv);
    const claim = s.claimRef ? `${str(dig(s, 'claimRef', 'namespace'))}/${str(dig(s, 'claimRef', 'name'))}` : '';
    const phase = pv.metadata?.deletionTimestamp ? 'Terminating' : str(dig(pv, 'status', 'phase'));
    return [nameOf(pv), str(rec(s.capacity).storage), accessModes(s.accessModes), str(s.persistentVolumeReclaimPolicy), phase, claim,
      classOf(pv), str(s.volumeAttributesClassName) || '<unset>', str(dig(pv, 'status', 'reason')), age(pv, now), str(s.volumeMode) || '<unset>'];
  },
};

export const persistentVolumeClaimTable: TablePrinter = {
  columns: [NAME, col('Status'), col('Volume'), col('Capacity'), col('Access Modes'), col('StorageClass'), col('VolumeAttributesClass'), AGE, col('VolumeMode', 1)],
  row: (pvc, now) => {
    const s = spec(pvc);
    const bound = str(s.volumeName) !== '';
    const phase = pvc.metadata?.deletionTimestamp ? 'Terminating' : str(dig(pvc, 'status', 'phase'));
    return [nameOf(pvc), phase, str(s.volumeName), bound ? str(rec(dig(pvc, 'status', 'capacity')).storage) : '',
      bound ? accessModes(dig(pvc, 'status', 'accessModes')) : '', classOf(pvc), str(s.volumeAttributesClassName) || '<unset>',
      age(pvc, now), str(s.volumeMode) || '<unset>'];
  },
};

export const storageClassTable: TablePrinter = {
  columns: [NAME, col('Provisioner'), col('ReclaimPolicy'), col('VolumeBindingMode'), col('AllowVolumeExpansion'), AGE],
  row: (sc, now) => {
    const a = sc.metadata?.annotations ?? {};
    const isDefault = a['storageclass.kubernetes.io/is-default-class'] === 'true' || a['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
    return [`${nameOf(sc)}${isDefault ? ' (default)' : ''}`, str(sc.provisioner), str(sc.reclaimPolicy) || 'Delete',
      str(sc.volumeBindingMode) || 'Immediate', bool(sc.allowVolumeExpansion), age(sc, now)];
  },
};

export const csiDriverTable: TablePrinter = {
  columns: [NAME, col('AttachRequired'), col('PodInfoOnMount'), col('StorageCapacity'), col('TokenRequests'), col('RequiresRepublish'), col('Modes'), AGE],
  row: (d, now) => {
    const s = spec(d);
    const tokens = Array.isArray(s.tokenRequests) ? arr(s.tokenRequests).map((t) => str(t.audience)).join(',') : '<unset>';
    return [nameOf(d), s.attachRequired === false ? 'false' : 'true', bool(s.podInfoOnMount), bool(s.storageCapacity), tokens,
      bool(s.requiresRepublish), arr<string>(s.volumeLifecycleModes).join(',') || '<none>', age(d, now)];
  },
};

export const csiNodeTable: TablePrinter = {
  columns: [NAME, col('Drivers'), AGE],
  row: (n, now) => [nameOf(n), String(arr(dig(n, 'spec', 'drivers')).length), age(n, now)],
};

/** formatHosts: first 3 rule hosts, `*` when none. */
function ingressHosts(rules: Obj[]): string {
  const list = rules.map((r) => str(r.host)).filter((h) => h !== '').slice(0, 3);
  if (list.length === 0) return '*';
  return rules.length > 3 && list.length === 3 ? `${list.join(',')} + ${rules.length - 3} more...` : list.join(',');
}

export const ingressTable: TablePrinter = {
  columns: [NAME, col('Class'), col('Hosts'), col('Address'), col('Ports'), AGE],
  row: (ing, now) => {
    const s = spec(ing);
    const lb = [...new Set(arr(dig(ing, 'status', 'loadBalancer', 'ingress')).map((i) => str(i.ip) || str(i.hostname)).filter((x) => x !== ''))].sort();
    return [nameOf(ing), str(s.ingressClassName) || '<none>', ingressHosts(arr(s.rules)), lb.join(','), arr(s.tls).length ? '80, 443' : '80', age(ing, now)];
  },
};

export const ingressClassTable: TablePrinter = {
  columns: [NAME, col('Controller'), col('Parameters'), AGE],
  row: (ic, now) => {
    const p = dig(ic, 'spec', 'parameters') as Obj | undefined;
    const params = p ? `${str(p.kind)}${typeof p.apiGroup === 'string' ? `.${p.apiGroup}` : ''}/${str(p.name)}` : '<none>';
    return [nameOf(ic), str(dig(ic, 'spec', 'controller')), params, age(ic, now)];
  },
};

export const networkPolicyTable: TablePrinter = {
  columns: [NAME, col('Pod-Selector'), AGE],
  row: (np, now) => [nameOf(np), formatLabelSelector((dig(np, 'spec', 'podSelector') ?? {}) as LabelSelector), age(np, now)],
};

export const serviceCIDRTable: TablePrinter = {
  columns: [NAME, col('CIDRs'), AGE],
  row: (c, now) => [nameOf(c), arr<string>(dig(c, 'spec', 'cidrs')).join(','), age(c, now)],
};

export const ipAddressTable: TablePrinter = {
  columns: [NAME, col('ParentRef'), AGE],
  row: (ip, now) => {
    const p = dig(ip, 'spec', 'parentRef') as Obj | undefined;
    const ref = p ? `${(str(p.group) ? `${str(p.resource)}.${str(p.group)}` : str(p.resource)).toLowerCase()}${str(p.namespace) ? `/${str(p.namespace)}` : ''}/${str(p.name)}` : '<none>';
    return [nameOf(ip), ref, age(ip, now)];
  },
};

/** rbac.SubjectsStrings: users, groups, `ns/name` service accounts. */
function subjects(o: KubeObject): [string, string, string] {
  const s = arr(o.subjects);
  const pick = (kind: string): Obj[] => s.filter((x) => x.kind === kind);
  return [pick('User').map((x) => str(x.name)).join(', '), pick('Group').map((x) => str(x.name)).join(', '),
    pick('ServiceAccount').map((x) => `${str(x.namespace)}/${str(x.name)}`).join(', ')];
}

export const roleBindingTable: TablePrinter = {
  columns: [NAME, col('Role'), AGE, col('Users', 1), col('Groups', 1), col('ServiceAccounts', 1)],
  row: (rb, now) => [nameOf(rb), `${str(dig(rb, 'roleRef', 'kind'))}/${str(dig(rb, 'roleRef', 'name'))}`, age(rb, now), ...subjects(rb)],
};

/** formatHPAMetrics for the common metric types, at most 2 then `+ N more...`. */
function hpaMetrics(hpa: KubeObject): string {
  const specs = arr(dig(hpa, 'spec', 'metrics'));
  const statuses = arr(dig(hpa, 'status', 'currentMetrics'));
  if (specs.length === 0) return '<none>';
  const list = specs.map((m, i) => {
    const st = statuses[i];
    const typ = str(m.type);
    if (typ === 'Resource' || typ === 'ContainerResource') {
      const key = typ === 'Resource' ? 'resource' : 'containerResource';
      const r = (m[key] ?? {}) as Obj;
      const target = (r.target ?? {}) as Obj;
      const cur = (dig(st, key, 'current') ?? {}) as Obj;
      if (target.averageValue !== undefined) return `${str(r.name)}: ${st?.[key] ? str(cur.averageValue) : '<unknown>'}/${String(target.averageValue)}`;
      const current = typeof cur.averageUtilization === 'number' ? `${cur.averageUtilization}%` : '<unknown>';
      const want = typeof target.averageUtilization === 'number' ? `${target.averageUtilization}%` : '<auto>';
      return `${str(r.name)}: ${current}/${want}`;
    }
    if (typ === 'Pods') return `${str(dig(st, 'pods', 'current', 'averageValue')) || '<unknown>'}/${String(dig(m, 'pods', 'target', 'averageValue') ?? '')}`;
    const key = typ === 'Object' ? 'object' : typ === 'External' ? 'external' : '';
    if (!key) return '<unknown type>';
    const avg = dig(m, key, 'target', 'averageValue');
    if (avg !== undefined) return `${str(dig(st, key, 'current', 'averageValue')) || '<unknown>'}/${String(avg)} (avg)`;
    return `${str(dig(st, key, 'current', 'value')) || '<unknown>'}/${String(dig(m, key, 'target', 'value') ?? '')}`;
  });
  return list.length > 2 ? `${list.slice(0, 2).join(', ')} + ${list.length - 2} more...` : list.join(', ');
}

export const hpaTable: TablePrinter = {
  columns: [NAME, col('Reference'), col('Targets'), col('MinPods'), col('MaxPods'), col('Replicas'), AGE],
  row: (h, now) => {
    const s = spec(h);
    return [nameOf(h), `${str(dig(s, 'scaleTargetRef', 'kind'))}/${str(dig(s, 'scaleTargetRef', 'name'))}`, hpaMetrics(h),
      typeof s.minReplicas === 'number' ? String(s.minReplicas) : '<unset>', String(num(s.maxReplicas)),
      String(num(dig(h, 'status', 'currentReplicas'))), age(h, now)];
  },
};

export const podDisruptionBudgetTable: TablePrinter = {
  columns: [NAME, col('Min Available'), col('Max Unavailable'), col('Allowed Disruptions'), AGE],
  row: (p, now) => {
    const s = spec(p);
    return [nameOf(p), s.minAvailable !== undefined ? String(s.minAvailable) : 'N/A', s.maxUnavailable !== undefined ? String(s.maxUnavailable) : 'N/A',
      String(num(dig(p, 'status', 'disruptionsAllowed'))), age(p, now)];
  },
};

export const podTemplateTable: TablePrinter = {
  columns: [NAME, col('Containers'), col('Images'), col('Pod Labels')],
  row: (t) => {
    const [names, images] = containerCells(dig(t, 'template', 'spec', 'containers'));
    return [nameOf(t), names, images, formatLabels(rec(dig(t, 'template', 'metadata', 'labels')))];
  },
};

export const controllerRevisionTable: TablePrinter = {
  columns: [NAME, col('Controller'), col('Revision'), AGE],
  row: (cr, now) => {
    const owner = (cr.metadata?.ownerReferences ?? []).find((o) => o.controller === true);
    let controller = '<none>';
    if (owner) {
      const group = owner.apiVersion.includes('/') ? owner.apiVersion.slice(0, owner.apiVersion.indexOf('/')) : '';
      controller = `${(group ? `${owner.kind}.${group}` : owner.kind).toLowerCase()}/${owner.name}`;
    }
    return [nameOf(cr), controller, String(num(cr.revision)), age(cr, now)];
  },
};

export const resourceQuotaTable: TablePrinter = {
  columns: [NAME, col('Request'), col('Limit'), AGE],
  row: (q, now) => {
    const hard = rec(dig(q, 'status', 'hard')), used = rec(dig(q, 'status', 'used'));
    const req: string[] = [], lim: string[] = [];
    for (const r of Object.keys(hard).sort()) {
      (r.split('.')[0] === 'limits' && r.includes('.') ? lim : req).push(`${r}: ${used[r] ?? '0'}/${hard[r]}`);
    }
    return [nameOf(q), req.join(', '), lim.join(', '), age(q, now)];
  },
};

export const priorityClassTable: TablePrinter = {
  columns: [NAME, col('Value'), col('Global-Default'), AGE, col('PreemptionPolicy', 1)],
  row: (p, now) => [nameOf(p), String(num(p.value)), bool(p.globalDefault), age(p, now), str(p.preemptionPolicy)],
};

export const runtimeClassTable: TablePrinter = {
  columns: [NAME, col('Handler'), AGE],
  row: (r, now) => [nameOf(r), str(r.handler), age(r, now)],
};

export const componentStatusTable: TablePrinter = {
  columns: [NAME, col('Status'), col('Message'), col('Error')],
  row: (c) => {
    const h = arr(c.conditions).find((x) => x.type === 'Healthy');
    return [nameOf(c), h ? (h.status === 'True' ? 'Healthy' : 'Unhealthy') : 'Unknown', str(h?.message), str(h?.error)];
  },
};

export const csrTable: TablePrinter = {
  columns: [NAME, AGE, col('SignerName'), col('Requestor'), col('RequestedDuration'), col('Condition')],
  row: (c, now) => {
    const conds = arr(dig(c, 'status', 'conditions')).map((x) => str(x.type));
    let status = conds.includes('Denied') ? 'Denied' : conds.includes('Approved') ? 'Approved' : 'Pending';
    if (conds.includes('Failed')) status += ',Failed';
    if (str(dig(c, 'status', 'certificate'))) status += ',Issued';
    const exp = dig(c, 'spec', 'expirationSeconds');
    return [nameOf(c), age(c, now), str(dig(c, 'spec', 'signerName')) || '<none>', str(dig(c, 'spec', 'username')),
      typeof exp === 'number' ? humanDuration(exp * 1000) : '<none>', status];
  },
};

export const webhookConfigTable: TablePrinter = {
  columns: [NAME, col('Webhooks'), AGE],
  row: (w, now) => [nameOf(w), String(arr(w.webhooks).length), age(w, now)],
};

export const volumeAttachmentTable: TablePrinter = {
  columns: [NAME, col('Attacher'), col('PV'), col('Node'), col('Attached'), AGE],
  row: (v, now) => [nameOf(v), str(dig(v, 'spec', 'attacher')), str(dig(v, 'spec', 'source', 'persistentVolumeName')),
    str(dig(v, 'spec', 'nodeName')), bool(dig(v, 'status', 'attached')), age(v, now)],
};

export const priorityLevelTable: TablePrinter = {
  columns: [NAME, col('Type'), col('NominalConcurrencyShares'), col('Queues'), col('HandSize'), col('QueueLengthLimit'), AGE],
  row: (p, now) => {
    const limited = dig(p, 'spec', 'limited') as Obj | undefined;
    const q = dig(limited, 'limitResponse', 'queuing') as Obj | undefined;
    const n = (v: unknown): string => (v === undefined ? '<none>' : String(v));
    return [nameOf(p), str(dig(p, 'spec', 'type')), limited ? n(limited.nominalConcurrencyShares ?? 0) : '<none>',
      q ? n(q.queues) : '<none>', q ? n(q.handSize) : '<none>', q ? n(q.queueLengthLimit) : '<none>', age(p, now)];
  },
};

export const flowSchemaTable: TablePrinter = {
  columns: [NAME, col('PriorityLevel'), col('MatchingPrecedence'), col('DistinguisherMethod'), AGE, col('MissingPL')],
  row: (f, now) => {
    const dangling = arr(dig(f, 'status', 'conditions')).find((c) => c.type === 'Dangling');
    return [nameOf(f), str(dig(f, 'spec', 'priorityLevelConfiguration', 'name')), String(num(dig(f, 'spec', 'matchingPrecedence'))),
      str(dig(f, 'spec', 'distinguisherMethod', 'type')) || '<none>', age(f, now), dangling ? str(dangling.status) : '?'];
  },
};

/** kube-aggregator's APIService table. */
export const apiServiceTable: TablePrinter = {
  columns: [NAME, col('Service'), col('Available'), AGE],
  row: (a, now) => {
    const svc = dig(a, 'spec', 'service') as Obj | undefined;
    const avail = arr(dig(a, 'status', 'conditions')).find((c) => c.type === 'Available');
    const available = !avail ? 'Unknown' : avail.status === 'True' ? 'True' : `${str(avail.status)} (${str(avail.reason)})`;
    return [nameOf(a), svc ? `${str(svc.namespace)}/${str(svc.name)}` : 'Local', available, age(a, now)];
  },
};

