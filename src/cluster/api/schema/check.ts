/** Placeholder until the generated schema lands: accepts everything. */
import type { KubeObject, ResourceInfo } from '../types.js';

export interface SchemaResult { typeError?: string; unknown: string[]; prune(): void }

export function checkSchema(info: ResourceInfo, obj: KubeObject): SchemaResult {
  void info; void obj;
  return { unknown: [], prune: () => {} };
}
