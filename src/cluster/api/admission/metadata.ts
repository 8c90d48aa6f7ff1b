/**
 * ValidateObjectMeta / ValidateObjectMetaUpdate
 * (k8s.io/apimachinery/pkg/api/validation/objectmeta.go) for every kind.
 */
import { fe, type FieldError } from '../errors.js';
import type { KubeObject } from '../types.js';
import { isObject, deepEqual } from '../util.js';
import { isDNS1123Label, isQualifiedName, isValidLabelValue, nameIsDNS1035Label, nameIsDNSLabel, nameIsDNSSubdomain, nameIsPathSegment, type NameValidator } from '../validation.js';

/** Which name rule a kind uses (its ValidateXName). Default: DNS-1123 subdomain. */
const NAME_RULES: Record<string, NameValidator> = {
  '/Service': nameIsDNS1035Label,
  '/Namespace': nameIsDNSLabel,
  'rbac.authorization.k8s.io/Role': nameIsPathSegment,
  'rbac.authorization.k8s.io/ClusterRole': nameIsPathSegment,
  'rbac.authorization.k8s.io/RoleBinding': nameIsPathSegment,
  'rbac.authorization.k8s.io/ClusterRoleBinding': nameIsPathSegment,
};

export function nameValidatorFor(group: string, kind: string): NameValidator {
  return NAME_RULES[`${group}/${kind}`] ?? nameIsDNSSubdomain;
}

export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

export function validateLabels(labels: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!isObject(labels)) return errs;
  for (const k of Object.keys(labels).sort()) {
    for (const m of isQualifiedName(k)) errs.push(fe.invalid(path, k, m));
    const v = labels[k];
    for (const m of isValidLabelValue(typeof v === 'string' ? v : String(v))) errs.push(fe.invalid(path, v, m));
  }
  return errs;
}

export function validateAnnotations(ann: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!isObject(ann)) return errs;
  let total = 0;
  for (const k of Object.keys(ann).sort()) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(fe.invalid(path, k, m));
    total += k.length + String(ann[k]).length;
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(fe.tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

function validateFinalizers(finalizers: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!Array.isArray(finalizers)) return errs;
  const seen = new Set<string>();
  finalizers.forEach((f, i) => {
    const s = String(f);
    for (const m of isQualifiedName(s)) errs.push(fe.invalid(`${path}[${i}]`, s, m));
    if (!s.includes('/') && !['kubernetes', 'orphan', 'foregroundDeletion'].includes(s)) {
      // apimachinery only warns about unqualified finalizer names; it does not reject them.
    }
    if (seen.has(s)) errs.push(fe.duplicate(`${path}[${i}]`, s));
    seen.add(s);
  });
  return errs;
}

function validateOwnerReferences(refs: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!Array.isArray(refs)) return errs;
  let controllers = 0;
  refs.forEach((r, i) => {
    if (!isObject(r)) return;
    const p = `${path}[${i}]`;
    if (!r.apiVersion) errs.push(fe.invalid(`${p}.apiVersion`, r.apiVersion ?? '', 'version must not be empty'));
    if (!r.kind) errs.push(fe.invalid(`${p}.kind`, r.kind ?? '', 'kind must not be empty'));
    if (!r.name) errs.push(fe.invalid(`${p}.name`, r.name ?? '', 'name must not be empty'));
    if (!r.uid) errs.push(fe.invalid(`${p}.uid`, r.uid ?? '', 'uid must not be empty'));
    if (r.controller === true) controllers++;
  });
  if (controllers > 1) errs.push(fe.invalid(path, refs, 'Only one reference can have Controller set to true'));
  return errs;
}

export function validateObjectMeta(obj: KubeObject, group: string, kind: string, namespaced: boolean): FieldError[] {
  const m = obj.metadata ?? {};
  const nameFn = nameValidatorFor(group, kind);
  const errs: FieldError[] = [];
  if (m.generateName) for (const msg of nameFn(m.generateName, true)) errs.push(fe.invalid('metadata.generateName', m.generateName, msg));
  if (!m.name) errs.push(fe.required('metadata.name', 'name or generateName is required'));
  else for (const msg of nameFn(m.name, false)) errs.push(fe.invalid('metadata.name', m.name, msg));
  if (namespaced) {
    if (!m.namespace) errs.push(fe.required('metadata.namespace'));
    else for (const msg of isDNS1123Label(m.namespace)) errs.push(fe.invalid('metadata.namespace', m.namespace, msg));
  } else if (m.namespace) {
    errs.push(fe.forbidden('metadata.namespace', 'not allowed on this type'));
  }
  if (typeof m.generation === 'number' && m.generation < 0) errs.push(fe.invalid('metadata.generation', m.generation, 'must be greater than or equal to 0'));
  errs.push(...validateLabels(m.labels, 'metadata.labels'));
  errs.push(...validateAnnotations(m.annotations, 'metadata.annotations'));
  errs.push(...validateOwnerReferences(m.ownerReferences, 'metadata.ownerReferences'));
  errs.push(...validateFinalizers(m.finalizers, 'metadata.finalizers'));
  return errs;
}

/** ValidateObjectMetaUpdate: identity fields are immutable. */
export function validateObjectMetaUpdate(obj: KubeObject, old: KubeObject, group: string, kind: string, namespaced: boolean): FieldError[] {
  const m = obj.metadata ?? {}, o = old.metadata ?? {};
  const errs = validateObjectMeta(obj, group, kind, namespaced);
  if (m.name !== o.name) errs.push(fe.invalid('metadata.name', m.name ?? '', 'field is immutable'));
  if ((m.namespace ?? '') !== (o.namespace ?? '')) errs.push(fe.invalid('metadata.namespace', m.namespace ?? '', 'field is immutable'));
  if (m.uid !== o.uid) errs.push(fe.invalid('metadata.uid', m.uid ?? '', 'field is immutable'));
  if (m.creationTimestamp !== o.creationTimestamp) errs.push(fe.invalid('metadata.creationTimestamp', m.creationTimestamp ?? null, 'field is immutable'));
  if (o.deletionTimestamp && m.finalizers && o.finalizers) {
    // Finalizers may only be removed from an object being deleted.
    const added = m.finalizers.filter((f) => !o.finalizers!.includes(f));
    if (added.length && !deepEqual(m.finalizers, o.finalizers)) {
      errs.push(fe.forbidden('metadata.finalizers', `no new finalizers can be added if the object is being deleted, found new finalizers []string{${added.map((a) => JSON.stringify(a)).join(', ')}}`));
    }
  }
  return errs;
}
