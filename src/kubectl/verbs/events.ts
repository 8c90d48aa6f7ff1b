/**
 * `kubectl events` (kubectl pkg/cmd/events): a client-side table of core/v1 Events, sorted by
 * time with Go's unstable sort, OBJECT as `Kind/name`, `--for TYPE/NAME`, `--types`, `-w`.
 */
import type { KubeObject } from '../../cluster/api/types.js';
import { KubectlError } from '../errors.js';
import { goSort } from '../gosort.js';
import { ageSince, parseTime } from '../printers/duration.js';
import { printFlags } from '../printers/output.js';
import { objectOutput } from '../printers/print-obj.js';
import { renderObject } from '../printers/output.js';
import { typedEventList } from './event-list.js';
import { cellText } from '../printers/table-printer.js';
import { TabWriter } from '../printers/tabwriter.js';
import type { VerbSpec } from '../registry.js';
import { resolveResource } from '../resources.js';
import { dig, num, str } from '../tables/helpers.js';

const EVENTS = { group: '', resource: 'events' };

/** eventTime: series last observation, else lastTimestamp, else eventTime. */
function eventTime(e: KubeObject): number {
  return parseTime(dig(e, 'series', 'lastObservedTime')) ?? parseTime(e.lastTimestamp) ?? parseTime(e.eventTime) ?? 0;
}

function interval(e: KubeObject, now: number): string {
  const first = e.eventTime ? ageSince(e.eventTime, now) : ageSince(e.firstTimestamp, now);
  if (e.series) return `${ageSince(dig(e, 'series', 'lastObservedTime'), now)} (x${num(dig(e, 'series', 'count'))} over ${first})`;
  if (num(e.count) > 1) return `${ageSince(e.lastTimestamp, now)} (x${num(e.count)} over ${first})`;
  return first;
}

function row(e: KubeObject, now: number, allNamespaces: boolean): string[] {
  return [...(allNamespaces ? [e.metadata?.namespace ?? ''] : []), interval(e, now), cellText(str(e.type)), cellText(str(e.reason)),
    `${cellText(str(dig(e, 'involvedObject', 'kind')))}/${cellText(str(dig(e, 'involvedObject', 'name')))}`, cellText(str(e.message).trim())];
}

/** -o for events: its own printer flags list the allowed formats without spaces. */
function eventsOutput(inv: Parameters<typeof objectOutput>[0]): ReturnType<typeof objectOutput> {
  try { return objectOutput(inv); } catch (e) {
    if (e instanceof KubectlError && e.message.includes('allowed formats are: ')) throw new KubectlError(e.message.replace(/allowed formats are: .*/, (m) => m.replace(/, /g, ',')));
    throw e;
  }
}

export const eventsVerb: VerbSpec = {
  name: 'events',
  group: 'troubleshooting',
  short: 'List events',
  usage: 'kubectl events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning]',
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
    { name: 'chunk-size', type: 'int', default: 500 },
    { name: 'for', type: 'string', default: '' },
    { name: 'no-headers', type: 'bool', default: false },
    ...printFlags,
    { name: 'types', type: 'stringSlice', default: [] },
    { name: 'watch', short: 'w', type: 'bool', default: false },
  ],
  async run(inv) {
    const { api } = inv.ctx;
    const allNamespaces = inv.flags.bool('all-namespaces');
    const types = inv.flags.strings('types').map((t) => t.trim());
    for (const t of types) {
      if (!['normal', 'warning'].includes(t.toLowerCase())) throw new KubectlError(`valid --types are Normal or Warning`);
    }
    const format = eventsOutput(inv);
    let fieldSelector: string | undefined;
    const forArg = inv.flags.string('for');
    if (forArg) {
      const slash = forArg.indexOf('/');
      if (slash <= 0 || slash === forArg.length - 1) throw new KubectlError('--for must be in resource/name form');
      const info = resolveResource(api.discovery(), forArg.slice(0, slash), true);
      // kubectl 1.33 also pins the apiVersion (so kubelet's Node events, whose reference has none, do not match).
      const apiVersion = info.group ? `${info.group}/${info.version}` : info.version;
      fieldSelector = `involvedObject.kind=${info.kind},involvedObject.apiVersion=${apiVersion},involvedObject.name=${forArg.slice(slash + 1)}`;
    }
    const list = api.list(EVENTS, allNamespaces ? undefined : inv.namespace, { fieldSelector });
    let items = list.items.filter((e) => types.length === 0 || types.some((t) => t.toLowerCase() === str(e.type).toLowerCase()));
    items = goSort([...items], (a, b) => eventTime(a) < eventTime(b));
    if (format) {
      // kubectl prints the typed EventList, whatever the format (even for one event); its name
      // printer finds no kind on the typed items and prints nothing.
      if (format.kind !== 'name') inv.ctx.stdout(renderObject(format, typedEventList(items), () => 'event', true));
      return;
    }
    const now = inv.ctx.now();
    const w = new TabWriter();
    const header = [...(allNamespaces ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
    if (items.length === 0 && !inv.flags.bool('watch')) {
      inv.ctx.stderr(allNamespaces ? 'No events found.\n' : `No events found in ${inv.namespace} namespace.\n`);
      return;
    }
    let headerDone = inv.flags.bool('no-headers');
    const render = (evs: KubeObject[]): string => {
      const rows = evs.map((e) => row(e, inv.ctx.now(), allNamespaces));
      if (!headerDone) { rows.unshift(header); headerDone = true; }
      return w.format(rows);
    };
    void now;
    if (items.length) inv.ctx.stdout(render(items));
    if (!inv.flags.bool('watch') || !inv.ctx.interact) return;
    return inv.ctx.interact({
      kind: 'stream',
      start(write) {
        return api.watch(EVENTS, allNamespaces ? undefined : inv.namespace, { fieldSelector }, (e) => {
          if (e.type === 'DELETED') return;
          if (types.length && !types.some((t) => t.toLowerCase() === str(e.object.type).toLowerCase())) return;
          write(render([e.object]));
        });
      },
    });
  },
};
