/**
 * Wires the container tools into the shell: a ContainerSetup (src/shell/host.ts) that, for a
 * pod's container, writes the image's files and registers its tools. Tools are registered for
 * every image but run only when their binary is on disk (see `gated`), so `apt install curl`
 * makes `curl` appear exactly as it does in a real container.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { imageRepo, networkFor, type Network, type NetworkHost } from '../../net/index.js';
import type { Command } from '../command.js';
import { registerContainerImages, type ContainerHostParts, type ContainerSetup, type ContainerSpec } from '../host.js';
import { apkCommand } from './apk.js';
import { aptCommand, archiveFor, installFiles } from './apt.js';
import { clusterDnsView, gated, upstreamDnsView, type ToolContext } from './context.js';
import { curlCommand } from './curl.js';
import { digCommand, getentCommand, hostCommand } from './dig.js';
import { imageFiles } from './files.js';
import { containerImage } from './images.js';
import { ncCommand } from './nc.js';
import { nginxCommand } from './nginx.js';
import { nslookupCommand } from './nslookup.js';
import { pingCommand } from './ping.js';
import { ipCommand, psCommand, type ProcessRow } from './procs.js';
import { wgetCommand } from './wget.js';

export type NetworkSource = (spec: ContainerSpec) => Network | undefined;

export function containerSetup(source: NetworkSource): ContainerSetup {
  return (spec) => {
    const net = source(spec);
    if (!net) return undefined;
    return containerParts(spec, net);
  };
}

export function containerParts(spec: ContainerSpec, net: Network): ContainerHostParts {
  const img = containerImage(spec.image);
  const { repo } = imageRepo(spec.image);
  const pod = net.view.pods(spec.namespace).find((p) => p.metadata?.name === spec.pod);
  const podIP = spec.podIP ?? pod?.status?.podIP ?? '';
  const ctx: ToolContext = {
    net: () => net, namespace: spec.namespace, pod: spec.pod, container: spec.container, podIP,
    hostname: pod?.spec?.hostname ?? spec.pod, image: img,
    // dnsPolicy Default (and ClusterFirst with hostNetwork) resolve like the node: no cluster names.
    dns: usesNodeDns(pod) ? { ...upstreamDnsView(() => net), nameserver: () => net.profileNameserver() } : clusterDnsView(() => net, spec.namespace),
  };
  const files = imageFiles(img, repo, {
    namespace: spec.namespace, podName: spec.pod, podIP, hostname: pod?.spec?.hostname, subdomain: pod?.spec?.subdomain,
    clusterDomain: net.dns.zone, resolvConf: resolvConfFor(net, spec.namespace, pod),
  });
  if (img.tools.includes('curl') || img.os === 'alpine') files['/etc/ssl/certs/ca-certificates.crt'] = '-----BEGIN CERTIFICATE-----\n';
  const tools: Record<string, Command> = {
    curl: curlCommand(ctx), wget: wgetCommand(ctx), nslookup: nslookupCommand(ctx), dig: digCommand(ctx),
    host: hostCommand(ctx), ping: pingCommand(ctx), ps: psCommand(ctx, (args) => processRows(net, spec, img.shell, args)), ip: ipCommand(ctx),
    getent: getentCommand(ctx), nc: ncCommand(ctx),
  };
  if (repo === 'nginx') {
    let next = 40;
    tools.nginx = nginxCommand(spec.image, () => net.now(), () => next++);
  }
  if (img.packages === 'apt') { tools.apt = aptCommand(ctx, 'apt'); tools['apt-get'] = aptCommand(ctx, 'apt-get'); }
  if (img.packages === 'apk') tools.apk = apkCommand(ctx);
  const commands = Object.fromEntries(Object.entries(tools).map(([n, c]) => [n, gated(n, ctx, c)]));
  // Packages behind preinstalled tools count as installed (nginx ships curl and its libraries).
  if (img.packages === 'apt') {
    const archive = archiveFor(ctx);
    const pre = archive.packages.filter((p) => p.provides?.some((b) => img.tools.includes(b)));
    const closure = new Set<string>();
    const visit = (n: string): void => {
      if (closure.has(n)) return;
      closure.add(n);
      for (const d of archive.packages.find((p) => p.name === n)?.depends ?? []) visit(d);
    };
    for (const p of pre) visit(p.name);
    for (const n of closure) files[`/var/lib/dpkg/info/${n}.list`] = '';
    void installFiles;
  }
  return {
    files, commands,
    dialect: img.shell === 'bash' ? 'bash' : 'ash',
    workdir: img.workdir,
  };
}

function usesNodeDns(pod: Pod | undefined): boolean {
  const policy = pod?.spec?.dnsPolicy ?? 'ClusterFirst';
  return policy === 'Default' || (policy === 'ClusterFirst' && pod?.spec?.hostNetwork === true);
}

/** ClusterFirst (default) gets the cluster resolv.conf; Default/None use the node's or the pod's own. */
function resolvConfFor(net: Network, namespace: string, pod: Pod | undefined): string {
  const policy = pod?.spec?.dnsPolicy ?? 'ClusterFirst';
  if (policy === 'None') {
    const c = pod?.spec?.dnsConfig;
    return `${c?.searches?.length ? `search ${c.searches.join(' ')}\n` : ''}${(c?.nameservers ?? []).map((n) => `nameserver ${n}\n`).join('')}` +
      `${c?.options?.length ? `options ${c.options.map((o) => (o.value ? `${o.name}:${o.value}` : o.name)).join(' ')}\n` : ''}`;
  }
  if (policy === 'Default' || (policy === 'ClusterFirst' && pod?.spec?.hostNetwork)) {
    const search = net.dns.nodeSearchDomains();
    return `${search.length ? `search ${search.join(' ')}\n` : ''}nameserver ${net.profileNameserver()}\n`;
  }
  return net.dns.resolvConf(namespace);
}

/**
 * What the runtime knows runs in the container (its main process, `kubectl exec` shells), plus
 * the `ps` itself, which gets the next PID of the pod's namespace. Without a runtime: the spec.
 */
function processRows(net: Network, spec: ContainerSpec, shell: string, args: string[]): ProcessRow[] {
  const rt = net.runtime();
  const known = rt?.processes?.(spec.namespace, spec.pod, spec.container) ?? [];
  if (!known.length) return processes(spec, shell);
  const isShell = (c: string) => /^(\/(usr\/)?bin\/)?(bash|sh|ash)$/.test(c);
  const rows: ProcessRow[] = known.map((p) => ({ pid: p.pid, ppid: p.ppid, user: p.user, command: p.command, tty: isShell(p.command), started: p.startedAt }));
  const now = net.now();
  const parent = [...rows].reverse().find((r) => r.tty);
  const pid = rt?.spawnProcess?.(spec.namespace, spec.pod, spec.container, 'ps', 'root', now);
  if (pid !== undefined) rt?.killProcess?.(spec.namespace, spec.pod, spec.container, pid);
  rows.push({ pid: pid ?? Math.max(...rows.map((r) => r.pid)) + 1, ppid: parent?.pid ?? 0, user: 'root', command: ['ps', ...args].join(' '), tty: parent !== undefined, started: now });
  return rows;
}

function processes(spec: ContainerSpec, shell: string): ProcessRow[] {
  const main = spec.argv.length ? spec.argv.join(' ') : shell === 'bash' ? 'bash' : 'sh';
  const rows: ProcessRow[] = [{ pid: 1, user: 'root', command: main.startsWith('nginx') ? 'nginx: master process nginx -g daemon off;' : main, tty: !main.startsWith('nginx') }];
  if (main.startsWith('nginx')) rows.push({ pid: 29, user: 'nginx', command: 'nginx: worker process', tty: false }, { pid: 30, user: 'nginx', command: 'nginx: worker process', tty: false });
  if (rows[0]!.tty === false || main !== (shell === 'bash' ? 'bash' : 'sh')) rows.push({ pid: 31, user: 'root', command: shell === 'bash' ? 'bash' : 'sh', tty: true });
  rows.push({ pid: rows[rows.length - 1]!.pid + 8, user: 'root', command: 'ps', tty: true });
  return rows;
}

let registered: ContainerSetup | undefined;
let current: Network | undefined;

/**
 * Makes container shells use this cluster's network: call once per cluster (the session
 * builder, the page, tests). The network is also reachable as `networkFor(cluster)`.
 */
export function attachCluster(cluster: NetworkHost): Network {
  current = networkFor(cluster);
  if (!registered) {
    registered = containerSetup(() => current);
    registerContainerImages(registered);
  }
  return current;
}

/** The network attached last (see attachCluster), for tools on the workstation. */
export function attachedNetwork(): Network | undefined { return current; }
