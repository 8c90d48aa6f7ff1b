/**
 * Resource names → discovery entries, as kubectl's RESTMapper and shortcut expander resolve
 * them: plural, singular, short name or Kind (any case), optionally `.group` or `.version.group`,
 * comma lists (`svc,ep`) and categories (`all`). Follows cli-runtime pkg/resource/builder.go
 * (ResourceTypeOrNameArgs, resource/name splitting) and restmapper/shortcut.go.
 */
import type { ApiClient, KubeObject, ResourceInfo, ResourceRef } from '../cluster/api/types.js';
import { KubectlError, NoResourceMatchError } from './errors.js';
import { WARN, type Discovery } from './warnings.js';

export function refOf(info: ResourceInfo): ResourceRef { return { group: info.group, resource: info.plural }; }

/** `pods`, `deployments.apps`: how kubectl names a resource in messages and `-o name` prefixes use the kind. */
export function resourceString(info: ResourceInfo): string { return info.group ? `${info.plural}.${info.group}` : info.plural; }

/** `pod`, `deployment.apps`: the `-o name` / `kind/` prefix. */
export function kindPrefix(info: ResourceInfo): string {
  const k = info.kind.toLowerCase();
  return info.group ? `${k}.${info.group}` : k;
}

/** `apps/v1` or `v1`. */
export function groupVersion(info: ResourceInfo): string { return info.group ? `${info.group}/${info.version}` : info.version; }

/** The object with apiVersion/kind filled in, as kubectl's decoder leaves list items. */
export function withTypeMeta<T extends KubeObject>(info: ResourceInfo, o: T): T {
  return { ...o, apiVersion: o.apiVersion ?? groupVersion(info), kind: o.kind ?? info.kind };
}

function matchesName(info: ResourceInfo, name: string): boolean {
  return info.plural === name || info.singular === name || info.kind.toLowerCase() === name || info.shortNames.includes(name);
}

/**
 * restmapper's shortcut expander: a short name other resources also declare resolves to the
 * first and warns `short name "ev" could also match lower priority resource events.events.k8s.io`
 * (printed once per command, like every warning).
 */
function warnAmbiguousShortName(discovery: readonly ResourceInfo[], short: string, chosen: ResourceInfo): void {
  const warn = (discovery as Discovery)[WARN];
  if (!warn) return;
  for (const r of discovery) {
    if (r.shortNames.includes(short) && !(r.group === chosen.group && r.plural === chosen.plural)) {
      warn(`short name "${short}" could also match lower priority resource ${resourceString(r)}`);
    }
  }
}

/**
 * Resolve one resource type word (no commas). Throws kubectl's builder error
 * (`error: the server doesn't have a resource type "x"`), or with `mapper` the RESTMapper's
 * NoResourceMatchError (printed without `error: `, as explain and events --for do).
 */
export function resolveResource(discovery: readonly ResourceInfo[], word: string, mapper = false): ResourceInfo {
  const lower = word.toLowerCase();
  const candidates = (name: string, group?: string, version?: string): ResourceInfo[] =>
    discovery.filter((r) => matchesName(r, name) && (group === undefined || r.group === group) && (version === undefined || r.version === version));
  // Short names win over everything (the shortcut expander runs first), then the core group.
  const pick = (list: ResourceInfo[], name: string): ResourceInfo | undefined =>
    list.find((r) => r.shortNames.includes(name)) ?? list.find((r) => r.group === '') ?? list[0];
  const parts = lower.split('.');
  if (parts.length >= 3) {
    const [name, version, ...group] = parts;
    const hit = pick(candidates(name!, group.join('.'), version), name!);
    if (hit) return hit;
  }
  if (parts.length >= 2) {
    const [name, ...group] = parts;
    const hit = pick(candidates(name!, group.join('.')), name!);
    if (hit) return hit;
  }
  const hit = parts.length === 1 ? pick(candidates(lower), lower) : undefined;
  if (hit) {
    if (hit.shortNames.includes(lower)) warnAmbiguousShortName(discovery, lower, hit);
    return hit;
  }
  if (mapper) throw new NoResourceMatchError(parts[0]!);
  throw new KubectlError(`the server doesn't have a resource type "${parts[0]!}"`);
}

/** Expand `a,b,all` into discovery entries; categories expand in discovery order. Duplicates dropped. */
export function resolveTypeList(discovery: readonly ResourceInfo[], list: string): ResourceInfo[] {
  const out: ResourceInfo[] = [];
  const add = (r: ResourceInfo): void => { if (!out.some((o) => o.group === r.group && o.plural === r.plural)) out.push(r); };
  for (const word of list.split(',')) {
    if (word === '') continue;
    const inCategory = discovery.filter((r) => r.categories.includes(word.toLowerCase()) && r.verbs.includes('list'));
    const isResource = discovery.some((r) => matchesName(r, word.toLowerCase()));
    if (inCategory.length && !isResource) { inCategory.forEach(add); continue; }
    add(resolveResource(discovery, word));
  }
  return out;
}

export interface TypedName { info: ResourceInfo; name: string }

/** What the positional arguments of get/describe/delete/label... name. */
export type ResourceArgs =
  | { kind: 'none' }
  | { kind: 'types'; infos: ResourceInfo[] }                  // `get pods,svc` (list each)
  | { kind: 'names'; items: TypedName[] };                    // `get pod a b`, `get pod/a svc/b`

/**
 * cli-runtime's ResourceTypeOrNameArgs: either `TYPE[,TYPE] [NAME...]` or `TYPE/NAME ...`.
 * Errors are kubectl's texts.
 */
export function parseResourceArgs(api: ApiClient, args: readonly string[]): ResourceArgs {
  if (args.length === 0) return { kind: 'none' };
  const discovery = api.discovery();
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length > 0) {
    if (slashed.length !== args.length) {
      throw new KubectlError("there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'");
    }
    const items: TypedName[] = [];
    for (const a of args) {
      const i = a.indexOf('/');
      const type = a.slice(0, i), name = a.slice(i + 1);
      if (type === '' || name === '' || name.includes('/')) throw new KubectlError(`arguments in resource/name form must have a single resource and name`);
      items.push({ info: resolveResource(discovery, type), name });
    }
    return { kind: 'names', items };
  }
  const [types, ...names] = args;
  const infos = resolveTypeList(discovery, types!);
  if (names.length === 0) return { kind: 'types', infos };
  if (infos.length !== 1 || types!.includes(',')) {
    // `get svc,ep nginx-svc`: every type with every name.
    return { kind: 'names', items: infos.flatMap((info) => names.map((name) => ({ info, name }))) };
  }
  return { kind: 'names', items: names.map((name) => ({ info: infos[0]!, name })) };
}
