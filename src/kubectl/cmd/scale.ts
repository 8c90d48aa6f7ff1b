/**
 * kubectl scale (pkg/cmd/scale/scale.go, pkg/scale/scale.go): preconditions on the scale
 * subresource, then a merge patch of spec.replicas through it.
 */
import { ApiError } from '../../cluster/api/types.js';
import { KubectlError } from '../errors.js';
import type { VerbSpec } from '../registry.js';
import { parseDuration } from './internal/duration.js';
import { dryRunFlag, dryRunOf, filenameFlags, outputFlags, printOp, refOf, selectorFlag, throwCollected } from './internal/kit.js';
import { pollUntil } from './internal/poll.js';
import { resolveTargets } from './internal/targets.js';

export const scaleVerb: VerbSpec = {
  name: 'scale', group: 'deploy', short: 'Set a new size for a deployment, replica set, or replication controller',
  usage: 'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)',
  flags: [
    ...filenameFlags, dryRunFlag, ...outputFlags, selectorFlag,
    { name: 'replicas', type: 'int', default: 0 },
    { name: 'current-replicas', type: 'int', default: -1 },
    { name: 'resource-version', type: 'string', default: '' },
    { name: 'all', type: 'bool', default: false },
    { name: 'timeout', type: 'duration', default: '0s' },
  ],
  async run(inv) {
    const f = inv.flags;
    if (!f.has('replicas')) throw new KubectlError('required flag(s) "replicas" not set');
    const replicas = f.int('replicas'), current = f.int('current-replicas');
    if (replicas < 0) throw new KubectlError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    if (current < -1) throw new KubectlError('The --current-replicas must specify an integer of -1 or greater');
    const dryRun = dryRunOf(inv);
    const { targets, errors } = resolveTargets(inv, inv.args, { requireObject: true, selector: f.string('selector'), all: f.bool('all') });
    const rv = f.string('resource-version');
    if (rv && targets.length > 1) throw new KubectlError('cannot use --resource-version with multiple resources');
    if (targets.length === 0) {
      if (errors.length > 0) {
        const e = errors[0];
        throw new KubectlError(`no objects passed to scale ${e instanceof Error ? e.message : String(e)}`);
      }
      throw new KubectlError('no objects passed to scale');
    }
    const api = inv.ctx.api;
    for (const t of targets) {
      if (dryRun === 'client') { printOp(inv, t.object!, t.info, 'scaled', dryRun); continue; }
      if (!t.info.subresources.includes('scale')) {
        throw new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 404, reason: 'NotFound', message: 'the server could not find the requested resource', details: {} });
      }
      const ref = refOf(t.info);
      if (current !== -1 || rv) {
        const scale = api.get(ref, t.namespace, t.name, { subresource: 'scale' }) as { spec?: { replicas?: number }; metadata?: { resourceVersion?: string } };
        const actual = scale.spec?.replicas ?? 0;
        if (current !== -1 && current !== actual) throw new KubectlError(`Expected replicas to be ${current}, was ${actual}`);
        if (rv && rv !== scale.metadata?.resourceVersion) throw new KubectlError(`Expected resource version to be ${rv}, was ${scale.metadata?.resourceVersion ?? ''}`);
      }
      api.patch(ref, t.namespace, t.name, 'merge', { spec: { replicas } }, { dryRun: dryRun === 'server', subresource: 'scale' });
      const timeout = parseDuration(f.string('timeout'));
      if (timeout > 0 && dryRun === 'none') {
        const ok = await pollUntil(inv, timeout, () => {
          const o = api.get(ref, t.namespace, t.name) as { status?: { replicas?: number; observedGeneration?: number }; metadata?: { generation?: number } };
          return (o.status?.replicas ?? 0) === replicas && (o.status?.observedGeneration ?? 0) >= (o.metadata?.generation ?? 0) ? true : undefined;
        }, 1000);
        if (!ok) throw new KubectlError(`timed out waiting for "${t.name}" to be synced`);
      }
      printOp(inv, t.object!, t.info, 'scaled', dryRun);
    }
    throwCollected(errors);
  },
};
