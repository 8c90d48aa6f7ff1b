/**
 * runKubectl: argv → command (cobra's Find), flags (pflag), namespace (kubeconfig), then the
 * verb's run; every error goes through checkErr (errors.ts). Nothing here throws to the caller.
 */
import type { KubectlContext } from './context.js';
import { checkErr, CommandFlagError, KubectlError, RawError, UsageError } from './errors.js';
import { FlagError, parseFlags, type FlagSpec } from './flags.js';
import { globalFlags } from './global-flags.js';
import { allCommandNames, rootHelp, unknownCommandText, unknownHelpTopic } from './help.js';
import type { Invocation, VerbRegistry, VerbSpec } from './registry.js';
import { flagBlock } from './verbs/options.js';
import { WarningClient } from './warnings.js';

const boolGlobals = new Set(globalFlags.filter((f) => f.type === 'bool').flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]));

/**
 * Index of the command word, skipping flags as cobra's stripFlags does: a `--flag` or `-f`
 * without `=` takes the next word as its value unless it is a known bool flag (so an unknown
 * flag swallows the word after it, as in real kubectl).
 */
function commandIndex(argv: readonly string[], boolFlags: ReadonlySet<string>): number {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return -1;
    if (!a.startsWith('-') || a === '-') return i;
    if (a.includes('=')) continue;
    if (a.startsWith('--') || a.length === 2) { if (!boolFlags.has(a)) i++; }
  }
  return -1;
}

/** Index of the first non-flag word, skipping the values of value-taking flags (subcommand lookup). */
function firstArgIndex(argv: readonly string[], flags: ReadonlySet<string>): number {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return -1;
    if (!a.startsWith('-') || a === '-') return i;
    if (!a.includes('=') && flags.has(a)) i++;
  }
  return -1;
}

function valueFlagSet(specs: readonly FlagSpec[]): Set<string> {
  return new Set(specs.filter((f) => f.type !== 'bool' && f.noOptDefault === undefined)
    .flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]));
}

/** Help for one command: its description, subcommands, options, usage and how to see global options. */
export function commandHelp(spec: VerbSpec, path: string): string {
  const subs = spec.subcommands?.length
    ? `\nAvailable Commands:\n${spec.subcommands.map((s) => `  ${s.name.padEnd(Math.max(...spec.subcommands!.map((x) => x.name.length)) + 2)}${s.short}\n`).join('')}`
    : '';
  const options = spec.flags.length ? `\nOptions:\n${flagBlock(spec.flags)}` : '';
  return `${spec.short}${spec.short.endsWith('.') ? '' : '.'}\n${subs}${options}\nUsage:\n  ${spec.usage ?? `${path} [flags] [options]`}\n\n` +
    (subs ? `Use "${path} <command> --help" for more information about a given command.\n` : '') +
    'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';
}

function resolveNamespace(flagNs: string, contextName: string, ctx: KubectlContext): string {
  const name = contextName || ctx.config.currentContext;
  const context = ctx.config.contexts.find((c) => c.name === name);
  if (contextName && !context) throw new RawError(`Error in configuration: context was not found for specified context: ${contextName}\n`);
  return flagNs || context?.namespace || 'default';
}

async function dispatch(argv: string[], ctx: KubectlContext, registry: VerbRegistry): Promise<number> {
  const at = commandIndex(argv, boolGlobals);
  if (at < 0) {
    // Only flags: the root command, which prints help (after validating the flags).
    parseWithPath(argv, globalFlags, 'kubectl');
    ctx.stdout(rootHelp());
    return 0;
  }
  const name = argv[at]!;
  const rest = [...argv.slice(0, at), ...argv.slice(at + 1)];
  if (name === 'help') {
    const topic = rest.find((a) => !a.startsWith('-'));
    if (!topic) { ctx.stdout(rootHelp()); return 0; }
    const spec = registry.find(topic);
    if (spec) ctx.stdout(commandHelp(spec, `kubectl ${spec.name}`));
    else ctx.stderr(unknownHelpTopic(topic));
    return 0;
  }
  const top = registry.find(name);
  if (!top && !allCommandNames.includes(name) && argv[0]!.startsWith('-')) {
    // kubectl looks for a plugin binary and refuses flags before its name.
    throw new RawError(`Error: flags cannot be placed before plugin name: ${argv[0]}\n`);
  }
  if (!top) {
    if (allCommandNames.includes(name)) throw new KubectlError(`"kubectl ${name}" is not available in this simulated cluster`);
    throw new RawError(`${unknownCommandText(name)}`);
  }
  let spec: VerbSpec = top;
  let path = `kubectl ${spec.name}`;
  let args = rest;
  // Descend into subcommands (cobra Find): the first non-flag argument naming one.
  while (spec.subcommands?.length) {
    const i = firstArgIndex(args, valueFlagSet([...globalFlags, ...spec.flags]));
    const sub: VerbSpec | undefined = i >= 0 ? spec.subcommands.find((s) => s.name === args[i] || s.aliases?.includes(args[i]!)) : undefined;
    if (!sub) break;
    spec = sub;
    path = `${path} ${sub.name}`;
    args = [...args.slice(0, i), ...args.slice(i + 1)];
  }
  const parsed = parseWithPath(args, [...globalFlags, ...spec.flags], path);
  if (parsed.help) { ctx.stdout(commandHelp(spec, path)); return 0; }
  if (!spec.run) {
    // cmdutil.DefaultSubCommandRun: help on stderr, exit 1; extra words are an unknown command.
    if (parsed.args.length) throw new UsageError(`unknown command "${parsed.args.join(' ')}"`, path);
    ctx.stderr(commandHelp(spec, path));
    return 1;
  }
  const namespace = resolveNamespace(parsed.flags.string('namespace'), parsed.flags.string('context'), ctx);
  const inv: Invocation = {
    commandPath: path, args: parsed.args, flags: parsed.flags, argsLenAtDash: parsed.argsLenAtDash,
    namespace, namespaceExplicit: parsed.flags.has('namespace') && parsed.flags.string('namespace') !== '',
    ctx: { ...ctx, api: new WarningClient(ctx.api, ctx) },
  };
  return (await spec.run(inv)) ?? 0;
}

function parseWithPath(argv: string[], specs: FlagSpec[], path: string): ReturnType<typeof parseFlags> {
  try { return parseFlags(argv, specs); } catch (e) {
    if (e instanceof FlagError) throw new CommandFlagError(e, path);
    throw e;
  }
}

/** Run one kubectl command line; resolves with the exit status. Never rejects. */
export async function runWithRegistry(argv: string[], ctx: KubectlContext, registry: VerbRegistry): Promise<number> {
  try {
    if (argv.length === 0) { ctx.stdout(rootHelp()); return 0; }
    return await dispatch(argv, ctx, registry);
  } catch (e) {
    const { text, exitCode } = checkErr(e);
    if (text) ctx.stderr(text);
    return exitCode;
  }
}
