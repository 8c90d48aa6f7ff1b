/** The default ExplainSchema: the API server's type table plus kubernetes-types descriptions. */
import { ROOTS, TYPES } from '../../cluster/api/schema/types.generated.js';
import type { ExplainSchema, FieldType } from './schema.js';

type Descriptions = Readonly<Record<string, readonly [string, Readonly<Record<string, string>>, readonly string[]]>>;

/** Type code of the generated table → FieldType (s string, n number, b bool, io int-or-string, q quantity, a any, [T, {T, @id). */
function fieldType(code: string): FieldType {
  if (code.startsWith('[')) return { kind: 'array', items: fieldType(code.slice(1)) };
  if (code.startsWith('{')) return { kind: 'map', values: fieldType(code.slice(1)) };
  if (code.startsWith('@')) {
    const id = code.slice(1);
    const name = id.slice(id.lastIndexOf('.') + 1);
    // Types the OpenAPI document declares as plain strings (Time, Quantity, IntOrString).
    if (['Time', 'MicroTime', 'Quantity', 'IntOrString'].includes(name)) return { kind: 'string' };
    if (id === 'runtime.RawExtension') return { kind: 'object' };
    return { kind: 'ref', id, name };
  }
  switch (code) {
    case 'n': return { kind: 'integer' };
    case 'b': return { kind: 'boolean' };
    case 'a': return { kind: 'object' };
    default: return { kind: 'string' };
  }
}

export function defaultExplainSchema(descriptions: Descriptions): ExplainSchema {
  const cache = new Map<string, Record<string, FieldType>>();
  return {
    rootType: (group, kind) => ROOTS[`${group}/${kind}`],
    fields(typeId) {
      const raw = TYPES[typeId];
      if (!raw) return undefined;
      let f = cache.get(typeId);
      if (!f) { f = Object.fromEntries(Object.entries(raw).map(([k, c]) => [k, fieldType(c)])); cache.set(typeId, f); }
      return Object.keys(f).length ? f : undefined;
    },
    required: (typeId) => descriptions[typeId]?.[2] ?? [],
    description: (typeId, field) => (field === undefined ? descriptions[typeId]?.[0] : descriptions[typeId]?.[1][field]) ?? '',
  };
}
