/**
 * `kubectl completion SHELL` (pkg/cmd/completion): the completion script real kubectl 1.33
 * prints, byte for byte. The scripts are large and rarely wanted: loaded on first use.
 */
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
    const { COMPLETION_SCRIPTS } = await import('./completion-scripts.js');
    inv.ctx.stdout(COMPLETION_SCRIPTS[shell]!);
  },
};
