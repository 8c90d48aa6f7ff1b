/**
 * kubectl's side of human tables (cli-runtime printers/tableprinter.go): drop wide columns unless
 * -o wide, add NAMESPACE (-A), label columns (-L), LABELS (--show-labels), EVENT (watch events),
 * prefix names with `kind/`, upper-case headers, escape and cut cells, then lay out with the tabwriter.
 */
import type { KubeObject } from '../../cluster/api/types.js';
import type { Table } from '../tables/types.js';
import { formatLabels } from '../tables/helpers.js';
import type { TabWriter } from './tabwriter.js';

export interface HumanTableOptions {
  wide: boolean;
  noHeaders: boolean;
  withNamespace: boolean;
  showLabels: boolean;
  labelColumns: string[];
  /** `pod`, `deployment.apps`: prefix for the name column (several kinds, --show-kind). */
  kindPrefix?: string;
  /** ADDED/MODIFIED/DELETED column first (--output-watch-events). */
  eventType?: string;
}

/** Cut at the first line break and add `...`; escape terminal control characters. */
export function cellText(s: string): string {
  const brk = s.search(/[\f\n\r]/);
  const cut = brk >= 0 ? s.slice(0, brk) : s;
  return cut.replace(/\x1b/g, '^[') + (brk >= 0 ? '...' : '');
}

function labelHeader(key: string): string {
  const i = key.lastIndexOf('/');
  return (i >= 0 ? key.slice(i + 1) : key).toUpperCase();
}

const eventCell = (t: string): string => t.padEnd(8);

/** Header plus rows of one table as cell arrays, ready for the tabwriter. */
export function tableRows(table: Table, opts: HumanTableOptions, includeHeader = !opts.noHeaders): string[][] {
  const keep = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.priority === 0 || opts.wide);
  const nameIndex = table.columns.findIndex((c) => c.name === 'Name');
  const rows: string[][] = [];
  if (includeHeader) {
    rows.push([
      ...(opts.eventType !== undefined ? ['EVENT'] : []),
      ...(opts.withNamespace ? ['NAMESPACE'] : []),
      ...keep.map(({ c }) => c.name.toUpperCase()),
      ...opts.labelColumns.map(labelHeader),
      ...(opts.showLabels ? ['LABELS'] : []),
    ]);
  }
  for (const row of table.rows) {
    const labels = row.object.metadata?.labels ?? {};
    rows.push([
      ...(opts.eventType !== undefined ? [eventCell(opts.eventType)] : []),
      ...(opts.withNamespace ? [row.object.metadata?.namespace ?? ''] : []),
      ...keep.map(({ i }) => {
        const v = cellText(row.cells[i] ?? '');
        return i === nameIndex && opts.kindPrefix ? `${opts.kindPrefix}/${v}` : v;
      }),
      ...opts.labelColumns.map((k) => labels[k] ?? ''),
      ...(opts.showLabels ? [formatLabels(labels)] : []),
    ]);
  }
  return rows;
}

/** Print a table through a (width-remembering) tabwriter; an empty table prints nothing. */
export function printHumanTable(table: Table, opts: HumanTableOptions, w: TabWriter): string {
  if (table.rows.length === 0) return '';
  return w.format(tableRows(table, opts));
}

/** kubectl's own NAME/AGE table for objects the server has no table for (objectMetaColumnDefinitions). */
export function objectMetaTable(objects: KubeObject[], age: (o: KubeObject) => string): Table {
  return {
    columns: [{ name: 'Name', priority: 0 }, { name: 'Age', priority: 0 }],
    rows: objects.map((object) => ({ cells: [object.metadata?.name ?? '', age(object)], object })),
  };
}
