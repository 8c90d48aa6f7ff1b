/** `kubectl cluster-info` (kubectl pkg/cmd/clusterinfo): the control plane and the kube-system services labelled cluster-service. */
import type { VerbSpec } from '../registry.js';
import { KubectlError } from '../errors.js';

function serverOf(inv: Parameters<NonNullable<VerbSpec['run']>>[0]): string {
  const cfg = inv.ctx.config;
  const ctxName = inv.flags.string('context') || cfg.currentContext;
  const context = cfg.contexts.find((c) => c.name === ctxName);
  return cfg.clusters.find((c) => c.name === context?.cluster)?.server ?? cfg.clusters[0]?.server ?? '';
}

const dumpVerb: VerbSpec = {
  name: 'dump',
  group: 'other',
  short: 'Dump relevant information for debugging and diagnosis',
  flags: [{ name: 'all-namespaces', short: 'A', type: 'bool', default: false }, { name: 'namespaces', type: 'stringSlice', default: [] },
    { name: 'output-directory', type: 'string', default: '' }, { name: 'output', short: 'o', type: 'string', default: 'json' }],
  async run() { throw new KubectlError('cluster-info dump is not available in this simulated cluster'); },
};

export const clusterInfoVerb: VerbSpec = {
  name: 'cluster-info',
  aliases: ['clusterinfo'],
  group: 'cluster',
  short: 'Display cluster information',
  usage: 'kubectl cluster-info [flags] [options]',
  flags: [],
  subcommands: [dumpVerb],
  async run(inv) {
    const server = serverOf(inv);
    const bold = (s: string): string => (inv.ctx.isTTY ? `\x1b[0;32m${s}\x1b[0m` : s);
    const link = (s: string): string => (inv.ctx.isTTY ? `\x1b[0;33m${s}\x1b[0m` : s);
    let out = `${bold('Kubernetes control plane')} is running at ${link(server)}\n`;
    const svcs = inv.ctx.api.list({ group: '', resource: 'services' }, 'kube-system', { labelSelector: 'kubernetes.io/cluster-service=true' });
    for (const svc of svcs.items) {
      const name = svc.metadata?.labels?.['kubernetes.io/name'] ?? svc.metadata?.name ?? '';
      const ports = ((svc.spec as { ports?: { name?: string; port?: number }[] } | undefined)?.ports ?? []);
      const p = ports[0];
      const portName = p ? (p.name ? `:${p.name}` : p.port ? `:${p.port}` : '') : '';
      out += `${bold(name)} is running at ${link(`${server}/api/v1/namespaces/kube-system/services/${svc.metadata?.name ?? ''}${portName}/proxy`)}\n`;
    }
    out += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
    inv.ctx.stdout(out);
  },
};
