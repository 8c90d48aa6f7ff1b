/** The default registry: kubectl core verbs, then E's mutating verbs and D's describe. */
import { registerCmdVerbs } from '../cmd/index.js';
import { registerDescribe } from '../describe/index.js';
import { VerbRegistry } from '../registry.js';
import { apiResourcesVerb, apiVersionsVerb } from './api-resources.js';
import { authVerb } from './auth.js';
import { clusterInfoVerb } from './cluster-info.js';
import { completionVerb } from './completion.js';
import { configVerb } from './config.js';
import { eventsVerb } from './events.js';
import { explainVerb } from './explain.js';
import { getVerb } from './get.js';
import { optionsVerb, pluginVerb } from './options.js';
import { topVerb } from './top.js';
import { versionVerb } from './version.js';

export function defaultRegistry(): VerbRegistry {
  const r = new VerbRegistry();
  for (const v of [getVerb, eventsVerb, apiResourcesVerb, apiVersionsVerb, versionVerb, clusterInfoVerb, configVerb, topVerb,
    authVerb, completionVerb, explainVerb, optionsVerb, pluginVerb]) r.register(v);
  registerCmdVerbs(r);
  registerDescribe(r);
  return r;
}
