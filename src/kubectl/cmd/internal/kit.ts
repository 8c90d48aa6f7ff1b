/**
 * What E's verbs need from the kubectl framework, behind one small interface: resource
 * resolution, reading -f files, success lines and object printing. Verbs import only this
 * file, so when the framework's own helpers land, only this file changes.
 */
import type { ApiClient, KubeObject, ResourceInfo, ResourceRef } from '../../../cluster/api/types.js';
import { ApiError } from '../../../cluster/api/types.js';
import { KubectlError, NoResourceMatchError, UsageError } from '../../errors.js';
import type { FlagSpec } from '../../flags.js';
import type { Invocation } from '../../registry.js';
import { loadManifests, type SourcedObject } from './manifests.js';
import { toYaml } from './yaml-out.js';
import { goJson } from './gojson.js';

export type DryRun = 'none' | 'client' | 'server';

export function refOf(info: ResourceInfo): ResourceRef { return { group: info.group, resource: info.plural }; }

/** `pods`, `deployments.apps`: how the server names a resource in messages. */
export function qualifiedPlural(info: ResourceInfo): string { return info.group ? `${info.plural}.${info.group}` : info.plural; }

/** Resolve a user-typed type (`po`, `deployment`, `deployments.apps`, `deploy.v1.apps`). */
export function resolveType(api: ApiClient, typed: string): ResourceInfo {
  const lower = typed.toLowerCase();
  const all = api.discovery();
  const dot = lower.indexOf('.');
  const name = dot >= 0 ? lower.slice(0, dot) : lower;
  const rest = dot >= 0 ? lower.slice(dot + 1) : undefined;
  const matchesName = (r: ResourceInfo): boolean => r.plural === name || r.singular === name || r.shortNames.includes(name) || r.kind.toLowerCase() === name;
  const matchesGroup = (r: ResourceInfo): boolean => rest === undefined || r.group === rest || `${r.version}.${r.group}` === rest || (rest === r.version && r.group === '');
  const hit = all.find((r) => matchesName(r) && matchesGroup(r) && !r.plural.includes('/'));
  if (!hit) throw new NoResourceMatchError(lower);
  return hit;
}

/** The mapping for an object read from a file (apiVersion + kind). */
export function infoForObject(api: ApiClient, obj: KubeObject, source: string): ResourceInfo {
  const av = obj.apiVersion ?? '';
  const slash = av.indexOf('/');
  const group = slash >= 0 ? av.slice(0, slash) : '';
  const version = slash >= 0 ? av.slice(slash + 1) : av;
  const hit = api.discovery().find((r) => r.group === group && r.version === version && r.kind === obj.kind);
  if (!hit) {
    throw new KubectlError(`resource mapping not found for name: "${obj.metadata?.name ?? ''}" namespace: "${obj.metadata?.namespace ?? ''}" from "${source}": no matches for kind "${obj.kind}" in version "${av}"\nensure CRDs are installed first`);
  }
  return hit;
}

/** name printer with an operation: `deployment.apps/x scaled (dry run)`. */
export function opLine(info: Pick<ResourceInfo, 'kind' | 'group'>, name: string, op: string, dryRun: DryRun): string {
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  return `${info.kind.toLowerCase()}${info.group ? '.' + info.group : ''}/${name} ${op}${suffix}\n`;
}

export const dryRunFlag: FlagSpec = { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged' };
export const outputFlag: FlagSpec = { name: 'output', short: 'o', type: 'string', default: '' };
export const filenameFlags: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringSlice', default: [] },
  { name: 'recursive', short: 'R', type: 'bool', default: false },
  { name: 'kustomize', short: 'k', type: 'string', default: '' },
];
export const selectorFlag: FlagSpec = { name: 'selector', short: 'l', type: 'string', default: '' };

/** --dry-run as kubectl reads it (cmdutil.GetDryRunStrategy). */
export function dryRunOf(inv: Invocation): DryRun {
  const v = inv.flags.string('dry-run');
  switch (v) {
    case '': case 'none': return 'none';
    case 'client': return 'client';
    case 'server': return 'server';
    case 'unchanged':
      // `--dry-run` with no value: kubectl 1.33 treats it as client after a deprecation warning.
      klogWarning(inv, 'helpers.go:703', '--dry-run is deprecated and can be replaced with --dry-run=client.');
      return 'client';
    case 'true': case 'false': case '1': case '0': case 't': case 'f': case 'TRUE': case 'FALSE': case 'True': case 'False': {
      const b = ['true', '1', 't', 'TRUE', 'True'].includes(v);
      klogWarning(inv, 'helpers.go:717', `--dry-run=${v} is deprecated (boolean value) and can be replaced with --dry-run=${b ? 'client' : 'none'}.`);
      return b ? 'client' : 'none';
    }
    default:
      throw new KubectlError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
  }
}

/** Objects from -f/-R, with the builder's errors. */
export function readManifests(inv: Invocation, requireFile = true): SourcedObject[] {
  const files = inv.flags.strings('filename');
  if (files.length === 0 && requireFile) throw new KubectlError('must specify one of -f and -k');
  return loadManifests(inv.ctx, files, inv.flags.bool('recursive'));
}

/** Namespace for an object from a file: its own, else the invocation's; a mismatch with -n fails. */
export function namespaceFor(inv: Invocation, info: ResourceInfo, obj: KubeObject): string | undefined {
  if (!info.namespaced) return undefined;
  const own = obj.metadata?.namespace;
  if (own && inv.namespaceExplicit && own !== inv.namespace) {
    throw new KubectlError(`the namespace from the provided object "${own}" does not match the namespace "${inv.namespace}". You must pass '--namespace=${own}' to perform this operation.`);
  }
  return own || inv.namespace;
}

/** -o yaml|json|name for an object (what PrintObj does when -o is set). */
export function printObject(inv: Invocation, obj: KubeObject, info: Pick<ResourceInfo, 'kind' | 'group'>): void {
  const fmt = inv.flags.string('output');
  if (fmt === 'yaml') inv.ctx.stdout(toYaml(obj));
  else if (fmt === 'json') inv.ctx.stdout(JSON.stringify(obj, null, 4) + '\n');
  else if (fmt === 'name') inv.ctx.stdout(`${info.kind.toLowerCase()}${info.group ? '.' + info.group : ''}/${obj.metadata?.name ?? ''}\n`);
  else throw new KubectlError(`unable to match a printer suitable for the output format "${fmt}", allowed formats are: json,name,yaml`);
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

export function goQuote(s: string): string { return goJson(s).replace(/\\u003c/g, '<').replace(/\\u003e/g, '>').replace(/\\u0026/g, '&'); }

export function usage(inv: Invocation, msg: string): UsageError { return new UsageError(msg, inv.commandPath); }

export function clone<T>(v: T): T { return JSON.parse(JSON.stringify(v)) as T; }

export type { SourcedObject };

/** A klog warning line as kubectl writes it to stderr: `W1126 23:03:25.233907   11301 file.go:N] msg`. */
export function klogWarning(inv: Invocation, where: string, msg: string): void {
  const d = new Date(inv.ctx.now());
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const micros = String(d.getUTCMilliseconds() * 1000).padStart(6, '0');
  inv.ctx.stderr(`W${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${micros}   ${KUBECTL_PID} ${where}] ${msg}\n`);
}

/** The pid klog prints; fixed so transcripts replay byte for byte. */
const KUBECTL_PID = 4242;
