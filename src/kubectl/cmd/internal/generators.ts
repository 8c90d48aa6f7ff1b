/**
 * Objects kubectl builds client side for `create <kind>`, `run` and `expose`
 * (kubectl pkg/cmd/create/create_*.go, pkg/generate/versioned/run.go, pkg/cmd/expose).
 * Keys are inserted in Go struct field order so `-o json` prints in kubectl's order.
 */
import type { KubeObject } from '../../../cluster/api/types.js';
import { KubectlError } from '../../errors.js';

type Json = Record<string, unknown>;

function meta(name: string, namespace: string | undefined, labels?: Record<string, string>): Json {
  const m: Json = { name };
  if (namespace) m.namespace = namespace;
  m.creationTimestamp = null;
  if (labels && Object.keys(labels).length > 0) m.labels = labels;
  return m;
}

/** Container name from an image reference: last path element without tag or digest. */
export function containerNameFromImage(image: string): string {
  let name = image.split('/').pop() ?? image;
  name = name.split(':')[0]!.split('@')[0]!;
  return name.replace(/_/g, '-');
}

export function deploymentObject(name: string, namespace: string | undefined, images: string[], replicas: number, port: number, command: string[] = []): KubeObject {
  const labels = { app: name };
  const containers = images.map((image, i) => {
    const c: Json = { name: containerNameFromImage(image), image };
    if (i === 0 && command.length > 0) c.command = command;
    if (port >= 0) c.ports = [{ containerPort: port }];
    c.resources = {};
    return c;
  });
  return {
    kind: 'Deployment', apiVersion: 'apps/v1', metadata: meta(name, namespace, labels),
    spec: {
      replicas, selector: { matchLabels: { ...labels } },
      template: { metadata: { creationTimestamp: null, labels: { ...labels } }, spec: { containers } },
      strategy: {},
    },
    status: {},
  };
}

export type ServiceKind = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

/** create service <type>: ports from --tcp `port[:targetPort]` specs. */
export function serviceObject(name: string, namespace: string | undefined, type: ServiceKind, tcp: string[], opts: { clusterIP?: string; nodePort?: number; externalName?: string }): KubeObject {
  const ports = tcp.map((spec) => {
    const [p, t] = spec.split(':');
    const port = parseUint(p!, 32);
    const target = t === undefined ? port : /^\d+$/.test(t) ? parseUint(t, 32) : t;
    const entry: Json = { name: spec.replace(/:/g, '-'), protocol: 'TCP', port, targetPort: target };
    if (type === 'NodePort' && opts.nodePort) entry.nodePort = opts.nodePort;
    return entry;
  });
  const selector = { app: name };
  const spec: Json = {};
  if (ports.length > 0) spec.ports = ports;
  spec.selector = selector;
  if (opts.clusterIP) spec.clusterIP = opts.clusterIP;
  spec.type = type;
  if (opts.externalName) spec.externalName = opts.externalName;
  return { kind: 'Service', apiVersion: 'v1', metadata: meta(name, namespace, { app: name }), spec, status: { loadBalancer: {} } };
}

function parseUint(s: string, _bits: number): number {
  if (!/^\d+$/.test(s)) throw new KubectlError(`strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`);
  return Number(s);
}

export function namespaceObject(name: string): KubeObject {
  return { kind: 'Namespace', apiVersion: 'v1', metadata: meta(name, undefined), spec: {}, status: {} };
}

export function serviceAccountObject(name: string, namespace: string | undefined): KubeObject {
  return { kind: 'ServiceAccount', apiVersion: 'v1', metadata: meta(name, namespace) };
}

export function jobObject(name: string, namespace: string | undefined, image: string, command: string[]): KubeObject {
  const c: Json = { name, image };
  if (command.length > 0) c.command = command;
  c.resources = {};
  return {
    kind: 'Job', apiVersion: 'batch/v1', metadata: meta(name, namespace),
    spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [c], restartPolicy: 'Never' } } },
    status: {},
  };
}

export interface RunParams {
  name: string; namespace: string | undefined; image: string; labels: Record<string, string>; annotations: Record<string, string>;
  port?: number; env: { name: string; value: string }[]; args: string[]; command: boolean; restart: string;
  stdin: boolean; tty: boolean; stdinOnce: boolean; imagePullPolicy?: string; privileged: boolean;
}

/** pkg/generate/versioned/run.go BasicPod.Generate. */
export function runPodObject(p: RunParams): KubeObject {
  const m: Json = { name: p.name };
  if (p.namespace) m.namespace = p.namespace;
  m.creationTimestamp = null;
  m.labels = p.labels;
  if (Object.keys(p.annotations).length > 0) m.annotations = p.annotations;
  const c: Json = { name: p.name, image: p.image };
  if (p.args.length > 0) c[p.command ? 'command' : 'args'] = p.args;
  if (p.port !== undefined) c.ports = [{ containerPort: p.port }];
  if (p.env.length > 0) c.env = p.env;
  c.resources = {};
  if (p.imagePullPolicy) c.imagePullPolicy = p.imagePullPolicy;
  if (p.privileged) c.securityContext = { privileged: true };
  if (p.stdin) c.stdin = true;
  if (p.stdinOnce) c.stdinOnce = true;
  if (p.tty) c.tty = true;
  return {
    kind: 'Pod', apiVersion: 'v1', metadata: m,
    spec: { containers: [c], restartPolicy: p.restart, dnsPolicy: 'ClusterFirst' },
    status: {},
  };
}

/** `a=b,c=d` label lists (run --labels, expose --labels). */
export function parseLabelList(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!s) return out;
  for (const part of s.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new KubectlError(`invalid label spec: ${part}`);
    out[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return out;
}
