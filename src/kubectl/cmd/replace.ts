/**
 * kubectl replace (pkg/cmd/replace/replace.go): PUT each object from -f; with --force, delete
 * them, wait until they are gone, and create them again.
 */
import type { KubeObject } from '../../cluster/api/types.js';
import { ApiError } from '../../cluster/api/types.js';
import { KubectlError } from '../errors.js';
import type { VerbSpec } from '../registry.js';
import { deleteFlags, deleteSettings, deleteTargets } from './delete.js';
import { parseDuration } from './internal/duration.js';
import { addSourceToErr, clone, dryRunFlag, dryRunOf, outputFlags, printOp, readManifests, throwCollected } from './internal/kit.js';
import { withLastApplied } from './internal/last-applied.js';
import { pollUntil } from './internal/poll.js';

export const replaceVerb: VerbSpec = {
  name: 'replace', group: 'advanced', short: 'Replace a resource by file name or stdin',
  usage: 'kubectl replace -f FILENAME',
  flags: [
    ...deleteFlags.map((f) => (f.name === 'wait' ? { ...f, default: false } : f)), dryRunFlag, ...outputFlags,
    { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict' },
    { name: 'save-config', type: 'bool', default: false },
    { name: 'raw', type: 'string', default: '' },
    { name: 'subresource', type: 'string', default: '' },
    { name: 'field-manager', type: 'string', default: 'kubectl-replace' },
  ],
  async run(inv) {
    if (inv.flags.strings('filename').length === 0) throw new KubectlError('must specify --filename to replace');
    const dryRun = dryRunOf(inv);
    const force = inv.flags.bool('force');
    if (force && dryRun !== 'none') throw new KubectlError('--dry-run can not be used when --force is set');
    if (inv.flags.int('grace-period') >= 0 && !force) throw new KubectlError('--grace-period must have --force specified');
    if (inv.flags.string('timeout') !== '0s' && !force) throw new KubectlError('--timeout must have --force specified');
    const { items, errors } = readManifests(inv);
    const api = inv.ctx.api;
    if (force) {
      const s = deleteSettings(inv, { wait: false, complete: false });
      s.ignoreNotFound = true;
      await deleteTargets(inv, items.map((i) => ({ info: i.info, namespace: i.namespace, name: i.name, source: i.source })), [], s);
      const timeout = parseDuration(inv.flags.string('timeout')) || 5 * 60_000;
      for (const i of items) {
        const gone = await pollUntil(inv, timeout, () => {
          try { api.get(i.ref, i.namespace, i.name); return undefined; } catch (e) { if (e instanceof ApiError && e.code === 404) return true; throw e; }
        }, 1000);
        if (!gone) throw new KubectlError('timed out waiting for the condition');
      }
    }
    for (const i of items) {
      try {
        let obj: KubeObject = clone(i.object);
        if (i.namespace !== undefined) (obj.metadata ??= {}).namespace = i.namespace;
        if (inv.flags.bool('save-config')) obj = withLastApplied(obj);
        const write = { dryRun: dryRun === 'server', fieldManager: inv.flags.string('field-manager'), fieldValidation: 'Strict' as const };
        let out = obj;
        if (dryRun !== 'client') {
          try {
            out = force ? api.create(i.ref, i.namespace, obj, write) : api.update(i.ref, i.namespace, withResourceVersion(inv, i, obj), write);
          } catch (e) { throw addSourceToErr(force ? 'creating' : 'replacing', i.source, e); }
        }
        printOp(inv, out, i.info, 'replaced', dryRun);
      } catch (err) { errors.push(err); }
    }
    throwCollected(errors);
  },
};

/** helper.Replace(overwrite=true): without a resourceVersion, take the live one. */
function withResourceVersion(inv: Parameters<NonNullable<VerbSpec['run']>>[0], i: { ref: { group: string; resource: string }; namespace: string | undefined; name: string }, obj: KubeObject): KubeObject {
  if (obj.metadata?.resourceVersion) return obj;
  const live = inv.ctx.api.get(i.ref, i.namespace, i.name);
  return { ...obj, metadata: { ...obj.metadata, resourceVersion: live.metadata?.resourceVersion } };
}
