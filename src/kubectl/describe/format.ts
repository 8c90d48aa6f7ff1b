/**
 * Shared pieces of describe.go: label/annotation/taint/toleration blocks, RFC1123Z dates,
 * HumanDuration ages, label selector strings. All pure.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import { LEVEL_0, type PrefixWriter } from './prefix-writer.js';
import { goSort } from '../gosort.js';
import { ageSince, humanDuration, parseTime } from '../printers/duration.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number): string => String(n).padStart(2, '0');

export { humanDuration, parseTime };

/**
 * Go time.RFC1123Z in kubectl's local zone. kubelab's kubectl runs with TZ=UTC.
 * A zero time.Time (unset field) prints as Go's zero date.
 */
export function formatRFC1123Z(ts: string | null | undefined): string {
  const ms = parseTime(ts);
  if (ms === undefined) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`;
}

/** translateTimestampSince: `<unknown>` for an unset time, else the age at `now`. */
export const timestampSince = ageSince;

/** Go's byte-wise string order (sort.Strings). */
export function goCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortedKeys(m: Record<string, unknown> | undefined | null): string[] {
  return Object.keys(m ?? {}).sort(goCompare);
}

/** printLabelsMultilineWithIndent. */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined | null,
  initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = sortedKeys(labels);
  if (keys.length === 0) { w.writeLine('<none>'); return; }
  keys.forEach((key, i) => {
    if (i !== 0) { w.write(LEVEL_0, initialIndent); w.write(LEVEL_0, innerIndent); }
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const MAX_ANNOTATION_LEN = 140;

/** Go's s[:n] on a UTF-8 string counts bytes; annotations are almost always ASCII. */
function shorten(s: string, maxLength: number): string {
  const bytes = new TextEncoder().encode(s);
  if (bytes.length <= maxLength) return s;
  return new TextDecoder().decode(bytes.slice(0, maxLength)) + '...';
}

const byteLen = (s: string): number => new TextEncoder().encode(s).length;

/** printAnnotationsMultiline: last-applied-configuration is never shown; long values wrap. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined | null): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = sortedKeys(annotations).filter((k) => k !== LAST_APPLIED);
  if (keys.length === 0) { w.writeLine('<none>'); return; }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = annotations![key].replace(/\n$/, '');
    if (byteLen(value) + byteLen(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

/** corev1.Taint.ToString. */
export function taintString(t: Taint): string {
  const kv = t.value ? `${t.key}=${t.value}` : t.key;
  return t.effect ? `${kv}:${t.effect}` : kv;
}

export function printTaintsMultiline(w: PrefixWriter, title: string, taints: Taint[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!taints || taints.length === 0) { w.writeLine('<none>'); return; }
  const key = (t: Taint): string => `${t.effect ?? ''},${t.key}`;
  const sorted = goSort([...taints], (a, b) => key(a) < key(b));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${taintString(t)}\n`);
  });
}

/** printTolerationsMultilineWithIndent. */
export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: Toleration[] | undefined,
  initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  if (!tolerations || tolerations.length === 0) { w.writeLine('<none>'); return; }
  // sort.Slice: unstable, tolerations with equal keys come out in Go's order.
  const sorted = goSort([...tolerations], (a, b) => (a.key ?? '') < (b.key ?? ''));
  sorted.forEach((t, i) => {
    if (i !== 0) { w.write(LEVEL_0, initialIndent); w.write(LEVEL_0, innerIndent); }
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += (t.key || t.effect) ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${s}\n`);
  });
}

/** labels.FormatLabels: sorted k=v joined by ',', `<none>` when empty. */
export function formatLabels(m: Record<string, string> | undefined | null): string {
  // labels.Set.String() sorts the `key=value` strings, not the keys: `a-b=1` sorts before `a=2`.
  const pairs = sortedKeys(m).map((k) => `${k}=${m![k]}`).sort(goCompare);
  return pairs.length ? pairs.join(',') : '<none>';
}

/**
 * metav1.LabelSelectorAsSelector(sel).String(): requirements sorted by key, values sorted;
 * null for a nil selector (labels.Nothing), '' for an empty one (labels.Everything).
 */
export function selectorString(sel: LabelSelector | undefined | null): string {
  if (!sel) return '';
  const reqs: { key: string; text: string }[] = [];
  for (const k of Object.keys(sel.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${sel.matchLabels![k]}` });
  for (const e of sel.matchExpressions ?? []) {
    const vals = [...(e.values ?? [])].sort(goCompare).join(',');
    switch (e.operator) {
      case 'In': reqs.push({ key: e.key, text: `${e.key} in (${vals})` }); break;
      case 'NotIn': reqs.push({ key: e.key, text: `${e.key} notin (${vals})` }); break;
      case 'Exists': reqs.push({ key: e.key, text: e.key }); break;
      case 'DoesNotExist': reqs.push({ key: e.key, text: `!${e.key}` }); break;
      default: break;
    }
  }
  // labels.internalSelector sorts by key (sort.Sort ByKey; stable enough for distinct keys).
  reqs.sort((a, b) => goCompare(a.key, b.key));
  return reqs.map((r) => r.text).join(',');
}

/** metav1.FormatLabelSelector: `<none>` for an empty or nil selector. */
export function formatLabelSelector(sel: LabelSelector | undefined | null): string {
  const s = selectorString(sel);
  return s.length === 0 ? '<none>' : s;
}

/** metav1.GetControllerOf + printController: `Kind/name` or ''. */
export function controllerOf(meta: { ownerReferences?: { controller?: boolean; kind: string; name: string; uid: string }[] } | undefined): string {
  const ref = meta?.ownerReferences?.find((r) => r.controller === true);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/** Go's %v of an intstr.IntOrString. */
export function intOrString(v: number | string | undefined | null): string {
  return v === undefined || v === null ? '' : String(v);
}
