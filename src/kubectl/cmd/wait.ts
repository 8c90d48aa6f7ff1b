/**
 * kubectl wait (pkg/cmd/wait/wait.go, condition.go, delete.go, json.go): polls each object in
 * virtual time until the condition holds, printing `<kind>/<name> condition met`.
 */
import type { KubeObject } from '../../cluster/api/types.js';
import { ApiError } from '../../cluster/api/types.js';
import { KubectlError } from '../errors.js';
import { evalPath } from '../printers/jsonpath.js';
import type { Invocation, VerbSpec } from '../registry.js';
import { parseDuration } from './internal/duration.js';
import { filenameFlags, outputFlags, printOp, refOf, selectorFlag, throwCollected } from './internal/kit.js';
import { pollUntil } from './internal/poll.js';
import { resolveTargets, type Target } from './internal/targets.js';

type Check = (obj: KubeObject | undefined) => boolean;

/** conditionFuncFor: `delete`, `create`, `condition=Name[=value]`, `jsonpath={...}[=value]`. */
function conditionFor(spec: string): { kind: 'delete' | 'create' | 'check'; check: Check } {
  const lower = spec.toLowerCase();
  if (lower === 'delete') return { kind: 'delete', check: (o) => o === undefined };
  if (lower === 'create') return { kind: 'create', check: (o) => o !== undefined };
  if (lower.startsWith('condition=')) {
    let name = spec.slice('condition='.length), value = 'true';
    const eq = name.indexOf('=');
    if (eq >= 0) { value = name.slice(eq + 1); name = name.slice(0, eq); }
    return {
      kind: 'check',
      check: (o) => {
        const st = (o?.status ?? {}) as { conditions?: { type?: string; status?: string; observedGeneration?: number }[] };
        const c = st.conditions?.find((x) => x.type?.toLowerCase() === name.toLowerCase());
        if (!c) return false;
        if (c.observedGeneration !== undefined && o?.metadata?.generation !== undefined && c.observedGeneration < o.metadata.generation) return false;
        return (c.status ?? '').toLowerCase() === value.toLowerCase();
      },
    };
  }
  if (lower.startsWith('jsonpath=')) {
    const input = spec.slice('jsonpath='.length);
    const m = /^(\{.*\}|[^=]+)(?:=(.*))?$/.exec(input);
    if (!m) throw new KubectlError("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
    const expr = m[1]!, want = m[2];
    if (expr.trim() === '' || expr === '{}') throw new KubectlError('jsonpath expression cannot be empty');
    return {
      kind: 'check',
      check: (o) => {
        if (!o) return false;
        const vals = evalPath(expr, o);
        if (vals.length === 0) return false;
        if (vals.length > 1) throw new KubectlError('given jsonpath expression matches more than one value');
        const v = vals[0];
        if (want === undefined) return true;
        if (typeof v === 'object' && v !== null) throw new KubectlError('jsonpath leads to a nested object or list which is not supported');
        return String(v) === want;
      },
    };
  }
  throw new KubectlError(`unrecognized condition: ${JSON.stringify(spec)}`);
}

function fetch(inv: Invocation, t: Target): KubeObject | undefined {
  try { return inv.ctx.api.get(refOf(t.info), t.namespace, t.name); } catch (e) {
    if (e instanceof ApiError && e.code === 404) return undefined;
    throw e;
  }
}

export const waitVerb: VerbSpec = {
  name: 'wait', group: 'advanced', short: 'Experimental: Wait for a specific condition on one or many resources',
  usage: "kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]]",
  flags: [
    ...filenameFlags, ...outputFlags, selectorFlag,
    { name: 'for', type: 'string', default: '' },
    { name: 'timeout', type: 'duration', default: '30s' },
    { name: 'all', type: 'bool', default: false },
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
    { name: 'field-selector', type: 'string', default: '' },
    { name: 'local', type: 'bool', default: false },
  ],
  async run(inv) {
    const cond = conditionFor(inv.flags.string('for'));
    const timeout = parseDuration(inv.flags.string('timeout'));
    const effective = timeout < 0 ? 7 * 24 * 3600_000 : timeout;
    let resolved: { targets: Target[]; errors: unknown[] } | undefined;
    const resolve = (): { targets: Target[]; errors: unknown[] } => resolveTargets(inv, inv.args, {
      requireObject: cond.kind !== 'delete', selector: inv.flags.string('selector') || undefined, all: inv.flags.bool('all'),
      allNamespaces: inv.flags.bool('all-namespaces'), fieldSelector: inv.flags.string('field-selector') || undefined,
    });
    if (cond.kind === 'create') {
      const found = await pollUntil(inv, effective, () => {
        const r = resolve();
        return r.targets.length > 0 && r.errors.length === 0 ? r : undefined;
      }, 500);
      if (!found) throw new KubectlError('timed out waiting for the condition');
      resolved = found;
    } else resolved = resolve();
    const { targets, errors } = resolved;
    if (cond.kind === 'delete') {
      for (let i = errors.length - 1; i >= 0; i--) { const e = errors[i]; if (e instanceof ApiError && e.code === 404) errors.splice(i, 1); }
    }
    throwCollected(errors);
    if (targets.length === 0 && cond.kind !== 'delete') throw new KubectlError('no matching resources found');
    const failures: unknown[] = [];
    for (const t of targets) {
      let last: KubeObject | undefined;
      const ok = timeout === 0
        ? (cond.check(last = fetch(inv, t)) ? true : undefined)
        : await pollUntil(inv, effective, () => {
          last = fetch(inv, t);
          if (last === undefined && cond.kind === 'check') throw new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 404, reason: 'NotFound', message: `${t.info.plural}${t.info.group ? '.' + t.info.group : ''} "${t.name}" not found`, details: { name: t.name, kind: t.info.plural } });
          return cond.check(last) ? true : undefined;
        });
      if (ok) { printOp(inv, last ?? t.object ?? { kind: t.info.kind, metadata: { name: t.name } }, t.info, 'condition met', 'none'); continue; }
      if (inv.ctx.signal?.aborted) return 130;
      failures.push(new KubectlError(timeout === 0 ? `condition not met for ${t.info.plural}/${t.name}` : `timed out waiting for the condition on ${t.info.plural}/${t.name}`));
    }
    throwCollected(failures);
  },
};
