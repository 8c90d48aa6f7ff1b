/** kubectl describe cronjob (describe.go CronJobDescriber, describeCronJob, describeJobTemplate). */
import type { Event } from 'kubernetes-types/core/v1';
import type { CronJob } from 'kubernetes-types/batch/v1';
import type { Describer } from './describer.js';
import { LEVEL_0, tabbedString } from './prefix-writer.js';
import { describeEvents, refFor, searchEvents } from './events.js';
import { formatRFC1123Z, printAnnotationsMultiline, printLabelsMultiline, selectorString } from './format.js';
import { describePodTemplate } from './containers.js';

const CRONJOBS = { group: 'batch', resource: 'cronjobs' };

export const describeCronJobResource: Describer = (deps, namespace, name, settings) => {
  const cj = deps.api.get(CRONJOBS, namespace, name) as unknown as CronJob;
  const events = settings.showEvents ? searchEvents(deps.api, refFor(cj, 'CronJob')) : null;
  return describeCronJob(cj, events, deps.now);
};

const has = (v: unknown): boolean => v !== undefined && v !== null;

export function describeCronJob(cj: CronJob, events: Event[] | null, now: number): string {
  return tabbedString((w) => {
    const spec = cj.spec;
    w.write(LEVEL_0, `Name:\t${cj.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${cj.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', cj.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', cj.metadata?.annotations);
    w.write(LEVEL_0, `Schedule:\t${spec?.schedule ?? ''}\n`);
    w.write(LEVEL_0, `Concurrency Policy:\t${spec?.concurrencyPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Suspend:\t${has(spec?.suspend) ? (spec!.suspend ? 'True' : 'False') : '<unset>'}\n`);
    w.write(LEVEL_0, `Successful Job History Limit:\t${has(spec?.successfulJobsHistoryLimit) ? spec!.successfulJobsHistoryLimit : '<unset>'}\n`);
    w.write(LEVEL_0, `Failed Job History Limit:\t${has(spec?.failedJobsHistoryLimit) ? spec!.failedJobsHistoryLimit : '<unset>'}\n`);
    w.write(LEVEL_0, `Starting Deadline Seconds:\t${has(spec?.startingDeadlineSeconds) ? `${spec!.startingDeadlineSeconds}s` : '<unset>'}\n`);
    const jt = spec?.jobTemplate?.spec;
    w.write(LEVEL_0, `Selector:\t${jt?.selector ? selectorString(jt.selector) : '<unset>'}\n`);
    w.write(LEVEL_0, `Parallelism:\t${has(jt?.parallelism) ? jt!.parallelism : '<unset>'}\n`);
    w.write(LEVEL_0, `Completions:\t${has(jt?.completions) ? jt!.completions : '<unset>'}\n`);
    if (has(jt?.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${jt!.activeDeadlineSeconds}s\n`);
    describePodTemplate(jt?.template ?? {}, w);
    w.write(LEVEL_0, `Last Schedule Time:\t${cj.status?.lastScheduleTime ? formatRFC1123Z(cj.status.lastScheduleTime) : '<unset>'}\n`);
    w.write(LEVEL_0, 'Active Jobs:\t');
    const active = cj.status?.active ?? [];
    if (active.length === 0) w.writeLine('<none>');
    else { w.write(LEVEL_0, active.map((j) => j.name ?? '').join(', ')); w.writeLine(''); }
    describeEvents(events, w, now);
  });
}
