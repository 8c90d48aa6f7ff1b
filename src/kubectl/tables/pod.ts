/** Pod table (printers.go printPod): READY, STATUS (phase → reasons), RESTARTS `N (X ago)`. */
import type { KubeObject } from '../../cluster/api/types.js';
import { ageSince } from '../printers/duration.js';
import { age, arr, dig, nameOf, num, str, type Obj } from './helpers.js';
import { AGE, col, NAME, type TablePrinter } from './types.js';

const later = (a: string | null, b: string): boolean => a === null || Date.parse(a) < Date.parse(b);

function podCells(pod: KubeObject, now: number): string[] {
  const spec = (pod.spec ?? {}) as Obj, status = (pod.status ?? {}) as Obj;
  const conditions = arr(status.conditions);
  const initSpecs = arr(spec.initContainers);
  const restartable = (name: string): boolean => initSpecs.some((c) => c.name === name && c.restartPolicy === 'Always');
  let restarts = 0, restartableInitRestarts = 0, readyContainers = 0;
  let totalContainers = arr(spec.containers).length + initSpecs.filter((c) => c.restartPolicy === 'Always').length;
  let lastRestart: string | null = null, lastRestartableInitRestart: string | null = null;
  const phase = str(status.phase);
  let reason = str(status.reason) || phase;
  if (conditions.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';

  let initializing = false;
  const ics = arr(status.initContainerStatuses);
  for (let i = 0; i < ics.length; i++) {
    const c = ics[i]!;
    const name = str(c.name);
    restarts += num(c.restartCount);
    const lastTerm = str(dig(c, 'lastState', 'terminated', 'finishedAt'));
    if (dig(c, 'lastState', 'terminated') && later(lastRestart, lastTerm)) lastRestart = lastTerm;
    if (restartable(name)) {
      restartableInitRestarts += num(c.restartCount);
      if (dig(c, 'lastState', 'terminated') && later(lastRestartableInitRestart, lastTerm)) lastRestartableInitRestart = lastTerm;
    }
    const term = dig(c, 'state', 'terminated') as Obj | undefined;
    const waiting = dig(c, 'state', 'waiting') as Obj | undefined;
    if (term && num(term.exitCode) === 0) continue;
    if (restartable(name) && c.started === true) { if (c.ready === true) readyContainers++; continue; }
    if (term) {
      reason = str(term.reason) ? `Init:${str(term.reason)}`
        : num(term.signal) !== 0 ? `Init:Signal:${num(term.signal)}` : `Init:ExitCode:${num(term.exitCode)}`;
    } else if (waiting && str(waiting.reason) && waiting.reason !== 'PodInitializing') {
      reason = `Init:${str(waiting.reason)}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditions.some((c) => c.type === 'Initialized' && c.status === 'True')) {
    restarts = restartableInitRestarts;
    lastRestart = lastRestartableInitRestart;
    let hasRunning = false, errorReason = '';
    const cs = arr(status.containerStatuses);
    for (let i = cs.length - 1; i >= 0; i--) {
      const c = cs[i]!;
      restarts += num(c.restartCount);
      const lastTerm = str(dig(c, 'lastState', 'terminated', 'finishedAt'));
      if (dig(c, 'lastState', 'terminated') && later(lastRestart, lastTerm)) lastRestart = lastTerm;
      const waiting = dig(c, 'state', 'waiting') as Obj | undefined;
      const term = dig(c, 'state', 'terminated') as Obj | undefined;
      if (waiting && str(waiting.reason)) reason = str(waiting.reason);
      else if (term) {
        reason = str(term.reason) || (num(term.signal) !== 0 ? `Signal:${num(term.signal)}` : `ExitCode:${num(term.exitCode)}`);
        if (num(term.exitCode) !== 0) errorReason = reason;
      } else if (c.ready === true && dig(c, 'state', 'running')) { hasRunning = true; readyContainers++; }
    }
    if (reason === 'Completed') {
      if (hasRunning && conditions.some((c) => c.type === 'Ready' && c.status === 'True')) reason = 'Running';
      else if (errorReason) reason = errorReason;
      else if (hasRunning) reason = 'NotReady';
    }
  }
  if (pod.metadata?.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  const restartsCell = restarts !== 0 && lastRestart ? `${restarts} (${ageSince(lastRestart, now)} ago)` : String(restarts);
  const ip = str(dig(status, 'podIPs', 0, 'ip')) || str(status.podIP) || '<none>';
  const gates = arr(spec.readinessGates);
  const gatesCell = gates.length
    ? `${gates.filter((g) => conditions.some((c) => c.type === g.conditionType && c.status === 'True')).length}/${gates.length}` : '<none>';
  return [nameOf(pod), `${readyContainers}/${totalContainers}`, reason, restartsCell, age(pod, now),
    ip, str(spec.nodeName) || '<none>', str(status.nominatedNodeName) || '<none>', gatesCell];
}

export const podTable: TablePrinter = {
  columns: [NAME, col('Ready'), col('Status'), col('Restarts'), AGE, col('IP', 1), col('Node', 1), col('Nominated Node', 1), col('Readiness Gates', 1)],
  row: podCells,
};
