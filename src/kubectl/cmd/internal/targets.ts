/**
 * Resolving `TYPE NAME...`, `TYPE/NAME...`, `TYPE1,TYPE2 NAME`, `TYPE -l sel`, `TYPE --all`
 * and -f into objects to act on (cli-runtime resource builder: ResourceTypeOrNameArgs,
 * LabelSelectorParam, SelectAllParam, FilenameParam).
 */
import type { KubeObject, ResourceInfo } from '../../../cluster/api/types.js';
import { KubectlError } from '../../errors.js';
import type { Invocation } from '../../registry.js';
import { readManifests, refOf, resolveType } from './kit.js';

export interface Target {
  info: ResourceInfo;
  namespace: string | undefined;
  name: string;
  /** The file it came from (for `error when deleting "f.yaml"`), '' for arguments. */
  source: string;
  /** Present when the builder fetched it (selectors, or requireObject). */
  object?: KubeObject;
}

export const MISSING_RESOURCES = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

export interface TargetOptions {
  /** Fetch every named object (a NotFound becomes an error for that name). */
  requireObject: boolean;
  selector?: string;
  all?: boolean;
  allNamespaces?: boolean;
  fieldSelector?: string;
}

/** Targets in argument order. Errors for single names are returned, not thrown (ContinueOnError). */
export function resolveTargets(inv: Invocation, args: string[], opts: TargetOptions): { targets: Target[]; errors: unknown[] } {
  const api = inv.ctx.api;
  const targets: Target[] = [], errors: unknown[] = [];
  const files = inv.flags.has('filename') ? inv.flags.strings('filename') : [];
  if (files.length > 0) {
    if (args.length > 0) throw new KubectlError('Unexpected args: ' + `[${args.join(' ')}]`);
    const read = readManifests(inv);
    errors.push(...read.errors);
    for (const { info, namespace, name, source } of read.items) targets.push({ info, namespace, name, source });
    if (opts.requireObject) fetchAll(inv, targets, errors);
    return { targets, errors };
  }
  if (args.length === 0) throw new KubectlError(MISSING_RESOURCES);
  const ns = (info: ResourceInfo): string | undefined => (info.namespaced ? (opts.allNamespaces ? undefined : inv.namespace) : undefined);
  if (args.some((a) => a.includes('/'))) {
    for (const a of args) {
      const slash = a.indexOf('/');
      if (slash < 0) throw new KubectlError(`there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. '${inv.commandPath} resource/<resource_name>' instead of '${inv.commandPath} resource resource/<resource_name>'`);
      const info = resolveType(api, a.slice(0, slash));
      const name = a.slice(slash + 1);
      if (!name) throw new KubectlError(`arguments in resource/name form must have a single resource and name`);
      targets.push({ info, namespace: ns(info), name, source: '' });
    }
    if (opts.requireObject) fetchAll(inv, targets, errors);
    return { targets, errors };
  }
  const types = args[0]!.split(',').filter((t) => t !== '').map((t) => resolveType(api, t));
  const names = args.slice(1);
  if (names.length > 0) {
    if (opts.selector) throw new KubectlError('name cannot be provided when a selector is specified');
    if (opts.all) throw new KubectlError('name cannot be provided when --all is specified');
    for (const info of types) for (const name of names) targets.push({ info, namespace: ns(info), name, source: '' });
    if (opts.requireObject) fetchAll(inv, targets, errors);
    return { targets, errors };
  }
  if (!opts.selector && !opts.all && opts.fieldSelector === undefined) {
    throw new KubectlError('resource(s) were provided, but no name was specified');
  }
  for (const info of types) {
    const list = api.list(refOf(info), ns(info), { labelSelector: opts.selector || undefined, fieldSelector: opts.fieldSelector || undefined });
    for (const item of list.items) {
      targets.push({ info, namespace: item.metadata?.namespace ?? undefined, name: item.metadata?.name ?? '', source: '', object: item });
    }
  }
  return { targets, errors };
}

function fetchAll(inv: Invocation, targets: Target[], errors: unknown[]): void {
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i]!;
    try { t.object = inv.ctx.api.get(refOf(t.info), t.namespace, t.name); } catch (err) {
      errors.push(err);
      targets.splice(i--, 1);
    }
  }
}
