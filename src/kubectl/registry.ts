/**
 * The verb registry. How to add a verb:
 *
 *   // src/kubectl/cmd/scale.ts
 *   export const scaleVerb: VerbSpec = {
 *     name: 'scale', group: 'deploy', short: 'Set a new size for a deployment, replica set, or replication controller',
 *     usage: 'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)',
 *     flags: [{ name: 'replicas', type: 'int', default: 0 }, ...filenameFlags(), ...dryRunFlags()],
 *     async run(inv) { ... inv.ctx.api ...; printObj(inv, obj, 'scaled'); },
 *   };
 *   // src/kubectl/cmd/index.ts
 *   export function registerCmdVerbs(r: VerbRegistry): void { r.register(scaleVerb); }
 *
 * `run` throws for failures (ApiError, KubectlError, UsageError, AggregateError ...); the
 * runner turns every error into kubectl's text and exit code in one place (errors.ts
 * checkErr). `run` returns an exit code, or nothing for 0. Global flags (-n, --context, -v,
 * --kubeconfig, ...) are parsed for every verb; `inv.namespace` is already resolved.
 */
import type { KubectlContext } from './context.js';
import type { FlagSpec, ParsedFlags } from './flags.js';

/** kubectl help groups, in `kubectl` help order (pkg/cmd/cmd.go). */
export type HelpGroup = 'basic-beginner' | 'basic-intermediate' | 'deploy' | 'cluster' | 'troubleshooting'
  | 'advanced' | 'settings' | 'other' | 'hidden';

export interface Invocation {
  /** `kubectl get`, `kubectl config view`: used in usage-error texts. */
  commandPath: string;
  args: string[];
  flags: ParsedFlags;
  /** Index in args where `--` appeared, or -1 (cobra ArgsLenAtDash). */
  argsLenAtDash: number;
  /** -n, else the current kubeconfig context's namespace, else `default`. */
  namespace: string;
  /** -n/--namespace was given (kubectl's enforceNamespace). */
  namespaceExplicit: boolean;
  /** The context with an API client that prints server warnings as kubectl does. */
  ctx: KubectlContext;
}

export interface VerbSpec {
  name: string;
  aliases?: string[];
  group: HelpGroup;
  /** One-line description as in `kubectl` help. */
  short: string;
  /** Usage line, e.g. `kubectl get [(-o|--output=)json|yaml|...] (TYPE[.VERSION][.GROUP] ...) [flags] [options]`. */
  usage?: string;
  flags: FlagSpec[];
  /** Subcommands found by cobra's rules: the first non-flag argument naming one. */
  subcommands?: VerbSpec[];
  run?(inv: Invocation): Promise<number | void>;
}

export class VerbRegistry {
  private readonly verbs: VerbSpec[] = [];

  /** Adds a verb; a later registration of the same name replaces the earlier one. */
  register(spec: VerbSpec): void {
    const i = this.verbs.findIndex((v) => v.name === spec.name);
    if (i >= 0) this.verbs[i] = spec; else this.verbs.push(spec);
  }

  find(name: string): VerbSpec | undefined {
    return this.verbs.find((v) => v.name === name) ?? this.verbs.find((v) => v.aliases?.includes(name));
  }

  all(): readonly VerbSpec[] { return this.verbs; }
}
