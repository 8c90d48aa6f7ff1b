/** Numeric value of a resource.Quantity string (enough for comparisons in validation). */
const MULT: Record<string, number> = {
  '': 1, n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

export function quantityValue(q: unknown): number | undefined {
  if (typeof q === 'number') return q;
  if (typeof q !== 'string') return undefined;
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))([a-zA-Z]*|[eE][-+]?\d+)$/.exec(q.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const suffix = m[2]!;
  if (/^[eE][-+]?\d+$/.test(suffix)) return n * 10 ** Number(suffix.slice(1));
  const mult = Object.prototype.hasOwnProperty.call(MULT, suffix) ? MULT[suffix] : undefined;
  return mult === undefined ? undefined : n * mult;
}
