/**
 * -o custom-columns=HEADER:.path,... and custom-columns-file (cli-runtime printers/customcolumn.go):
 * a client-side table with kubectl's tabwriter; `<none>` for missing values, `<nil>` for nulls; several values
 * of one path joined by `,`.
 */
import type { KubeObject } from '../../cluster/api/types.js';
import { KubectlError } from '../errors.js';
import { show } from './go-template.js';
import { evalPath } from './jsonpath.js';
import { formatTable } from './tabwriter.js';

export interface Column { header: string; path: string }

export function parseCustomColumns(spec: string, fromFile: boolean): Column[] {
  if (fromFile) {
    // File form: first line headers, second line paths, separated by whitespace.
    const lines = spec.split('\n').filter((l) => l.trim() !== '');
    if (lines.length !== 2) throw new KubectlError(`invalid template format, expected 2 lines, found ${lines.length}`);
    const headers = lines[0]!.trim().split(/\s+/), paths = lines[1]!.trim().split(/\s+/);
    if (headers.length !== paths.length) throw new KubectlError(`number of headers (${headers.length}) and field specifications (${paths.length}) don't match`);
    return headers.map((h, i) => ({ header: h, path: paths[i]! }));
  }
  return spec.split(',').map((part) => {
    const i = part.indexOf(':');
    if (i < 0) throw new KubectlError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, i), path: part.slice(i + 1) };
  });
}

/** customcolumn.go prints each value with `%v` (a null is `<nil>`; only a missing one is `<none>`). */
const cell = (v: unknown): string => show(v, true);

export function customColumnsPrinter(spec: string, items: readonly KubeObject[], noHeaders: boolean): string {
  const fromFile = spec.startsWith('file:');
  const cols = parseCustomColumns(fromFile ? spec.slice(5) : spec, fromFile);
  const rows: string[][] = noHeaders ? [] : [cols.map((c) => c.header)];
  for (const o of items) {
    rows.push(cols.map((c) => {
      const vals = evalPath(c.path, o).filter((v) => v !== undefined);
      return vals.length ? vals.map(cell).join(',') : '<none>';
    }));
  }
  return formatTable(rows);
}
