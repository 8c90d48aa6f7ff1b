/** `kubectl completion SHELL`: kubelab's terminal completes by itself, so the script is a short stub. */
import { UsageError } from '../errors.js';
import type { VerbSpec } from '../registry.js';

const shells = ['bash', 'zsh', 'fish', 'powershell'];

export const completionVerb: VerbSpec = {
  name: 'completion',
  group: 'settings',
  short: 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)',
  usage: 'kubectl completion SHELL',
  flags: [],
  async run(inv) {
    if (inv.args.length === 0) throw new UsageError('Shell not specified.', inv.commandPath);
    if (inv.args.length > 1) throw new UsageError('Too many arguments. Expected only the shell type.', inv.commandPath);
    const shell = inv.args[0]!;
    if (!shells.includes(shell)) throw new UsageError(`Unsupported shell type "${shell}".`, inv.commandPath);
    inv.ctx.stdout(`# ${shell} completion for kubectl                             -*- shell-script -*-\n\n`
      + `# kubelab: this terminal already completes kubectl commands with Tab;\n# there is nothing to source here.\n`);
  },
};
