/**
 * kubectl create secret generic|docker-registry|tls (create_secret.go, create_secret_docker.go,
 * create_secret_tls.go).
 */
import type { KubeObject } from '../../cluster/api/types.js';
import { KubectlError } from '../errors.js';
import type { Invocation, VerbSpec } from '../registry.js';
import { base64, collectData, commonFlags, createGenerated, dataFlags, oneName } from './internal/create-common.js';

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

export const secretGroup: VerbSpec = {
  name: 'secret', group: 'basic-beginner', short: 'Create a secret using a specified subcommand', flags: [],
  subcommands: [secretDockerCmd, secretGenericCmd, secretTlsCmd],
};

