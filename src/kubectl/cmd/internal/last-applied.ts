/**
 * The `kubectl.kubernetes.io/last-applied-configuration` annotation
 * (kubectl pkg/util/apply.go GetModifiedConfiguration, CreateApplyAnnotation).
 * Its value is the object as the user wrote it, without the annotation itself, with an
 * `annotations` map present (possibly empty), as Go's JSON encoder writes it plus a newline.
 */
import type { KubeObject } from '../../../cluster/api/types.js';
import { goJson } from './gojson.js';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function clone<T>(v: T): T { return JSON.parse(JSON.stringify(v)) as T; }

/** The annotation value for `obj`. */
export function lastAppliedValue(obj: KubeObject): string {
  const copy = clone(obj);
  const meta = (copy.metadata ??= {});
  const annotations = { ...(meta.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  meta.annotations = annotations;
  return goJson(copy) + '\n';
}

/** `obj` with the annotation set to its own last-applied value (what apply sends and compares). */
export function withLastApplied(obj: KubeObject): KubeObject {
  const value = lastAppliedValue(obj);
  const copy = clone(obj);
  const meta = (copy.metadata ??= {});
  meta.annotations = { ...(meta.annotations ?? {}), [LAST_APPLIED]: value };
  return copy;
}

/** The last-applied configuration recorded on a live object, parsed; {} when absent. */
export function originalConfiguration(live: KubeObject): Record<string, unknown> {
  const v = live.metadata?.annotations?.[LAST_APPLIED];
  if (!v) return {};
  try { return JSON.parse(v) as Record<string, unknown>; } catch { return {}; }
}

/** pruneNullsFromMap: apply drops explicit nulls before a create. */
export function pruneNulls(v: unknown): void {
  if (Array.isArray(v)) { v.forEach(pruneNulls); return; }
  if (typeof v === 'object' && v !== null) {
    const m = v as Record<string, unknown>;
    for (const k of Object.keys(m)) { if (m[k] === null) delete m[k]; else pruneNulls(m[k]); }
  }
}
