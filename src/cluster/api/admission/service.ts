/**
 * Services: SetDefaults_Service (pkg/apis/core/v1/defaults.go), ClusterIP and NodePort
 * allocation (pkg/registry/core/service/storage/alloc.go, ipallocator, portallocator:
 * random in the upper band past calculateRangeOffset), and ValidateService / Update.
 */
import { fe, invalid, type FieldError } from '../errors.js';
import type { KubeObject } from '../types.js';
import { isObject, type JsonObject } from '../util.js';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isValidPortName, isValidPortNum } from '../validation.js';
import { validateLabels } from './metadata.js';
import { goValue } from './gofmt.js';
import type { Admission, AdmissionContext } from './types.js';

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

export function parseIPv4(s: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!;
}
export function formatIPv4(n: number): string { return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.'); }

export function parseCIDR(cidr: string): { base: number; size: number } {
  const [ip, bits] = cidr.split('/');
  const b = Number(bits ?? 32);
  const mask = b === 0 ? 0 : (0xffffffff << (32 - b)) >>> 0;
  return { base: ((parseIPv4(ip ?? '') ?? 0) & mask) >>> 0, size: 2 ** (32 - b) };
}

const isHeadless = (spec: JsonObject): boolean => spec.clusterIP === 'None';

function usedClusterIPs(ctx: AdmissionContext, self: KubeObject): Set<string> {
  const used = new Set<string>();
  for (const s of ctx.list('', 'services')) {
    if (s.metadata?.uid && s.metadata.uid === self.metadata?.uid) continue;
    const spec = isObject(s.spec) ? s.spec : {};
    for (const ip of Array.isArray(spec.clusterIPs) ? spec.clusterIPs : [spec.clusterIP]) if (typeof ip === 'string') used.add(ip);
  }
  return used;
}

function usedNodePorts(ctx: AdmissionContext, self: KubeObject): Set<number> {
  const used = new Set<number>();
  for (const s of ctx.list('', 'services')) {
    if (s.metadata?.uid && s.metadata.uid === self.metadata?.uid) continue;
    const spec = isObject(s.spec) ? s.spec : {};
    for (const p of Array.isArray(spec.ports) ? spec.ports : []) if (isObject(p) && typeof p.nodePort === 'number') used.add(p.nodePort);
    if (typeof spec.healthCheckNodePort === 'number') used.add(spec.healthCheckNodePort);
  }
  return used;
}

/** calculateRangeOffset: the low band kept for static requests. */
function rangeOffset(size: number, divisor: number, max: number): number {
  return Math.min(Math.max(16, Math.floor(size / divisor)), max);
}

function allocateIP(ctx: AdmissionContext, svc: KubeObject, spec: JsonObject): void {
  const { base, size } = parseCIDR(ctx.profile.serviceCIDR);
  const first = base + 1, last = base + size - 2; // no network, no broadcast
  const used = usedClusterIPs(ctx, svc);
  const name = svc.metadata?.name ?? '';
  const requested = typeof spec.clusterIP === 'string' && spec.clusterIP !== '' ? spec.clusterIP : undefined;
  if (requested) {
    const n = parseIPv4(requested);
    const fail = (why: string): never => {
      throw invalid('', 'Service', name, [fe.invalid('spec.clusterIPs', [requested], `failed to allocate IP ${requested}: ${why}`)]);
    };
    if (n === undefined || n < first || n > last) fail(`the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${ctx.profile.serviceCIDR}`);
    if (used.has(requested)) fail('provided IP is already allocated');
    spec.clusterIPs = [requested];
    return;
  }
  const count = last - first + 1;
  const offset = rangeOffset(count, 16, 256);
  const tryBand = (lo: number, hi: number): number | undefined => {
    const n = hi - lo + 1;
    if (n <= 0) return undefined;
    const start = ctx.rng.int(n);
    for (let i = 0; i < n; i++) {
      const ip = lo + ((start + i) % n);
      if (!used.has(formatIPv4(ip))) return ip;
    }
    return undefined;
  };
  const ip = tryBand(first + offset, last) ?? tryBand(first, first + offset - 1);
  if (ip === undefined) {
    throw invalid('', 'Service', name, [fe.invalid('spec.clusterIPs', [], 'failed to allocate IP: range is full')]);
  }
  spec.clusterIP = formatIPv4(ip);
  spec.clusterIPs = [spec.clusterIP];
}

function allocateNodePorts(ctx: AdmissionContext, svc: KubeObject, spec: JsonObject): void {
  const [lo, hi] = ctx.profile.nodePortRange;
  const used = usedNodePorts(ctx, svc);
  const name = svc.metadata?.name ?? '';
  const ports = (Array.isArray(spec.ports) ? spec.ports : []).filter(isObject);
  ports.forEach((p, i) => {
    if (typeof p.nodePort !== 'number' || p.nodePort === 0) return;
    const n = p.nodePort;
    if (n < lo || n > hi) {
      throw invalid('', 'Service', name, [fe.invalid(`spec.ports[${i}].nodePort`, n, `provided port is not in the valid range. The range of valid ports is ${lo}-${hi}`)]);
    }
    if (used.has(n)) throw invalid('', 'Service', name, [fe.invalid(`spec.ports[${i}].nodePort`, n, 'provided port is already allocated')]);
    used.add(n);
  });
  const size = hi - lo + 1;
  const offset = rangeOffset(size, 32, 128);
  const pick = (): number | undefined => {
    for (const [a, b] of [[lo + offset, hi], [lo, lo + offset - 1]] as const) {
      const n = b - a + 1;
      if (n <= 0) continue;
      const start = ctx.rng.int(n);
      for (let i = 0; i < n; i++) { const port = a + ((start + i) % n); if (!used.has(port)) return port; }
    }
    return undefined;
  };
  // The same port number on TCP and UDP shares one node port (alloc.go's `portAllocated` map).
  const byPort = new Map<number, number>();
  ports.forEach((p, i) => {
    if (typeof p.nodePort === 'number' && p.nodePort !== 0) { byPort.set(Number(p.port), p.nodePort); return; }
    const shared = byPort.get(Number(p.port));
    const n = shared ?? pick();
    if (n === undefined) throw invalid('', 'Service', name, [fe.invalid(`spec.ports[${i}].nodePort`, 0, 'failed to allocate a nodePort: range is full')]);
    used.add(n); byPort.set(Number(p.port), n);
    p.nodePort = n;
  });
}

const needsClusterIP = (t: unknown): boolean => t !== 'ExternalName';
const needsNodePort = (t: unknown): boolean => t === 'NodePort' || t === 'LoadBalancer';
const nodePortsOf = (spec: JsonObject): unknown[] => (Array.isArray(spec.ports) ? spec.ports : []).map((p) => (isObject(p) ? p.nodePort : undefined));

/**
 * dropTypeDependentFields (pkg/registry/core/service/strategy.go): when the type changes, values the
 * server allocated for the old type go away, unless the client changed them in the same request.
 */
function dropTypeDependentFields(spec: JsonObject, old: JsonObject): void {
  if (needsClusterIP(old.type) && !needsClusterIP(spec.type) && spec.clusterIP === old.clusterIP) {
    for (const k of ['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy', 'internalTrafficPolicy']) delete spec[k];
  }
  if (needsNodePort(old.type) && !needsNodePort(spec.type) && JSON.stringify(nodePortsOf(spec)) === JSON.stringify(nodePortsOf(old))) {
    for (const p of Array.isArray(spec.ports) ? spec.ports : []) if (isObject(p)) delete p.nodePort;
  }
  if (old.type === 'LoadBalancer' && spec.type !== 'LoadBalancer') {
    if (spec.allocateLoadBalancerNodePorts === old.allocateLoadBalancerNodePorts) delete spec.allocateLoadBalancerNodePorts;
    if (spec.loadBalancerClass === old.loadBalancerClass) delete spec.loadBalancerClass;
  }
  if (needsNodePort(old.type) && !needsNodePort(spec.type) && spec.externalTrafficPolicy === old.externalTrafficPolicy) {
    delete spec.externalTrafficPolicy;
    if (spec.healthCheckNodePort === old.healthCheckNodePort) delete spec.healthCheckNodePort;
  }
}

function defaults(svc: KubeObject, ctx: AdmissionContext): void {
  if (!isObject(svc.spec)) svc.spec = {};
  const spec = svc.spec as JsonObject;
  if (!spec.type) spec.type = 'ClusterIP';
  if (ctx.op === 'update' && ctx.old && isObject(ctx.old.spec)) dropTypeDependentFields(spec, ctx.old.spec);
  if (!spec.sessionAffinity) spec.sessionAffinity = 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const cfg = isObject(spec.sessionAffinityConfig) ? spec.sessionAffinityConfig : (spec.sessionAffinityConfig = {});
    const cip = isObject(cfg.clientIP) ? cfg.clientIP : (cfg.clientIP = {});
    if (cip.timeoutSeconds === undefined) cip.timeoutSeconds = 10800;
  }
  if (isObject(spec.selector) && Object.keys(spec.selector).length === 0) delete spec.selector;
  for (const p of Array.isArray(spec.ports) ? spec.ports : []) {
    if (!isObject(p)) continue;
    if (!p.protocol) p.protocol = 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  const type = spec.type;
  if (type === 'NodePort' || type === 'LoadBalancer') {
    if (!spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  }
  if (type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined) spec.allocateLoadBalancerNodePorts = true;
  if (type !== 'ExternalName' && !spec.internalTrafficPolicy) spec.internalTrafficPolicy = 'Cluster';
  if (type === 'ExternalName') {
    for (const k of ['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy']) if (ctx.op === 'create') delete spec[k];
  }
  if (ctx.op === 'create') svc.status = { loadBalancer: {} };
  // Update: fields the server allocated stay unless the client changes them (patchAllocatedValues).
  if (ctx.op === 'update' && ctx.old && isObject(ctx.old.spec)) {
    const old = ctx.old.spec;
    if (type !== 'ExternalName' && old.type !== 'ExternalName') {
      for (const k of ['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy']) if (spec[k] === undefined || spec[k] === '') spec[k] = old[k];
      if ((type === 'NodePort' || type === 'LoadBalancer') && Array.isArray(spec.ports) && Array.isArray(old.ports)) {
        for (const p of spec.ports) {
          if (!isObject(p) || (p.nodePort !== undefined && p.nodePort !== 0)) continue;
          const match = old.ports.find((o) => isObject(o) && o.port === p.port && o.protocol === p.protocol) as JsonObject | undefined;
          if (match?.nodePort !== undefined) p.nodePort = match.nodePort;
        }
      }
    }
    if (svc.status === undefined) svc.status = ctx.old.status;
  }
}


function ipFamilies(spec: JsonObject): void {
  if (spec.type === 'ExternalName') return;
  if (!Array.isArray(spec.ipFamilies) || spec.ipFamilies.length === 0) {
    spec.ipFamilies = isHeadless(spec) && !isObject(spec.selector) ? ['IPv4', 'IPv6'] : ['IPv4'];
  }
  if (!spec.ipFamilyPolicy) spec.ipFamilyPolicy = isHeadless(spec) && !isObject(spec.selector) ? 'RequireDualStack' : 'SingleStack';
}

function validate(svc: KubeObject, ctx: AdmissionContext): FieldError[] {
  const errs: FieldError[] = [];
  const spec = isObject(svc.spec) ? svc.spec : {};
  const type = String(spec.type ?? '');
  if (!TYPES.includes(type)) errs.push(fe.notSupported('spec.type', spec.type, TYPES));
  const ports = Array.isArray(spec.ports) ? spec.ports : [];
  if (type === 'ExternalName') {
    const en = typeof spec.externalName === 'string' ? spec.externalName.replace(/\.$/, '') : '';
    if (!en) errs.push(fe.required('spec.externalName'));
    else for (const m of isDNS1123Subdomain(en)) errs.push(fe.invalid('spec.externalName', spec.externalName, m));
    if (spec.clusterIP) errs.push(fe.forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
  } else if (ports.length === 0 && !isHeadless(spec)) {
    errs.push(fe.required('spec.ports'));
  }
  const names = new Set<string>();
  const seenPorts = new Set<string>();
  ports.forEach((p, i) => {
    if (!isObject(p)) return;
    const path = `spec.ports[${i}]`;
    const name = typeof p.name === 'string' ? p.name : '';
    if (ports.length > 1 && !name) errs.push(fe.required(`${path}.name`));
    else if (name) {
      // ValidateDNS1123Label: kubectl create service names ports like 80-80.
      for (const m of isDNS1123Label(name)) errs.push(fe.invalid(`${path}.name`, name, m));
      if (names.has(name)) errs.push(fe.duplicate(`${path}.name`, name));
    }
    names.add(name);
    for (const m of isValidPortNum(Number(p.port ?? 0))) errs.push(fe.invalid(`${path}.port`, p.port ?? 0, m));
    if (!PROTOCOLS.includes(String(p.protocol))) errs.push(fe.notSupported(`${path}.protocol`, p.protocol, PROTOCOLS));
    const tp = p.targetPort;
    if (typeof tp === 'number') for (const m of isValidPortNum(tp)) errs.push(fe.invalid(`${path}.targetPort`, tp, m));
    else if (typeof tp === 'string') for (const m of isValidPortName(tp)) errs.push(fe.invalid(`${path}.targetPort`, tp, m));
    if (p.nodePort !== undefined && p.nodePort !== 0 && (type === 'ClusterIP' || type === 'ExternalName')) {
      errs.push(fe.forbidden(`${path}.nodePort`, `may not be used when \`type\` is '${type}'`));
    }
    const key = `${String(p.port)}/${String(p.protocol)}`;
    // The key is an internal core.ServicePort{Protocol, Port}; it marshals with Go field names.
    if (seenPorts.has(key)) errs.push(fe.duplicate(path, goValue(`{"Name":"","Protocol":${JSON.stringify(p.protocol ?? '')},"AppProtocol":null,"Port":${Number(p.port ?? 0)},"TargetPort":0,"NodePort":0}`)));
    seenPorts.add(key);
  });
  if (!['None', 'ClientIP'].includes(String(spec.sessionAffinity))) errs.push(fe.notSupported('spec.sessionAffinity', spec.sessionAffinity, ['ClientIP', 'None']));
  if (isObject(spec.selector)) errs.push(...validateLabels(spec.selector, 'spec.selector'));
  if (typeof spec.clusterIP === 'string' && spec.clusterIP !== '' && spec.clusterIP !== 'None' && parseIPv4(spec.clusterIP) === undefined) {
    errs.push(fe.invalid('spec.clusterIPs[0]', spec.clusterIP, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
  }
  if (spec.externalTrafficPolicy !== undefined && !['Cluster', 'Local'].includes(String(spec.externalTrafficPolicy))) {
    errs.push(fe.notSupported('spec.externalTrafficPolicy', spec.externalTrafficPolicy, ['Cluster', 'Local']));
  }
  if (spec.internalTrafficPolicy !== undefined && !['Cluster', 'Local'].includes(String(spec.internalTrafficPolicy))) {
    errs.push(fe.notSupported('spec.internalTrafficPolicy', spec.internalTrafficPolicy, ['Cluster', 'Local']));
  }
  if (ctx.op === 'update' && ctx.old && isObject(ctx.old.spec)) {
    const old = ctx.old.spec;
    if (old.type !== 'ExternalName' && type !== 'ExternalName' && old.clusterIP && spec.clusterIP !== old.clusterIP) {
      errs.push(fe.invalid('spec.clusterIPs[0]', spec.clusterIPs ?? null, 'may not change once set'));
    }
  }
  return errs;
}

export const serviceAdmission: Admission = {
  mutate(svc, ctx) {
    defaults(svc, ctx);
    ipFamilies(svc.spec as JsonObject);
  },
  validate,
  allocate(svc, ctx) {
    const spec = svc.spec as JsonObject;
    if (spec.type === 'ExternalName') return;
    const old = ctx.op === 'update' && ctx.old && isObject(ctx.old.spec) ? ctx.old.spec : undefined;
    if (!isHeadless(spec) && (!old || !old.clusterIP || old.type === 'ExternalName')) allocateIP(ctx, svc, spec);
    if (isHeadless(spec)) spec.clusterIPs = ['None'];
    if (spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false)) allocateNodePorts(ctx, svc, spec);
  },
};
