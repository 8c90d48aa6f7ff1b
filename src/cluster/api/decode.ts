/**
 * Request-body decoding: what the apiserver's JSON serializer does before admission. Checks the
 * envelope (apiVersion, kind, metadata), then field types and unknown fields against the
 * kind's schema (strict decoding: kubectl sends fieldValidation=Strict).
 */
import { apiVersionOf, EXTRA_VERSIONS } from './discovery.js';
import { badRequest, fe, invalid } from './errors.js';
import { goV } from './admission/gofmt.js';
import { checkSchema } from './schema/check.js';
import type { KubeObject, ResourceInfo } from './types.js';
import { clone, cloneSharingFrozen, isObject } from './util.js';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

/**
 * `patchBody` is set when the object is the result of a PATCH: strict errors then name the
 * patch (`patch: Invalid value: "map[...]": strict decoding error: ...`), as patch.go does.
 */
/**
 * `shareFrozen`: the caller keeps only parts it writes itself (a status update) and may share the
 * frozen parts of stored objects the body carries instead of copying them.
 */
export function decodeObject(info: ResourceInfo, input: unknown, validation: FieldValidation, warnings?: string[], patchBody?: unknown, shareFrozen = false): KubeObject {
  if (!isObject(input)) {
    throw badRequest(`${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: json: cannot unmarshal ${jsonKind(input)} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`);
  }
  // A patched object is already this request's own copy.
  const obj = (patchBody !== undefined ? input : shareFrozen ? cloneSharingFrozen(input) : clone(input)) as KubeObject;
  const want = apiVersionOf(info);
  const av = obj.apiVersion;
  if (av !== undefined && av !== '' && typeof av === 'string') {
    const slash = av.indexOf('/');
    const g = slash >= 0 ? av.slice(0, slash) : '';
    const v = slash >= 0 ? av.slice(slash + 1) : av;
    const okVersion = v === info.version || (EXTRA_VERSIONS[g] ?? []).includes(v);
    if (g !== info.group || !okVersion) {
      throw badRequest(`the API version in the data (${av}) does not match the expected API version (${want})`);
    }
  }
  if (obj.kind !== undefined && obj.kind !== '' && obj.kind !== info.kind) {
    throw badRequest(`${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: no kind "${String(obj.kind)}" is registered for version "${want}" in scheme "pkg/api/legacyscheme/scheme.go:30"`);
  }
  const result = checkSchema(info, obj);
  if (result.typeError) {
    throw badRequest(`${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: ${result.typeError}`);
  }
  if (result.unknown.length) {
    if (validation === 'Strict') {
      const list = result.unknown.map((f) => `unknown field "${f}"`).join(', ');
      if (patchBody !== undefined) {
        throw invalid('', '', '', [fe.invalid('patch', goV(patchBody), `strict decoding error: ${list}`)]);
      }
      throw badRequest(`${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: strict decoding error: ${list}`);
    }
    if (validation === 'Warn' && warnings) for (const f of result.unknown) warnings.push(`unknown field "${f}"`);
  }
  result.prune();
  obj.apiVersion = want;
  obj.kind = info.kind;
  if (!isObject(obj.metadata)) obj.metadata = {};
  return obj;
}

function jsonKind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  return 'object';
}
