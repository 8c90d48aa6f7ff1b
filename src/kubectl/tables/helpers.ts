/** Cell helpers shared by the per-kind table printers (printers.go and apimachinery labels). */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../cluster/api/types.js';
import { ageSince } from '../printers/duration.js';

export type Obj = Record<string, unknown>;

/** Safe nested read: `get(o, 'spec', 'template', 'spec')`. */
export function dig(o: unknown, ...path: (string | number)[]): unknown {
  let cur: unknown = o;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur;
}
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
export const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
export const arr = <T = Obj>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
export const rec = (v: unknown): Record<string, string> =>
  (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {});

export function nameOf(o: KubeObject): string { return o.metadata?.name ?? ''; }
export function age(o: KubeObject, now: number): string { return ageSince(o.metadata?.creationTimestamp, now); }

/** labels.FormatLabels: sorted `k=v` joined by `,`; `<none>` when empty. */
export function formatLabels(m: Record<string, string> | undefined): string {
  // labels.Set.String() sorts the `key=value` strings, not the keys: `a-b=1` sorts before `a=2`.
  const pairs = Object.entries(m ?? {}).map(([k, v]) => `${k}=${v}`).sort();
  return pairs.length ? pairs.join(',') : '<none>';
}

/** metav1.LabelSelectorAsSelector(...).String(); null for a nil selector (labels.Nothing). */
export function selectorString(sel: LabelSelector | undefined): string | null {
  if (!sel) return null;
  const reqs: { key: string; s: string }[] = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key: k, s: `${k}=${v}` });
  for (const e of sel.matchExpressions ?? []) {
    const vals = [...new Set(e.values ?? [])].sort().join(',');
    switch (e.operator) {
      case 'In': reqs.push({ key: e.key, s: `${e.key} in (${vals})` }); break;
      case 'NotIn': reqs.push({ key: e.key, s: `${e.key} notin (${vals})` }); break;
      case 'Exists': reqs.push({ key: e.key, s: e.key }); break;
      case 'DoesNotExist': reqs.push({ key: e.key, s: `!${e.key}` }); break;
      default: return '<error>';
    }
  }
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return reqs.map((r) => r.s).join(',');
}

/** metav1.FormatLabelSelector: `<none>` for nil or empty. */
export function formatLabelSelector(sel: LabelSelector | undefined): string {
  return selectorString(sel) || '<none>';
}

/** layoutContainerCells: names and images joined by `,`. */
export function containerCells(containers: unknown): [string, string] {
  const cs = arr(containers);
  return [cs.map((c) => str(c.name)).join(','), cs.map((c) => str(c.image)).join(',')];
}

/** `a,b,c + N more...` lists (endpoints, slices). */
export function listWithMore(list: string[], count: number, max: number, empty: string): string {
  const ret = list.join(',');
  if (count > max) return `${ret} + ${count - max} more...`;
  return ret === '' ? empty : ret;
}
