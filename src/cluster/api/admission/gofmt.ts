/** Go's %#v for the few values field errors print (maps, string slices, label selectors). */
import { goJSON, goQuote } from '../errors.js';
import { isObject } from '../util.js';

export function goStringMap(m: unknown): string {
  if (!isObject(m)) return 'map[string]string(nil)';
  const keys = Object.keys(m).sort();
  return `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(String(m[k]))}`).join(', ')}}`;
}

export function goStringSlice(v: unknown): string {
  if (!Array.isArray(v)) return '[]string(nil)';
  return `[]string{${v.map((x) => goQuote(String(x))).join(', ')}}`;
}

/** json.Marshal of a metav1.LabelSelector: fields in declaration order, empty ones omitted. */
export function jsonLabelSelector(s: unknown): string {
  const o = isObject(s) ? s : {};
  const parts: string[] = [];
  if (isObject(o.matchLabels) && Object.keys(o.matchLabels).length) parts.push(`"matchLabels":${goJSON(o.matchLabels)}`);
  if (Array.isArray(o.matchExpressions) && o.matchExpressions.length) {
    parts.push(`"matchExpressions":[${o.matchExpressions.map((e) => {
      const r = isObject(e) ? e : {};
      const f = [`"key":${JSON.stringify(String(r.key ?? ''))}`, `"operator":${JSON.stringify(String(r.operator ?? ''))}`];
      if (Array.isArray(r.values) && r.values.length) f.push(`"values":${goJSON(r.values)}`);
      return `{${f.join(',')}}`;
    }).join(',')}]`);
  }
  return `{${parts.join(',')}}`;
}

export function goLabelSelector(s: unknown): string {
  const o = isObject(s) ? s : {};
  const ml = o.matchLabels === undefined ? 'map[string]string(nil)' : goStringMap(o.matchLabels);
  const exprs = Array.isArray(o.matchExpressions)
    ? `[]v1.LabelSelectorRequirement{${o.matchExpressions.map((e) => {
      const r = isObject(e) ? e : {};
      return `v1.LabelSelectorRequirement{Key:${goQuote(String(r.key ?? ''))}, Operator:${goQuote(String(r.operator ?? ''))}, Values:${goStringSlice(r.values)}}`;
    }).join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${ml}, MatchExpressions:${exprs}}`;
}

/** A raw Go-formatted value: formatValue prints it unquoted. */
export function goValue(text: string): { goText: string } { return { goText: text }; }

/** Go's %v / %+v of a decoded JSON value (map[string]interface{}, []interface{}, float64...). */
export function goV(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return goFloat(v);
  if (Array.isArray(v)) return `[${v.map(goV).join(' ')}]`;
  if (isObject(v)) return `map[${Object.keys(v).sort().map((k) => `${k}:${goV(v[k])}`).join(' ')}]`;
  return String(v);
}

/** Go's %v of a float64: shortest digits, exponent form when exp < -4 or exp >= 6 (`1e+06`). */
export function goFloat(n: number): string {
  if (n === 0) return '0';
  const [mant, expStr] = n.toExponential().split('e') as [string, string];
  const exp = Number(expStr);
  if (exp < -4 || exp >= 6) {
    const abs = Math.abs(exp);
    return `${mant}e${exp < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
  }
  return String(n);
}
