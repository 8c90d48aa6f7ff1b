/**
 * What mutating verbs print for each object (cli-runtime printers/name.go with an operation,
 * kubectl cmd/util PrintFlagsWithDryRunStrategy): `pod/nginx created`, `... (dry run)`,
 * `... (server dry run)`, or the object in the -o format.
 */
import type { KubeObject, ResourceInfo } from '../../cluster/api/types.js';
import { KubectlError } from '../errors.js';
import type { FlagSpec } from '../flags.js';
import type { Invocation } from '../registry.js';
import { kindPrefix } from '../resources.js';
import { asList, parseOutput, renderObject, stripManagedFields, type OutputFormat } from './output.js';

export type DryRun = 'none' | 'client' | 'server';

export const dryRunFlag: FlagSpec = { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged' };

/** klog.Warning line as kubectl writes it: `W<MMDD> <hh:mm:ss.uuuuuu> <pid> <file:line>] <msg>`. */
function klogWarning(inv: Invocation, where: string, msg: string): void {
  const d = new Date(inv.ctx.now());
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  inv.ctx.stderr(`W${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds() * 1000, 6)}   12345 ${where}] ${msg}\n`);
}

/** strconv.ParseBool's accepted spellings. */
const GO_BOOL: Readonly<Record<string, boolean>> = { 1: true, t: true, T: true, TRUE: true, true: true, True: true,
  0: false, f: false, F: false, FALSE: false, false: false, False: false };

/**
 * cmdutil.GetDryRunStrategy (kubectl 1.33 helpers.go:703-720), with its texts: a bare `--dry-run`
 * and boolean values still work but warn; anything else but none/client/server is an error.
 */
export function dryRunStrategy(inv: Invocation): DryRun {
  const v = inv.flags.string('dry-run');
  const b = GO_BOOL[v];
  if (b !== undefined) {
    klogWarning(inv, b ? 'helpers.go:717' : 'helpers.go:720',
      `--dry-run=${v} is deprecated (boolean value) and can be replaced with --dry-run=${b ? 'client' : 'none'}.`);
    return b ? 'client' : 'none';
  }
  switch (v) {
    case dryRunFlag.noOptDefault:
      klogWarning(inv, 'helpers.go:703', '--dry-run is deprecated and can be replaced with --dry-run=client.');
      return 'client';
    case 'client': return 'client';
    case 'server': return 'server';
    case 'none': return 'none';
    default: throw new KubectlError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
  }
}

/** `-o` for a verb without tables (create, apply, run, expose, label...). undefined = name + operation. */
export function objectOutput(inv: Invocation): OutputFormat | undefined {
  return parseOutput(inv.flags.string('output'), inv.ctx.files, { tables: false, template: inv.flags.string('template') });
}

/** `<kind>[.<group>]/<name>` for an object, from discovery (falls back to its kind). */
export function nameFor(inv: Invocation, obj: KubeObject, info?: ResourceInfo): string {
  const i = info ?? inv.ctx.api.discovery().find((r) => r.kind === obj.kind && (obj.apiVersion ?? '').startsWith(r.group ? `${r.group}/` : 'v'));
  const prefix = i ? kindPrefix(i) : (obj.kind ?? '').toLowerCase();
  return `${prefix}/${obj.metadata?.name ?? ''}`;
}

/**
 * Print one object the way mutating verbs do: with `-o`, the object; otherwise
 * `<kind>/<name> <operation>` plus ` (dry run)` / ` (server dry run)`.
 */
export function printObj(inv: Invocation, obj: KubeObject, operation: string, opts: { info?: ResourceInfo; dryRun?: DryRun; format?: OutputFormat } = {}): void {
  const format = opts.format ?? objectOutput(inv);
  if (format && format.kind !== 'name') {
    inv.ctx.stdout(renderObject(format, stripManagedFields(obj, inv.flags.bool('show-managed-fields')), (o) => nameFor(inv, o).split('/')[0]!));
    return;
  }
  const suffix = format?.kind === 'name' ? '' : ` ${operation}${opts.dryRun === 'client' ? ' (dry run)' : opts.dryRun === 'server' ? ' (server dry run)' : ''}`;
  inv.ctx.stdout(`${nameFor(inv, obj, opts.info)}${suffix}\n`);
}

/** Print several objects as kubectl does for `-o yaml|json` (a List when more than one). */
export function printObjects(inv: Invocation, objs: KubeObject[], format: OutputFormat): void {
  const show = inv.flags.bool('show-managed-fields');
  const items = objs.map((o) => stripManagedFields(o, show));
  const obj = items.length === 1 ? items[0]! : asList(items);
  inv.ctx.stdout(renderObject(format, obj, (o) => nameFor(inv, o).split('/')[0]!));
}
