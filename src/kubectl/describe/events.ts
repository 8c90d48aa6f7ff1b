/**
 * The Events section of describe (describe.go searchEvents, DescribeEvents;
 * pkg/util/event/sorted_event_list.go).
 */
import type { Event } from 'kubernetes-types/core/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import type { ApiClient } from '../../cluster/api/types.js';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer.js';
import { parseTime, timestampSince } from './format.js';
import { goSort } from '../gosort.js';
import { microTimeError } from './microtime.js';

const EVENTS = { group: '', resource: 'events' };

/** What an event's involvedObject must match: reference.GetReference of the described object. */
export interface EventRef { kind?: string; name: string; namespace: string; uid?: string }

export function refFor(obj: { kind?: string; metadata?: ObjectMeta }, kind?: string): EventRef {
  return { kind: kind ?? obj.kind, name: obj.metadata?.name ?? '', namespace: obj.metadata?.namespace ?? '', uid: obj.metadata?.uid };
}

/** fields.Set.AsSelector().String(): keys sorted, values escaped. */
function fieldSelector(ref: EventRef): string {
  const esc = (v: string): string => v.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/=/g, '\\=');
  const terms: [string, string][] = [];
  if (ref.kind) terms.push(['involvedObject.kind', ref.kind]);
  terms.push(['involvedObject.name', ref.name]);
  terms.push(['involvedObject.namespace', ref.namespace]);
  if (ref.uid) terms.push(['involvedObject.uid', ref.uid]);
  return terms.map(([k, v]) => `${k}=${esc(v)}`).join(',');
}

function matches(e: Event, ref: EventRef): boolean {
  const o = e.involvedObject ?? {};
  return (o.name ?? '') === ref.name && (o.namespace ?? '') === ref.namespace &&
    (!ref.kind || o.kind === ref.kind) && (!ref.uid || o.uid === ref.uid);
}

/**
 * searchEvents: events whose involvedObject is `ref`, listed in the object's namespace (all
 * namespaces for cluster-scoped objects). A failed list gives an empty list, as in kubectl.
 */
export function searchEvents(api: ApiClient, ref: EventRef): Event[] {
  try {
    const list = api.list(EVENTS, ref.namespace || undefined, { fieldSelector: fieldSelector(ref) });
    const items = list.items as unknown as Event[];
    // An event whose MicroTime does not decode fails the whole list in client-go.
    if (items.some((e) => microTimeError(e.eventTime) || microTimeError(e.series?.lastObservedTime))) return [];
    // The field selector is the server's job; filtering again keeps a lax server honest.
    return items.filter((e) => matches(e, ref));
  } catch {
    return [];
  }
}

/** sort.Sort(SortableEvents): by lastTimestamp, Go's unstable pdqsort (ties keep Go's order). */
function sortEvents(events: Event[]): Event[] {
  const key = (e: Event): number => parseTime(e.lastTimestamp) ?? Number.NEGATIVE_INFINITY;
  return goSort([...events], (a, b) => key(a) < key(b));
}

/** DescribeEvents. `events` null means the section is not printed (--show-events=false). */
export function describeEvents(events: Event[] | null, w: PrefixWriter, now: number): void {
  if (events === null) return;
  if (events.length === 0) { w.write(LEVEL_0, 'Events:\t<none>\n'); return; }
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sortEvents(events)) {
    const first = e.eventTime ? timestampSince(e.eventTime, now) : timestampSince(e.firstTimestamp, now);
    let interval: string;
    if (e.series) interval = `${timestampSince(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${timestampSince(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    else interval = first;
    const source = e.source?.component || e.reportingComponent || '';
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}
