// Generates src/generated/k8s.schema.json from kubernetes-types at build time (no schema is
// fetched: the page is offline). One JSON Schema with a definition per kind in scope; each
// kind's apiVersion and kind are pinned so the YAML editor can pick the right branch.
// Shared by the editor (monaco-yaml) and `kubectl explain`, so the two never disagree.
import { createGenerator } from 'ts-json-schema-generator';
import { mkdirSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}src/generated/k8s.schema.json`;
const input = `${root}tools/schema/kinds.ts`;
if (existsSync(out) && statSync(out).mtimeMs > statSync(input).mtimeMs && !process.argv.includes('--force')) process.exit(0);

const KINDS = {
  Namespace: 'v1', Node: 'v1', Pod: 'v1', Service: 'v1', Endpoints: 'v1', Event: 'v1', ConfigMap: 'v1', Secret: 'v1', ServiceAccount: 'v1',
  Deployment: 'apps/v1', ReplicaSet: 'apps/v1', StatefulSet: 'apps/v1', DaemonSet: 'apps/v1',
  Job: 'batch/v1', CronJob: 'batch/v1', EndpointSlice: 'discovery.k8s.io/v1', Ingress: 'networking.k8s.io/v1',
};

const gen = createGenerator({ path: input, tsconfig: `${root}tools/schema/tsconfig.json`, type: '*', expose: 'export', topRef: false, jsDoc: 'extended', skipTypeCheck: true, additionalProperties: false });
const schema = gen.createSchema('*');
const defs = schema.definitions;
const kindRefs = [];
for (const [kind, apiVersion] of Object.entries(KINDS)) {
  const def = defs[kind];
  if (!def) throw new Error(`no definition for ${kind}`);
  def.properties.apiVersion = { ...def.properties.apiVersion, type: 'string', enum: [apiVersion] };
  def.properties.kind = { ...def.properties.kind, type: 'string', enum: [kind] };
  def.required = [...new Set([...(def.required ?? []), 'apiVersion', 'kind'])];
  kindRefs.push({ $ref: `#/definitions/${kind}` });
}
const result = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Kubernetes objects (generated from kubernetes-types)',
  'x-kubelab-kinds': KINDS,
  oneOf: kindRefs,
  definitions: defs,
};
mkdirSync(`${root}src/generated`, { recursive: true });
writeFileSync(out, JSON.stringify(result));
console.log(`k8s schema: ${Object.keys(KINDS).length} kinds, ${Object.keys(defs).length} definitions, ${JSON.stringify(result).length} bytes`);
