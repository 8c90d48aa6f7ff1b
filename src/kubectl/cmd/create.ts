/**
 * kubectl create -f and the generators (pkg/cmd/create/create.go, create_deployment.go,
 * create_service.go, create_namespace.go, create_configmap.go, create_secret.go,
 * create_job.go, create_serviceaccount.go).
 */
import type { KubeObject } from '../../cluster/api/types.js';
import { KubectlError } from '../errors.js';
import type { FlagSpec } from '../flags.js';
import type { Invocation, VerbSpec } from '../registry.js';
import { validationDirective } from './apply.js';
import { secretGroup } from './create-secret.js';
import { collectData, commonFlags, createGenerated, dataFlags, emit, genNamespace, oneName, requireFlag } from './internal/create-common.js';
import {
  deploymentObject, jobObject, namespaceObject, serviceAccountObject, serviceObject, type ServiceKind,
} from './internal/generators.js';
import { addSourceToErr, clone, dryRunOf, filenameFlags, readManifests, refOf, throwCollected, usage } from './internal/kit.js';
import { withLastApplied } from './internal/last-applied.js';

const deploymentCmd: VerbSpec = {
  name: 'deployment', aliases: ['deploy'], group: 'basic-beginner',
  short: 'Create a deployment with the specified name',
  usage: 'kubectl create deployment NAME --image=image -- [COMMAND] [args...]',
  flags: [...commonFlags, { name: 'image', type: 'stringSlice', default: [] }, { name: 'replicas', short: 'r', type: 'int', default: 1 }, { name: 'port', type: 'int', default: -1 }],
  async run(inv) {
    requireFlag(inv, 'image');
    const name = oneName(inv);
    const command = inv.argsLenAtDash >= 0 ? inv.args.slice(inv.argsLenAtDash) : [];
    await createGenerated(inv, deploymentObject(name, genNamespace(inv), inv.flags.strings('image'), inv.flags.int('replicas'), inv.flags.int('port'), command));
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
