/**
 * Defaults for kinds outside the tutorial's core that kubectl can still create:
 * HorizontalPodAutoscaler (autoscaling/v2 defaults.go), NetworkPolicy (networking/v1),
 * PersistentVolumeClaim (core/v1), and Node taint checks.
 */
import { fe, type FieldError } from '../errors.js';
import { isObject, type JsonObject } from '../util.js';
import type { Admission } from './types.js';

export const hpaAdmission: Admission = {
  mutate(o) {
    if (!isObject(o.spec)) o.spec = {};
    const spec = o.spec as JsonObject;
    if (spec.minReplicas === undefined) spec.minReplicas = 1;
    if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) {
      spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
    }
  },
  validate(o) {
    const spec = isObject(o.spec) ? o.spec : {};
    const errs: FieldError[] = [];
    if (typeof spec.minReplicas === 'number' && spec.minReplicas < 1) errs.push(fe.invalid('spec.minReplicas', spec.minReplicas, 'must be greater than or equal to 1'));
    if (typeof spec.maxReplicas !== 'number' || spec.maxReplicas < 1) errs.push(fe.invalid('spec.maxReplicas', spec.maxReplicas ?? 0, 'must be greater than or equal to 1'));
    else if (typeof spec.minReplicas === 'number' && spec.maxReplicas < spec.minReplicas) errs.push(fe.invalid('spec.maxReplicas', spec.maxReplicas, 'must be greater than or equal to `minReplicas`'));
    const ref = isObject(spec.scaleTargetRef) ? spec.scaleTargetRef : {};
    if (!ref.kind) errs.push(fe.required('spec.scaleTargetRef.kind'));
    if (!ref.name) errs.push(fe.required('spec.scaleTargetRef.name'));
    return errs;
  },
};

export const networkPolicyAdmission: Admission = {
  mutate(o) {
    if (!isObject(o.spec)) o.spec = {};
    const spec = o.spec as JsonObject;
    for (const dir of ['ingress', 'egress']) {
      for (const rule of Array.isArray(spec[dir]) ? spec[dir] : []) {
        if (!isObject(rule)) continue;
        for (const p of Array.isArray(rule.ports) ? rule.ports : []) if (isObject(p) && p.protocol === undefined) p.protocol = 'TCP';
      }
    }
    if (!Array.isArray(spec.policyTypes) || spec.policyTypes.length === 0) {
      spec.policyTypes = Array.isArray(spec.egress) && spec.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
    }
  },
  validate(o) {
    const spec = isObject(o.spec) ? o.spec : {};
    return spec.podSelector === undefined ? [fe.required('spec.podSelector')] : [];
  },
};

export const pvcAdmission: Admission = {
  mutate(o) {
    if (!isObject(o.spec)) o.spec = {};
    const spec = o.spec as JsonObject;
    if (spec.volumeMode === undefined) spec.volumeMode = 'Filesystem';
    if (o.status === undefined) o.status = { phase: 'Pending' };
  },
  validate(o) {
    const spec = isObject(o.spec) ? o.spec : {};
    const errs: FieldError[] = [];
    if (!Array.isArray(spec.accessModes) || spec.accessModes.length === 0) errs.push(fe.required('spec.accessModes', 'at least 1 access mode is required'));
    const res = isObject(spec.resources) ? spec.resources : {};
    const req = isObject(res.requests) ? res.requests : {};
    if (req.storage === undefined) errs.push(fe.required('spec.resources[storage]'));
    return errs;
  },
};

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export const nodeAdmission: Admission = {
  validate(o) {
    const spec = isObject(o.spec) ? o.spec : {};
    const errs: FieldError[] = [];
    (Array.isArray(spec.taints) ? spec.taints : []).forEach((t, i) => {
      if (!isObject(t)) return;
      if (!t.key) errs.push(fe.required(`spec.taints[${i}].key`));
      if (t.effect === undefined || t.effect === '') errs.push(fe.required(`spec.taints[${i}].effect`));
      else if (!EFFECTS.includes(String(t.effect))) errs.push(fe.notSupported(`spec.taints[${i}].effect`, t.effect, EFFECTS));
    });
    return errs;
  },
};
