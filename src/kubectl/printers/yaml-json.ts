/**
 * -o yaml / -o json as kubectl prints unstructured objects: map keys sorted at every level,
 * YAML like sigs.k8s.io/yaml (YAML 1.1 quoting, sequences not indented under their key),
 * JSON like Go's json.MarshalIndent with 4 spaces (HTML characters escaped as \u003c ...).
 */
import { stringify } from 'yaml';

export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => [k, sortKeys(o[k])]));
  }
  return v;
}

export function toYaml(obj: unknown): string {
  return stringify(sortKeys(obj), { indentSeq: false, lineWidth: 0, blockQuote: 'literal', version: '1.1' });
}

export function toJson(obj: unknown): string {
  return `${JSON.stringify(sortKeys(obj), null, 4)
    .replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}\n`;
}
