/**
 * ValidatePodSpec and the container checks it makes (pkg/apis/core/validation/validation.go),
 * the common subset: names, images, ports, env, volumes and mounts, policies, probes.
 */
import { fe, type FieldError } from '../errors.js';
import { isObject, type JsonObject } from '../util.js';
import { quantityValue } from '../quantity.js';
import { isDNS1123Label, isDNS1123Subdomain, isValidPortName, isValidPortNum } from '../validation.js';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];

function validateVolumes(vols: unknown, path: string): { errs: FieldError[]; names: Set<string> } {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  if (!Array.isArray(vols)) return { errs, names };
  vols.forEach((v, i) => {
    const p = `${path}[${i}]`;
    if (!isObject(v)) return;
    const name = typeof v.name === 'string' ? v.name : '';
    if (!name) errs.push(fe.required(`${p}.name`));
    else {
      for (const m of isDNS1123Label(name)) errs.push(fe.invalid(`${p}.name`, name, m));
      if (names.has(name)) errs.push(fe.duplicate(`${p}.name`, name));
    }
    names.add(name);
    const sources = Object.keys(v).filter((k) => k !== 'name');
    if (sources.length === 0) errs.push(fe.required(p, 'must specify a volume type'));
    else if (sources.length > 1) errs.push(fe.forbidden(`${p}.${sources[1]}`, 'may not specify more than 1 volume type'));
    if (isObject(v.configMap) && !v.configMap.name) errs.push(fe.required(`${p}.configMap.name`));
    if (isObject(v.secret) && !v.secret.secretName) errs.push(fe.required(`${p}.secret.secretName`));
    if (isObject(v.hostPath) && !v.hostPath.path) errs.push(fe.required(`${p}.hostPath.path`));
    if (isObject(v.persistentVolumeClaim) && !v.persistentVolumeClaim.claimName) errs.push(fe.required(`${p}.persistentVolumeClaim.claimName`));
  });
  return { errs, names };
}

function validatePorts(ports: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!Array.isArray(ports)) return errs;
  const names = new Set<string>();
  ports.forEach((port, i) => {
    if (!isObject(port)) return;
    const p = `${path}[${i}]`;
    if (typeof port.name === 'string' && port.name !== '') {
      for (const m of isValidPortName(port.name)) errs.push(fe.invalid(`${p}.name`, port.name, m));
      if (names.has(port.name)) errs.push(fe.duplicate(`${p}.name`, port.name));
      names.add(port.name);
    }
    const cp = port.containerPort;
    if (cp === undefined || cp === 0) errs.push(fe.required(`${p}.containerPort`));
    else for (const m of isValidPortNum(Number(cp))) errs.push(fe.invalid(`${p}.containerPort`, cp, m));
    if (port.hostPort !== undefined && port.hostPort !== 0) for (const m of isValidPortNum(Number(port.hostPort))) errs.push(fe.invalid(`${p}.hostPort`, port.hostPort, m));
    if (port.protocol === undefined || port.protocol === '') errs.push(fe.required(`${p}.protocol`));
    else if (!PROTOCOLS.includes(String(port.protocol))) errs.push(fe.notSupported(`${p}.protocol`, port.protocol, PROTOCOLS));
  });
  return errs;
}

function validateEnv(env: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!Array.isArray(env)) return errs;
  env.forEach((e, i) => {
    if (!isObject(e)) return;
    const p = `${path}[${i}]`;
    const name = typeof e.name === 'string' ? e.name : '';
    if (!name) errs.push(fe.required(`${p}.name`));
    else if (name.includes('=') || !/^[\x20-\x7e]+$/.test(name)) {
      errs.push(fe.invalid(`${p}.name`, name, "a valid environment variable name must consist only of printable ASCII characters other than '='"));
    }
    if (e.value !== undefined && e.value !== '' && e.valueFrom !== undefined) {
      errs.push(fe.invalid(`${p}.valueFrom`, '', "may not be specified when `value` is not empty"));
    }
  });
  return errs;
}

const STANDARD_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage']);

/** ValidateContainerResourceRequirements: names, non-negative values, requests <= limits. */
function validateResources(r: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!isObject(r)) return errs;
  const limits = isObject(r.limits) ? r.limits : {};
  const requests = isObject(r.requests) ? r.requests : {};
  for (const [kind, list] of [['limits', limits], ['requests', requests]] as const) {
    for (const name of Object.keys(list).sort()) {
      const q = `${path}.${kind}[${name}]`;
      if (!STANDARD_RESOURCES.has(name) && !name.includes('/') && !name.startsWith('hugepages-')) {
        errs.push(fe.invalid(q, name, 'must be a standard resource for containers'));
        continue;
      }
      const v = quantityValue(list[name]);
      if (v !== undefined && v < 0) errs.push(fe.invalid(q, String(list[name]), 'must be greater than or equal to 0'));
    }
  }
  for (const name of Object.keys(requests).sort()) {
    if (limits[name] === undefined) continue;
    const req = quantityValue(requests[name]), lim = quantityValue(limits[name]);
    if (req !== undefined && lim !== undefined && req > lim) {
      errs.push(fe.invalid(`${path}.requests`, String(requests[name]), `must be less than or equal to ${name} limit of ${String(limits[name])}`));
    }
  }
  return errs;
}

function validateContainer(c: JsonObject, p: string, volumes: Set<string>, seen: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  const name = typeof c.name === 'string' ? c.name : '';
  if (!name) errs.push(fe.required(`${p}.name`));
  else {
    for (const m of isDNS1123Label(name)) errs.push(fe.invalid(`${p}.name`, name, m));
    if (seen.has(name)) errs.push(fe.duplicate(`${p}.name`, name));
  }
  seen.add(name);
  if (typeof c.image !== 'string' || c.image.trim() === '') errs.push(fe.required(`${p}.image`));
  else if (c.image !== c.image.trim()) errs.push(fe.invalid(`${p}.image`, c.image, 'must not have leading or trailing whitespace'));
  errs.push(...validatePorts(c.ports, `${p}.ports`));
  errs.push(...validateEnv(c.env, `${p}.env`));
  if (Array.isArray(c.volumeMounts)) {
    const paths = new Set<string>();
    c.volumeMounts.forEach((vm, i) => {
      if (!isObject(vm)) return;
      const q = `${p}.volumeMounts[${i}]`;
      const vn = typeof vm.name === 'string' ? vm.name : '';
      if (!vn) errs.push(fe.required(`${q}.name`));
      else if (!volumes.has(vn)) errs.push(fe.notFound(`${q}.name`, vn));
      const mp = typeof vm.mountPath === 'string' ? vm.mountPath : '';
      if (!mp) errs.push(fe.required(`${q}.mountPath`));
      else if (paths.has(mp)) errs.push(fe.invalid(`${q}.mountPath`, mp, 'must be unique'));
      paths.add(mp);
    });
  }
  if (c.imagePullPolicy === undefined || c.imagePullPolicy === '') errs.push(fe.required(`${p}.imagePullPolicy`));
  else if (!PULL_POLICIES.includes(String(c.imagePullPolicy))) errs.push(fe.notSupported(`${p}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
  errs.push(...validateResources(c.resources, `${p}.resources`));
  if (c.terminationMessagePolicy !== undefined && !TERMINATION_MESSAGE_POLICIES.includes(String(c.terminationMessagePolicy))) {
    errs.push(fe.notSupported(`${p}.terminationMessagePolicy`, c.terminationMessagePolicy, TERMINATION_MESSAGE_POLICIES));
  }
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const pr = c[probe];
    if (!isObject(pr)) continue;
    const handlers = ['exec', 'httpGet', 'tcpSocket', 'grpc'].filter((h) => pr[h] !== undefined);
    if (handlers.length === 0) errs.push(fe.required(`${p}.${probe}`, 'must specify a handler type'));
    else if (handlers.length > 1) errs.push(fe.forbidden(`${p}.${probe}.${handlers[1]}`, 'may not specify more than 1 handler type'));
    const hg = pr.httpGet;
    if (isObject(hg)) {
      if (typeof hg.port === 'number') for (const m of isValidPortNum(hg.port)) errs.push(fe.invalid(`${p}.${probe}.httpGet.port`, hg.port, m));
    }
    if ((probe === 'livenessProbe' || probe === 'startupProbe') && pr.successThreshold !== undefined && pr.successThreshold !== 1) {
      errs.push(fe.invalid(`${p}.${probe}.successThreshold`, pr.successThreshold, 'must be 1'));
    }
  }
  return errs;
}

export function validatePodSpec(spec: unknown, path: string, opts: { restartPolicies?: string[] } = {}): FieldError[] {
  const errs: FieldError[] = [];
  if (!isObject(spec)) return [fe.required(`${path}.containers`)];
  const { errs: volErrs, names: volumes } = validateVolumes(spec.volumes, `${path}.volumes`);
  errs.push(...volErrs);
  const seen = new Set<string>();
  if (!Array.isArray(spec.containers) || spec.containers.length === 0) errs.push(fe.required(`${path}.containers`));
  else spec.containers.forEach((c, i) => { if (isObject(c)) errs.push(...validateContainer(c, `${path}.containers[${i}]`, volumes, seen)); });
  if (Array.isArray(spec.initContainers)) {
    spec.initContainers.forEach((c, i) => { if (isObject(c)) errs.push(...validateContainer(c, `${path}.initContainers[${i}]`, volumes, seen)); });
  }
  const rp = spec.restartPolicy;
  const allowed = opts.restartPolicies ?? RESTART_POLICIES;
  if (rp === undefined || rp === '') errs.push(fe.required(`${path}.restartPolicy`));
  else if (!allowed.includes(String(rp))) errs.push(fe.notSupported(`${path}.restartPolicy`, rp, allowed));
  const dp = spec.dnsPolicy;
  if (dp === undefined || dp === '') errs.push(fe.required(`${path}.dnsPolicy`));
  else if (!DNS_POLICIES.includes(String(dp))) errs.push(fe.notSupported(`${path}.dnsPolicy`, dp, DNS_POLICIES));
  if (typeof spec.nodeName === 'string' && spec.nodeName !== '') {
    for (const m of isDNS1123Subdomain(spec.nodeName)) errs.push(fe.invalid(`${path}.nodeName`, spec.nodeName, m));
  }
  if (typeof spec.serviceAccountName === 'string' && spec.serviceAccountName !== '') {
    for (const m of isDNS1123Subdomain(spec.serviceAccountName)) errs.push(fe.invalid(`${path}.serviceAccountName`, spec.serviceAccountName, m));
  }
  if (typeof spec.terminationGracePeriodSeconds === 'number' && spec.terminationGracePeriodSeconds < 0) {
    // Negative values are tolerated and mean 1s since 1.21 (with a warning); nothing to reject.
  }
  if (typeof spec.activeDeadlineSeconds === 'number' && spec.activeDeadlineSeconds <= 0) {
    errs.push(fe.invalid(`${path}.activeDeadlineSeconds`, spec.activeDeadlineSeconds, 'must be between 1 and 2147483647, inclusive'));
  }
  if (typeof spec.hostname === 'string' && spec.hostname !== '') for (const m of isDNS1123Label(spec.hostname)) errs.push(fe.invalid(`${path}.hostname`, spec.hostname, m));
  if (typeof spec.subdomain === 'string' && spec.subdomain !== '') for (const m of isDNS1123Label(spec.subdomain)) errs.push(fe.invalid(`${path}.subdomain`, spec.subdomain, m));
  return errs;
}
