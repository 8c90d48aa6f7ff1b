/** `kubectl options` and `kubectl plugin` (no plugins exist in kubelab). */
import { KubectlError } from '../errors.js';
import type { FlagSpec } from '../flags.js';
import { globalFlags } from '../global-flags.js';
import type { VerbSpec } from '../registry.js';

/** pflag's FlagUsages-style block kubectl prints: `    -n, --namespace='':` then the usage on a tab-indented line. */
export function flagBlock(flags: readonly FlagSpec[]): string {
  return [...flags].filter((f) => !f.hidden).sort((a, b) => (a.name < b.name ? -1 : 1)).map((f) => {
    const d = f.default;
    const def = Array.isArray(d) ? `[${d.join(',')}]` : typeof d === 'string' ? (f.type === 'duration' ? d : `'${d}'`) : String(d ?? (f.type === 'bool' ? false : f.type === 'int' ? 0 : "''"));
    return `    ${f.short ? `-${f.short}, ` : ''}--${f.name}=${def}:\n${f.usage ? `\t${f.usage}\n` : ''}`;
  }).join('\n');
}

export const optionsVerb: VerbSpec = {
  name: 'options',
  group: 'hidden',
  short: 'Print the list of flags inherited by all commands',
  usage: 'kubectl options [flags] [options]',
  flags: [],
  async run(inv) {
    inv.ctx.stdout(`The following options can be passed to any command:\n\n${flagBlock(globalFlags)}`);
  },
};

export const pluginVerb: VerbSpec = {
  name: 'plugin',
  group: 'other',
  short: 'Provides utilities for interacting with plugins',
  usage: 'kubectl plugin [flags] [options]',
  flags: [],
  subcommands: [{
    name: 'list', group: 'other', short: "List all visible plugin executables on a user's PATH",
    flags: [{ name: 'name-only', type: 'bool', default: false }],
    async run() { throw new KubectlError('unable to find any kubectl plugins in your PATH'); },
  }],
};
