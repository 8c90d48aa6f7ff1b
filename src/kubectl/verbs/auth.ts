/**
 * `kubectl auth can-i` / `whoami` (kubectl pkg/cmd/auth). kubelab's learner is cluster-admin,
 * so every allowed-verb question answers yes (exit 0).
 */
import { KubectlError } from '../errors.js';
import type { VerbSpec } from '../registry.js';
import { resolveResource } from '../resources.js';
import { formatTable } from '../printers/tabwriter.js';

const canI: VerbSpec = {
  name: 'can-i',
  group: 'other',
  short: 'Check whether an action is allowed',
  usage: 'kubectl auth can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL]',
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
    { name: 'list', type: 'bool', default: false },
    { name: 'no-headers', type: 'bool', default: false },
    { name: 'quiet', short: 'q', type: 'bool', default: false },
    { name: 'subresource', type: 'string', default: '' },
  ],
  async run(inv) {
    if (inv.flags.bool('list')) {
      const rows = inv.flags.bool('no-headers') ? [] : [['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs']];
      rows.push(['*.*', '[]', '[]', '[*]'], ['', '[*]', '[]', '[*]']);
      inv.ctx.stdout(formatTable(rows));
      return;
    }
    if (inv.args.length < 2) {
      throw new KubectlError(`you must specify two arguments: verb resource or verb resource/resourceName.\nSee '${inv.commandPath} -h' for help and examples.`);
    }
    const target = inv.args[1]!;
    if (!target.startsWith('/')) {
      const type = target.includes('/') ? target.slice(0, target.indexOf('/')) : target;
      try { resolveResource(inv.ctx.api.discovery(), type); } catch {
        inv.ctx.stderr(`Warning: the server doesn't have a resource type '${type}'\n\n`);
      }
    }
    if (!inv.flags.bool('quiet')) inv.ctx.stdout('yes\n');
  },
};

const whoami: VerbSpec = {
  name: 'whoami',
  group: 'other',
  short: 'Experimental: Check self subject attributes',
  flags: [{ name: 'output', short: 'o', type: 'string', default: '' }],
  async run(inv) {
    const user = inv.ctx.config.contexts.find((c) => c.name === inv.ctx.config.currentContext)?.user ?? 'kubernetes-admin';
    inv.ctx.stdout(formatTable([['ATTRIBUTE', 'VALUE'], ['Username', user], ['Groups', '[system:masters system:authenticated]']]));
  },
};

export const authVerb: VerbSpec = {
  name: 'auth',
  group: 'troubleshooting',
  short: 'Inspect authorization',
  usage: 'kubectl auth [flags] [options]',
  flags: [],
  subcommands: [canI, whoami],
};
