/**
 * `kubectl get` (kubectl pkg/cmd/get/get.go): resolve types and names (or -f), list or get them,
 * then print human tables (one per resource type, `kind/` prefixes when several types, a blank
 * line between tables) or the generic printers (yaml, json, name, jsonpath, custom-columns).
 */
import { ApiError, type KubeObject, type ResourceInfo } from '../../cluster/api/types.js';
import { filenameFlags, readManifests } from '../builder.js';
import { AggregateError, KubectlError, UsageError } from '../errors.js';
import type { FlagSpec } from '../flags.js';
import { customColumnsPrinter } from '../printers/custom-columns.js';
import { asList, parseOutput, printFlags, renderObject, stripManagedFields, type OutputFormat } from '../printers/output.js';
import { objectMetaTable, printHumanTable, type HumanTableOptions } from '../printers/table-printer.js';
import { ageSince } from '../printers/duration.js';
import { SortFieldMissing, sortExpression, sortObjects } from '../printers/sort-by.js';
import { TabWriter } from '../printers/tabwriter.js';
import type { Invocation, VerbSpec } from '../registry.js';
import { kindPrefix, parseResourceArgs, refOf, withTypeMeta } from '../resources.js';
import { buildTable } from '../tables/index.js';
import { getRaw } from './get-raw.js';
import { watchGet } from './get-watch.js';

const getFlags: FlagSpec[] = [
  { name: 'all-namespaces', short: 'A', type: 'bool', default: false, usage: 'List objects in every namespace (adds a NAMESPACE column).' },
  { name: 'chunk-size', type: 'int', default: 500, usage: 'Fetch large lists in pages of this size; 0 fetches all at once.' },
  { name: 'field-selector', type: 'string', default: '', usage: 'Filter by fields, e.g. status.phase=Running (=, == and != are supported).' },
  ...filenameFlags,
  { name: 'ignore-not-found', type: 'bool', default: false, usage: 'Print nothing, and succeed, when the named objects do not exist.' },
  { name: 'label-columns', short: 'L', type: 'stringSlice', default: [], usage: 'Add a column with the value of each of these labels.' },
  { name: 'no-headers', type: 'bool', default: false, usage: 'Leave out the header line of tables.' },
  ...printFlags,
  { name: 'output-watch-events', type: 'bool', default: false, usage: 'With --watch, start each line with the event type (ADDED, MODIFIED, DELETED).' },
  { name: 'raw', type: 'string', default: '', usage: 'Print the API server response for this URL path.' },
  { name: 'selector', short: 'l', type: 'string', default: '', usage: 'Filter by labels, e.g. -l app=nginx,tier!=db.' },
  { name: 'server-print', type: 'bool', default: true, usage: 'Use the table the server describes (kubectl always does here).' },
  { name: 'show-kind', type: 'bool', default: false, usage: 'Prefix each name with its kind.' },
  { name: 'show-labels', type: 'bool', default: false, usage: 'Add a LABELS column with every label.' },
  { name: 'sort-by', type: 'string', default: '', usage: 'Sort by the value of this JSONPath, e.g. .metadata.name.' },
  { name: 'subresource', type: 'string', default: '', usage: 'Read this subresource (status, scale) instead of the object.' },
  { name: 'watch', short: 'w', type: 'bool', default: false, usage: 'After the list, keep printing objects as they change.' },
  { name: 'watch-only', type: 'bool', default: false, usage: 'Print only changes, not the current list.' },
];

/** One result group: the objects of one resource type (a list, or named gets in a row). */
export interface GetResult { info: ResourceInfo; objects: KubeObject[]; namespaced: boolean }

/**
 * cli-runtime EnhanceListError (selector.go): BadRequest/NotFound from a list get the
 * "Unable to ..." wrapper. Every verb that lists through the builder (get, describe) uses it.
 */
export function wrapListError(e: unknown, info: ResourceInfo, label: string, field: string): unknown {
  if (!(e instanceof ApiError) || (e.code !== 400 && e.code !== 404)) return e;
  const gvr = `${info.group}/${info.version}, Resource=${info.plural}`;
  const message = label === '' && field === ''
    ? `Unable to list "${gvr}": ${e.message}`
    : `Unable to find "${gvr}" that match label selector "${label}", field selector "${field}": ${e.message}`;
  return new ApiError({ ...e.status, message });
}

/** `infos`: how many results kubectl's builder returned (a list per type, one per named object). */
interface Fetched { groups: GetResult[]; errors: unknown[]; singleItemImplied: boolean; infos: number }

function fetch(inv: Invocation, allNamespaces: boolean): Fetched {
  const { api } = inv.ctx;
  const label = inv.flags.string('selector'), field = inv.flags.string('field-selector');
  const ignoreNotFound = inv.flags.bool('ignore-not-found');
  const errors: unknown[] = [];
  const groups: GetResult[] = [];
  const push = (info: ResourceInfo, o: KubeObject | undefined): void => {
    const last = groups[groups.length - 1];
    const g = last && last.info === info ? last : (groups.push({ info, objects: [], namespaced: info.namespaced }), groups[groups.length - 1]!);
    if (o) g.objects.push(withTypeMeta(info, o));
  };
  const getNamed = (info: ResourceInfo, ns: string | undefined, name: string): void => {
    try { push(info, api.get(refOf(info), info.namespaced ? ns : undefined, name)); } catch (e) {
      if (e instanceof ApiError && e.code === 404 && ignoreNotFound) return;
      errors.push(e);
    }
  };

  const filenames = inv.flags.strings('filename');
  if (filenames.length > 0) {
    const { items, errors: fileErrors } = readManifests(inv);
    for (const it of items) getNamed(it.info, it.namespace, it.name);
    // The builder's errors arrive as one aggregate inside get's own: printed without `error: `.
    const builderErrors = [...fileErrors, ...errors.splice(0)];
    if (builderErrors.length) errors.push(new AggregateError(builderErrors));
    const single = filenames.length === 1 && filenames[0] !== '-' && !inv.ctx.files.isDir(filenames[0]!) && items.length === 1;
    return { groups, errors, singleItemImplied: single, infos: groups.reduce((n, g) => n + g.objects.length, 0) };
  }
  const parsed = parseResourceArgs(api, inv.args);
  if (parsed.kind === 'names') {
    if (inv.args.some((a) => a.includes('/'))) {
      if (label !== '' || field !== '') throw new KubectlError('selectors and the all flag cannot be used when passing resource/name arguments');
    } else if (label !== '' || field !== '') throw new KubectlError('name cannot be provided when a selector is specified');
    if (allNamespaces) throw new KubectlError('a resource cannot be retrieved by name across all namespaces');
    for (const it of parsed.items) getNamed(it.info, inv.namespace, it.name);
    return { groups, errors, singleItemImplied: parsed.items.length === 1, infos: groups.reduce((n, g) => n + g.objects.length, 0) };
  }
  if (parsed.kind === 'types') {
    for (const info of parsed.infos) {
      const ns = info.namespaced && !allNamespaces ? inv.namespace : undefined;
      try {
        const list = api.list(refOf(info), ns, { labelSelector: label || undefined, fieldSelector: field || undefined });
        push(info, undefined);
        for (const o of list.items) push(info, o);
      } catch (e) { throw wrapListError(e, info, label, field); }
    }
  }
  return { groups, errors, singleItemImplied: false, infos: groups.length };
}

function printGeneric(inv: Invocation, format: OutputFormat, fetched: Fetched): void {
  const show = inv.flags.bool('show-managed-fields');
  let objects = fetched.groups.flatMap((g) => g.objects.map((o) => ({ o: stripManagedFields(o, show), info: g.info })));
  const sortBy = inv.flags.string('sort-by');
  if (sortBy) {
    const sorted = sortObjects(objects.map((x) => x.o), sortBy);
    objects = sorted.map((o) => objects.find((x) => x.o === o)!);
  }
  const prefix = (o: KubeObject): string => {
    const hit = objects.find((x) => x.o === o);
    return hit ? kindPrefix(hit.info) : (o.kind ?? '').toLowerCase();
  };
  if (format.kind === 'custom-columns') {
    if (objects.length) inv.ctx.stdout(customColumnsPrinter(format.spec, objects.map((x) => x.o), inv.flags.bool('no-headers')));
    return;
  }
  if (format.kind === 'name') {
    inv.ctx.stdout(objects.map((x) => `${kindPrefix(x.info)}/${x.o.metadata?.name ?? ''}\n`).join(''));
    return;
  }
  if (objects.length === 0 && fetched.errors.length > 0) return;
  const single = fetched.singleItemImplied && objects.length === 1;
  inv.ctx.stdout(renderObject(format, single ? objects[0]!.o : asList(objects.map((x) => x.o)), prefix));
}

function printTables(inv: Invocation, wide: boolean, fetched: Fetched, allNamespaces: boolean): void {
  const now = inv.ctx.now();
  const w = new TabWriter();
  let written = false, first = true;
  const printWithKind = inv.flags.bool('show-kind') || new Set(fetched.groups.map((g) => `${g.info.group}/${g.info.kind}`)).size > 1;
  let allNamespaced = !allNamespaces;
  const sortBy = inv.flags.string('sort-by');
  // Several results (types or named objects) are sorted as Table objects, which have no such field.
  if (sortBy && fetched.infos > 1) throw new SortFieldMissing(sortExpression(sortBy));
  for (const g of fetched.groups) {
    allNamespaced = allNamespaced && g.namespaced;
    const opts: HumanTableOptions = {
      wide, noHeaders: inv.flags.bool('no-headers'), withNamespace: allNamespaces && g.namespaced,
      showLabels: inv.flags.bool('show-labels'), labelColumns: inv.flags.strings('label-columns'),
      kindPrefix: printWithKind ? kindPrefix(g.info) : undefined,
    };
    w.reset();
    let objects = g.objects;
    if (sortBy) {
      // The table sorter's "field not found" error is swallowed: the table just prints nothing.
      try { objects = sortObjects(g.objects, sortBy); } catch (e) { if (!(e instanceof SortFieldMissing)) throw e; objects = []; }
    }
    // --server-print=false: kubectl's own NAME/AGE columns (what it shows when a server has no tables).
    const table = inv.flags.bool('server-print') ? buildTable(g.info, objects, now) : objectMetaTable(objects, (o) => ageSince(o.metadata?.creationTimestamp, now));
    const text = printHumanTable(table, opts, w);
    if (text === '') continue;
    if (!first && !opts.noHeaders && written) inv.ctx.stdout('\n');
    inv.ctx.stdout(text);
    written = true;
    first = false;
  }
  if (!written && !inv.flags.bool('ignore-not-found') && fetched.errors.length === 0) {
    inv.ctx.stderr(allNamespaced ? `No resources found in ${inv.namespace} namespace.\n` : 'No resources found\n');
  }
}

async function runGet(inv: Invocation): Promise<number | void> {
  const hasFiles = inv.flags.strings('filename').length > 0 || inv.flags.string('kustomize') !== '';
  if (inv.args.length === 0 && !hasFiles && inv.flags.string('raw') === '') {
    inv.ctx.stderr('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
    throw new UsageError('Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).', inv.commandPath);
  }
  const raw = inv.flags.string('raw');
  if (raw !== '') {
    if (inv.args.length) throw new KubectlError('arguments may not be passed when --raw is specified');
    inv.ctx.stdout(getRaw(inv.ctx.api, raw));
    return;
  }
  const format = parseOutput(inv.flags.string('output'), inv.ctx.files, { tables: true, template: inv.flags.string('template') })!;
  const allNamespaces = inv.flags.bool('all-namespaces');
  const watching = inv.flags.bool('watch') || inv.flags.bool('watch-only');
  if (inv.flags.bool('output-watch-events') && !watching) throw new KubectlError('--output-watch-events option can only be used with --watch or --watch-only');
  if (watching) return watchGet(inv, format, allNamespaces);
  const fetched = fetch(inv, allNamespaces);
  if (format.kind === 'table') printTables(inv, format.wide, fetched, allNamespaces);
  else printGeneric(inv, format, fetched);
  if (fetched.errors.length) throw new AggregateError(fetched.errors);
}

export const getVerb: VerbSpec = {
  name: 'get',
  group: 'basic-intermediate',
  short: 'Display one or many resources',
  usage: 'kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  flags: getFlags,
  run: runGet,
};
