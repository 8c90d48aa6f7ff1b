/**
 * events.k8s.io/v1 Event is another view of the core v1 Event storage
 * (pkg/apis/events/v1/conversion.go): regarding = involvedObject, note = message,
 * reportingController = reportingComponent, deprecated* = source/firstTimestamp/lastTimestamp/count.
 */
import type { KubeObject } from './types.js';

const RENAMES: [core: string, view: string][] = [
  ['involvedObject', 'regarding'], ['message', 'note'], ['reportingComponent', 'reportingController'],
  ['source', 'deprecatedSource'], ['firstTimestamp', 'deprecatedFirstTimestamp'],
  ['lastTimestamp', 'deprecatedLastTimestamp'], ['count', 'deprecatedCount'],
];
const SAME = ['metadata', 'eventTime', 'action', 'reason', 'related', 'series', 'type', 'reportingInstance'];

function move(o: KubeObject, pairs: [string, string][]): KubeObject {
  const out: KubeObject = {};
  for (const [from, to] of pairs) if (o[from] !== undefined && o[from] !== null) out[to] = o[from];
  return out;
}

export function eventToView(core: KubeObject): KubeObject {
  const out: KubeObject = { apiVersion: 'events.k8s.io/v1', kind: 'Event', ...move(core, [...SAME.map((k): [string, string] => [k, k]), ...RENAMES]) };
  if (out.eventTime === undefined) out.eventTime = null;
  return out;
}

export function eventFromView(view: KubeObject): KubeObject {
  return { apiVersion: 'v1', kind: 'Event', ...move(view, [...SAME.map((k): [string, string] => [k, k]), ...RENAMES.map(([c, v]): [string, string] => [v, c])]) };
}
