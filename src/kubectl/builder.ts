/**
 * The resource builder for -f/--filename (cli-runtime pkg/resource/builder.go, visitor.go,
 * mapper.go): files, directories (.json/.yaml/.yml, recursive with -R), `-` for stdin, repeated
 * and comma-separated; multi-document YAML; then kind/apiVersion → discovery entry and the
 * namespace each object goes to. Errors carry kubectl's texts.
 */
import type { KubeObject, ResourceInfo, ResourceRef } from '../cluster/api/types.js';
import { KubectlError } from './errors.js';
import type { FlagSpec } from './flags.js';
import type { Invocation } from './registry.js';
import { sortKeys } from './printers/yaml-json.js';
import { refOf } from './resources.js';
import { parseYamlStream, YamlSyntaxError } from './yaml-errors.js';

export const filenameFlags: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringSlice', default: [], usage: 'Files, directories or URLs with the objects; - reads standard input.' },
  { name: 'recursive', short: 'R', type: 'bool', default: false, usage: 'Also read the directories inside the directories given with -f.' },
  { name: 'kustomize', short: 'k', type: 'string', default: '', usage: 'Read the objects of a kustomization directory.' },
];
export const validateFlag: FlagSpec = { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict' };

/** One object read from a manifest, resolved against discovery. */
export interface ManifestItem {
  /** File name as kubectl prints it (`svc.yaml`, `STDIN`). */
  source: string;
  object: KubeObject;
  info: ResourceInfo;
  ref: ResourceRef;
  /** Target namespace; undefined for cluster-scoped kinds. */
  namespace: string | undefined;
  name: string;
}

export interface ManifestResult { items: ManifestItem[]; errors: unknown[] }

const extensions = ['.json', '.yaml', '.yml'];

/** Expand -f values into [displayName, content] pairs, or record the path error. */
function expandPaths(inv: Invocation, filenames: string[], recursive: boolean): { files: [string, string][]; errors: unknown[] } {
  const { files: fs, stdin } = inv.ctx;
  const files: [string, string][] = [];
  const errors: unknown[] = [];
  const walk = (dir: string, top: boolean): void => {
    for (const entry of fs.list(dir)) {
      const p = dir.endsWith('/') ? `${dir}${entry}` : `${dir}/${entry}`;
      if (fs.isDir(p)) { if (recursive) walk(p, false); continue; }
      if (extensions.some((e) => entry.endsWith(e))) files.push([p, fs.read(p)]);
    }
    void top;
  };
  for (const f of filenames) {
    if (f === '-') { files.push(['STDIN', stdin ?? '']); continue; }
    if (/^https?:\/\//.test(f)) { errors.push(new KubectlError(`unable to read URL "${f}", server reported 404 Not Found, status code=404`)); continue; }
    if (!fs.exists(f)) throw new KubectlError(`the path "${f}" does not exist`);
    if (fs.isDir(f)) walk(f, true); else files.push([f, fs.read(f)]);
  }
  return { files, errors };
}

function validationError(source: string, why: string): KubectlError {
  return new KubectlError(`error validating "${source}": error validating data: ${why}; if you choose to ignore these errors, turn validation off with --validate=false`);
}

/** Find the discovery entry for an apiVersion + kind (the RESTMapper's RESTMapping). */
export function mappingFor(discovery: readonly ResourceInfo[], apiVersion: string, kind: string): ResourceInfo | undefined {
  const slash = apiVersion.indexOf('/');
  const group = slash >= 0 ? apiVersion.slice(0, slash) : '';
  const version = slash >= 0 ? apiVersion.slice(slash + 1) : apiVersion;
  return discovery.find((r) => r.group === group && r.kind === kind && r.version === version)
    ?? discovery.find((r) => r.group === group && r.kind === kind && group !== '' && version !== '');
}

/**
 * Read every object named by -f (and -R). Path errors throw (kubectl stops there); per-object
 * problems go to `errors` so the verb can act on the rest and report them at the end.
 */
export function readManifests(inv: Invocation, opts: { filenames?: string[]; recursive?: boolean; validate?: boolean } = {}): ManifestResult {
  const filenames = opts.filenames ?? inv.flags.strings('filename');
  const recursive = opts.recursive ?? inv.flags.bool('recursive');
  // Only verbs with --validate (create, apply, replace ...) validate; get, describe, delete decode.
  const validateValue = inv.flags.raw('validate');
  const validate = opts.validate ?? (validateValue !== undefined && !['false', 'ignore'].includes(String(validateValue).toLowerCase()));
  const { files, errors } = expandPaths(inv, filenames, recursive);
  const discovery = inv.ctx.api.discovery();
  const items: ManifestItem[] = [];
  for (const [source, content] of files) {
    let docs: unknown[];
    try { docs = parseYamlStream(content); } catch (e) {
      if (e instanceof YamlSyntaxError) { errors.push(new KubectlError(`error parsing ${source}: ${e.message}`)); continue; }
      throw e;
    }
    for (const doc of docs) {
      const obj = (doc && typeof doc === 'object' && !Array.isArray(doc) ? doc : {}) as KubeObject;
      if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
        errors.push(validate ? validationError(source, 'invalid object to validate') : new KubectlError(`unable to decode "${source}": json: cannot unmarshal ${Array.isArray(doc) ? 'array' : typeof doc} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`));
        continue;
      }
      const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
      const kind = typeof obj.kind === 'string' ? obj.kind : '';
      if (!apiVersion || !kind) {
        if (validate) {
          const missing = [...(apiVersion ? [] : ['apiVersion not set']), ...(kind ? [] : ['kind not set'])];
          errors.push(validationError(source, missing.length > 1 ? `[${missing.join(', ')}]` : missing[0]!));
        } else {
          errors.push(new KubectlError(`unable to decode "${source}": Object '${kind ? 'apiVersion' : 'Kind'}' is missing in '${JSON.stringify(sortKeys(obj))}'`));
        }
        continue;
      }
      if (obj.kind?.endsWith('List') && Array.isArray(obj.items)) {
        docs.push(...(obj.items as unknown[]));
        continue;
      }
      const name = obj.metadata?.name ?? '';
      const info = mappingFor(discovery, apiVersion, kind);
      if (!info) {
        errors.push(new KubectlError(`resource mapping not found for name: "${name}" namespace: "${obj.metadata?.namespace ?? ''}" from "${source}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`));
        continue;
      }
      let namespace: string | undefined;
      if (info.namespaced) {
        const own = obj.metadata?.namespace;
        if (own && inv.namespaceExplicit && own !== inv.namespace) {
          errors.push(new KubectlError(`the namespace from the provided object "${own}" does not match the namespace "${inv.namespace}". You must pass '--namespace=${own}' to perform this operation.`));
          continue;
        }
        namespace = own || inv.namespace;
      }
      items.push({ source, object: obj, info, ref: refOf(info), namespace, name });
    }
  }
  return { items, errors };
}
