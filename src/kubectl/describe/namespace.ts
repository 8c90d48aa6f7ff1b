/** kubectl describe namespace (describe.go NamespaceDescriber, describeNamespace, quotas, limit ranges). */
import type { LimitRange, Namespace, ResourceQuota } from 'kubernetes-types/core/v1';
import { ApiError } from '../../cluster/api/types.js';
import type { Describer } from './describer.js';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefix-writer.js';
import { formatRFC1123Z, goCompare, printAnnotationsMultiline, printLabelsMultiline, sortedKeys } from './format.js';
import { canonicalQuantity } from './quantity.js';
import { describeLimitRangeSpec, quotaScopeHelp } from './quota.js';

const NAMESPACES = { group: '', resource: 'namespaces' };
const QUOTAS = { group: '', resource: 'resourcequotas' };
const LIMITRANGES = { group: '', resource: 'limitranges' };

/** A list that the server does not serve (404) is left out, as kubectl does; other errors fail. */
function listOrNull<T>(f: () => T[]): T[] | null {
  try { return f(); }
  catch (err) { if (err instanceof ApiError && err.code === 404) return null; throw err; }
}

export const describeNamespaceResource: Describer = (deps, _namespace, name) => {
  const ns = deps.api.get(NAMESPACES, undefined, name) as unknown as Namespace;
  const quotas = listOrNull(() => deps.api.list(QUOTAS, name).items as unknown as ResourceQuota[]);
  const limits = listOrNull(() => deps.api.list(LIMITRANGES, name).items as unknown as LimitRange[]);
  return describeNamespace(ns, quotas, limits);
};

export function describeNamespace(ns: Namespace, quotas: ResourceQuota[] | null, limits: LimitRange[] | null): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ns.metadata?.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ns.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ns.metadata?.annotations);
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
    const conds = ns.status?.conditions ?? [];
    if (conds.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of conds) w.write(LEVEL_1, `${c.type}\t${c.status}\t${formatRFC1123Z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
    }
    if (quotas !== null) { w.write(LEVEL_0, '\n'); describeResourceQuotas(quotas, w); }
    if (limits !== null) { w.write(LEVEL_0, '\n'); describeLimitRanges(limits, w); }
  });
}

function describeResourceQuotas(quotas: ResourceQuota[], w: PrefixWriter): void {
  if (quotas.length === 0) { w.write(LEVEL_0, 'No resource quota.\n'); return; }
  w.write(LEVEL_0, 'Resource Quotas\n');
  for (const q of [...quotas].sort((a, b) => goCompare(a.metadata?.name ?? '', b.metadata?.name ?? ''))) {
    w.write(LEVEL_1, `Name:\t${q.metadata?.name ?? ''}\n`);
    const scopes = [...(q.spec?.scopes ?? [])].sort(goCompare);
    if (scopes.length > 0) {
      w.write(LEVEL_1, `Scopes:\t${scopes.join(', ')}\n`);
      for (const sc of scopes) { const h = quotaScopeHelp(sc); if (h) w.write(LEVEL_1, `* ${h}\n`); }
    }
    w.write(LEVEL_1, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_1, '--------\t---\t---\n');
    for (const r of sortedKeys(q.status?.hard)) {
      w.write(LEVEL_1, `${r}\t${canonicalQuantity(q.status?.used?.[r] ?? 0)}\t${canonicalQuantity(q.status!.hard![r])}\n`);
    }
  }
}

function describeLimitRanges(limits: LimitRange[], w: PrefixWriter): void {
  if (limits.length === 0) { w.write(LEVEL_0, 'No LimitRange resource.\n'); return; }
  w.write(LEVEL_0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(LEVEL_0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const lr of limits) describeLimitRangeSpec(lr, ' ', w);
}
