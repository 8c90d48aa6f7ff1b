/** The default registry: kubectl core verbs, then E's mutating verbs and D's describe. */
import { registerCmdVerbs } from '../cmd/index.js';
import { registerDescribe } from '../describe/index.js';
import { VerbRegistry } from '../registry.js';

export function defaultRegistry(): VerbRegistry {
  const r = new VerbRegistry();
  registerCmdVerbs(r);
  registerDescribe(r);
  return r;
}
