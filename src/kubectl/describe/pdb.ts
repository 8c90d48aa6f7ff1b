/** kubectl describe poddisruptionbudget (describe.go describePodDisruptionBudgetV1). */
import type { Event } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { Describer } from './describer.js';
import { LEVEL_0, LEVEL_2, tabbedString } from './prefix-writer.js';
import { describeEvents, refFor, searchEvents } from './events.js';
import { formatLabelSelector } from './format.js';

const PDBS = { group: 'policy', resource: 'poddisruptionbudgets' };

export const describePodDisruptionBudgetResource: Describer = (deps, namespace, name, settings) => {
  const pdb = deps.api.get(PDBS, namespace, name) as unknown as PodDisruptionBudget;
  const events = settings.showEvents ? searchEvents(deps.api, refFor(pdb, 'PodDisruptionBudget')) : null;
  return describePodDisruptionBudget(pdb, events, deps.now);
};

export function describePodDisruptionBudget(pdb: PodDisruptionBudget, events: Event[] | null, now: number): string {
  return tabbedString((w) => {
    const spec = pdb.spec ?? {}, st = pdb.status;
    w.write(LEVEL_0, `Name:\t${pdb.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${pdb.metadata?.namespace ?? ''}\n`);
    if (spec.minAvailable !== undefined && spec.minAvailable !== null) w.write(LEVEL_0, `Min available:\t${spec.minAvailable}\n`);
    else if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) w.write(LEVEL_0, `Max unavailable:\t${spec.maxUnavailable}\n`);
    w.write(LEVEL_0, `Selector:\t${spec.selector ? formatLabelSelector(spec.selector) : '<unset>'}\n`);
    w.write(LEVEL_0, 'Status:\n');
    w.write(LEVEL_2, `Allowed disruptions:\t${st?.disruptionsAllowed ?? 0}\n`);
    w.write(LEVEL_2, `Current:\t${st?.currentHealthy ?? 0}\n`);
    w.write(LEVEL_2, `Desired:\t${st?.desiredHealthy ?? 0}\n`);
    w.write(LEVEL_2, `Total:\t${st?.expectedPods ?? 0}\n`);
    describeEvents(events, w, now);
  });
}
