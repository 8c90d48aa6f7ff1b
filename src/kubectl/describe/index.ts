/**
 * `kubectl describe` (kubectl pkg/cmd/describe/describe.go): resolve what the arguments name,
 * describe each object with its kind's describer, separate descriptions with a blank line pair.
 * `describe TYPE NAME` with one missing NAME falls back to describing every object whose name
 * starts with NAME (DescribeMatchingResources).
 *
 * Public surface: registerDescribe(registry) (called by the verb registry), describerFor(info)
 * for any caller that wants one object's description: describerFor(info)({ api, now }, ns, name,
 * { showEvents: true }) returns the text or throws the ApiError of the fetch.
 */
import type { KubeObject, ResourceInfo } from '../../cluster/api/types.js';
import { ApiError } from '../../cluster/api/types.js';
import type { Invocation, VerbRegistry, VerbSpec } from '../registry.js';
import { AggregateError, KubectlError } from '../errors.js';
import { wrapListError } from '../verbs/get.js';
import { parseResourceArgs, refOf } from '../resources.js';
import { filenameFlags, readManifests } from '../builder.js';
import type { DescribeDeps, DescriberSettings } from './describer.js';
import { describerFor } from './registry.js';

export { describerFor } from './registry.js';
export type { Describer, DescribeDeps, DescriberSettings } from './describer.js';

interface Target { info: ResourceInfo; namespace: string; name: string }

export const describeVerb: VerbSpec = {
  name: 'describe',
  group: 'troubleshooting',
  short: 'Show details of a specific resource or group of resources',
  usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)',
  flags: [
    ...filenameFlags,
    { name: 'selector', short: 'l', type: 'string', default: '' },
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
    { name: 'show-events', type: 'bool', default: true },
    { name: 'chunk-size', type: 'int', default: 500 },
  ],
  async run(inv) { return runDescribe(inv); },
};

export function registerDescribe(registry: VerbRegistry): void {
  registry.register(describeVerb);
}

function settingsOf(inv: Invocation): DescriberSettings {
  return { showEvents: inv.flags.bool('show-events') };
}

/** The objects a TYPE (without names) selects: the builder's list with -l, in -n or across -A. */
function listTargets(inv: Invocation, info: ResourceInfo, allNamespaces: boolean): Target[] {
  const ns = info.namespaced ? (allNamespaces ? undefined : inv.namespace) : undefined;
  const selector = inv.flags.string('selector');
  let list;
  try { list = inv.ctx.api.list(refOf(info), ns, selector ? { labelSelector: selector } : undefined); }
  catch (e) { throw wrapListError(e, info, selector, ''); }
  return list.items.map((o: KubeObject) => ({ info, namespace: o.metadata?.namespace ?? '', name: o.metadata?.name ?? '' }));
}

export async function runDescribe(inv: Invocation): Promise<number> {
  const { ctx } = inv;
  const args = inv.args;
  const files = inv.flags.strings('filename');
  if (args.length === 0 && files.length === 0 && !inv.flags.string('kustomize')) {
    throw new KubectlError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
  }
  const allNamespaces = inv.flags.bool('all-namespaces');
  const settings = settingsOf(inv);
  const deps = (): DescribeDeps => ({ api: ctx.api, now: ctx.now() });
  /** The builder's errors (r.Infos()): one aggregate among describe's own. */
  const errors: unknown[] = [];
  const describeErrors: unknown[] = [];
  const targets: Target[] = [];
  if (files.length > 0) {
    if (args.length > 0) throw new KubectlError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
    const read = readManifests(inv, { validate: false });
    errors.push(...read.errors);
    // The builder fetches each object: a missing one is among its errors, after the file errors.
    for (const item of read.items) {
      const namespace = item.namespace ?? '';
      try {
        ctx.api.get(refOf(item.info), item.info.namespaced ? namespace : undefined, item.name);
        targets.push({ info: item.info, namespace, name: item.name });
      } catch (err) { errors.push(err); }
    }
  }
  const parsed = files.length > 0 ? { kind: 'none' as const } : parseResourceArgs(ctx.api, args);

  if (parsed.kind === 'types') {
    for (const info of parsed.infos) {
      try { targets.push(...listTargets(inv, info, allNamespaces)); } catch (err) { errors.push(err); }
    }
  } else if (parsed.kind === 'names') {
    if (inv.flags.string('selector')) throw new KubectlError('name cannot be provided when a selector is specified');
    if (allNamespaces) throw new KubectlError('a resource cannot be retrieved by name across all namespaces');
    for (const { info, name } of parsed.items) {
      const namespace = info.namespaced ? inv.namespace : '';
      try {
        ctx.api.get(refOf(info), info.namespaced ? namespace : undefined, name);
        targets.push({ info, namespace, name });
      } catch (err) { errors.push(err); }
    }
    const notFound = errors.length === 1 && errors[0] instanceof ApiError && errors[0].code === 404;
    if (notFound && args.length === 2 && parsed.items.length === 1) {
      return describeMatching(inv, parsed.items[0].info, args[1], errors[0], settings, deps);
    }
  }

  // Identical error texts are reported once, as kubectl's sets.Insert(err.Error()) does.
  const seen = new Set<string>();
  let first = true;
  for (const t of targets) {
    try {
      const s = describerFor(t.info)(deps(), t.namespace, t.name, settings);
      ctx.stdout(first ? s : `\n\n${s}`);
      first = false;
    } catch (err) {
      const key = err instanceof Error ? err.message : String(err);
      if (seen.has(key)) continue;
      seen.add(key);
      describeErrors.push(err);
    }
  }
  if (targets.length === 0 && errors.length === 0 && describeErrors.length === 0) {
    ctx.stderr(allNamespaces ? 'No resources found\n' : `No resources found in ${inv.namespace} namespace.\n`);
  }
  // utilerrors.NewAggregate(allErrs) with the builder's aggregate first: checkErr prints it.
  const all = errors.length > 0 ? [new AggregateError(errors), ...describeErrors] : describeErrors;
  if (all.length > 0) throw new AggregateError(all);
  return 0;
}

/** DescribeMatchingResources: every object of the type in the namespace whose name has the prefix. */
function describeMatching(inv: Invocation, info: ResourceInfo, prefix: string, originalError: unknown,
  settings: DescriberSettings, deps: () => DescribeDeps): number {
  const ns = info.namespaced ? inv.namespace : undefined;
  const items = inv.ctx.api.list(refOf(info), ns).items;
  let found = false;
  for (const o of items) {
    const name = o.metadata?.name ?? '';
    if (!name.startsWith(prefix)) continue;
    found = true;
    inv.ctx.stdout(`${describerFor(info)(deps(), o.metadata?.namespace ?? '', name, settings)}\n`);
  }
  if (!found) throw originalError;
  return 0;
}
