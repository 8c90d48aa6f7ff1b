/**
 * kubectl expose (pkg/cmd/expose/expose.go RunExpose, createService; selectors, ports and
 * protocols by introspection as polymorphichelpers do for pods, services, RCs, RSs, deployments).
 */
import type { KubeObject } from '../../cluster/api/types.js';
import { KubectlError } from '../errors.js';
import type { Invocation, VerbSpec } from '../registry.js';
import { dryRunFlag, dryRunOf, filenameFlags, outputFlags, printOp, resolveType, throwCollected, usage } from './internal/kit.js';
import { resolveTargets } from './internal/targets.js';

const EXPOSABLE = new Set(['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet']);
type Json = Record<string, unknown>;

interface PortInfo { port: string; protocol: string }

function containersOf(obj: KubeObject): Json[] {
  const spec = obj.spec as Json | undefined;
  if (obj.kind === 'Pod') return (spec?.containers as Json[]) ?? [];
  const tmpl = (spec?.template as Json | undefined)?.spec as Json | undefined;
  return (tmpl?.containers as Json[]) ?? [];
}

function introspectPorts(obj: KubeObject): PortInfo[] {
  if (obj.kind === 'Service') {
    return (((obj.spec as Json)?.ports as Json[]) ?? []).map((p) => ({ port: String(p.port), protocol: String(p.protocol ?? 'TCP') }));
  }
  const out: PortInfo[] = [];
  for (const c of containersOf(obj)) for (const p of (c.ports as Json[]) ?? []) out.push({ port: String(p.containerPort), protocol: String(p.protocol ?? 'TCP') });
  return out;
}

function selectorOf(obj: KubeObject): Record<string, string> {
  const spec = (obj.spec ?? {}) as Json;
  switch (obj.kind) {
    case 'Pod': {
      const l = obj.metadata?.labels ?? {};
      if (Object.keys(l).length === 0) throw new Error('the pod has no labels and cannot be exposed');
      return { ...l };
    }
    case 'Service': {
      const s = spec.selector as Record<string, string> | undefined;
      if (!s || Object.keys(s).length === 0) throw new Error('the service has no pod selector set');
      return { ...s };
    }
    case 'ReplicationController': return { ...((spec.selector as Record<string, string>) ?? {}) };
    default: {
      const sel = (spec.selector ?? {}) as { matchLabels?: Record<string, string>; matchExpressions?: unknown[] };
      if (sel.matchExpressions && sel.matchExpressions.length > 0) {
        throw new Error(`couldn't convert expressions - "${JSON.stringify(sel.matchExpressions)}" to map-based selector format`);
      }
      if (!sel.matchLabels) throw new Error(`invalid ${obj.kind?.toLowerCase()}: no selectors, therefore cannot be exposed`);
      return { ...sel.matchLabels };
    }
  }
}

/** expose.go parseLabels. */
function parseLabels(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) throw new KubectlError(`unexpected label spec: ${part}`);
    if (kv[0] === '') throw new KubectlError('unexpected empty label key');
    out[kv[0]!] = kv[1]!;
  }
  return out;
}

function buildService(inv: Invocation, obj: KubeObject): KubeObject {
  const f = inv.flags;
  let selector: Record<string, string>;
  if (f.string('selector')) selector = parseLabels(f.string('selector'));
  else {
    try { selector = selectorOf(obj); } catch (e) { throw new KubectlError(`couldn't retrieve selectors via --selector flag or introspection: ${(e as Error).message}`); }
  }
  const headless = f.string('cluster-ip') === 'None';
  let ports: string[] = f.string('port') ? [f.string('port')] : [];
  const introspected = introspectPorts(obj);
  if (ports.length === 0) {
    ports = introspected.map((p) => p.port);
    if (ports.length === 0 && !headless) throw usage(inv, "couldn't find port via --port flag or introspection");
  }
  const protoMap = new Map<string, string[]>();
  for (const p of introspected) { const l = protoMap.get(p.port) ?? []; if (!l.includes(p.protocol)) l.push(p.protocol); protoMap.set(p.port, l); }
  const flagProtocol = f.string('protocol');
  const svcPorts: Json[] = [];
  ports.forEach((ps, i) => {
    if (!/^[+-]?\d+$/.test(ps)) throw new KubectlError(`strconv.Atoi: parsing "${ps}": invalid syntax`);
    const port = Number(ps);
    const name = ports.length > 1 ? `port-${i + 1}` : '';
    let protocol = flagProtocol || 'TCP';
    const found = flagProtocol ? undefined : protoMap.get(ps);
    if (found && found.length > 1) {
      for (const pr of found) svcPorts.push({ name: `port-${i + 1}-${pr.toLowerCase()}`, protocol: pr, port });
      return;
    }
    if (found) protocol = found[0]!;
    svcPorts.push({ ...(name ? { name } : {}), protocol, port });
  });
  const tp = f.string('target-port');
  for (const p of svcPorts) p.targetPort = tp ? (/^\d+$/.test(tp) ? Number(tp) : tp) : p.port;
  const labels = f.string('labels') ? parseLabels(f.string('labels')) : { ...(obj.metadata?.labels ?? {}) };
  const name = f.string('name') || (obj.metadata?.name ?? '').slice(0, 63);
  const meta: Json = { name };
  if (inv.namespaceExplicit && dryRunOf(inv) === 'client') meta.namespace = inv.namespace;
  meta.creationTimestamp = null;
  if (Object.keys(labels).length > 0) meta.labels = labels;
  const spec: Json = {};
  if (svcPorts.length > 0) spec.ports = svcPorts;
  spec.selector = selector;
  if (f.string('cluster-ip')) spec.clusterIP = f.string('cluster-ip');
  if (f.string('type')) spec.type = f.string('type');
  if (f.string('external-ip')) spec.externalIPs = [f.string('external-ip')];
  const aff = f.string('session-affinity');
  if (aff) {
    if (aff !== 'None' && aff !== 'ClientIP') throw new KubectlError(`unknown session affinity: ${aff}`);
    spec.sessionAffinity = aff;
  }
  if (f.string('type') === 'LoadBalancer' && f.string('load-balancer-ip')) spec.loadBalancerIP = f.string('load-balancer-ip');
  return { kind: 'Service', apiVersion: 'v1', metadata: meta, spec, status: { loadBalancer: {} } };
}

export const exposeVerb: VerbSpec = {
  name: 'expose', group: 'basic-beginner',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  usage: 'kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type]',
  flags: [
    ...filenameFlags, dryRunFlag, ...outputFlags,
    { name: 'port', type: 'string', default: '' },
    { name: 'target-port', type: 'string', default: '' },
    { name: 'protocol', type: 'string', default: '' },
    { name: 'type', type: 'string', default: '' },
    { name: 'name', type: 'string', default: '' },
    { name: 'selector', type: 'string', default: '' },
    { name: 'labels', short: 'l', type: 'string', default: '' },
    { name: 'external-ip', type: 'string', default: '' },
    { name: 'load-balancer-ip', type: 'string', default: '' },
    { name: 'session-affinity', type: 'string', default: '' },
    { name: 'cluster-ip', type: 'string', default: '' },
    { name: 'override-type', type: 'string', default: 'merge' },
    { name: 'overrides', type: 'string', default: '' },
    { name: 'save-config', type: 'bool', default: false },
    { name: 'field-manager', type: 'string', default: 'kubectl-expose' },
  ],
  async run(inv) {
    const dryRun = dryRunOf(inv);
    const t = inv.flags.string('type');
    if (t && !['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'].includes(t)) {
      throw new KubectlError(`invalid ServiceType: ${t}`);
    }
    const { targets, errors } = resolveTargets(inv, inv.args, { requireObject: true });
    for (const target of targets) {
      try {
        const obj = target.object!;
        if (!EXPOSABLE.has(target.info.kind)) {
          throw new KubectlError(`cannot expose a ${target.info.kind}${target.info.group ? '.' + target.info.group : ''}`);
        }
        let svc = buildService(inv, obj);
        if (dryRun !== 'client') {
          svc = inv.ctx.api.create({ group: '', resource: 'services' }, inv.namespace, svc, {
            dryRun: dryRun === 'server', fieldManager: inv.flags.string('field-manager'),
          });
        }
        printOp(inv, svc, resolveType(inv.ctx.api, 'services'), 'exposed', dryRun, dryRun === 'client');
      } catch (err) { errors.push(err); }
    }
    throwCollected(errors);
  },
};
