/**
 * `kubectl events -o json|yaml|...` prints the typed corev1.EventList it listed, not the server's
 * JSON: keys come out in Go struct order, and fields whose zero value is a struct or lack
 * omitempty are always there (`eventTime: null`, `reportingComponent: ""`, `source: {}`).
 */
import type { KubeObject } from '../../cluster/api/types.js';

type Obj = Record<string, unknown>;
const rec = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? v as Obj : {});

/** The fields of `o` named in `order` (a Go struct's json tags), skipping absent and empty omitempty ones. */
function ordered(o: Obj, order: string[], always: Record<string, unknown> = {}): Obj {
  const out: Obj = {};
  for (const k of order) {
    const v = o[k];
    if (v === undefined || v === null || v === '' || v === 0 || v === false) {
      if (k in always) out[k] = always[k];
      continue;
    }
    if (Array.isArray(v) && v.length === 0) continue;
    if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0 && !(k in always)) continue;
    out[k] = v;
  }
  return out;
}

const META = ['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp',
  'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields'];
const REF = ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'];

function typedEvent(e: KubeObject): Obj {
  const o = e as unknown as Obj;
  const series = o.series ? ordered(rec(o.series), ['count', 'lastObservedTime']) : undefined;
  return ordered({
    ...o, kind: 'Event', apiVersion: 'v1',
    metadata: ordered(rec(o.metadata), META, { creationTimestamp: null }),
    involvedObject: ordered(rec(o.involvedObject), REF),
    source: ordered(rec(o.source), ['component', 'host']),
    series, related: o.related ? ordered(rec(o.related), REF) : undefined,
  }, ['kind', 'apiVersion', 'metadata', 'involvedObject', 'reason', 'message', 'source', 'firstTimestamp', 'lastTimestamp',
    'count', 'type', 'eventTime', 'series', 'action', 'related', 'reportingComponent', 'reportingInstance'],
  { metadata: {}, involvedObject: {}, source: {}, firstTimestamp: null, lastTimestamp: null, eventTime: null,
    reportingComponent: '', reportingInstance: '' });
}

/** The corev1.EventList kubectl events prints, items in the order given. */
export function typedEventList(items: KubeObject[]): KubeObject {
  return { kind: 'EventList', apiVersion: 'v1', metadata: {}, items: items.map(typedEvent) } as unknown as KubeObject;
}
