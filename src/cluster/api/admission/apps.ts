/**
 * apps/v1: Deployment, ReplicaSet, StatefulSet, DaemonSet defaulting
 * (pkg/apis/apps/v1/defaults.go) and validation (pkg/apis/apps/validation/validation.go).
 */
import { fe, type FieldError } from '../errors.js';
import type { KubeObject } from '../types.js';
import { isObject, type JsonObject } from '../util.js';
import { defaultPodTemplate } from './pod-defaults.js';
import type { Admission } from './types.js';
import { selectorImmutable, validateNonNegative, validateSelectorAndTemplate } from './workload-common.js';

function specOf(o: KubeObject): JsonObject { if (!isObject(o.spec)) o.spec = {}; return o.spec as JsonObject; }

function intOrPercent(v: unknown, path: string): FieldError[] {
  if (v === undefined) return [];
  if (typeof v === 'number') return v < 0 ? [fe.invalid(path, v, 'must be greater than or equal to 0')] : [];
  if (typeof v === 'string') {
    const m = /^(\d+)%$/.exec(v);
    if (!m) return [fe.invalid(path, v, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")];
    if (Number(m[1]) > 100) return [fe.invalid(path, v, 'must not be greater than 100%')];
  }
  return [];
}

const isZero = (v: unknown): boolean => v === 0 || v === '0%' || v === undefined;

export const deploymentAdmission: Admission = {
  mutate(o) {
    const spec = specOf(o);
    if (spec.replicas === undefined) spec.replicas = 1;
    const strategy = isObject(spec.strategy) ? spec.strategy : (spec.strategy = {});
    if (!strategy.type) strategy.type = 'RollingUpdate';
    if (strategy.type === 'RollingUpdate') {
      const ru = isObject(strategy.rollingUpdate) ? strategy.rollingUpdate : (strategy.rollingUpdate = {});
      if (ru.maxUnavailable === undefined) ru.maxUnavailable = '25%';
      if (ru.maxSurge === undefined) ru.maxSurge = '25%';
    }
    if (spec.revisionHistoryLimit === undefined) spec.revisionHistoryLimit = 10;
    if (spec.progressDeadlineSeconds === undefined) spec.progressDeadlineSeconds = 600;
    defaultPodTemplate(spec.template);
  },
  validate(o, ctx) {
    const spec = specOf(o);
    const errs = validateNonNegative(spec.replicas, 'spec.replicas');
    errs.push(...validateSelectorAndTemplate(spec, 'deployment', ['Always']));
    const strategy = isObject(spec.strategy) ? spec.strategy : {};
    if (!['Recreate', 'RollingUpdate'].includes(String(strategy.type))) errs.push(fe.notSupported('spec.strategy.type', strategy.type, ['Recreate', 'RollingUpdate']));
    if (strategy.type === 'Recreate' && strategy.rollingUpdate !== undefined) errs.push(fe.forbidden('spec.strategy.rollingUpdate', 'may not be specified when strategy `type` is \'Recreate\''));
    const ru = isObject(strategy.rollingUpdate) ? strategy.rollingUpdate : undefined;
    if (ru && strategy.type === 'RollingUpdate') {
      errs.push(...intOrPercent(ru.maxUnavailable, 'spec.strategy.rollingUpdate.maxUnavailable'));
      errs.push(...intOrPercent(ru.maxSurge, 'spec.strategy.rollingUpdate.maxSurge'));
      if (isZero(ru.maxUnavailable) && isZero(ru.maxSurge)) {
        errs.push(fe.invalid('spec.strategy.rollingUpdate.maxUnavailable', ru.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
      }
    }
    errs.push(...validateNonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
    errs.push(...validateNonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
    if (typeof spec.progressDeadlineSeconds === 'number' && typeof spec.minReadySeconds === 'number' && spec.progressDeadlineSeconds <= spec.minReadySeconds) {
      errs.push(fe.invalid('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
    if (ctx.op === 'update' && ctx.old && isObject(ctx.old.spec)) errs.push(...selectorImmutable(spec, ctx.old.spec));
    return errs;
  },
};

export const replicaSetAdmission: Admission = {
  mutate(o) {
    const spec = specOf(o);
    if (spec.replicas === undefined) spec.replicas = 1;
    defaultPodTemplate(spec.template);
  },
  validate(o, ctx) {
    const spec = specOf(o);
    const errs = validateNonNegative(spec.replicas, 'spec.replicas');
    errs.push(...validateSelectorAndTemplate(spec, 'replicaset', ['Always']));
    if (ctx.op === 'update' && ctx.old && isObject(ctx.old.spec)) errs.push(...selectorImmutable(spec, ctx.old.spec));
    return errs;
  },
};

export const statefulSetAdmission: Admission = {
  mutate(o) {
    const spec = specOf(o);
    if (spec.replicas === undefined) spec.replicas = 1;
    if (!spec.podManagementPolicy) spec.podManagementPolicy = 'OrderedReady';
    const us = isObject(spec.updateStrategy) ? spec.updateStrategy : (spec.updateStrategy = {});
    if (!us.type) us.type = 'RollingUpdate';
    if (us.type === 'RollingUpdate') {
      const ru = isObject(us.rollingUpdate) ? us.rollingUpdate : (us.rollingUpdate = {});
      if (ru.partition === undefined) ru.partition = 0;
    }
    if (spec.revisionHistoryLimit === undefined) spec.revisionHistoryLimit = 10;
    if (spec.persistentVolumeClaimRetentionPolicy === undefined) spec.persistentVolumeClaimRetentionPolicy = { whenDeleted: 'Retain', whenScaled: 'Retain' };
    defaultPodTemplate(spec.template);
  },
  validate(o, ctx) {
    const spec = specOf(o);
    const errs = validateNonNegative(spec.replicas, 'spec.replicas');
    errs.push(...validateSelectorAndTemplate(spec, 'statefulset', ['Always']));
    if (ctx.op === 'update' && ctx.old && isObject(ctx.old.spec)) {
      const old = ctx.old.spec;
      // Only these fields may change (ValidateStatefulSetUpdate).
      const allowed = ['replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds', 'revisionHistoryLimit'];
      const changed = Object.keys({ ...spec, ...old }).some((k) => !allowed.includes(k) && JSON.stringify(spec[k]) !== JSON.stringify(old[k]));
      if (changed) errs.push(fe.forbidden('spec', "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"));
    }
    return errs;
  },
};

export const daemonSetAdmission: Admission = {
  mutate(o) {
    const spec = specOf(o);
    const us = isObject(spec.updateStrategy) ? spec.updateStrategy : (spec.updateStrategy = {});
    if (!us.type) us.type = 'RollingUpdate';
    if (us.type === 'RollingUpdate') {
      const ru = isObject(us.rollingUpdate) ? us.rollingUpdate : (us.rollingUpdate = {});
      if (ru.maxUnavailable === undefined) ru.maxUnavailable = 1;
      if (ru.maxSurge === undefined) ru.maxSurge = 0;
    }
    if (spec.revisionHistoryLimit === undefined) spec.revisionHistoryLimit = 10;
    defaultPodTemplate(spec.template);
  },
  validate(o, ctx) {
    const spec = specOf(o);
    const errs = validateSelectorAndTemplate(spec, 'daemonset', ['Always']);
    if (ctx.op === 'update' && ctx.old && isObject(ctx.old.spec)) errs.push(...selectorImmutable(spec, ctx.old.spec));
    return errs;
  },
};
