/** The API server's public surface: import from here, not from the files behind it. */
export { ApiServer, ENDPOINTS_DEPRECATION_WARNING, generateName, storeKey, uuid, type ApiServerDeps, type ApiServerDump } from './server.js';
export { RESOURCES, apiVersionOf, findResource, resourceFor, resourceForKind } from './discovery.js';
export {
  parseLabelSelector, matchesLabels, labelSelectorMatches, labelSelectorAsRequirements, formatLabelSelector,
  requirementString, SelectorParseError, type Requirement, type LabelSelectorParsed,
} from './selectors.js';
export { parseFieldSelector, selectableFields, matchesFields, type FieldTerm } from './field-selectors.js';
export { mergePatch, applyJsonPatch, strategicMergePatch } from './patch/index.js';
export { notFound, alreadyExists, conflict, invalid, badRequest, forbidden, fe, type FieldError } from './errors.js';
export { defaultPullPolicy } from './admission/pod-defaults.js';
export { SA_MOUNT_PATH } from './admission/pod.js';
export { parseCIDR, parseIPv4, formatIPv4 } from './admission/service.js';
export * from './types.js';
