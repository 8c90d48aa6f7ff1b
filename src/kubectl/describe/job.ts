/** kubectl describe job (describe.go JobDescriber, describeJob). */
import type { Event } from 'kubernetes-types/core/v1';
import type { Job } from 'kubernetes-types/batch/v1';
import type { Describer } from './describer.js';
import { LEVEL_0, tabbedString } from './prefix-writer.js';
import { describeEvents, refFor, searchEvents } from './events.js';
import { controllerOf, formatRFC1123Z, humanDuration, parseTime, printAnnotationsMultiline, printLabelsMultiline, selectorString } from './format.js';
import { describePodTemplate } from './containers.js';

const JOBS = { group: 'batch', resource: 'jobs' };

export const describeJobResource: Describer = (deps, namespace, name, settings) => {
  const job = deps.api.get(JOBS, namespace, name) as unknown as Job;
  const events = settings.showEvents ? searchEvents(deps.api, refFor(job, 'Job')) : null;
  return describeJob(job, events, deps.now);
};

/** capIndexesListOrNone. */
function capIndexes(indexes: string | undefined, softLimit: number): string {
  if (!indexes) return '<none>';
  let ix = softLimit;
  for (; ix < indexes.length; ix++) if (indexes[ix] === ',') break;
  return ix >= indexes.length ? indexes : `${indexes.slice(0, ix + 1)}...`;
}

export function describeJob(job: Job, events: Event[] | null, now: number): string {
  return tabbedString((w) => {
    const spec = job.spec, status = job.status ?? {};
    const has = (v: unknown): boolean => v !== undefined && v !== null;
    w.write(LEVEL_0, `Name:\t${job.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${job.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', job.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', job.metadata?.annotations);
    const controlledBy = controllerOf(job.metadata);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (has(spec?.parallelism)) w.write(LEVEL_0, `Parallelism:\t${spec!.parallelism}\n`);
    w.write(LEVEL_0, `Completions:\t${has(spec?.completions) ? spec!.completions : '<unset>'}\n`);
    if (has(spec?.completionMode)) w.write(LEVEL_0, `Completion Mode:\t${spec!.completionMode}\n`);
    if (has(spec?.suspend)) w.write(LEVEL_0, `Suspend:\t${spec!.suspend}\n`);
    if (has(spec?.backoffLimit)) w.write(LEVEL_0, `Backoff Limit:\t${spec!.backoffLimit}\n`);
    if (has(spec?.ttlSecondsAfterFinished)) w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec!.ttlSecondsAfterFinished}\n`);
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${formatRFC1123Z(status.startTime)}\n`);
    if (status.completionTime) w.write(LEVEL_0, `Completed At:\t${formatRFC1123Z(status.completionTime)}\n`);
    if (status.startTime && status.completionTime) {
      w.write(LEVEL_0, `Duration:\t${humanDuration((parseTime(status.completionTime) ?? 0) - (parseTime(status.startTime) ?? 0))}\n`);
    }
    if (has(spec?.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec!.activeDeadlineSeconds}s\n`);
    if (!has(status.ready)) w.write(LEVEL_0, `Pods Statuses:\t${status.active ?? 0} Active / ${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed\n`);
    else w.write(LEVEL_0, `Pods Statuses:\t${status.active ?? 0} Active (${status.ready} Ready) / ${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed\n`);
    if (spec?.completionMode === 'Indexed') w.write(LEVEL_0, `Completed Indexes:\t${capIndexes(status.completedIndexes, 50)}\n`);
    describePodTemplate(spec?.template, w);
    describeEvents(events, w, now);
  });
}
