/**
 * What every `kubectl create <generator>` shares (create.go CreateSubcommandOptions): flags,
 * argument checks, sending the generated object and printing it; data sources for
 * configmaps and secrets (--from-literal, --from-file, --from-env-file).
 */
import type { KubeObject, ResourceInfo } from '../../../cluster/api/types.js';
import { mappingFor } from '../../builder.js';
import { KubectlError } from '../../errors.js';
import type { FlagSpec } from '../../flags.js';
import type { Invocation } from '../../registry.js';
import { validationDirective } from '../apply.js';
import { dryRunFlag, dryRunOf, outputFlags, printOp, refOf, usage, type DryRun } from './kit.js';
import { withLastApplied } from './last-applied.js';

export const commonFlags: FlagSpec[] = [
  dryRunFlag, ...outputFlags,
  { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict' },
  { name: 'save-config', type: 'bool', default: false },
  { name: 'field-manager', type: 'string', default: 'kubectl-create' },
];

/** Send one generated object (create.go CreateSubcommandOptions.Run) and print its line. */
export async function createGenerated(inv: Invocation, obj: KubeObject): Promise<void> {
  const dryRun = dryRunOf(inv);
  const api = inv.ctx.api;
  const info = mappingFor(api.discovery(), obj.apiVersion ?? '', obj.kind ?? '')!;
  let out = inv.flags.bool('save-config') ? withLastApplied(obj) : obj;
  if (dryRun !== 'client') {
    const ns = info.namespaced ? (obj.metadata?.namespace || inv.namespace) : undefined;
    out = api.create(refOf(info), ns, out, {
      dryRun: dryRun === 'server', fieldManager: inv.flags.string('field-manager'), fieldValidation: validationDirective(inv),
    });
  }
  emit(inv, info, out, dryRun, dryRun === 'client');
}

export function emit(inv: Invocation, info: ResourceInfo, obj: KubeObject, dryRun: DryRun, typed = false): void {
  printOp(inv, obj, info, 'created', dryRun, typed);
}

export function oneName(inv: Invocation): string {
  // NameFromCommandArgs: only the arguments before `--` count.
  const n = inv.argsLenAtDash >= 0 ? inv.argsLenAtDash : inv.args.length;
  if (n !== 1) throw usage(inv, `exactly one NAME is required, got ${n}`);
  return inv.args[0]!;
}

export function requireFlag(inv: Invocation, ...names: string[]): void {
  const missing = names.filter((n) => !inv.flags.has(n));
  if (missing.length > 0) throw new KubectlError(`required flag(s) ${missing.map((n) => `"${n}"`).join(', ')} not set`);
}

/** The namespace generators write into the object: only with an explicit -n (EnforceNamespace). */
export function genNamespace(inv: Invocation): string | undefined { return inv.namespaceExplicit ? inv.namespace : undefined; }

/** Key/value data for configmap and secret generic (--from-literal, --from-file, --from-env-file). */
export function collectData(inv: Invocation, kind: string, name: string): Record<string, string> {
  const data: Record<string, string> = {};
  const add = (key: string, value: string): void => {
    if (key in data) throw new KubectlError(`cannot add key "${key}", another key by that name already exists in Data for ${kind} "${name}"`);
    data[key] = value;
  };
  for (const lit of inv.flags.strings('from-literal')) {
    const eq = lit.indexOf('=');
    if (eq <= 0) throw new KubectlError(`invalid literal source ${lit}, expected key=value`);
    add(lit.slice(0, eq), lit.slice(eq + 1).replace(/^"(.*)"$/, '$1'));
  }
  for (const spec of inv.flags.strings('from-file')) {
    const eq = spec.indexOf('=');
    const key = eq > 0 ? spec.slice(0, eq) : undefined;
    const path = eq > 0 ? spec.slice(eq + 1) : spec;
    const files = inv.ctx.files;
    if (!files.exists(path)) throw new KubectlError(`error reading ${path}: no such file or directory`);
    if (files.isDir(path)) {
      for (const entry of files.list(path)) {
        const full = `${path.replace(/\/$/, '')}/${entry}`;
        if (!files.isDir(full)) add(entry, files.read(full));
      }
    } else add(key ?? path.split('/').pop()!, files.read(path));
  }
  for (const path of inv.flags.strings('from-env-file')) {
    if (!inv.ctx.files.exists(path)) throw new KubectlError(`error reading ${path}: no such file or directory`);
    for (const line of inv.ctx.files.read(path).split('\n')) {
      const t = line.trim();
      if (!t || t.startsWith('#')) continue;
      const eq = t.indexOf('=');
      add(eq >= 0 ? t.slice(0, eq) : t, eq >= 0 ? t.slice(eq + 1) : '');
    }
  }
  return data;
}

export const dataFlags: FlagSpec[] = [
  { name: 'from-literal', type: 'stringArray', default: [] },
  { name: 'from-file', type: 'stringSlice', default: [] },
  { name: 'from-env-file', type: 'stringSlice', default: [] },
  { name: 'append-hash', type: 'bool', default: false },
];

export function base64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}
