/** Applies a PATCH body of the given type, turning failures into the apiserver's Status errors. */
import { ApiError } from '../types.js';
import { badRequest, internalError } from '../errors.js';
import { isObject } from '../util.js';
import { applyJsonPatch, JsonPatchApplyError, JsonPatchDecodeError } from './json-patch.js';
import { mergePatch } from './merge.js';
import { NoMergeKeyError, strategicMergePatch, StrategicPatchError } from './strategic.js';
import type { KubeObject, PatchType } from '../types.js';

export { mergePatch } from './merge.js';
export { applyJsonPatch } from './json-patch.js';
export { strategicMergePatch, listStrategy } from './strategic.js';

/** NewGenericServerResponse(422): the text goes into the single cause. */
function unprocessable(cause: string): ApiError {
  return new ApiError({
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
    message: 'the server rejected our request due to an error in our request', reason: 'Invalid',
    details: { causes: [{ message: cause }] }, code: 422,
  });
}

export function applyPatch(type: PatchType, original: KubeObject, patch: unknown, kind: string): KubeObject {
  let out: unknown;
  try {
    switch (type) {
      case 'json': out = applyJsonPatch(original, patch); break;
      case 'merge':
        if (!isObject(patch)) throw badRequest('json: cannot unmarshal into Go value of type map[string]interface {}');
        out = mergePatch(original, patch); break;
      case 'strategic':
        if (!isObject(patch)) throw badRequest('json: cannot unmarshal into Go value of type map[string]interface {}');
        out = strategicMergePatch(original, patch, kind); break;
      default:
        throw new ApiError({
          kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 415, reason: 'UnsupportedMediaType',
          message: `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml`,
        });
    }
  } catch (e) {
    if (e instanceof ApiError) throw e;
    if (e instanceof JsonPatchDecodeError) throw badRequest(e.message);
    if (e instanceof JsonPatchApplyError) throw unprocessable(e.message);
    if (e instanceof StrategicPatchError) throw badRequest(e.message);
    if (e instanceof NoMergeKeyError) throw internalError(e.message);
    throw e;
  }
  if (!isObject(out)) throw badRequest('json: cannot unmarshal into Go value of type map[string]interface {}');
  return out as KubeObject;
}
