/**
 * E's verbs: the kubectl commands that change things (and the interactive ones), registered
 * with the framework's registry (src/kubectl/registry.ts). One module per verb in this folder.
 */
import type { VerbRegistry } from '../registry.js';
import { applyVerb } from './apply.js';
import { createVerb } from './create.js';
import { deleteVerb } from './delete.js';
import { diffVerb } from './diff.js';
import { editVerb } from './edit.js';
import { attachVerb, execVerb } from './exec.js';
import { exposeVerb } from './expose.js';
import { annotateVerb, labelVerb } from './label.js';
import { logsVerb } from './logs.js';
import { patchVerb } from './patch.js';
import { portForwardVerb } from './port-forward.js';
import { replaceVerb } from './replace.js';
import { rolloutVerb } from './rollout.js';
import { runVerb } from './run.js';
import { scaleVerb } from './scale.js';
import { setVerb } from './set.js';
import { waitVerb } from './wait.js';

/** In kubectl's help order (pkg/cmd/cmd.go groups). */
export function registerCmdVerbs(r: VerbRegistry): void {
  for (const v of [
    createVerb, exposeVerb, runVerb, setVerb, editVerb, deleteVerb, rolloutVerb, scaleVerb,
    logsVerb, attachVerb, execVerb, portForwardVerb, diffVerb, applyVerb, patchVerb, replaceVerb, waitVerb,
    labelVerb, annotateVerb,
  ]) r.register(v);
}
