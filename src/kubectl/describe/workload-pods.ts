/** Helpers shared by the workload describers (describe.go getPodStatusForController). */
import type { Pod } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { ApiClient } from '../../cluster/api/types.js';
import { selectorString } from './format.js';

const PODS = { group: '', resource: 'pods' };

export interface PodCounts { running: number; waiting: number; succeeded: number; failed: number }

/** Pods matching `selector` and controlled by `uid`, counted by phase. Throws the list error. */
export function podStatusForController(api: ApiClient, namespace: string, selector: LabelSelector | undefined, uid: string | undefined): PodCounts {
  const counts: PodCounts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  if (!selector) return counts; // labels.Nothing(): lists nothing
  const pods = api.list(PODS, namespace, { labelSelector: selectorString(selector) }).items as unknown as Pod[];
  for (const p of pods) {
    const ref = p.metadata?.ownerReferences?.find((r) => r.controller === true);
    if (!ref || ref.uid !== uid) continue;
    switch (p.status?.phase) {
      case 'Running': counts.running++; break;
      case 'Pending': counts.waiting++; break;
      case 'Succeeded': counts.succeeded++; break;
      case 'Failed': counts.failed++; break;
      default: break;
    }
  }
  return counts;
}

/** apiequality.Semantic.DeepEqual, close enough for pod templates: unset and empty are equal. */
export function semanticEqual(a: unknown, b: unknown): boolean {
  const empty = (v: unknown): boolean => v === undefined || v === null ||
    (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);
  if (empty(a) && empty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => semanticEqual(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ao = a as Record<string, unknown>, bo = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
    for (const k of keys) if (!semanticEqual(ao[k], bo[k])) return false;
    return true;
  }
  return a === b;
}
