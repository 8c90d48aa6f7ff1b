/**
 * The default ExplainSchema: the JSON Schema the page's YAML editor validates with
 * (src/generated/k8s.schema.json, generated from kubernetes-types by tools/gen-k8s-schema.mjs),
 * so explain and the editor never disagree. Loaded on first use: it is large and most sessions
 * never run explain.
 */
import { openApiExplainSchema, type OpenApiDocument } from './openapi-schema.js';
import type { ExplainSchema } from './schema.js';

type Definitions = NonNullable<NonNullable<OpenApiDocument['components']>['schemas']>;

/** An ExplainSchema over the shared editor schema's definitions. */
export function sharedExplainSchema(definitions: Definitions): ExplainSchema {
  const s = openApiExplainSchema({ components: { schemas: definitions } });
  return {
    rootType: s.rootType,
    fields: s.fields,
    // The editor schema requires apiVersion and kind on every kind (to pick its branch);
    // the API server's document does not, and explain prints what the server says.
    required: (typeId) => (definitions[typeId]?.['x-kubernetes-group-version-kind']
      ? s.required(typeId).filter((f) => f !== 'apiVersion' && f !== 'kind') : s.required(typeId)),
    description: s.description,
    // The editor pins apiVersion/kind with one-value enums; the server lists no such enums.
  };
}

let loading: Promise<ExplainSchema> | undefined;

/** The shared schema, imported lazily (its own chunk in the page build). */
export function loadSharedExplainSchema(): Promise<ExplainSchema> {
  loading ??= import('../../generated/k8s.schema.json').then((m) =>
    sharedExplainSchema((m.default as unknown as { definitions: Definitions }).definitions));
  return loading;
}
