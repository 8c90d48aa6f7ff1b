/**
 * The kubectl layer's public door. `runKubectl(argv, ctx)` runs one command line (argv without
 * the leading `kubectl`) against ctx.api and resolves with the exit status; it never rejects.
 * To add a verb, see registry.ts.
 */
import type { RunKubectl } from './context.js';
import { runWithRegistry } from './runner.js';
import { defaultRegistry } from './verbs/index.js';

export type { KubectlContext, RunKubectl, InteractiveRequest, KubectlFiles, KubeConfigState } from './context.js';
export { VerbRegistry, type VerbSpec, type Invocation, type HelpGroup } from './registry.js';
export { runWithRegistry } from './runner.js';

let registry: ReturnType<typeof defaultRegistry> | undefined;

export const runKubectl: RunKubectl = (argv, ctx) => {
  registry ??= defaultRegistry();
  return runWithRegistry(argv, ctx, registry);
};

// Shared helpers for verbs (describe, mutating verbs) — import from here or the module itself.
export { KubectlError, UsageError, RawError, AggregateError, ExitError, NoResourceMatchError, checkErr } from './errors.js';
export { parseFlags, ParsedFlags, FlagError, type FlagSpec, type FlagType } from './flags.js';
export { parseResourceArgs, resolveResource, resolveTypeList, refOf, kindPrefix, resourceString, groupVersion, type ResourceArgs, type TypedName } from './resources.js';
export { readManifests, filenameFlags, validateFlag, mappingFor, type ManifestItem, type ManifestResult } from './builder.js';
export { printObj, printObjects, objectOutput, nameFor, dryRunFlag, dryRunStrategy, type DryRun } from './printers/print-obj.js';
export { parseOutput, printFlags, renderObject, asList, stripManagedFields, type OutputFormat } from './printers/output.js';
export { toYaml, toJson } from './printers/yaml-json.js';
export { humanDuration, ageSince, parseTime } from './printers/duration.js';
export { TabWriter, formatTable } from './printers/tabwriter.js';
export { printWarning, formatWarning } from './warnings.js';
