/**
 * Tab completion for the line so far: command names in command position, file names
 * elsewhere, and for kubectl: verbs, resource types (from discovery), object names (from the
 * API, in the namespace given by -n or the kubeconfig), namespaces after -n, files after -f.
 * Candidates are whole words; directories end with '/'.
 */
import type { ApiClient } from '../cluster/index.js';
import type { KubeConfigState } from '../kubectl/index.js';
import type { Completion } from './contract.js';
import type { Host } from './host.js';

export interface CompletionContext {
  host: Host;
  cwd: string;
  builtins: string[];
  api: ApiClient;
  config: KubeConfigState;
}

const KUBECTL_VERBS = [
  'annotate', 'api-resources', 'api-versions', 'apply', 'attach', 'auth', 'autoscale', 'certificate', 'cluster-info',
  'completion', 'config', 'cordon', 'cp', 'create', 'debug', 'delete', 'describe', 'diff', 'drain', 'edit', 'events',
  'exec', 'explain', 'expose', 'get', 'help', 'kustomize', 'label', 'logs', 'options', 'patch', 'plugin',
  'port-forward', 'proxy', 'replace', 'rollout', 'run', 'scale', 'set', 'taint', 'top', 'uncordon', 'version', 'wait',
];
const TYPED_VERBS = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'scale', 'explain', 'expose', 'wait']);
const POD_VERBS = new Set(['logs', 'exec', 'attach', 'port-forward', 'cp']);
const CONFIG_SUBS = ['current-context', 'delete-cluster', 'delete-context', 'delete-user', 'get-clusters', 'get-contexts', 'get-users', 'rename-context', 'set', 'set-cluster', 'set-context', 'set-credentials', 'unset', 'use-context', 'view'];

/** Splits off the word under the cursor (the line's end), honouring quotes roughly. */
function splitLine(line: string): { words: string[]; current: string; start: number } {
  const words: string[] = [];
  let cur = '';
  let start = 0;
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) { if (c === quote) quote = null; else cur += c; continue; }
    if (c === '"' || c === "'") { quote = c; continue; }
    if (c === ' ' || c === '\t') { if (cur) words.push(cur); cur = ''; start = i + 1; continue; }
    if (c === '|' || c === ';' || c === '&' || c === '(') { words.length = 0; cur = ''; start = i + 1; continue; }
    cur += c;
  }
  return { words, current: cur, start };
}

const prefixed = (all: string[], p: string) => [...new Set(all.filter((x) => x.startsWith(p)))].sort();

export function complete(line: string, ctx: CompletionContext): Completion {
  const { words, current, start } = splitLine(line);
  const none = { replaceFrom: start, candidates: [] as string[] };
  if (words.length === 0) {
    if (current.includes('/')) return { replaceFrom: start, candidates: files(ctx, current) };
    return { replaceFrom: start, candidates: prefixed([...Object.keys(ctx.host.commands), ...ctx.builtins.filter((b) => /^[a-z]/.test(b))], current) };
  }
  if (words[0] === 'kubectl') {
    const c = kubectl(words.slice(1), current, ctx);
    if (c) return { replaceFrom: start + c.offset, candidates: c.candidates };
    return none;
  }
  return { replaceFrom: start, candidates: files(ctx, current) };
}

function files(ctx: CompletionContext, current: string): string[] {
  const fs = ctx.host.fs;
  const slash = current.lastIndexOf('/');
  const dirPart = slash >= 0 ? current.slice(0, slash + 1) : '';
  const namePart = current.slice(slash + 1);
  const home = ctx.host.env.HOME ?? ctx.host.home;
  const dirAbs = fs.resolve(ctx.cwd, dirPart.startsWith('~') ? home + dirPart.slice(1) : dirPart || '.');
  if (!fs.isDir(dirAbs)) return [];
  return fs.readdir(dirAbs)
    .filter((n) => n.startsWith(namePart) && (namePart.startsWith('.') || !n.startsWith('.')))
    .map((n) => dirPart + n + (fs.isDir(fs.resolve(dirAbs, n)) ? '/' : ''));
}

function flagValue(words: string[], short: string, long: string): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if ((w === short || w === long) && i + 1 < words.length) return words[i + 1];
    if (w.startsWith(long + '=')) return w.slice(long.length + 1);
  }
  return undefined;
}

function kubectl(args: string[], current: string, ctx: CompletionContext): { offset: number; candidates: string[] } | undefined {
  const prev = args[args.length - 1];
  if (prev === '-f' || prev === '--filename') return { offset: 0, candidates: files(ctx, current) };
  if (current.startsWith('-f=') || current.startsWith('--filename=')) {
    const eq = current.indexOf('=') + 1;
    return { offset: eq, candidates: files(ctx, current.slice(eq)) };
  }
  if (prev === '-n' || prev === '--namespace') return { offset: 0, candidates: prefixed(names(ctx, 'namespaces', undefined), current) };
  if (current.startsWith('-')) return undefined;
  const positional = args.filter((w, i) => !w.startsWith('-') && !['-n', '--namespace', '-f', '--filename', '-o', '-l', '-c', '--output', '--selector', '--container'].includes(args[i - 1] ?? ''));
  const ns = flagValue(args, '-n', '--namespace') ?? ctx.config.contexts.find((c) => c.name === ctx.config.currentContext)?.namespace ?? 'default';
  if (positional.length === 0) return { offset: 0, candidates: prefixed(KUBECTL_VERBS, current) };
  const verb = positional[0]!;
  if (verb === 'config') {
    if (positional.length === 1) return { offset: 0, candidates: prefixed(CONFIG_SUBS, current) };
    if (['use-context', 'delete-context', 'rename-context', 'set-context'].includes(positional[1]!) && positional.length === 2) {
      return { offset: 0, candidates: prefixed(ctx.config.contexts.map((c) => c.name), current) };
    }
    return undefined;
  }
  if (POD_VERBS.has(verb) && positional.length === 1) return { offset: 0, candidates: prefixed(names(ctx, 'pods', ns), current) };
  if (verb === 'rollout' && positional.length === 1) return { offset: 0, candidates: prefixed(['history', 'pause', 'restart', 'resume', 'status', 'undo'], current) };
  const typed = TYPED_VERBS.has(verb) || (verb === 'rollout' && positional.length >= 2);
  if (!typed) return undefined;
  const typeIndex = verb === 'rollout' ? 2 : 1;
  if (positional.length === typeIndex) {
    const slash = current.indexOf('/');
    if (slash > 0) {
      const plural = pluralFor(ctx, current.slice(0, slash));
      if (!plural) return undefined;
      return { offset: slash + 1, candidates: prefixed(names(ctx, plural, ns), current.slice(slash + 1)) };
    }
    const types = ctx.api.discovery().filter((r) => r.verbs.includes('list') && !r.plural.includes('/')).map((r) => r.plural);
    return { offset: 0, candidates: prefixed(verb === 'get' ? ['all', ...types] : types, current) };
  }
  const plural = pluralFor(ctx, positional[typeIndex]!);
  if (!plural) return undefined;
  return { offset: 0, candidates: prefixed(names(ctx, plural, ns), current) };
}

function pluralFor(ctx: CompletionContext, typeWord: string): string | undefined {
  const t = typeWord.split(',')[0]!.split('.')[0]!.toLowerCase();
  const r = ctx.api.discovery().find((x) => x.plural === t || x.singular === t || x.shortNames.includes(t) || x.kind.toLowerCase() === t);
  return r?.plural;
}

function names(ctx: CompletionContext, plural: string, ns: string | undefined): string[] {
  const info = ctx.api.discovery().find((r) => r.plural === plural);
  if (!info) return [];
  try {
    return ctx.api.list({ group: info.group, resource: plural }, info.namespaced ? ns : undefined).items.map((o) => o.metadata?.name ?? '').filter(Boolean);
  } catch {
    return [];
  }
}
