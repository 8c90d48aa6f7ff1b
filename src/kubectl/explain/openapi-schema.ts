/**
 * An ExplainSchema over an OpenAPI v3 document as the API server serves it
 * (/openapi/v3/apis/<group>/<version>): components.schemas with $ref/allOf, items,
 * additionalProperties, required, enum and x-kubernetes-group-version-kind.
 */
import type { ExplainSchema, FieldType } from './schema.js';

interface OSchema {
  description?: string; type?: string | string[]; 'x-kubernetes-int-or-string'?: boolean; $ref?: string; allOf?: OSchema[]; items?: OSchema;
  additionalProperties?: OSchema | boolean; properties?: Record<string, OSchema>; required?: string[]; enum?: unknown[];
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[];
}
export interface OpenApiDocument { components?: { schemas?: Record<string, OSchema> } }

export function openApiExplainSchema(doc: OpenApiDocument): ExplainSchema {
  const schemas = doc.components?.schemas ?? {};
  const idOf = (ref: string): string => ref.slice(ref.lastIndexOf('/') + 1);
  const typeOf = (s: OSchema): FieldType => {
    // intstr.IntOrString: a string to explain (the editor schema also lets integers through).
    if (Array.isArray(s.type)) return { kind: s['x-kubernetes-int-or-string'] ? 'string' : 'object' };
    if (s.items) return { kind: 'array', items: typeOf(s.items) };
    if (s.additionalProperties && typeof s.additionalProperties === 'object') return { kind: 'map', values: typeOf(s.additionalProperties) };
    if (s.allOf?.length === 1 && !s.properties) return typeOf(s.allOf[0]!);
    if (s.$ref) {
      const target = schemas[idOf(s.$ref)];
      if (!target?.type || target.type === 'object') {
        const id = idOf(s.$ref);
        return { kind: 'ref', id, name: id.slice(id.lastIndexOf('.') + 1) || 'Object' };
      }
      return Array.isArray(target.type) ? typeOf(target) : { kind: target.type as 'string' };
    }
    return { kind: (s.type === 'object' || !s.type ? 'object' : s.type) as 'object' };
  };
  return {
    rootType(group, kind) {
      return Object.keys(schemas).find((id) => schemas[id]!['x-kubernetes-group-version-kind']?.some((g) => g.group === group && g.kind === kind));
    },
    fields(typeId) {
      const props = schemas[typeId]?.properties;
      return props ? Object.fromEntries(Object.entries(props).map(([k, v]) => [k, typeOf(v)])) : undefined;
    },
    required: (typeId) => schemas[typeId]?.required ?? [],
    description: (typeId, field) => (field === undefined ? schemas[typeId]?.description : schemas[typeId]?.properties?.[field]?.description) ?? '',
    enumOf: (typeId, field) => schemas[typeId]?.properties?.[field]?.enum?.map(String),
  };
}
