/** Checks shared by workloads with a selector and a pod template (apps/validation). */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { fe, type FieldError } from '../errors.js';
import { labelSelectorAsRequirements, matchesLabels } from '../selectors.js';
import { deepEqual, isObject } from '../util.js';
import { validateAnnotations, validateLabels } from './metadata.js';
import { goValue, jsonLabelSelector } from './gofmt.js';
import { validatePodSpec } from './pod-validation.js';

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

export function validateLabelSelector(sel: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!isObject(sel)) return errs;
  errs.push(...validateLabels(sel.matchLabels, `${path}.matchLabels`));
  (Array.isArray(sel.matchExpressions) ? sel.matchExpressions : []).forEach((e, i) => {
    if (!isObject(e)) return;
    const p = `${path}.matchExpressions[${i}]`;
    const op = String(e.operator ?? '');
    const vals = Array.isArray(e.values) ? e.values : [];
    if (!OPERATORS.includes(op)) errs.push(fe.invalid(`${p}.operator`, op, 'not a valid selector operator'));
    else if ((op === 'In' || op === 'NotIn') && vals.length === 0) errs.push(fe.required(`${p}.values`, 'must be specified when `operator` is \'In\' or \'NotIn\''));
    else if ((op === 'Exists' || op === 'DoesNotExist') && vals.length > 0) errs.push(fe.forbidden(`${p}.values`, 'may not be specified when `operator` is \'Exists\' or \'DoesNotExist\''));
  });
  return errs;
}

function isEmptySelector(sel: unknown): boolean {
  if (!isObject(sel)) return true;
  const ml = isObject(sel.matchLabels) ? Object.keys(sel.matchLabels).length : 0;
  const me = Array.isArray(sel.matchExpressions) ? sel.matchExpressions.length : 0;
  return ml === 0 && me === 0;
}

/**
 * Selector presence, emptiness and its match with the template labels; then the template's
 * pod spec. `kindWord` is how the empty-selector message names the kind ("deployment").
 */
export function validateSelectorAndTemplate(spec: Record<string, unknown>, kindWord: string, restartPolicies: string[]): FieldError[] {
  const errs: FieldError[] = [];
  const sel = spec.selector;
  if (sel === undefined || sel === null) errs.push(fe.required('spec.selector'));
  else {
    errs.push(...validateLabelSelector(sel, 'spec.selector'));
    if (isEmptySelector(sel)) errs.push(fe.invalid('spec.selector', goValue(jsonLabelSelector(sel)), `empty selector is invalid for ${kindWord}`));
  }
  const tpl = isObject(spec.template) ? spec.template : undefined;
  if (!tpl) { errs.push(fe.required('spec.template')); return errs; }
  const tm = isObject(tpl.metadata) ? tpl.metadata : {};
  errs.push(...validateLabels(tm.labels, 'spec.template.metadata.labels'));
  errs.push(...validateAnnotations(tm.annotations, 'spec.template.metadata.annotations'));
  if (isObject(sel) && !isEmptySelector(sel)) {
    let ok = false;
    try { ok = matchesLabels(labelSelectorAsRequirements(sel as LabelSelector), (tm.labels ?? {}) as Record<string, string>); } catch { ok = false; }
    if (!ok) errs.push(fe.invalid('spec.template.metadata.labels', tm.labels ?? null, '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodSpec(tpl.spec, 'spec.template.spec', { restartPolicies }));
  return errs;
}

export function validateNonNegative(v: unknown, path: string): FieldError[] {
  return typeof v === 'number' && v < 0 ? [fe.invalid(path, v, 'must be greater than or equal to 0')] : [];
}

export function selectorImmutable(spec: Record<string, unknown>, old: Record<string, unknown>): FieldError[] {
  return deepEqual(spec.selector, old.selector) ? [] : [fe.invalid('spec.selector', goValue(jsonLabelSelector(spec.selector)), 'field is immutable')];
}
