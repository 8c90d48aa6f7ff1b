/**
 * kubectl set image|env|selector|resources (pkg/cmd/set/*.go): change the object locally,
 * send the two-way strategic merge patch; an empty patch sends and prints nothing.
 */
import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../cluster/api/types.js';
import { resourcesAndPairs } from './internal/pairs.js';
import { KubectlError } from '../errors.js';
import type { FlagSpec } from '../flags.js';
import type { Invocation, VerbSpec } from '../registry.js';
import { clone, dryRunFlag, dryRunOf, filenameFlags, outputFlags, printOp, refOf, selectorFlag, throwCollected } from './internal/kit.js';
import { resolveTargets, type Target } from './internal/targets.js';
import { twoWayMergePatch } from './internal/three-way.js';

type Json = Record<string, unknown>;

/** polymorphichelpers.UpdatePodSpecForObject: where each kind keeps its PodSpec. */
export function podSpecOf(obj: KubeObject): PodSpec | undefined {
  const spec = obj.spec as Json | undefined;
  switch (obj.kind) {
    case 'Pod': return spec as PodSpec | undefined;
    case 'CronJob': return (((spec?.jobTemplate as Json)?.spec as Json)?.template as Json)?.spec as PodSpec | undefined;
    case 'Deployment': case 'ReplicaSet': case 'DaemonSet': case 'StatefulSet': case 'Job': case 'ReplicationController':
      return (spec?.template as Json)?.spec as PodSpec | undefined;
    default: return undefined;
  }
}

const common: FlagSpec[] = [...filenameFlags, dryRunFlag, ...outputFlags, selectorFlag,
  { name: 'all', type: 'bool', default: false }, { name: 'local', type: 'bool', default: false },
  { name: 'field-manager', type: 'string', default: 'kubectl-set' }];

/** Mutate each target with `change` (which may push errors), patch, print `op`. */
async function mutate(inv: Invocation, resources: string[], op: string, change: (obj: KubeObject, t: Target, errors: unknown[]) => void): Promise<void> {
  const dryRun = dryRunOf(inv);
  const { targets, errors } = resolveTargets(inv, resources, { requireObject: true, selector: inv.flags.string('selector') || undefined, all: inv.flags.bool('all') });
  for (const t of targets) {
    const before = t.object!;
    const after = clone(before);
    try { change(after, t, errors); } catch (err) { errors.push(err); continue; }
    const patch = twoWayMergePatch(before as Json, after as Json, t.info.kind);
    if (Object.keys(patch).length === 0) continue;
    if (dryRun === 'client') { printOp(inv, after, t.info, op, dryRun); continue; }
    try {
      const out = inv.ctx.api.patch(refOf(t.info), t.namespace, t.name, 'strategic', patch, { dryRun: dryRun === 'server', fieldManager: inv.flags.string('field-manager') });
      printOp(inv, out, t.info, op, dryRun);
    } catch (err) {
      errors.push(new KubectlError(`failed to patch ${op === 'image updated' ? 'image update to pod template' : op.replace(/ updated$/, '')}: ${err instanceof Error ? err.message : String(err)}`));
    }
  }
  throwCollected(errors);
}

const imageCmd: VerbSpec = {
  name: 'image', group: 'deploy', short: 'Update the image of a pod template', flags: common,
  async run(inv) {
    const { resources, pairs } = resourcesAndPairs(inv.args, 'image');
    if (resources.length === 0 && inv.flags.strings('filename').length === 0) throw new KubectlError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
    if (pairs.length === 0) throw new KubectlError('at least one image update is required');
    const images = new Map<string, string>();
    for (const p of pairs) { const i = p.indexOf('='); images.set(p.slice(0, i), p.slice(i + 1)); }
    if (images.has('*') && images.size > 1) throw new KubectlError('all containers are already specified by *, but saw more than one container_name=container_image pairs');
    await mutate(inv, resources, 'image updated', (obj, _t, errors) => {
      const spec = podSpecOf(obj);
      if (!spec) throw new KubectlError(`error: ${obj.kind} is not supported`);
      for (const [name, image] of images) {
        const set = (list: readonly Container[] | undefined): boolean => {
          let found = false;
          for (const c of list ?? []) if (name === '*' || c.name === name) { (c as { image?: string }).image = image; found = true; }
          return found;
        };
        const a = set(spec.initContainers), b = set(spec.containers);
        if (!a && !b) errors.push(new KubectlError(`error: unable to find container named "${name}"`));
      }
    });
  },
};

const envCmd: VerbSpec = {
  name: 'env', group: 'deploy', short: 'Update environment variables on a pod template',
  flags: [...common, { name: 'containers', short: 'c', type: 'string', default: '*' }, { name: 'list', type: 'bool', default: false }, { name: 'overwrite', type: 'bool', default: true }, { name: 'env', short: 'e', type: 'stringArray', default: [] }],
  async run(inv) {
    const { resources, pairs } = resourcesAndPairs(inv.args, 'env');
    const all = [...inv.flags.strings('env'), ...pairs];
    const add: { name: string; value: string }[] = [], remove: string[] = [];
    for (const p of all) {
      if (p.includes('=')) { const i = p.indexOf('='); add.push({ name: p.slice(0, i), value: p.slice(i + 1) }); }
      else if (p.endsWith('-')) remove.push(p.slice(0, -1));
      else throw new KubectlError(`invalid key value pair: ${p}`);
    }
    const match = inv.flags.string('containers');
    if (inv.flags.bool('list')) {
      const { targets, errors } = resolveTargets(inv, resources, { requireObject: true });
      for (const t of targets) {
        for (const c of podSpecOf(t.object!)?.containers ?? []) {
          if (match !== '*' && c.name !== match) continue;
          inv.ctx.stdout(`# ${t.info.kind} ${t.name}, container ${c.name}\n`);
          for (const e of c.env ?? []) inv.ctx.stdout(e.valueFrom ? `# ${e.name} from ${Object.keys(e.valueFrom)[0]}\n` : `${e.name}=${e.value ?? ''}\n`);
        }
      }
      throwCollected(errors);
      return;
    }
    if (add.length === 0 && remove.length === 0) throw new KubectlError('at least one environment variable must be provided');
    await mutate(inv, resources, 'env updated', (obj) => {
      const spec = podSpecOf(obj);
      if (!spec) throw new KubectlError(`error: ${obj.kind} is not supported`);
      for (const c of spec.containers ?? []) {
        if (match !== '*' && c.name !== match) continue;
        let env = [...(c.env ?? [])].filter((e) => !remove.includes(e.name));
        for (const a of add) {
          const i = env.findIndex((e) => e.name === a.name);
          if (i >= 0) env[i] = a; else env = [...env, a];
        }
        (c as { env?: unknown }).env = env.length ? env : undefined;
        if (env.length === 0) delete (c as { env?: unknown }).env;
      }
    });
  },
};

const selectorCmd: VerbSpec = {
  name: 'selector', group: 'deploy', short: 'Set the selector on a resource',
  flags: [...common, { name: 'resource-version', type: 'string', default: '' }],
  async run(inv) {
    if (inv.args.length < 2) throw new KubectlError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
    const selArg = inv.args[inv.args.length - 1]!;
    const selector: Record<string, string> = {};
    for (const part of selArg.split(',')) {
      const [k, v] = part.split('=');
      if (!k || v === undefined) throw new KubectlError(`invalid selector: ${selArg}`);
      selector[k] = v;
    }
    await mutate(inv, inv.args.slice(0, -1), 'selector updated', (obj) => {
      const spec = (obj.spec ??= {}) as Json;
      if (obj.kind === 'Service') spec.selector = selector;
      else {
        spec.selector = { matchLabels: selector };
      }
      const labels = (obj.metadata ??= {}).labels;
      void labels;
    });
  },
};

function parseQuantities(s: string): Record<string, string> | undefined {
  if (!s) return undefined;
  const out: Record<string, string> = {};
  for (const part of s.split(',')) {
    const [k, v] = part.split('=');
    if (!k || !v) throw new KubectlError(`invalid resource spec: ${part}`);
    out[k] = v;
  }
  return out;
}

const resourcesCmd: VerbSpec = {
  name: 'resources', group: 'deploy', short: 'Update resource requests/limits on objects with pod templates',
  flags: [...common, { name: 'containers', short: 'c', type: 'string', default: '*' }, { name: 'limits', type: 'string', default: '' }, { name: 'requests', type: 'string', default: '' }],
  async run(inv) {
    const limits = parseQuantities(inv.flags.string('limits')), requests = parseQuantities(inv.flags.string('requests'));
    if (!limits && !requests) throw new KubectlError('you must specify an update to requests or limits (in the form of --requests/--limits)');
    const match = inv.flags.string('containers');
    await mutate(inv, inv.args, 'resource requirements updated', (obj) => {
      const spec = podSpecOf(obj);
      if (!spec) throw new KubectlError(`error: ${obj.kind} is not supported`);
      let found = false;
      for (const c of spec.containers ?? []) {
        if (match !== '*' && c.name !== match) continue;
        found = true;
        const r = ((c as { resources?: Json }).resources ??= {}) as Record<string, Record<string, string>>;
        if (limits) r.limits = { ...(r.limits ?? {}), ...limits };
        if (requests) r.requests = { ...(r.requests ?? {}), ...requests };
      }
      if (!found) throw new KubectlError(`error: unable to find container named ${match}`);
    });
  },
};

export const setVerb: VerbSpec = {
  name: 'set', group: 'basic-intermediate', short: 'Set specific features on objects', flags: [],
  subcommands: [envCmd, imageCmd, resourcesCmd, selectorCmd],
};
