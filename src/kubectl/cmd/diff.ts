/**
 * kubectl diff (pkg/cmd/diff/diff.go): for each object from -f, the live object and the
 * result of applying it (a server-side dry run of the same create/patch apply would send)
 * are written as YAML under /tmp/LIVE-N and /tmp/MERGED-N and compared with `diff -u -N`.
 * Exit status 1 when something differs, as the diff program's.
 */
import type { KubeObject } from '../../cluster/api/types.js';
import { ApiError } from '../../cluster/api/types.js';
import { ExitError, KubectlError } from '../errors.js';
import { stripManagedFields } from '../printers/output.js';
import { toYaml } from '../printers/yaml-json.js';
import type { VerbSpec } from '../registry.js';
import { validationDirective } from './apply.js';
import { goJson } from './internal/gojson.js';
import { clone, filenameFlags, readManifests, selectorFlag, throwCollected } from './internal/kit.js';
import { originalConfiguration, pruneNulls, withLastApplied } from './internal/last-applied.js';
import { threeWayMergePatch } from './internal/three-way.js';
import { unifiedHunks } from './internal/unified-diff.js';

function mtime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds() * 1_000_000, 9)} +0000`;
}

export const diffVerb: VerbSpec = {
  name: 'diff', group: 'advanced', short: 'Diff the live version against a would-be applied version',
  usage: 'kubectl diff -f FILENAME',
  flags: [
    ...filenameFlags, selectorFlag,
    { name: 'server-side', type: 'bool', default: false },
    { name: 'force-conflicts', type: 'bool', default: false },
    { name: 'field-manager', type: 'string', default: 'kubectl-client-side-apply' },
    { name: 'prune', type: 'bool', default: false },
    { name: 'show-managed-fields', type: 'bool', default: false },
    { name: 'concurrency', type: 'int', default: 1 },
    { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict' },
  ],
  async run(inv) {
    if (inv.flags.strings('filename').length === 0) throw new KubectlError('must specify one of -f and -k');
    const { items, errors } = readManifests(inv);
    throwCollected(errors);
    const api = inv.ctx.api;
    const now = inv.ctx.now();
    const seed = Math.floor(now / 1000) % 1_000_000_000;
    const liveDir = `/tmp/LIVE-${1_000_000_000 + seed}`, mergedDir = `/tmp/MERGED-${2_000_000_000 + (seed * 7) % 1_000_000_000}`;
    const show = inv.flags.bool('show-managed-fields');
    const files: { name: string; live: string; merged: string; liveExists: boolean }[] = [];
    for (const item of items) {
      const obj = clone(item.object);
      if (item.namespace !== undefined) (obj.metadata ??= {}).namespace = item.namespace;
      const modified = withLastApplied(obj);
      const write = { dryRun: true, fieldManager: inv.flags.string('field-manager'), fieldValidation: validationDirective(inv) };
      let live: KubeObject | undefined;
      try { live = api.get(item.ref, item.namespace, item.name); } catch (e) {
        if (!(e instanceof ApiError && e.code === 404)) throw e;
      }
      let merged: KubeObject;
      if (!live) {
        const c = clone(modified); pruneNulls(c);
        merged = api.create(item.ref, item.namespace, c, write);
      } else {
        const patch = threeWayMergePatch(originalConfiguration(live), modified as Record<string, unknown>, live as Record<string, unknown>, item.info.kind);
        merged = goJson(patch) === '{}' ? live : api.patch(item.ref, item.namespace, item.name, 'strategic', patch, write);
      }
      const name = `${item.info.group ? item.info.group + '.' : ''}${item.info.version}.${item.info.kind}.${item.namespace ?? ''}.${item.name}`;
      files.push({
        name, liveExists: !!live,
        live: live ? toYaml(stripManagedFields(live, show)) : '',
        merged: toYaml(stripManagedFields(merged, show)),
      });
    }
    files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    let differs = false;
    for (const f of files) {
      const hunks = unifiedHunks(f.live, f.merged);
      if (!hunks) continue;
      differs = true;
      const lt = f.liveExists ? mtime(now) : mtime(0);
      inv.ctx.stdout(`diff -u -N ${liveDir}/${f.name} ${mergedDir}/${f.name}\n--- ${liveDir}/${f.name}\t${lt}\n+++ ${mergedDir}/${f.name}\t${mtime(now)}\n${hunks}`);
    }
    if (differs) throw new ExitError(1);
  },
};
