/**
 * resource.Quantity as describe uses it (apimachinery pkg/api/resource/quantity.go): parse,
 * add, compare, MilliValue/Value, and String() in canonical form ("0.5" -> "500m",
 * "1024Mi" -> "1Gi", "1536Mi" stays). Amounts are exact: a BigInt times a power of ten.
 */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity { n: bigint; scale: number; format: QuantityFormat }

const DEC_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BIN_SUFFIX: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

export const ZERO: Quantity = { n: 0n, scale: 0, format: 'DecimalSI' };

function normalize(q: Quantity): Quantity {
  let { n, scale } = q;
  if (n === 0n) return { n, scale: 0, format: q.format };
  while (n % 10n === 0n) { n /= 10n; scale++; }
  return { n, scale, format: q.format };
}

/** ParseQuantity; null when the text is not a quantity. Precision below nano rounds up. */
export function parseQuantity(text: string | number | undefined | null): Quantity | null {
  if (text === undefined || text === null) return null;
  const s = String(text).trim();
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const [, sign, whole, frac = '', exp, suffix = ''] = m;
  let n = BigInt((whole || '0') + frac);
  let scale = -frac.length;
  let format: QuantityFormat = 'DecimalSI';
  if (exp) { scale += Number(exp.slice(1)); format = 'DecimalExponent'; }
  else if (suffix in BIN_SUFFIX) { n *= 1n << BigInt(BIN_SUFFIX[suffix]); format = 'BinarySI'; }
  else scale += DEC_SUFFIX[suffix];
  if (scale < -9) { // round up to nano, away from zero as Quantity does for positive amounts
    const div = 10n ** BigInt(-9 - scale);
    const q = n / div;
    n = n % div === 0n ? q : q + 1n;
    scale = -9;
  }
  if (sign === '-') n = -n;
  return normalize({ n, scale, format });
}

function align(a: Quantity, b: Quantity): [bigint, bigint, number] {
  const s = Math.min(a.scale, b.scale);
  return [a.n * 10n ** BigInt(a.scale - s), b.n * 10n ** BigInt(b.scale - s), s];
}

/** q.Add(y): the receiver keeps its format unless it is zero. */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  const [x, y, s] = align(a, b);
  return normalize({ n: x + y, scale: s, format: a.n === 0n ? b.format : a.format });
}

export function cmpQuantity(a: Quantity, b: Quantity): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** ScaledValue(scale) rounds up (toward +inf for positive amounts). */
function scaledValue(q: Quantity, scale: number): bigint {
  const shift = q.scale - scale;
  if (shift >= 0) return q.n * 10n ** BigInt(shift);
  const div = 10n ** BigInt(-shift);
  const r = q.n / div;
  return q.n % div !== 0n && q.n > 0n ? r + 1n : r;
}

export const milliValue = (q: Quantity): number => Number(scaledValue(q, -3));
export const value = (q: Quantity): number => Number(scaledValue(q, 0));

const DEC_NAMES: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };
const BIN_NAMES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/** Quantity.String(): CanonicalizeBytes. */
export function quantityString(q: Quantity): string {
  if (q.n === 0n) return '0';
  let format = q.format;
  if (format === 'BinarySI') {
    const small = cmpQuantity(q, { n: -1024n, scale: 0, format }) > 0 && cmpQuantity(q, { n: 1024n, scale: 0, format }) < 0;
    if (small || q.scale < 0) format = 'DecimalSI';
  }
  if (format === 'BinarySI') {
    let n = q.n * 10n ** BigInt(q.scale);
    let e = 0;
    while (e < 6 && n % 1024n === 0n) { n /= 1024n; e++; }
    return `${n}${BIN_NAMES[e]}`;
  }
  let { n, scale } = normalize(q);
  const r = ((scale % 3) + 3) % 3;
  if (r !== 0) { n *= 10n ** BigInt(r); scale -= r; }
  if (format === 'DecimalExponent') return scale === 0 ? `${n}` : `${n}e${scale}`;
  if (scale > 18) { n *= 10n ** BigInt(scale - 18); scale = 18; }
  return `${n}${DEC_NAMES[scale] ?? `e${scale}`}`;
}

/** The canonical text of a quantity as JSON gives it (unparsable text is shown as is). */
export function canonicalQuantity(text: string | number | undefined | null): string {
  const q = parseQuantity(text);
  return q ? quantityString(q) : String(text ?? '');
}

export type ResourceList = Record<string, string | number>;

export function parseList(list: ResourceList | undefined | null): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  for (const [k, v] of Object.entries(list ?? {})) { const q = parseQuantity(v); if (q) out.set(k, q); }
  return out;
}
