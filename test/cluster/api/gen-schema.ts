/**
 * Generates src/cluster/api/schema/types.generated.ts from the kubernetes-types declarations:
 * for every kind the server serves, the fields of each reachable struct and their types, so the
 * server can do strict decoding (unknown fields, wrong types) like the Go JSON decoder.
 * Run: npx tsx test/cluster/api/gen-schema.ts  (schema.test.ts checks the output is current).
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RESOURCES } from '../../../src/cluster/api/discovery.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const TYPES_DIR = join(ROOT, 'node_modules/kubernetes-types');
export const OUT = join(ROOT, 'src/cluster/api/schema/types.generated.ts');

interface Iface { module: string; name: string; fields: Record<string, string> }

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (f.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Field type code: s n b io q a, [T list, {T map, @module.Name struct. */
function typeCode(t: string, imports: Map<string, string>, module: string, aliases: Map<string, string>): string {
  t = t.trim();
  const arr = /^(?:Readonly)?Array<(.+)>$/.exec(t);
  if (arr) return '[' + typeCode(arr[1]!, imports, module, aliases);
  if (t.endsWith('[]')) return '[' + typeCode(t.slice(0, -2), imports, module, aliases);
  const map = /^\{\s*\[\w+: string\]:\s*(.+?);?\s*\}$/s.exec(t);
  if (map) return '{' + typeCode(map[1]!, imports, module, aliases);
  if (t === 'string' || /^"[^"]*"$/.test(t)) return 's';
  if (t === 'number') return 'n';
  if (t === 'boolean') return 'b';
  if (t === 'number | string' || t === 'string | number') return 'io';
  if (t === 'any' || t === 'unknown') return 'a';
  const mod = imports.get(t) ?? module;
  const full = `${mod}.${t}`;
  if (full === 'api/resource.Quantity') return 'q';
  if (aliases.has(full)) return aliases.get(full)!;
  return '@' + full;
}

/** Splits an interface body into [field, type] pairs; a type may span lines (inline maps). */
function parseFields(body: string): [string, string][] {
  const out: [string, string][] = [];
  let cur = '';
  let depth = 0;
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    cur += (cur ? ' ' : '') + line;
    depth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
    if (depth === 0 && line.endsWith(';')) {
      const m = /^(?:readonly\s+)?(['"]?[\w$-]+['"]?)\??:\s*([\s\S]*);$/.exec(cur);
      if (m) out.push([m[1]!.replace(/['"]/g, ''), m[2]!]);
      cur = '';
    }
  }
  return out;
}

export function generate(): string {
  const ifaces = new Map<string, Iface>();
  const aliases = new Map<string, string>();
  const files = walk(TYPES_DIR);
  // First pass: aliases.
  for (const file of files) {
    const module = relative(TYPES_DIR, file).replace(/\.d\.ts$/, '');
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/^export type (\w+) = (.+);$/gm)) {
      const rhs = m[2]!.trim();
      aliases.set(`${module}.${m[1]}`, rhs === 'string' ? 's' : rhs.includes('boolean') || rhs.includes('[]') ? 'a' : 'a');
    }
  }
  for (const file of files) {
    const module = relative(TYPES_DIR, file).replace(/\.d\.ts$/, '');
    const src = readFileSync(file, 'utf8').replace(/\/\*\*[\s\S]*?\*\//g, '');
    const imports = new Map<string, string>();
    for (const m of src.matchAll(/^import \{([^}]+)\} from "([^"]+)";$/gm)) {
      const target = join(dirname(module), m[2]!).replace(/\\/g, '/');
      for (const n of m[1]!.split(',')) imports.set(n.trim(), target);
    }
    for (const m of src.matchAll(/^export interface (\w+) \{\n([\s\S]*?)^\}/gm)) {
      const fields: Record<string, string> = {};
      const body = m[2]!;
      for (const [name, type] of parseFields(body)) fields[name] = typeCode(type, imports, module, aliases);
      ifaces.set(`${module}.${m[1]}`, { module, name: m[1]!, fields });
    }
  }
  const moduleOf = (group: string, version: string): string => {
    if (group === '') return `core/${version}`;
    return `${group.replace(/\.k8s\.io$/, '').replace(/\.apiserver$/, '').replace(/^rbac\.authorization$/, 'rbac')}/${version}`;
  };
  const roots: Record<string, string> = {};
  for (const r of RESOURCES) {
    const id = `${moduleOf(r.group, r.version)}.${r.kind}`;
    if (ifaces.has(id)) roots[`${r.group}/${r.kind}`] = id;
  }
  roots['autoscaling/Scale'] = 'autoscaling/v1.Scale';
  // Reachable structs only.
  const keep = new Set<string>();
  const visit = (id: string): void => {
    if (keep.has(id) || !ifaces.has(id)) return;
    keep.add(id);
    for (const code of Object.values(ifaces.get(id)!.fields)) {
      const m = /@(.+)$/.exec(code);
      if (m) visit(m[1]!);
    }
  };
  Object.values(roots).forEach(visit);
  // One line per struct ("id|field=code,field=code"), parsed when a struct is first checked: as
  // 400 object literals the table held about 0.3 MiB of the page's heap (a shape per struct).
  const lines: string[] = [];
  for (const id of [...keep].sort()) {
    const fields = Object.entries(ifaces.get(id)!.fields);
    for (const [k, code] of fields) if (/[=,|\n]/.test(k + code)) throw new Error(`${id}.${k}: a separator in a field name or code`);
    lines.push(`${id}|${fields.map(([k, code]) => `${k}=${code}`).join(',')}`);
  }
  return `/* Generated by test/cluster/api/gen-schema.ts from kubernetes-types; do not edit. */
/**
 * Field type codes: s string, n number, b bool, io int-or-string, q quantity, a any, [T list, {T map,
 * @id struct. TYPES: a line per struct, "id|field=code,field=code".
 */
export const ROOTS: Readonly<Record<string, string>> = ${JSON.stringify(roots)};
export const TYPES = ${JSON.stringify('\n' + lines.join('\n') + '\n')};
`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(OUT, generate());
  console.log(`wrote ${OUT}`);
}
