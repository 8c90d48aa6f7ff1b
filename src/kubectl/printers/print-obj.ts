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

/** cmdutil.GetDryRunStrategy, with its texts. A bare `--dry-run` means client and warns. */
export function dryRunStrategy(inv: Invocation): DryRun {
  const v = inv.flags.string('dry-run');
  switch (v) {
    case '': case 'none': case 'false': return 'none';
    case 'client': case 'true': return 'client';
    case 'server': return 'server';
    case 'unchanged': {
      // klog warning line as kubectl writes it (W MMDD HH:MM:SS.uuuuuu PID file:line] msg).
      const d = new Date(inv.ctx.now());
      const p = (n: number, w = 2): string => String(n).padStart(w, '0');
      inv.ctx.stderr(`W${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds() * 1000, 6)}   12345 helpers.go:703] --dry-run is deprecated and can be replaced with --dry-run=client.\n`);
      return 'client';
    }
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
