/**
 * `--sort-by` as kubectl sorts (kubectl pkg/cmd/get/sorter.go RuntimeSort, TableSorter):
 * Go's unstable sort.Sort over the first JSONPath result; an object without the field sorts
 * first, a nil value before any other; quantities compare by value, other strings bytewise
 * (measured on real kubectl 1.33: `a010 < a10 < a9`, `10.101.0.1 < 10.96.0.1 < 9`, `9 < 500Mi < 1Gi`).
 */
import type { KubeObject } from '../../cluster/api/types.js';
import { KubectlError } from '../errors.js';
import { goSort } from '../gosort.js';
import { evalPath } from './jsonpath.js';

/** kubectl wraps a --sort-by path in `{}` (RelaxedJSONPathExpression). */
export function sortExpression(sortBy: string): string {
  const t = sortBy.trim();
  if (t.startsWith('{')) return t;
  return `{${t.startsWith('.') ? t : `.${t}`}}`;
}

export class SortFieldMissing extends KubectlError {
  constructor(expr: string) { super(`couldn't find any field with path "${expr}" in the list of objects`); }
}

/** kubectl's isLess on decoded JSON values (nil first; two quantities by value; other strings bytewise). */
function isLess(x: unknown, y: unknown): boolean {
  if (x === null || y === null) return x === null && y !== null;
  if (typeof x === 'number' && typeof y === 'number') return x < y;
  if (typeof x === 'string' && typeof y === 'string') {
    const qx = quantityValue(x), qy = quantityValue(y);
    return qx !== undefined && qy !== undefined ? qx < qy : x < y;
  }
  if (typeof x === 'boolean' && typeof y === 'boolean') return !x && y;
  return JSON.stringify(x) < JSON.stringify(y);
}

/**
 * --sort-by with kubectl's RuntimeSort/TableSorter: Go's unstable sort.Sort, and an object
 * without the field sorts before anything. Throws SortFieldMissing when no object has it.
 */
export function sortObjects(objects: KubeObject[], sortBy: string): KubeObject[] {
  const expr = sortExpression(sortBy);
  // undefined = no JSONPath result (sorts first, ties reorder); null = a nil value (before others, ties stay).
  const keyed = objects.map((o) => ({ o, v: evalPath(expr, o)[0] }));
  if (keyed.length > 0 && keyed.every((k) => k.v === undefined)) throw new SortFieldMissing(expr);
  goSort(keyed, (a, b) => (a.v === undefined ? true : b.v === undefined ? false : isLess(a.v, b.v)));
  return keyed.map((k) => k.o);
}

/** resource.ParseQuantity-like value of a string, or undefined when it is not a quantity. */
function quantityValue(s: string): number | undefined {
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/.exec(s);
  if (!m) return undefined;
  const mult: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
    n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
  return Number(m[1]) * (m[2] ? 10 ** Number(m[2].slice(1)) : m[3] ? mult[m[3]]! : 1);
}
