/**
 * Container hosts: what a shell inside a pod's container sees. The base here is what every
 * container gets from the kubelet and runtime (hostname, /etc/hosts, /etc/resolv.conf, the
 * service-account namespace file, the environment with Service variables); images registered
 * through `registerContainerImages` (src/shell/container) add their files and tools.
 */
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { ApiClient } from '../../cluster/index.js';
import { ashPrompt, bashPrompt, containerSetups, type ContainerHostParts, type ContainerSpec, type Host } from '../host.js';
import { busyboxCat, coreUtilities } from '../utils/index.js';
import { Vfs, writeTree, type VfsSnapshot } from '../vfs.js';

const PODS = { group: '', resource: 'pods' };
const SERVICES = { group: '', resource: 'services' };

/** `nginx-svc` → `NGINX_SVC` (pkg/kubelet/envvars makeEnvVariableName). */
function envName(s: string): string { return s.replace(/-/g, '_').toUpperCase(); }

/**
 * The Service variables the kubelet injects (pkg/kubelet/envvars/envvars.go FromServices):
 * `_SERVICE_HOST`, `_SERVICE_PORT`, `_SERVICE_PORT_<NAME>` and Docker-link `_PORT...` vars,
 * for Services with a ClusterIP that existed when the container started.
 */
export function serviceEnv(services: Service[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const svc of services) {
    const ip = svc.spec?.clusterIP;
    const ports = svc.spec?.ports ?? [];
    if (!ip || ip === 'None' || svc.spec?.type === 'ExternalName' || ports.length === 0) continue;
    const prefix = envName(svc.metadata?.name ?? '');
    env[`${prefix}_SERVICE_HOST`] = ip;
    env[`${prefix}_SERVICE_PORT`] = String(ports[0]!.port);
    for (const p of ports) if (p.name) env[`${prefix}_SERVICE_PORT_${envName(p.name)}`] = String(p.port);
    ports.forEach((p, i) => {
      const proto = (p.protocol ?? 'TCP').toLowerCase();
      const hostPort = `${ip}:${p.port}`;
      if (i === 0) env[`${prefix}_PORT`] = `${proto}://${hostPort}`;
      const pp = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`;
      env[pp] = `${proto}://${hostPort}`;
      env[`${pp}_PROTO`] = proto;
      env[`${pp}_PORT`] = String(p.port);
      env[`${pp}_ADDR`] = ip;
    });
  }
  return env;
}

/** Services visible to a pod: its namespace's (enableServiceLinks) plus default/kubernetes, created before `startedAt`. */
export function servicesForPod(api: ApiClient, pod: Pod, startedAt: number): Service[] {
  const ns = pod.metadata?.namespace ?? 'default';
  const list = (n: string): Service[] => {
    try { return api.list(SERVICES, n).items as Service[]; } catch { return []; }
  };
  const before = (s: Service) => Date.parse(s.metadata?.creationTimestamp ?? '') <= startedAt;
  const own = pod.spec?.enableServiceLinks === false ? [] : list(ns);
  const master = ns === 'default' ? [] : list('default').filter((s) => s.metadata?.name === 'kubernetes');
  return [...master, ...own].filter(before).sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''));
}

/** Reads the pod and builds what a container setup needs to know. Throws ApiError if the pod is gone. */
export function containerSpecFor(api: ApiClient, namespace: string, podName: string, containerName: string): ContainerSpec & { uid: string } {
  const pod = api.get(PODS, namespace, podName) as Pod;
  const c = pod.spec?.containers?.find((x) => x.name === containerName) ?? pod.spec?.containers?.[0];
  const started = pod.status?.containerStatuses?.find((s) => s.name === c?.name)?.state?.running?.startedAt
    ?? pod.status?.startTime ?? pod.metadata?.creationTimestamp ?? '';
  const startedAt = Date.parse(started) || Number.MAX_SAFE_INTEGER;
  const hostname = pod.spec?.hostname ?? podName;
  const env: Record<string, string> = {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOSTNAME: hostname,
    ...(c?.tty ? { TERM: 'xterm' } : {}),
    ...serviceEnv(servicesForPod(api, pod, startedAt)),
  };
  for (const e of c?.env ?? []) if (e.value !== undefined) env[e.name] = e.value;
  env.HOME = '/root';
  return {
    namespace, pod: podName, container: c?.name ?? containerName, image: c?.image ?? '',
    podIP: pod.status?.podIP, nodeName: pod.spec?.nodeName, env,
    argv: [...(c?.command ?? []), ...(c?.args ?? [])],
    // A restarted container starts from the image again: its files are a new instance's.
    uid: `${pod.metadata?.uid ?? ''}#${pod.status?.containerStatuses?.find((s) => s.name === c?.name)?.restartCount ?? 0}`,
  };
}

const isBusyboxLike = (image: string) => /(^|\/)(busybox|alpine)(:|@|$)/.test(image) || /^curlimages\//.test(image);

export interface ContainerHostOptions {
  now(): number;
  /** The cluster DNS server and domain for /etc/resolv.conf. */
  dnsServer: string;
  clusterDomain: string;
  /** A saved fs (the container was entered before in this session). */
  snapshot?: VfsSnapshot;
  /** The node's kernel release (`uname -r` in a container). */
  kernel?: string;
}

/** Builds the Host for a container; registered image setups decide files, tools and shell. */
export function createContainerHost(spec: ContainerSpec & { uid: string }, opts: ContainerHostOptions): Host {
  let parts: ContainerHostParts = {};
  for (const setup of containerSetups()) {
    const p = setup(spec);
    if (p) { parts = p; break; }
  }
  const dialect = parts.dialect ?? (isBusyboxLike(spec.image) ? 'ash' : 'bash');
  const hostname = spec.env.HOSTNAME ?? spec.pod;
  const user = 'root';
  const home = '/root';
  let fs: Vfs;
  if (opts.snapshot) fs = new Vfs({ now: opts.now, snapshot: opts.snapshot });
  else {
    fs = new Vfs({ now: opts.now, owner: 'root' });
    for (const d of ['bin', 'dev', 'etc', 'home', 'lib', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr/bin', 'usr/local/bin', 'usr/sbin', 'var/run/secrets/kubernetes.io/serviceaccount']) fs.mkdir('/' + d, true);
    fs.chmod('/tmp', 0o777);
    fs.writeFile('/etc/hostname', hostname + '\n');
    fs.writeFile('/etc/hosts', [
      '# Kubernetes-managed hosts file.', '127.0.0.1\tlocalhost', '::1\tlocalhost ip6-localhost ip6-loopback',
      'fe00::0\tip6-localnet', 'fe00::0\tip6-mcastprefix', 'fe00::1\tip6-allnodes', 'fe00::2\tip6-allrouters',
      ...(spec.podIP ? [`${spec.podIP}\t${hostname}`] : []), '',
    ].join('\n'));
    const d = opts.clusterDomain;
    fs.writeFile('/etc/resolv.conf', `search ${spec.namespace}.svc.${d} svc.${d} ${d}\nnameserver ${opts.dnsServer}\noptions ndots:5\n`);
    fs.writeFile('/var/run/secrets/kubernetes.io/serviceaccount/namespace', spec.namespace);
    if (parts.files) writeTree(fs, '/', parts.files);
  }
  const env = { ...spec.env, ...parts.env };
  return {
    id: `${spec.namespace}/${spec.pod}/${spec.container}@${spec.uid}`,
    label: `${spec.pod}/${spec.container}`,
    hostname,
    user,
    home,
    fs,
    env,
    commands: {
      ...coreUtilities({ now: opts.now, user, hostname, ip: spec.podIP, kernel: opts.kernel }),
      // busybox applets word some errors their own way.
      ...(dialect === 'ash' ? { cat: busyboxCat } : {}),
      ...parts.commands,
    },
    paths: parts.paths,
    dialect,
    workdir: parts.workdir ?? '/',
    prompt: (cwd) => (dialect === 'ash' ? ashPrompt(user, home, cwd) : bashPrompt(user, hostname, home, cwd)),
  };
}

/** The cluster DNS Service's IP (kube-system/kube-dns), as kubelet's --cluster-dns. */
export function clusterDnsIP(api: ApiClient): string {
  try {
    const svc = api.get(SERVICES, 'kube-system', 'kube-dns') as Service;
    if (svc.spec?.clusterIP) return svc.spec.clusterIP;
  } catch { /* no DNS add-on */ }
  return '10.96.0.10';
}
