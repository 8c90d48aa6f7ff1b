/**
 * `kubectl get -w / --watch-only` (get.go watch): print the current objects, then one row per
 * change with the same remembered column widths and no new header, until cancelled. The live
 * part is handed to the caller as a 'stream' InteractiveRequest.
 */
import type { KubeObject, ResourceInfo, WatchEventType } from '../../cluster/api/types.js';
import { KubectlError } from '../errors.js';
import { renderObject, stripManagedFields, type OutputFormat } from '../printers/output.js';
import { tableRows, type HumanTableOptions } from '../printers/table-printer.js';
import { TabWriter } from '../printers/tabwriter.js';
import type { Invocation } from '../registry.js';
import { kindPrefix, parseResourceArgs, refOf, withTypeMeta } from '../resources.js';
import { buildTable } from '../tables/index.js';

export async function watchGet(inv: Invocation, format: OutputFormat, allNamespaces: boolean): Promise<number | void> {
  const { api } = inv.ctx;
  const parsed = parseResourceArgs(api, inv.args);
  let info: ResourceInfo, name: string | undefined;
  if (parsed.kind === 'types') {
    if (parsed.infos.length !== 1) throw new KubectlError('you may only specify a single resource type');
    info = parsed.infos[0]!;
  } else if (parsed.kind === 'names') {
    if (parsed.items.length !== 1) throw new KubectlError(`watch is only supported on individual resources and resource collections, but ${parsed.items.length} resources were found`);
    info = parsed.items[0]!.info; name = parsed.items[0]!.name;
  } else throw new KubectlError('you may only specify a single resource type');

  const ns = info.namespaced && !allNamespaces ? inv.namespace : undefined;
  const label = inv.flags.string('selector') || undefined;
  const fields = [inv.flags.string('field-selector'), name ? `metadata.name=${name}` : ''].filter((s) => s !== '').join(',') || undefined;
  if (name) api.get(refOf(info), ns, name); // NotFound before watching, as kubectl's initial GET
  const list = api.list(refOf(info), ns, { labelSelector: label, fieldSelector: fields });

  const showEvents = inv.flags.bool('output-watch-events');
  const w = new TabWriter();
  let headerDone = inv.flags.bool('no-headers');
  const opts = (eventType?: string): HumanTableOptions => ({
    wide: format.kind === 'table' && format.wide, noHeaders: true, withNamespace: allNamespaces && info.namespaced,
    showLabels: inv.flags.bool('show-labels'), labelColumns: inv.flags.strings('label-columns'),
    kindPrefix: inv.flags.bool('show-kind') ? kindPrefix(info) : undefined, eventType: showEvents ? eventType ?? 'ADDED' : undefined,
  });
  const render = (objects: KubeObject[], type: WatchEventType): string => {
    if (objects.length === 0) return '';
    const typed = objects.map((o) => withTypeMeta(info, o));
    if (format.kind !== 'table') {
      return typed.map((o) => renderObject(format, stripManagedFields(o, false), () => kindPrefix(info))).join('');
    }
    const table = buildTable(info, typed, inv.ctx.now());
    const rows = tableRows(table, opts(type), !headerDone);
    headerDone = true;
    return w.format(rows);
  };

  if (!inv.flags.bool('watch-only')) inv.ctx.stdout(render(list.items, 'ADDED'));
  if (!inv.ctx.interact) return 0;
  return inv.ctx.interact({
    kind: 'stream',
    start(write) {
      return api.watch(refOf(info), ns, { labelSelector: label, fieldSelector: fields }, (e) => {
        const text = render([e.object], e.type);
        if (text) write(text);
      });
    },
  });
}
