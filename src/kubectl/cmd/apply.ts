/**
 * kubectl apply (client-side), following kubectl pkg/cmd/apply/apply.go applyOneObject and
 * patcher.go: create with the last-applied annotation when the object is missing, else a
 * three-way strategic merge patch (last-applied, manifest, live) sent only when not `{}`.
 */
import type { KubeObject, ResourceInfo } from '../../cluster/api/types.js';
import { ApiError } from '../../cluster/api/types.js';
import { KubectlError, UsageError } from '../errors.js';
import { toYaml } from '../printers/yaml-json.js';
import { resolveTargets } from './internal/targets.js';
import type { Invocation, VerbSpec } from '../registry.js';
import { goJson } from './internal/gojson.js';
import {
  addSourceToErr, clone, dryRunFlag, dryRunOf, filenameFlags, outputFlags, printOp, readManifests, selectorFlag,
  throwCollected, type DryRun, type ManifestItem,
} from './internal/kit.js';
import { LAST_APPLIED, originalConfiguration, pruneNulls, withLastApplied } from './internal/last-applied.js';
import { threeWayMergePatch } from './internal/three-way.js';
import { parseDuration } from './internal/duration.js';
import { pollUntil } from './internal/poll.js';

const FIELD_MANAGER = 'kubectl-client-side-apply';
const MAX_PATCH_RETRY = 5;

/** apply view-last-applied (apply_view_last_applied.go): the annotation as YAML or indented JSON. */
function viewLastAppliedCmd(): VerbSpec {
  return {
    name: 'view-last-applied', group: 'advanced', short: 'View the latest last-applied-configuration annotations of a resource/object',
    flags: [...filenameFlags, selectorFlag, { name: 'output', short: 'o', type: 'string', default: 'yaml' }, { name: 'all', type: 'bool', default: false }],
    async run(inv) {
      const fmt = inv.flags.string('output');
      const { targets, errors } = resolveTargets(inv, inv.args, { requireObject: true, selector: inv.flags.string('selector') || undefined, all: inv.flags.bool('all') });
      throwCollected(errors);
      const configs = targets.map((t) => t.object?.metadata?.annotations?.[LAST_APPLIED]).filter((c): c is string => !!c);
      for (const c of configs) {
        if (fmt === 'json') inv.ctx.stdout(`${JSON.stringify(JSON.parse(c), null, 2)}\n`);
        else if (fmt === 'yaml') inv.ctx.stdout(toYaml(JSON.parse(c)));
        else throw new UsageError(`Unexpected -o output mode: ${fmt}, the flag 'output' must be one of yaml|json`, inv.commandPath);
      }
    },
  };
}

export const applyVerb: VerbSpec = {
  name: 'apply', group: 'advanced',
  short: 'Apply a configuration to a resource by file name or stdin',
  usage: 'kubectl apply (-f FILENAME | -k DIRECTORY)',
  flags: [
    ...filenameFlags, dryRunFlag, ...outputFlags, selectorFlag,
    { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict' },
    { name: 'server-side', type: 'bool', default: false },
    { name: 'force', type: 'bool', default: false },
    { name: 'field-manager', type: 'string', default: FIELD_MANAGER },
    { name: 'overwrite', type: 'bool', default: true },
    { name: 'prune', type: 'bool', default: false },
    { name: 'wait', type: 'bool', default: false },
    { name: 'timeout', type: 'duration', default: '0s' },
    { name: 'grace-period', type: 'int', default: -1 },
  ],
  subcommands: [viewLastAppliedCmd()],
  async run(inv) {
    if (inv.flags.strings('filename').length === 0 && !inv.flags.string('kustomize')) {
      throw new KubectlError('must specify one of -f and -k');
    }
    const dryRun = dryRunOf(inv);
    const validation = validationDirective(inv);
    const { items, errors } = readManifests(inv);
    if (items.length === 0 && errors.length === 0) throw new KubectlError('no objects passed to apply');
    for (const item of items) {
      try {
        await applyOne(inv, item, dryRun, validation);
      } catch (err) { errors.push(err); }
    }
    throwCollected(errors);
  },
};

/** --validate: strict (default), warn, ignore; true/false as kubectl's legacy spellings. */
export function validationDirective(inv: Invocation): 'Strict' | 'Warn' | 'Ignore' {
  const v = inv.flags.string('validate').toLowerCase();
  if (v === 'strict' || v === 'true' || v === '') return 'Strict';
  if (v === 'warn') return 'Warn';
  if (v === 'ignore' || v === 'false') return 'Ignore';
  throw new KubectlError(`invalid - validate option "${v}"; must be one of: strict (or true), warn, ignore (or false)`);
}

async function applyOne(inv: Invocation, item: ManifestItem, dryRun: DryRun, validation: 'Strict' | 'Warn' | 'Ignore'): Promise<void> {
  const api = inv.ctx.api;
  const { info, source, namespace: ns, ref } = item;
  const obj = clone(item.object);
  obj.metadata ??= {};
  if (ns !== undefined) obj.metadata.namespace = ns;
  const name = obj.metadata.name ?? '';
  if (!name) {
    if (obj.metadata.generateName) throw new KubectlError(`from ${obj.metadata.generateName}: cannot use generate name with apply`);
    throw new KubectlError(`error when retrieving current configuration of:\n${infoString(info, name, ns)}\nfrom server for: "${source}": resource name may not be empty`);
  }
  if (inv.flags.bool('server-side')) { serverSideApply(inv, item, obj, dryRun, validation); return; }
  const modified = withLastApplied(obj);
  const write = { dryRun: dryRun === 'server', fieldManager: inv.flags.string('field-manager') || FIELD_MANAGER, fieldValidation: validation };

  let live: KubeObject;
  try {
    live = api.get(ref, ns, name);
  } catch (err) {
    if (!(err instanceof ApiError) || err.code !== 404) {
      throw addSourceToErr(`retrieving current configuration of:\n${infoString(info, name, ns)}\nfrom server for:`, source, err);
    }
    const toCreate = clone(modified);
    pruneNulls(toCreate);
    let created = toCreate;
    if (dryRun !== 'client') {
      try { created = api.create(ref, ns, toCreate, write); } catch (e) { throw addSourceToErr('creating', source, e); }
    }
    report(inv, info, created, name, 'created', dryRun);
    return;
  }

  if (dryRun === 'client') { report(inv, info, modified, name, 'configured', dryRun); return; }
  if (live.metadata?.annotations?.[LAST_APPLIED] === undefined) {
    inv.ctx.stderr(`Warning: resource ${info.plural}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`);
  }
  let patchText = '';
  let result = live;
  let current = live;
  for (let attempt = 0; ; attempt++) {
    const patch = threeWayMergePatch(originalConfiguration(current), modified as Record<string, unknown>, current as Record<string, unknown>, info.kind);
    patchText = goJson(patch);
    if (patchText === '{}') { result = current; break; }
    try {
      result = api.patch(ref, ns, name, 'strategic', patch, write);
      break;
    } catch (err) {
      const conflict = err instanceof ApiError && err.code === 409;
      if (conflict && attempt < MAX_PATCH_RETRY) {
        // patcher.go backs off 1s before every retry after the first.
        if (attempt >= 1) await inv.ctx.sleep(1000);
        current = api.get(ref, ns, name);
        continue;
      }
      const invalid = err instanceof ApiError && (err.code === 422 || err.reason === 'Invalid');
      if (inv.flags.bool('force') && (conflict || invalid)) {
        result = await deleteAndCreate(inv, item, current, modified, patchText);
        break;
      }
      const patching = addSourceToErr('patching', source, err);
      throw addSourceToErr(`applying patch:\n${patchText}\nto:\n${infoString(info, name, ns)}\nfor:`, source, patching);
    }
  }
  if (result.metadata?.deletionTimestamp) {
    inv.ctx.stderr(`Warning: Detected changes to resource ${name} which is currently being deleted.\n`);
  }
  report(inv, info, result, name, patchText === '{}' ? 'unchanged' : 'configured', dryRun);
}

function report(inv: Invocation, info: ResourceInfo, obj: KubeObject, name: string, op: string, dryRun: DryRun): void {
  printOp(inv, { ...obj, metadata: { ...obj.metadata, name } }, info, op, dryRun);
}

/** patcher.go deleteAndCreate (apply --force): delete, wait until gone, create; restore on failure. */
async function deleteAndCreate(inv: Invocation, item: ManifestItem, original: KubeObject, modified: KubeObject, patchText: string): Promise<KubeObject> {
  const api = inv.ctx.api;
  const { ref, namespace: ns, name, info, source } = item;
  const wrap = (e: unknown): unknown => addSourceToErr(`applying patch:\n${patchText}\nto:\n${infoString(info, name, ns)}\nfor:`, source, e);
  try { api.delete(ref, ns, name, {}); } catch (e) { throw wrap(e); }
  const timeout = parseDuration(inv.flags.string('timeout')) || 7 * 24 * 3600_000;
  const gone = await pollUntil(inv, timeout, () => {
    try { api.get(ref, ns, name); return undefined; } catch (e) { if (e instanceof ApiError && e.code === 404) return true; throw e; }
  }, 1000);
  if (!gone) throw wrap(new KubectlError('timed out waiting for the condition'));
  // Sent as kubectl sends them: a manifest carrying a resourceVersion fails to create, as it does for real.
  try { return api.create(ref, ns, clone(modified), {}); } catch (e) {
    try { api.create(ref, ns, clone(original), {}); } catch { /* the first error is the one to report */ }
    throw wrap(e);
  }
}

/** resource.Info.String(): how kubectl names an object inside wrapped errors. */
export function infoString(info: ResourceInfo, name: string, ns: string | undefined): string {
  return `Resource: "${info.group}/${info.version}, Resource=${info.plural}", GroupVersionKind: "${info.group}/${info.version}, Kind=${info.kind}"\nName: "${name}", Namespace: "${ns ?? ''}"`;
}

/**
 * --server-side, approximated on the client: the manifest's fields are merged into the live
 * object (no last-applied annotation), printed as `serverside-applied` like apply.go does.
 */
function serverSideApply(inv: Invocation, item: ManifestItem, obj: KubeObject, dryRun: DryRun, validation: 'Strict' | 'Warn' | 'Ignore'): void {
  const api = inv.ctx.api;
  const manager = inv.flags.has('field-manager') ? inv.flags.string('field-manager') : 'kubectl';
  const write = { dryRun: dryRun === 'server', fieldManager: manager, fieldValidation: validation };
  let out: KubeObject = obj;
  if (dryRun !== 'client') {
    let exists = true;
    try { api.get(item.ref, item.namespace, item.name); } catch (e) {
      if (!(e instanceof ApiError && e.code === 404)) throw e;
      exists = false;
    }
    out = exists ? api.patch(item.ref, item.namespace, item.name, 'strategic', obj, write) : api.create(item.ref, item.namespace, obj, write);
  }
  report(inv, item.info, out, item.name, 'serverside-applied', dryRun);
}
