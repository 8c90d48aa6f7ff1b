/** Workload tables (printers.go printDeployment, printReplicaSet, printStatefulSet, printDaemonSet, printJob, printCronJob). */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../cluster/api/types.js';
import { ageSince, humanDuration, parseTime } from '../printers/duration.js';
import { age, arr, containerCells, dig, formatLabels, formatLabelSelector, nameOf, num, rec, selectorString, str, type Obj } from './helpers.js';
import { AGE, col, NAME, type TablePrinter } from './types.js';

const wide = [col('Containers', 1), col('Images', 1), col('Selector', 1)];
const specOf = (o: KubeObject): Obj => (o.spec ?? {}) as Obj;
const statusOf = (o: KubeObject): Obj => (o.status ?? {}) as Obj;
const replicas = (spec: Obj): number => (typeof spec.replicas === 'number' ? spec.replicas : 1);
const n = (v: unknown): string => String(num(v));

export const deploymentTable: TablePrinter = {
  columns: [NAME, col('Ready'), col('Up-to-date'), col('Available'), AGE, ...wide],
  row: (d, now) => {
    const spec = specOf(d), st = statusOf(d);
    const [names, images] = containerCells(dig(spec, 'template', 'spec', 'containers'));
    return [nameOf(d), `${num(st.readyReplicas)}/${replicas(spec)}`, n(st.updatedReplicas), n(st.availableReplicas), age(d, now),
      names, images, selectorString(spec.selector as LabelSelector | undefined) ?? ''];
  },
};

export const replicaSetTable: TablePrinter = {
  columns: [NAME, col('Desired'), col('Current'), col('Ready'), AGE, ...wide],
  row: (r, now) => {
    const spec = specOf(r), st = statusOf(r);
    const [names, images] = containerCells(dig(spec, 'template', 'spec', 'containers'));
    return [nameOf(r), String(replicas(spec)), n(st.replicas), n(st.readyReplicas), age(r, now), names, images,
      formatLabelSelector(spec.selector as LabelSelector | undefined)];
  },
};

export const replicationControllerTable: TablePrinter = {
  columns: [NAME, col('Desired'), col('Current'), col('Ready'), AGE, ...wide],
  row: (r, now) => {
    const spec = specOf(r), st = statusOf(r);
    const [names, images] = containerCells(dig(spec, 'template', 'spec', 'containers'));
    return [nameOf(r), String(replicas(spec)), n(st.replicas), n(st.readyReplicas), age(r, now), names, images, formatLabels(rec(spec.selector))];
  },
};

export const statefulSetTable: TablePrinter = {
  columns: [NAME, col('Ready'), AGE, col('Containers', 1), col('Images', 1)],
  row: (s, now) => {
    const spec = specOf(s);
    const [names, images] = containerCells(dig(spec, 'template', 'spec', 'containers'));
    return [nameOf(s), `${num(statusOf(s).readyReplicas)}/${replicas(spec)}`, age(s, now), names, images];
  },
};

export const daemonSetTable: TablePrinter = {
  columns: [NAME, col('Desired'), col('Current'), col('Ready'), col('Up-to-date'), col('Available'), col('Node Selector'), AGE, ...wide],
  row: (d, now) => {
    const spec = specOf(d), st = statusOf(d);
    const [names, images] = containerCells(dig(spec, 'template', 'spec', 'containers'));
    return [nameOf(d), n(st.desiredNumberScheduled), n(st.currentNumberScheduled), n(st.numberReady), n(st.updatedNumberScheduled),
      n(st.numberAvailable), formatLabels(rec(dig(spec, 'template', 'spec', 'nodeSelector'))), age(d, now), names, images,
      formatLabelSelector(spec.selector as LabelSelector | undefined)];
  },
};

export const jobTable: TablePrinter = {
  columns: [NAME, col('Status'), col('Completions'), col('Duration'), AGE, ...wide],
  row: (j, now) => {
    const spec = specOf(j), st = statusOf(j);
    const succeeded = num(st.succeeded);
    const completions = typeof spec.completions === 'number' ? `${succeeded}/${spec.completions}`
      : num(spec.parallelism) > 1 ? `${succeeded}/1 of ${num(spec.parallelism)}` : `${succeeded}/1`;
    const start = parseTime(st.startTime), end = parseTime(st.completionTime);
    const duration = start === undefined ? '' : end !== undefined ? humanDuration(end - start) : ageSince(st.startTime, now);
    const cond = (t: string): boolean => arr(st.conditions).some((c) => c.type === t && c.status === 'True');
    const status = cond('Complete') ? 'Complete' : cond('Failed') ? 'Failed' : j.metadata?.deletionTimestamp ? 'Terminating'
      : cond('Suspended') ? 'Suspended' : cond('FailureTarget') ? 'FailureTarget' : cond('SuccessCriteriaMet') ? 'SuccessCriteriaMet' : 'Running';
    const [names, images] = containerCells(dig(spec, 'template', 'spec', 'containers'));
    return [nameOf(j), status, completions, duration, age(j, now), names, images, formatLabelSelector(spec.selector as LabelSelector | undefined)];
  },
};

export const cronJobTable: TablePrinter = {
  columns: [NAME, col('Schedule'), col('Timezone'), col('Suspend'), col('Active'), col('Last Schedule'), AGE, ...wide],
  row: (c, now) => {
    const spec = specOf(c), st = statusOf(c);
    const jt = (dig(spec, 'jobTemplate', 'spec') ?? {}) as Obj;
    const [names, images] = containerCells(dig(jt, 'template', 'spec', 'containers'));
    const suspend = typeof spec.suspend === 'boolean' ? (spec.suspend ? 'True' : 'False') : '<unset>';
    return [nameOf(c), str(spec.schedule), str(spec.timeZone) || '<none>', suspend, String(arr(st.active).length),
      st.lastScheduleTime ? ageSince(st.lastScheduleTime, now) : '<none>', age(c, now), names, images,
      formatLabelSelector(jt.selector as LabelSelector | undefined)];
  },
};
