/** batch/v1 Job and CronJob: defaults (pkg/apis/batch/v1/defaults.go), generated selector, validation. */
import { fe, type FieldError } from '../errors.js';
import type { KubeObject } from '../types.js';
import { isObject, type JsonObject } from '../util.js';
import { defaultPodTemplate, markTemplateMetadata } from './pod-defaults.js';
import type { Admission } from './types.js';
import { validateNonNegative, validateSelectorAndTemplate } from './workload-common.js';
import { validatePodSpec } from './pod-validation.js';

function specOf(o: KubeObject): JsonObject { if (!isObject(o.spec)) o.spec = {}; return o.spec as JsonObject; }

export function defaultJobSpec(spec: JsonObject): void {
  if (spec.completions === undefined && spec.parallelism === undefined) { spec.completions = 1; spec.parallelism = 1; }
  if (spec.parallelism === undefined) spec.parallelism = 1;
  if (spec.backoffLimit === undefined) spec.backoffLimit = spec.backoffLimitPerIndex !== undefined ? 2147483647 : 6;
  if (spec.completionMode === undefined) spec.completionMode = 'NonIndexed';
  if (spec.suspend === undefined) spec.suspend = false;
  if (spec.podReplacementPolicy === undefined) spec.podReplacementPolicy = spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
  if (spec.manualSelector === undefined) { /* stays unset unless the user asks */ }
  defaultPodTemplate(spec.template);
}

/** generateSelector (pkg/registry/batch/job/strategy.go): labels tie pods to this Job's uid. */
function generateSelector(job: KubeObject, spec: JsonObject): void {
  if (spec.manualSelector === true) return;
  const uid = job.metadata?.uid ?? '';
  const name = job.metadata?.name ?? '';
  const tpl = isObject(spec.template) ? spec.template : (spec.template = {});
  const tm = isObject(tpl.metadata) ? tpl.metadata : (tpl.metadata = {});
  const labels = isObject(tm.labels) ? tm.labels : (tm.labels = {});
  labels['batch.kubernetes.io/controller-uid'] = uid;
  labels['batch.kubernetes.io/job-name'] = name;
  labels['controller-uid'] = uid;
  labels['job-name'] = name;
  if (spec.selector === undefined) spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
}

export const jobAdmission: Admission = {
  mutate(o, ctx) {
    const spec = specOf(o);
    defaultJobSpec(spec);
    if (ctx.op === 'create') generateSelector(o, spec);
  },
  validate(o, ctx) {
    const spec = specOf(o);
    const errs: FieldError[] = [];
    errs.push(...validateNonNegative(spec.parallelism, 'spec.parallelism'));
    errs.push(...validateNonNegative(spec.completions, 'spec.completions'));
    errs.push(...validateNonNegative(spec.backoffLimit, 'spec.backoffLimit'));
    errs.push(...validateSelectorAndTemplate(spec, 'job', ['OnFailure', 'Never']));
    if (ctx.op === 'update' && ctx.old && isObject(ctx.old.spec)) {
      const old = ctx.old.spec;
      if (JSON.stringify(spec.completions) !== JSON.stringify(old.completions)) errs.push(fe.invalid('spec.completions', spec.completions ?? null, 'field is immutable'));
      if (JSON.stringify(spec.selector) !== JSON.stringify(old.selector)) errs.push(fe.invalid('spec.selector', spec.selector ?? null, 'field is immutable'));
      if (JSON.stringify(spec.template) !== JSON.stringify(old.template)) errs.push(fe.invalid('spec.template', spec.template ?? null, 'field is immutable'));
    }
    return errs;
  },
};

export const cronJobAdmission: Admission = {
  mutate(o) {
    const spec = specOf(o);
    if (!spec.concurrencyPolicy) spec.concurrencyPolicy = 'Allow';
    if (spec.suspend === undefined) spec.suspend = false;
    if (spec.successfulJobsHistoryLimit === undefined) spec.successfulJobsHistoryLimit = 3;
    if (spec.failedJobsHistoryLimit === undefined) spec.failedJobsHistoryLimit = 1;
    const jt = isObject(spec.jobTemplate) ? spec.jobTemplate : (spec.jobTemplate = {});
    markTemplateMetadata(jt);
    const js = isObject(jt.spec) ? jt.spec : (jt.spec = {});
    if (js.backoffLimit === undefined) js.backoffLimit = 6;
    if (js.completionMode === undefined) js.completionMode = 'NonIndexed';
    if (js.suspend === undefined) js.suspend = false;
    if (js.podReplacementPolicy === undefined) js.podReplacementPolicy = 'TerminatingOrFailed';
    defaultPodTemplate(js.template);
  },
  validate(o) {
    const spec = specOf(o);
    const errs: FieldError[] = [];
    if (typeof spec.schedule !== 'string' || spec.schedule === '') errs.push(fe.required('spec.schedule'));
    else {
      const why = cronScheduleError(spec.schedule);
      if (why) errs.push(fe.invalid('spec.schedule', spec.schedule, why));
    }
    const jt = isObject(spec.jobTemplate) ? spec.jobTemplate : {};
    const js = isObject(jt.spec) ? jt.spec : {};
    const tpl = isObject(js.template) ? js.template : {};
    errs.push(...validatePodSpec(tpl.spec, 'spec.jobTemplate.spec.template.spec', { restartPolicies: ['OnFailure', 'Never'] }));
    if (!['Allow', 'Forbid', 'Replace'].includes(String(spec.concurrencyPolicy))) errs.push(fe.notSupported('spec.concurrencyPolicy', spec.concurrencyPolicy, ['Allow', 'Forbid', 'Replace']));
    return errs;
  },
};

const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);
const CRON_BOUNDS: [number, number][] = [[0, 59], [0, 23], [1, 31], [1, 12], [0, 6]];
const NAMES: Record<number, string[]> = {
  3: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  4: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
};

/** robfig/cron ParseStandard's errors for the schedules people mistype. */
export function cronScheduleError(schedule: string): string | undefined {
  const s = schedule.trim();
  if (s.startsWith('@')) {
    if (DESCRIPTORS.has(s) || s.startsWith('@every ')) return undefined;
    return `unrecognized descriptor: ${s}`;
  }
  if (/^(CRON_)?TZ=/.test(s)) return undefined;
  const fields = s.split(/\s+/).filter((f) => f !== '');
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`;
  for (let i = 0; i < 5; i++) {
    const [min, max] = CRON_BOUNDS[i]!;
    for (const part of fields[i]!.split(',')) {
      const [range, step] = part.split('/');
      if (step !== undefined && !/^\d+$/.test(step)) return `failed to parse int from ${step}: strconv.Atoi: parsing ${JSON.stringify(step)}: invalid syntax`;
      if (range === '*' || range === '?') continue;
      const bounds = (range ?? '').split('-');
      const nums: number[] = [];
      for (const b of bounds) {
        const named = NAMES[i]?.indexOf(b.toLowerCase()) ?? -1;
        if (named >= 0) { nums.push(i === 3 ? named + 1 : named); continue; }
        if (!/^\d+$/.test(b)) return `failed to parse int from ${b}: strconv.Atoi: parsing ${JSON.stringify(b)}: invalid syntax`;
        nums.push(Number(b));
      }
      const lo = nums[0]!, hi = nums[nums.length - 1]!;
      if (lo < min) return `beginning of range (${lo}) below minimum (${min}): ${part}`;
      if (hi > max) return `end of range (${hi}) above maximum (${max}): ${part}`;
      if (lo > hi) return `beginning of range (${lo}) beyond end of range (${hi}): ${part}`;
    }
  }
  return undefined;
}
