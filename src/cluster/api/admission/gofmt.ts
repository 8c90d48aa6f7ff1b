/** Go's %#v for the few values field errors print (maps, string slices, label selectors). */
import { goQuote } from '../errors.js';
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
