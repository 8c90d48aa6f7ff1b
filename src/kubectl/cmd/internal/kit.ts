/**
 * What E's verbs need from the kubectl framework, behind one small interface: resource
 * resolution, -f objects, dry-run, success lines and object printing. Most of it delegates
 * to the framework (builder.ts, resources.ts, printers/print-obj.ts).
 */
import type { ApiClient, KubeObject, ResourceInfo, ResourceRef } from '../../../cluster/api/types.js';
import { ApiError } from '../../../cluster/api/types.js';
import { readManifests as builderRead, type ManifestItem } from '../../builder.js';
import { KubectlError, UsageError } from '../../errors.js';
import type { FlagSpec } from '../../flags.js';
import { printFlags } from '../../printers/output.js';
import { dryRunStrategy, printObj, type DryRun } from '../../printers/print-obj.js';
import type { Invocation } from '../../registry.js';
import { refOf as frameworkRefOf, resolveResource } from '../../resources.js';
import { goJson } from './gojson.js';

export type { DryRun, ManifestItem };
export { filenameFlags, validateFlag } from '../../builder.js';
export { dryRunFlag } from '../../printers/print-obj.js';

/** -o and its companions, as every object-printing verb has them. */
export const outputFlags: FlagSpec[] = printFlags;
export const selectorFlag: FlagSpec = { name: 'selector', short: 'l', type: 'string', default: '' };

export function refOf(info: ResourceInfo): ResourceRef { return frameworkRefOf(info); }

export function resolveType(api: ApiClient, typed: string): ResourceInfo { return resolveResource(api.discovery(), typed); }

export function dryRunOf(inv: Invocation): DryRun { return dryRunStrategy(inv); }

/** Objects from -f/-R (path errors throw; per-object errors are returned). */
export function readManifests(inv: Invocation): { items: ManifestItem[]; errors: unknown[] } {
  return builderRead(inv);
}

/**
 * name printer with an operation, or the object with -o. `typed` marks an object kubectl built
 * itself as a Go struct (generators with --dry-run=client): -o json then keeps struct field
 * order, which the objects' key insertion order follows, instead of sorted map keys.
 */
export function printOp(inv: Invocation, obj: KubeObject, info: ResourceInfo | undefined, op: string, dryRun: DryRun, typed = false): void {
  if (typed && inv.flags.string('output') === 'json') {
    inv.ctx.stdout(`${JSON.stringify(obj, null, 4).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')}\n`);
    return;
  }
  printObj(inv, obj, op, { info, dryRun });
}

/** AddSourceToErr: `error when <verb> "<file>": <message>` on the server's message. */
export function addSourceToErr(verb: string, source: string, err: unknown): unknown {
  if (!source) return err;
  if (err instanceof ApiError) {
    return new ApiError({ ...err.status, message: `error when ${verb} ${goQuote(source)}: ${err.status.message}` });
  }
  const msg = err instanceof Error ? err.message : String(err);
  return new KubectlError(`error when ${verb} ${goQuote(source)}: ${msg}`);
}

/** Go's %q for ordinary text. */
export function goQuote(s: string): string { return goJson(s).replace(/\\u003c/g, '<').replace(/\\u003e/g, '>').replace(/\\u0026/g, '&'); }

export function usage(inv: Invocation, msg: string): UsageError { return new UsageError(msg, inv.commandPath); }

export function clone<T>(v: T): T { return JSON.parse(JSON.stringify(v)) as T; }

/** Throw what a Visit with ContinueOnError returns: nothing, the one error, or an aggregate. */
export { throwCollected } from './errors.js';
