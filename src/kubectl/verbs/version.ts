/** `kubectl version` (kubectl pkg/cmd/version/version.go): client, kustomize and server versions. */
import type { VersionInfo } from '../../cluster/api/types.js';
import { KubectlError } from '../errors.js';
import type { VerbSpec } from '../registry.js';
import { toYaml } from '../printers/yaml-json.js';

/** The kubectl build kubelab imitates. */
export const CLIENT_VERSION: VersionInfo = {
  major: '1', minor: '33', gitVersion: 'v1.33.1', gitCommit: '8adc0f041b8e7ad1d30e29cc59c6ae7a15e19828',
  gitTreeState: 'clean', buildDate: '2025-05-15T08:27:33Z', goVersion: 'go1.24.2', compiler: 'gc', platform: 'linux/amd64',
};
export const KUSTOMIZE_VERSION = 'v5.6.0';

/** Go struct field order (version.Info), as encoding/json writes it. */
function ordered(v: VersionInfo): VersionInfo {
  return { major: v.major, minor: v.minor, gitVersion: v.gitVersion, gitCommit: v.gitCommit, gitTreeState: v.gitTreeState,
    buildDate: v.buildDate, goVersion: v.goVersion, compiler: v.compiler, platform: v.platform };
}

export const versionVerb: VerbSpec = {
  name: 'version',
  group: 'other',
  short: 'Print the client and server version information',
  usage: 'kubectl version [flags] [options]',
  flags: [
    { name: 'client', type: 'bool', default: false },
    { name: 'output', short: 'o', type: 'string', default: '' },
  ],
  async run(inv) {
    if (inv.args.length) throw new KubectlError(`extra arguments: [${inv.args.join(' ')}]`);
    const output = inv.flags.string('output');
    if (output !== '' && output !== 'yaml' && output !== 'json') throw new KubectlError("--output must be 'yaml' or 'json'");
    const clientOnly = inv.flags.bool('client');
    const server = clientOnly ? undefined : ordered(inv.ctx.api.version());
    const doc: Record<string, unknown> = { clientVersion: ordered(CLIENT_VERSION), kustomizeVersion: KUSTOMIZE_VERSION };
    if (server) doc.serverVersion = server;
    if (output === 'json') { inv.ctx.stdout(`${JSON.stringify(doc, null, 2)}\n`); return; }
    if (output === 'yaml') { inv.ctx.stdout(`${toYaml(doc)}\n`); return; }
    inv.ctx.stdout(`Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
    if (server) inv.ctx.stdout(`Server Version: ${server.gitVersion}\n`);
  },
};
