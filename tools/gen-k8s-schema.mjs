// Generates src/generated/k8s.schema.json from kubernetes-types at build time (no schema is
// fetched: the page is offline). One JSON Schema (draft-07) with a definition per type reachable
// from the kinds the API server serves, named like OpenAPI ids without the io.k8s prefix
// (`core.v1.PodSpec`, `meta.v1.ObjectMeta`) so types of the same name in two groups stay apart.
// Root kinds carry `x-kubernetes-group-version-kind` and pin apiVersion/kind, so the YAML editor
// (monaco-yaml) picks the right oneOf branch. Shared by the editor and `kubectl explain`
// (src/kubectl/explain/shared-schema.ts), so the two never disagree.
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}src/generated/k8s.schema.json`;
const TYPES = `${root}node_modules/kubernetes-types`;
const inputs = [fileURLToPath(import.meta.url), `${TYPES}/package.json`];
if (existsSync(out) && inputs.every((f) => statSync(out).mtimeMs > statSync(f).mtimeMs) && !process.argv.includes('--force')) process.exit(0);

// The kinds the API server serves (src/cluster/api/discovery.ts), as group/version/Kind.
const KINDS = `v1/Binding v1/ComponentStatus v1/ConfigMap v1/Endpoints v1/Event v1/LimitRange v1/Namespace v1/Node
  v1/PersistentVolumeClaim v1/PersistentVolume v1/Pod v1/PodTemplate v1/ReplicationController v1/ResourceQuota v1/Secret
  v1/ServiceAccount v1/Service apps/v1/ControllerRevision apps/v1/DaemonSet apps/v1/Deployment apps/v1/ReplicaSet
  apps/v1/StatefulSet events.k8s.io/v1/Event authentication.k8s.io/v1/SelfSubjectReview authentication.k8s.io/v1/TokenReview
  authorization.k8s.io/v1/LocalSubjectAccessReview authorization.k8s.io/v1/SelfSubjectAccessReview
  authorization.k8s.io/v1/SelfSubjectRulesReview authorization.k8s.io/v1/SubjectAccessReview
  autoscaling/v2/HorizontalPodAutoscaler batch/v1/CronJob batch/v1/Job certificates.k8s.io/v1/CertificateSigningRequest
  networking.k8s.io/v1/IngressClass networking.k8s.io/v1/Ingress networking.k8s.io/v1/IPAddress networking.k8s.io/v1/NetworkPolicy
  networking.k8s.io/v1/ServiceCIDR policy/v1/PodDisruptionBudget rbac.authorization.k8s.io/v1/ClusterRoleBinding
  rbac.authorization.k8s.io/v1/ClusterRole rbac.authorization.k8s.io/v1/RoleBinding rbac.authorization.k8s.io/v1/Role
  storage.k8s.io/v1/CSIDriver storage.k8s.io/v1/CSINode storage.k8s.io/v1/CSIStorageCapacity storage.k8s.io/v1/StorageClass
  storage.k8s.io/v1/VolumeAttachment admissionregistration.k8s.io/v1/MutatingWebhookConfiguration
  admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyBinding
  admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration apiextensions.k8s.io/v1/CustomResourceDefinition
  scheduling.k8s.io/v1/PriorityClass coordination.k8s.io/v1/Lease node.k8s.io/v1/RuntimeClass discovery.k8s.io/v1/EndpointSlice
  flowcontrol.apiserver.k8s.io/v1/FlowSchema flowcontrol.apiserver.k8s.io/v1/PriorityLevelConfiguration`.trim().split(/\s+/);

/** Doc comment text, as the OpenAPI description (leading ` * ` removed). */
const clean = (s) => s.split('\n').map((l) => l.replace(/^\s*\* ?/, '')).join('\n').trim();

/** Every .d.ts as module id (`core/v1`) → { imports: name → module, types: name → {doc, body} | {alias} }. */
const modules = new Map();
function walk(dir) {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (f.endsWith('.d.ts')) readModule(p);
  }
}
function readModule(file) {
  const id = relative(TYPES, file).replace(/\.d\.ts$/, '');
  const text = readFileSync(file, 'utf8');
  const imports = new Map();
  for (const m of text.matchAll(/import \{([^}]*)\} from "([^"]+)"/g)) {
    const mod = relative(TYPES, join(dirname(file), m[2]));
    for (const n of m[1].split(',')) if (n.trim()) imports.set(n.trim(), mod);
  }
  const types = new Map();
  for (const m of text.matchAll(/(?:\/\*\*((?:[^*]|\*(?!\/))*)\*\/\s*)?export interface (\w+) \{([\s\S]*?)\n\}/g)) {
    types.set(m[2], { doc: clean(m[1] ?? ''), body: m[3] });
  }
  for (const m of text.matchAll(/(?:\/\*\*((?:[^*]|\*(?!\/))*)\*\/\s*)?export type (\w+) = ([^;]+);/g)) {
    types.set(m[2], { doc: clean(m[1] ?? ''), alias: m[3].trim() });
  }
  modules.set(id, { imports, types });
}
walk(TYPES);

/** Fields of an interface body: [name, doc, optional, type text]; a type may span lines. */
function fieldsOf(body) {
  const out = [];
  const re = /(?:\/\*\*((?:[^*]|\*(?!\/))*)\*\/\s*)?(?:readonly\s+)?(['"]?[\w$-]+['"]?)(\??):\s*/g;
  let depth = 0, i = 0;
  while (i < body.length) {
    re.lastIndex = i;
    const m = re.exec(body);
    if (!m) break;
    let j = re.lastIndex;
    depth = 0;
    for (; j < body.length; j++) {
      const c = body[j];
      if (c === '{' || c === '<' || c === '(') depth++;
      else if (c === '}' || c === '>' || c === ')') depth--;
      else if (c === ';' && depth === 0) break;
    }
    out.push([m[2].replace(/['"]/g, ''), clean(m[1] ?? ''), m[3] === '?', body.slice(re.lastIndex, j).trim()]);
    i = j + 1;
  }
  return out;
}

const defs = {};
const defId = (mod, name) => `${mod.replace(/\//g, '.')}.${name}`;

/** JSON Schema for a TypeScript type text seen in module `mod`. */
function schemaOf(t, mod) {
  t = t.trim();
  const arr = /^(?:Readonly)?Array<([\s\S]+)>$/.exec(t);
  if (arr) return { type: 'array', items: schemaOf(arr[1], mod) };
  if (t.endsWith('[]') && !t.includes('|')) return { type: 'array', items: schemaOf(t.slice(0, -2), mod) };
  const map = /^\{\s*\[\w+: string\]:\s*([\s\S]+?);?\s*\}$/.exec(t);
  if (map) return { type: 'object', additionalProperties: schemaOf(map[1], mod) };
  if (t === 'string') return { type: 'string' };
  if (/^"[^"]*"$/.test(t)) return { type: 'string', enum: [JSON.parse(t)] };
  if (t === 'number') return { type: 'integer' };
  if (t === 'boolean') return { type: 'boolean' };
  // intstr.IntOrString (the extension CRD schemas use for it; a format would upset validators).
  if (t === 'number | string' || t === 'string | number') return { type: ['integer', 'string'], 'x-kubernetes-int-or-string': true };
  if (t === 'any' || t === 'unknown') return {};
  if (t.includes('|')) return { anyOf: t.split('|').map((p) => schemaOf(p, mod)) };
  if (/^\w+$/.test(t)) return { $ref: `#/definitions/${define(modules.get(mod).imports.get(t) ?? mod, t)}` };
  throw new Error(`unsupported type ${t} in ${mod}`);
}

/** Adds the definition of mod.name (and everything it reaches); returns its id. */
function define(mod, name) {
  const id = defId(mod, name);
  if (defs[id]) return id;
  const ty = modules.get(mod)?.types.get(name);
  if (!ty) throw new Error(`no type ${mod}.${name}`);
  if (ty.alias !== undefined) {
    defs[id] = { description: ty.doc };
    Object.assign(defs[id], schemaOf(ty.alias, mod));
    return id;
  }
  const def = { type: 'object', description: ty.doc, properties: {}, additionalProperties: false };
  defs[id] = def;
  const required = [];
  for (const [field, doc, optional, type] of fieldsOf(ty.body)) {
    def.properties[field] = { ...schemaOf(type, mod), description: doc };
    if (!optional) required.push(field);
  }
  // An empty struct (RawExtension, FieldsV1) holds arbitrary JSON.
  if (Object.keys(def.properties).length === 0) { delete def.properties; delete def.additionalProperties; }
  if (required.length) def.required = required;
  return id;
}

const kindRefs = [];
for (const gvk of KINDS) {
  const parts = gvk.split('/');
  const [group, version, kind] = parts.length === 2 ? ['', ...parts] : parts;
  const mod = `${group ? group.split('.')[0] : 'core'}/${version}`;
  if (!modules.get(mod)?.types.has(kind)) continue; // not in this kubernetes-types release
  const id = define(mod, kind);
  const def = defs[id];
  def['x-kubernetes-group-version-kind'] = [{ group, version, kind }];
  // The editor needs both to pick the branch; the server requires them too.
  def.required = [...new Set([...(def.required ?? []), 'apiVersion', 'kind'])];
  kindRefs.push({ $ref: `#/definitions/${id}` });
}
const result = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Kubernetes objects (generated from kubernetes-types)',
  oneOf: kindRefs,
  definitions: defs,
};
mkdirSync(`${root}src/generated`, { recursive: true });
writeFileSync(out, JSON.stringify(result));
console.log(`k8s schema: ${kindRefs.length} kinds, ${Object.keys(defs).length} definitions, ${JSON.stringify(result).length} bytes`);
