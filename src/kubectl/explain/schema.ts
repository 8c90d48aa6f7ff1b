/**
 * What `kubectl explain` reads: on a real cluster the API server's OpenAPI v3 document. Here an
 * interface, so any schema source can be plugged in; the default one is the YAML editor's schema
 * (shared-schema.ts), generated from kubernetes-types.
 */
export type FieldType =
  | { kind: 'string' | 'integer' | 'number' | 'boolean' | 'object' }
  | { kind: 'array'; items: FieldType }
  | { kind: 'map'; values: FieldType }
  | { kind: 'ref'; id: string; name: string };

export interface ExplainSchema {
  /** Type id of a kind's root schema (e.g. `core/v1.Pod`). */
  rootType(group: string, kind: string): string | undefined;
  fields(typeId: string): Readonly<Record<string, FieldType>> | undefined;
  required(typeId: string): readonly string[];
  /** The type's description, or a field's when `field` is given. */
  description(typeId: string, field?: string): string;
  /** Allowed values of a field, when the schema lists them. */
  enumOf?(typeId: string, field: string): readonly string[] | undefined;
}
