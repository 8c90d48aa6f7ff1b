/**
 * metav1.Status failures as kube-apiserver builds them
 * (k8s.io/apimachinery/pkg/api/errors/errors.go and pkg/util/validation/field/errors.go).
 * Messages are byte-for-byte what a v1.33 server returns; kubectl prints them.
 */
import type { StatusCause } from 'kubernetes-types/meta/v1';
import { ApiError } from './types.js';

/** The GroupResource a message names: `pods`, `deployments.apps`. */
export interface QualifiedResource { group: string; resource: string }

export function qualifiedResource(q: QualifiedResource): string {
  return q.group ? `${q.resource}.${q.group}` : q.resource;
}

function status(code: number, reason: string, message: string, details?: Record<string, unknown>): ApiError {
  return new ApiError({
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
    message, reason, ...(details ? { details } : {}), code,
  });
}

export function notFound(q: QualifiedResource, name: string): ApiError {
  return status(404, 'NotFound', `${qualifiedResource(q)} "${name}" not found`,
    { name, ...(q.group ? { group: q.group } : {}), kind: q.resource });
}

export function alreadyExists(q: QualifiedResource, name: string): ApiError {
  return status(409, 'AlreadyExists', `${qualifiedResource(q)} "${name}" already exists`,
    { name, ...(q.group ? { group: q.group } : {}), kind: q.resource });
}

export function conflict(q: QualifiedResource, name: string, why: string): ApiError {
  return status(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(q)} "${name}": ${why}`,
    { name, ...(q.group ? { group: q.group } : {}), kind: q.resource });
}

export const OPTIMISTIC_LOCK_MESSAGE = 'the object has been modified; please apply your changes to the latest version and try again';

export function forbidden(q: QualifiedResource, name: string, why: string): ApiError {
  return status(403, 'Forbidden', `${qualifiedResource(q)} "${name}" is forbidden: ${why}`,
    { name, ...(q.group ? { group: q.group } : {}), kind: q.resource });
}

export function badRequest(message: string): ApiError {
  return status(400, 'BadRequest', message);
}

/** No route serves this verb on the resource (the router's 405, as for `delete componentstatuses`). */
export function methodNotAllowed(q: QualifiedResource, action: string): ApiError {
  void q; void action;
  return status(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {});
}

/** The generic 404 for a URL no handler serves. */
export function resourceNotFound(): ApiError {
  return status(404, 'NotFound', 'the server could not find the requested resource', {});
}

export function internalError(message: string): ApiError {
  return status(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ message }] });
}

// ---- field errors (pkg/util/validation/field) ----

export type FieldErrorType = 'NotFound' | 'Required' | 'Duplicate' | 'Invalid' | 'NotSupported' | 'Forbidden' | 'TooLong' | 'TooMany' | 'Internal' | 'TypeInvalid';

const TYPE_TEXT: Record<FieldErrorType, string> = {
  NotFound: 'Not found', Required: 'Required value', Duplicate: 'Duplicate value', Invalid: 'Invalid value',
  NotSupported: 'Unsupported value', Forbidden: 'Forbidden', TooLong: 'Too long', TooMany: 'Too many',
  Internal: 'Internal error', TypeInvalid: 'Invalid value',
};

const CAUSE_REASON: Record<FieldErrorType, string> = {
  NotFound: 'FieldValueNotFound', Required: 'FieldValueRequired', Duplicate: 'FieldValueDuplicate',
  Invalid: 'FieldValueInvalid', NotSupported: 'FieldValueNotSupported', Forbidden: 'FieldValueForbidden',
  TooLong: 'FieldValueTooLong', TooMany: 'FieldValueTooMany', Internal: 'InternalError', TypeInvalid: 'FieldValueTypeInvalid',
};

/** Marks a field error that prints no value (field.Required, Forbidden, or omitValue). */
export const OMIT = Symbol('omit');

export interface FieldError {
  type: FieldErrorType;
  field: string;
  value: unknown;
  detail: string;
}

/** Go's %q for the strings we see (ASCII and common escapes). */
export function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * How field.Error prints a bad value (1.33): simple types plainly, strings quoted, anything
 * else as JSON (maps with sorted keys, as Go marshals them). `goText` values print verbatim.
 */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'object' && 'goText' in v && typeof (v as { goText: unknown }).goText === 'string') return (v as { goText: string }).goText;
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return goJSON(v);
}

/** json.Marshal of a decoded value: map keys sorted, HTML characters escaped. */
export function goJSON(v: unknown): string {
  const sortKeys = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(sortKeys);
    if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      return Object.fromEntries(Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => [k, sortKeys(o[k])]));
    }
    return x;
  };
  return (JSON.stringify(sortKeys(v)) ?? 'null').replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** field.Error.ErrorBody(). */
export function errorBody(e: FieldError): string {
  let s: string;
  if (e.type === 'Required' || e.type === 'Forbidden' || e.type === 'TooLong' || e.type === 'Internal' || e.value === OMIT) {
    s = TYPE_TEXT[e.type];
  } else {
    s = `${TYPE_TEXT[e.type]}: ${formatValue(e.value)}`;
  }
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

export function fieldErrorString(e: FieldError): string {
  return e.field ? `${e.field}: ${errorBody(e)}` : errorBody(e);
}

export const fe = {
  required: (field: string, detail = ''): FieldError => ({ type: 'Required', field, value: '', detail }),
  invalid: (field: string, value: unknown, detail: string): FieldError => ({ type: 'Invalid', field, value, detail }),
  notSupported: (field: string, value: unknown, supported: string[]): FieldError => ({
    type: 'NotSupported', field, value,
    detail: supported.length ? `supported values: ${supported.map((s) => goQuote(s)).join(', ')}` : '',
  }),
  forbidden: (field: string, detail: string): FieldError => ({ type: 'Forbidden', field, value: '', detail }),
  duplicate: (field: string, value: unknown): FieldError => ({ type: 'Duplicate', field, value, detail: '' }),
  notFound: (field: string, value: unknown): FieldError => ({ type: 'NotFound', field, value, detail: '' }),
  tooLong: (field: string, max: number): FieldError => ({ type: 'TooLong', field, value: '', detail: `may not be more than ${max} bytes` }),
  tooMany: (field: string, actual: number, max: number): FieldError => ({ type: 'TooMany', field, value: actual, detail: `must have at most ${max} items` }),
};

/** utilerrors.NewAggregate(...).Error(): one error alone, several as `[a, b]`. */
export function aggregate(msgs: string[]): string {
  if (msgs.length === 1) return msgs[0]!;
  return `[${msgs.join(', ')}]`;
}

/** errors.NewInvalid: 422 with one cause per field error. `kind` is the Kind; `group` qualifies it. */
export function invalid(group: string, kind: string, name: string, errs: FieldError[]): ApiError {
  const causes: StatusCause[] = errs.map((e) => ({ reason: CAUSE_REASON[e.type], message: errorBody(e), field: e.field }));
  const qk = group ? `${kind}.${group}` : kind;
  return status(422, 'Invalid', `${qk} "${name}" is invalid: ${aggregate(errs.map(fieldErrorString))}`,
    { name, ...(group ? { group } : {}), kind, causes });
}
