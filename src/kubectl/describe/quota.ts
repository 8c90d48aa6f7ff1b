/** kubectl describe resourcequota / limitrange (describe.go describeQuota, describeLimitRange). */
import type { LimitRange, ResourceQuota } from 'kubernetes-types/core/v1';
import type { Describer } from './describer.js';
import { LEVEL_0, tabbedString, type PrefixWriter } from './prefix-writer.js';
import { goCompare, sortedKeys } from './format.js';
import { canonicalQuantity, parseQuantity, quantityString, value, ZERO } from './quantity.js';

const QUOTAS = { group: '', resource: 'resourcequotas' };
const LIMITRANGES = { group: '', resource: 'limitranges' };

/** helpTextForResourceQuotaScope. */
export function quotaScopeHelp(scope: string): string {
  switch (scope) {
    case 'Terminating': return 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.';
    case 'NotTerminating': return 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.';
    case 'BestEffort': return 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.';
    case 'NotBestEffort': return 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.';
    default: return '';
  }
}

export const describeResourceQuotaResource: Describer = (deps, namespace, name) =>
  describeQuota(deps.api.get(QUOTAS, namespace, name) as unknown as ResourceQuota);

export function describeQuota(q: ResourceQuota): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${q.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${q.metadata?.namespace ?? ''}\n`);
    const scopes = [...(q.spec?.scopes ?? [])].sort(goCompare);
    if (scopes.length > 0) {
      w.write(LEVEL_0, `Scopes:\t${scopes.join(', ')}\n`);
      for (const s of scopes) { const h = quotaScopeHelp(s); if (h) w.write(LEVEL_0, ` * ${h}\n`); }
    }
    w.write(LEVEL_0, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_0, '--------\t----\t----\n');
    for (const r of sortedKeys(q.status?.hard)) {
      const hard = parseQuantity(q.status!.hard![r]) ?? ZERO;
      let used = parseQuantity(q.status?.used?.[r] ?? 0) ?? ZERO;
      // A used amount in another format is shown in the hard amount's (resource.NewQuantity).
      if (used.format !== hard.format) used = { n: BigInt(value(used)), scale: 0, format: hard.format };
      w.write(LEVEL_0, `${r}\t${quantityString(used)}\t${quantityString(hard)}\n`);
    }
  });
}

export const describeLimitRangeResource: Describer = (deps, namespace, name) =>
  describeLimitRange(deps.api.get(LIMITRANGES, namespace, name) as unknown as LimitRange);

export function describeLimitRange(lr: LimitRange): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${lr.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${lr.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
    w.write(LEVEL_0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
    describeLimitRangeSpec(lr, '', w);
  });
}

/**
 * describeLimitRangeSpec. Go walks a map of resource names (random order); kubelab sorts them,
 * one of the orders real kubectl prints.
 */
export function describeLimitRangeSpec(lr: LimitRange, prefix: string, w: PrefixWriter): void {
  for (const item of lr.spec?.limits ?? []) {
    const names = new Set<string>([...Object.keys(item.max ?? {}), ...Object.keys(item.min ?? {}), ...Object.keys(item.default ?? {}),
      ...Object.keys(item.defaultRequest ?? {}), ...Object.keys(item.maxLimitRequestRatio ?? {})]);
    for (const r of [...names].sort(goCompare)) {
      const cell = (l: Record<string, string | number> | undefined): string => (l && l[r] !== undefined ? canonicalQuantity(l[r]) : '-');
      w.write(LEVEL_0, `${prefix}${item.type}\t${r}\t${cell(item.min)}\t${cell(item.max)}\t${cell(item.defaultRequest)}\t${cell(item.default)}\t${cell(item.maxLimitRequestRatio)}\n`);
    }
  }
}
