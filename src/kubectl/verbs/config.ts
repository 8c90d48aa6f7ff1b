/**
 * `kubectl config` (kubectl pkg/cmd/config): the kubeconfig lives in the session (ctx.config);
 * view, current-context, get-contexts/clusters/users, use-context, set-context, delete-context.
 */
import type { KubeConfigState } from '../context.js';
import { KubectlError } from '../errors.js';
import { parseOutput, renderObject } from '../printers/output.js';
import { formatTable } from '../printers/tabwriter.js';
import type { Invocation, VerbSpec } from '../registry.js';

/** The kubeconfig as `kubectl config view` shows it (credentials omitted). */
export function kubeconfigDocument(cfg: KubeConfigState, minify: boolean): Record<string, unknown> {
  const current = cfg.contexts.find((c) => c.name === cfg.currentContext);
  const contexts = minify ? (current ? [current] : []) : cfg.contexts;
  const clusters = minify ? cfg.clusters.filter((c) => c.name === current?.cluster) : cfg.clusters;
  const users = minify ? cfg.users.filter((u) => u.name === current?.user) : cfg.users;
  return {
    apiVersion: 'v1',
    // Credentials are never shown in full: a TLS cluster has a CA and client certificates (kind, kubeadm).
    clusters: clusters.map((c) => ({ cluster: { ...(c.server.startsWith('https:') ? { 'certificate-authority-data': 'DATA+OMITTED' } : {}), server: c.server }, name: c.name })),
    contexts: contexts.map((c) => ({ context: { cluster: c.cluster, ...(c.namespace ? { namespace: c.namespace } : {}), user: c.user }, name: c.name })),
    'current-context': cfg.currentContext,
    kind: 'Config',
    preferences: {},
    users: users.map((u) => {
      const tls = clusters.some((c) => c.server.startsWith('https:'));
      return { name: u.name, user: tls ? { 'client-certificate-data': 'DATA+OMITTED', 'client-key-data': 'DATA+OMITTED' } : {} };
    }),
  };
}

const view: VerbSpec = {
  name: 'view', group: 'other', short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  flags: [
    { name: 'minify', type: 'bool', default: false }, { name: 'raw', type: 'bool', default: false },
    { name: 'flatten', type: 'bool', default: false }, { name: 'merge', type: 'bool', default: true },
    { name: 'output', short: 'o', type: 'string', default: 'yaml' }, { name: 'template', type: 'string', default: '' },
    { name: 'allow-missing-template-keys', type: 'bool', default: true }, { name: 'show-managed-fields', type: 'bool', default: false },
  ],
  async run(inv) {
    const format = parseOutput(inv.flags.string('output'), inv.ctx.files, { tables: false, template: inv.flags.string('template') })!;
    inv.ctx.stdout(renderObject(format, kubeconfigDocument(inv.ctx.config, inv.flags.bool('minify')), () => 'config'));
  },
};

const currentContext: VerbSpec = {
  name: 'current-context', group: 'other', short: 'Display the current-context', flags: [],
  async run(inv) {
    if (!inv.ctx.config.currentContext) throw new KubectlError('current-context is not set');
    inv.ctx.stdout(`${inv.ctx.config.currentContext}\n`);
  },
};

const getContexts: VerbSpec = {
  name: 'get-contexts', group: 'other', short: 'Describe one or many contexts',
  flags: [{ name: 'no-headers', type: 'bool', default: false }, { name: 'output', short: 'o', type: 'string', default: '' }],
  async run(inv) {
    const cfg = inv.ctx.config;
    const wanted = inv.args.length ? inv.args : cfg.contexts.map((c) => c.name).sort();
    if (inv.flags.string('output') === 'name') {
      inv.ctx.stdout(wanted.filter((n) => cfg.contexts.some((c) => c.name === n)).map((n) => `${n}\n`).join(''));
      return;
    }
    const rows: string[][] = inv.flags.bool('no-headers') ? [] : [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE']];
    const missing: string[] = [];
    for (const name of wanted) {
      const c = cfg.contexts.find((x) => x.name === name);
      if (!c) { missing.push(name); continue; }
      rows.push([c.name === cfg.currentContext ? '*' : '', c.name, c.cluster, c.user, c.namespace ?? '']);
    }
    inv.ctx.stdout(formatTable(rows));
    if (missing.length) throw new KubectlError(`context ${missing[0]} not found`);
  },
};

const listNames = (name: string, short: string, pick: (cfg: KubeConfigState) => string[]): VerbSpec => ({
  name, group: 'other', short, flags: [],
  async run(inv) { inv.ctx.stdout(`NAME\n${pick(inv.ctx.config).map((n) => `${n}\n`).join('')}`); },
});

const useContext: VerbSpec = {
  name: 'use-context', aliases: ['use'], group: 'other', short: 'Set the current-context in a kubeconfig file', flags: [],
  async run(inv) {
    const name = inv.args[0] ?? '';
    if (inv.args.length !== 1) throw new KubectlError('Unexpected args: ' + `[${inv.args.join(' ')}]`);
    if (!inv.ctx.config.contexts.some((c) => c.name === name)) throw new KubectlError(`no context exists with the name: "${name}"`);
    inv.ctx.config.currentContext = name;
    inv.ctx.stdout(`Switched to context "${name}".\n`);
  },
};

function setContextRun(inv: Invocation): Promise<void> {
  const cfg = inv.ctx.config;
  const current = inv.flags.bool('current');
  const name = current ? cfg.currentContext : inv.args[0] ?? '';
  if (!name) throw new KubectlError('you must specify a non-empty context name or --current');
  if (current && inv.args.length) throw new KubectlError('you cannot specify both a context name and --current');
  let c = cfg.contexts.find((x) => x.name === name);
  const created = !c;
  if (!c) { c = { name, cluster: '', user: '' }; cfg.contexts.push(c); }
  if (inv.flags.has('cluster')) c.cluster = inv.flags.string('cluster');
  if (inv.flags.has('user')) c.user = inv.flags.string('user');
  if (inv.flags.has('namespace')) c.namespace = inv.flags.string('namespace') || undefined;
  inv.ctx.stdout(`Context "${name}" ${created ? 'created' : 'modified'}.\n`);
  return Promise.resolve();
}

const setContext: VerbSpec = {
  name: 'set-context', group: 'other', short: 'Set a context entry in kubeconfig',
  flags: [{ name: 'current', type: 'bool', default: false }],
  run: setContextRun,
};

const deleteContext: VerbSpec = {
  name: 'delete-context', group: 'other', short: 'Delete the specified context from the kubeconfig', flags: [],
  async run(inv) {
    const name = inv.args[0] ?? '';
    const cfg = inv.ctx.config;
    const i = cfg.contexts.findIndex((c) => c.name === name);
    if (i < 0) throw new KubectlError(`cannot delete context ${name}, not in kubeconfig`);
    cfg.contexts.splice(i, 1);
    if (cfg.currentContext === name) inv.ctx.stderr('warning: this removed your active context, use "kubectl config use-context" to select a different one\n');
    inv.ctx.stdout(`deleted context ${name} from kubeconfig\n`);
  },
};

export const configVerb: VerbSpec = {
  name: 'config',
  group: 'other',
  short: 'Modify kubeconfig files using subcommands like "kubectl config set current-context my-context"',
  usage: 'kubectl config SUBCOMMAND [options]',
  flags: [],
  subcommands: [
    currentContext, deleteContext,
    listNames('get-clusters', 'Display clusters defined in the kubeconfig', (c) => c.clusters.map((x) => x.name)),
    getContexts,
    listNames('get-users', 'Display users defined in the kubeconfig', (c) => c.users.map((x) => x.name)),
    setContext, useContext, view,
  ],
};
