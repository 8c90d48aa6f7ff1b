/**
 * E's verbs: the kubectl commands that change things, registered with the framework's
 * registry (src/kubectl/registry.ts). One module per verb in this folder.
 */
import type { VerbRegistry } from '../registry.js';
import { applyVerb } from './apply.js';
import { createVerb } from './create.js';
import { deleteVerb } from './delete.js';
import { runVerb } from './run.js';

export function registerCmdVerbs(r: VerbRegistry): void {
  for (const v of [createVerb, runVerb, deleteVerb, applyVerb]) r.register(v);
}
