/**
 * kubectl create -f and the generators (pkg/cmd/create/create.go, create_deployment.go,
 * create_service.go, create_namespace.go, create_configmap.go, create_secret.go,
 * create_job.go, create_serviceaccount.go).
 */
import type { KubeObject, ResourceInfo } from '../../cluster/api/types.js';
import { KubectlError } from '../errors.js';
import type { FlagSpec } from '../flags.js';
import type { Invocation, VerbSpec } from '../registry.js';
import { validationDirective } from './apply.js';
import {
  deploymentObject, jobObject, namespaceObject, serviceAccountObject, serviceObject, type ServiceKind,
} from './internal/generators.js';
import { mappingFor } from '../builder.js';
import {
  addSourceToErr, clone, dryRunFlag, dryRunOf, filenameFlags, outputFlags, printOp, readManifests, refOf,
  throwCollected, usage, type DryRun,
} from './internal/kit.js';
import { withLastApplied } from './internal/last-applied.js';

const commonFlags: FlagSpec[] = [
  dryRunFlag, ...outputFlags,
  { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict' },
  { name: 'save-config', type: 'bool', default: false },
  { name: 'field-manager', type: 'string', default: 'kubectl-create' },
];

/** Send one generated object (create.go CreateSubcommandOptions.Run) and print its line. */
async function createGenerated(inv: Invocation, obj: KubeObject): Promise<void> {
  const dryRun = dryRunOf(inv);
  const api = inv.ctx.api;
  const info = mappingFor(api.discovery(), obj.apiVersion ?? '', obj.kind ?? '')!;
  let out = inv.flags.bool('save-config') ? withLastApplied(obj) : obj;
  if (dryRun !== 'client') {
    const ns = info.namespaced ? (obj.metadata?.namespace || inv.namespace) : undefined;
    out = api.create(refOf(info), ns, out, {
      dryRun: dryRun === 'server', fieldManager: inv.flags.string('field-manager'), fieldValidation: validationDirective(inv),
    });
  }
  emit(inv, info, out, dryRun, dryRun === 'client');
}

function emit(inv: Invocation, info: ResourceInfo, obj: KubeObject, dryRun: DryRun, typed = false): void {
  printOp(inv, obj, info, 'created', dryRun, typed);
}

function oneName(inv: Invocation): string {
  if (inv.args.length !== 1) throw usage(inv, `exactly one NAME is required, got ${inv.args.length}`);
  return inv.args[0]!;
}

function requireFlag(inv: Invocation, ...names: string[]): void {
  const missing = names.filter((n) => !inv.flags.has(n));
  if (missing.length > 0) throw new KubectlError(`required flag(s) ${missing.map((n) => `"${n}"`).join(', ')} not set`);
}

/** The namespace generators write into the object: only with an explicit -n (EnforceNamespace). */
function genNamespace(inv: Invocation): string | undefined { return inv.namespaceExplicit ? inv.namespace : undefined; }

const deploymentCmd: VerbSpec = {
  name: 'deployment', aliases: ['deploy'], group: 'basic-beginner',
  short: 'Create a deployment with the specified name',
  usage: 'kubectl create deployment NAME --image=image -- [COMMAND] [args...]',
  flags: [...commonFlags, { name: 'image', type: 'stringSlice', default: [] }, { name: 'replicas', short: 'r', type: 'int', default: 1 }, { name: 'port', type: 'int', default: -1 }],
  async run(inv) {
    requireFlag(inv, 'image');
    const name = oneName(inv);
    await createGenerated(inv, deploymentObject(name, genNamespace(inv), inv.flags.strings('image'), inv.flags.int('replicas'), inv.flags.int('port')));
  },
};

function serviceCmd(sub: string, type: ServiceKind, short: string): VerbSpec {
  const extra: FlagSpec[] = type === 'ExternalName'
    ? [{ name: 'external-name', type: 'string', default: '' }, { name: 'tcp', type: 'stringSlice', default: [] }]
    : [{ name: 'tcp', type: 'stringSlice', default: [] }, { name: 'clusterip', type: 'string', default: '' }, { name: 'node-port', type: 'int', default: 0 }];
  return {
    name: sub, group: 'basic-beginner', short, flags: [...commonFlags, ...extra],
    async run(inv) {
      if (type === 'ExternalName') requireFlag(inv, 'external-name');
      const name = oneName(inv);
      const tcp = inv.flags.strings('tcp');
      const clusterIP = type === 'ExternalName' ? undefined : inv.flags.string('clusterip') || undefined;
      if (tcp.length === 0 && type !== 'ExternalName' && clusterIP !== 'None') throw new KubectlError('at least one tcp port specifier must be provided');
      await createGenerated(inv, serviceObject(name, genNamespace(inv), type, tcp, {
        clusterIP, nodePort: type === 'NodePort' ? inv.flags.int('node-port') : undefined,
        externalName: type === 'ExternalName' ? inv.flags.string('external-name') : undefined,
      }));
    },
  };
}

const serviceGroup: VerbSpec = {
  name: 'service', aliases: ['svc'], group: 'basic-beginner', short: 'Create a service using a specified subcommand', flags: [],
  subcommands: [
    serviceCmd('clusterip', 'ClusterIP', 'Create a ClusterIP service'),
    serviceCmd('nodeport', 'NodePort', 'Create a NodePort service'),
    serviceCmd('loadbalancer', 'LoadBalancer', 'Create a LoadBalancer service'),
    serviceCmd('externalname', 'ExternalName', 'Create an ExternalName service'),
  ],
};

const namespaceCmd: VerbSpec = {
  name: 'namespace', aliases: ['ns'], group: 'basic-beginner', short: 'Create a namespace with the specified name', flags: commonFlags,
  async run(inv) { await createGenerated(inv, namespaceObject(oneName(inv))); },
};

const serviceAccountCmd: VerbSpec = {
  name: 'serviceaccount', aliases: ['sa'], group: 'basic-beginner', short: 'Create a service account with the specified name', flags: commonFlags,
  async run(inv) { await createGenerated(inv, serviceAccountObject(oneName(inv), genNamespace(inv))); },
};

const jobCmd: VerbSpec = {
  name: 'job', group: 'basic-beginner', short: 'Create a job with the specified name',
  flags: [...commonFlags, { name: 'image', type: 'string', default: '' }, { name: 'from', type: 'string', default: '' }],
  async run(inv) {
    const dash = inv.argsLenAtDash;
    const names = dash >= 0 ? inv.args.slice(0, dash) : inv.args;
    if (names.length !== 1) throw usage(inv, `exactly one NAME is required, got ${names.length}`);
    const image = inv.flags.string('image');
    if (!image && !inv.flags.string('from')) throw new KubectlError('either --image or --from must be specified');
    if (image && inv.flags.string('from')) throw new KubectlError('--image and --from are mutually exclusive');
    const command = dash >= 0 ? inv.args.slice(dash) : [];
    await createGenerated(inv, jobObject(names[0]!, genNamespace(inv), image, command));
  },
};

/** Key/value data for configmap and secret generic (--from-literal, --from-file, --from-env-file). */
function collectData(inv: Invocation, kind: string, name: string): Record<string, string> {
  const data: Record<string, string> = {};
  const add = (key: string, value: string): void => {
    if (key in data) throw new KubectlError(`cannot add key "${key}", another key by that name already exists in Data for ${kind} "${name}"`);
    data[key] = value;
  };
  for (const lit of inv.flags.strings('from-literal')) {
    const eq = lit.indexOf('=');
    if (eq <= 0) throw new KubectlError(`invalid literal source ${lit}, expected key=value`);
    add(lit.slice(0, eq), lit.slice(eq + 1).replace(/^"(.*)"$/, '$1'));
  }
  for (const spec of inv.flags.strings('from-file')) {
    const eq = spec.indexOf('=');
    const key = eq > 0 ? spec.slice(0, eq) : undefined;
    const path = eq > 0 ? spec.slice(eq + 1) : spec;
    const files = inv.ctx.files;
    if (!files.exists(path)) throw new KubectlError(`error reading ${path}: no such file or directory`);
    if (files.isDir(path)) {
      for (const entry of files.list(path)) {
        const full = `${path.replace(/\/$/, '')}/${entry}`;
        if (!files.isDir(full)) add(entry, files.read(full));
      }
    } else add(key ?? path.split('/').pop()!, files.read(path));
  }
  for (const path of inv.flags.strings('from-env-file')) {
    if (!inv.ctx.files.exists(path)) throw new KubectlError(`error reading ${path}: no such file or directory`);
    for (const line of inv.ctx.files.read(path).split('\n')) {
      const t = line.trim();
      if (!t || t.startsWith('#')) continue;
      const eq = t.indexOf('=');
      add(eq >= 0 ? t.slice(0, eq) : t, eq >= 0 ? t.slice(eq + 1) : '');
    }
  }
  return data;
}

const dataFlags: FlagSpec[] = [
  { name: 'from-literal', type: 'stringArray', default: [] },
  { name: 'from-file', type: 'stringSlice', default: [] },
  { name: 'from-env-file', type: 'stringSlice', default: [] },
  { name: 'append-hash', type: 'bool', default: false },
];

const configMapCmd: VerbSpec = {
  name: 'configmap', aliases: ['cm'], group: 'basic-beginner', short: 'Create a config map from a local file, directory or literal value',
  flags: [...commonFlags, ...dataFlags],
  async run(inv) {
    const name = oneName(inv);
    const data = collectData(inv, 'ConfigMap', name);
    const m: Record<string, unknown> = { name };
    if (inv.namespaceExplicit) m.namespace = inv.namespace;
    m.creationTimestamp = null;
    const obj: KubeObject = { kind: 'ConfigMap', apiVersion: 'v1', metadata: m };
    if (Object.keys(data).length > 0) obj.data = data;
    await createGenerated(inv, obj);
  },
};

function base64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

const secretGenericCmd: VerbSpec = {
  name: 'generic', group: 'basic-beginner', short: 'Create a secret from a local file, directory, or literal value',
  flags: [...commonFlags, ...dataFlags, { name: 'type', type: 'string', default: '' }],
  async run(inv) {
    const name = oneName(inv);
    const data = collectData(inv, 'Secret', name);
    const m: Record<string, unknown> = { name };
    if (inv.namespaceExplicit) m.namespace = inv.namespace;
    m.creationTimestamp = null;
    const obj: KubeObject = { kind: 'Secret', apiVersion: 'v1', metadata: m };
    if (Object.keys(data).length > 0) obj.data = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, base64(v)]));
    if (inv.flags.string('type')) obj.type = inv.flags.string('type');
    await createGenerated(inv, obj);
  },
};

function secretMeta(inv: Invocation, name: string): Record<string, unknown> {
  const m: Record<string, unknown> = { name };
  if (inv.namespaceExplicit) m.namespace = inv.namespace;
  m.creationTimestamp = null;
  return m;
}

/** create_secret_docker.go: a .dockerconfigjson with one auths entry (struct field order). */
const secretDockerCmd: VerbSpec = {
  name: 'docker-registry', group: 'basic-beginner', short: 'Create a secret for use with a Docker registry',
  flags: [...commonFlags,
    { name: 'docker-server', type: 'string', default: 'https://index.docker.io/v1/' },
    { name: 'docker-username', type: 'string', default: '' },
    { name: 'docker-password', type: 'string', default: '' },
    { name: 'docker-email', type: 'string', default: '' },
    { name: 'from-file', type: 'stringSlice', default: [] },
    { name: 'append-hash', type: 'bool', default: false }],
  async run(inv) {
    const name = oneName(inv);
    const f = inv.flags;
    let data: Record<string, string>;
    if (f.strings('from-file').length > 0) data = Object.fromEntries(Object.entries(collectData(inv, 'Secret', name)).map(([k, v]) => [k, base64(v)]));
    else {
      const user = f.string('docker-username'), pass = f.string('docker-password'), server = f.string('docker-server');
      if (!user || !pass || !server) throw new KubectlError('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
      const entry: Record<string, string> = { username: user, password: pass };
      if (f.string('docker-email')) entry.email = f.string('docker-email');
      entry.auth = base64(`${user}:${pass}`);
      data = { '.dockerconfigjson': base64(JSON.stringify({ auths: { [server]: entry } })) };
    }
    await createGenerated(inv, { kind: 'Secret', apiVersion: 'v1', metadata: secretMeta(inv, name), data, type: 'kubernetes.io/dockerconfigjson' });
  },
};

/** create_secret_tls.go: tls.crt and tls.key from PEM files. */
const secretTlsCmd: VerbSpec = {
  name: 'tls', group: 'basic-beginner', short: 'Create a TLS secret',
  flags: [...commonFlags, { name: 'cert', type: 'string', default: '' }, { name: 'key', type: 'string', default: '' }, { name: 'append-hash', type: 'bool', default: false }],
  async run(inv) {
    const name = oneName(inv);
    const cert = inv.flags.string('cert'), key = inv.flags.string('key');
    if (!cert || !key) throw new KubectlError('key and cert must be specified');
    const read = (p: string): string => {
      if (!inv.ctx.files.exists(p)) throw new KubectlError(`open ${p}: no such file or directory`);
      return inv.ctx.files.read(p);
    };
    const certText = read(cert), keyText = read(key);
    if (!certText.includes('-----BEGIN ')) throw new KubectlError('tls: failed to find any PEM data in certificate input');
    if (!keyText.includes('-----BEGIN ')) throw new KubectlError('tls: failed to find any PEM data in key input');
    await createGenerated(inv, {
      kind: 'Secret', apiVersion: 'v1', metadata: secretMeta(inv, name),
      data: { 'tls.crt': base64(certText), 'tls.key': base64(keyText) }, type: 'kubernetes.io/tls',
    });
  },
};

const secretGroup: VerbSpec = {
  name: 'secret', group: 'basic-beginner', short: 'Create a secret using a specified subcommand', flags: [],
  subcommands: [secretDockerCmd, secretGenericCmd, secretTlsCmd],
};

/** create -f: every object POSTed in file order; errors collected and printed after. */
async function createFromFiles(inv: Invocation): Promise<void> {
  const dryRun = dryRunOf(inv);
  const validation = validationDirective(inv);
  const api = inv.ctx.api;
  const { items, errors } = readManifests(inv);
  let count = 0;
  for (const { object: raw, source, info, namespace: ns } of items) {
    try {
      let obj = clone(raw);
      if (ns !== undefined) (obj.metadata ??= {}).namespace = ns;
      if (inv.flags.bool('save-config')) obj = withLastApplied(obj);
      if (dryRun !== 'client') {
        try {
          obj = api.create(refOf(info), ns, obj, { dryRun: dryRun === 'server', fieldManager: inv.flags.string('field-manager'), fieldValidation: validation });
        } catch (err) { throw addSourceToErr('creating', source, err); }
      }
      count++;
      emit(inv, info, obj, dryRun);
    } catch (err) { errors.push(err); }
  }
  throwCollected(errors);
  if (count === 0) throw new KubectlError('no objects passed to create');
}

export const createVerb: VerbSpec = {
  name: 'create', group: 'basic-beginner', short: 'Create a resource from a file or from stdin',
  usage: 'kubectl create -f FILENAME',
  flags: [...filenameFlags, ...commonFlags, { name: 'edit', type: 'bool', default: false }, { name: 'raw', type: 'string', default: '' }, { name: 'selector', short: 'l', type: 'string', default: '' }],
  subcommands: [deploymentCmd, serviceGroup, namespaceCmd, configMapCmd, secretGroup, jobCmd, serviceAccountCmd],
  async run(inv) {
    if (inv.flags.strings('filename').length === 0 && !inv.flags.string('kustomize')) {
      throw new KubectlError('must specify one of -f and -k');
    }
    await createFromFiles(inv);
  },
};
