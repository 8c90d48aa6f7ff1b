/**
 * kubectl logs (pkg/cmd/logs/logs.go): one pod (or the first of a workload), `-l` for several,
 * `-c`, `--all-containers`, `--prefix`, `--tail`, `--previous`; `-f` keeps printing new lines
 * as virtual time passes, until the container stops or the command is interrupted.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { KubectlError } from '../errors.js';
import type { Invocation, VerbSpec } from '../registry.js';
import { POLL_MS } from './internal/poll.js';
import { containerFor, podForArg } from './internal/pods.js';
import { selectorFlag, usage } from './internal/kit.js';

const USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

interface Source { pod: Pod; container: string }

export const logsVerb: VerbSpec = {
  name: 'logs', group: 'troubleshooting', short: 'Print the logs for a container in a pod',
  usage: 'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]',
  flags: [
    selectorFlag,
    { name: 'follow', short: 'f', type: 'bool', default: false },
    { name: 'previous', short: 'p', type: 'bool', default: false },
    { name: 'container', short: 'c', type: 'string', default: '' },
    { name: 'all-containers', type: 'bool', default: false },
    { name: 'all-pods', type: 'bool', default: false },
    { name: 'prefix', type: 'bool', default: false },
    { name: 'tail', type: 'int', default: -1 },
    { name: 'timestamps', type: 'bool', default: false },
    { name: 'since', type: 'duration', default: '0s' },
    { name: 'since-time', type: 'string', default: '' },
    { name: 'limit-bytes', type: 'int', default: 0 },
    { name: 'max-log-requests', type: 'int', default: 5 },
    { name: 'ignore-errors', type: 'bool', default: false },
    { name: 'pod-running-timeout', type: 'duration', default: '20s' },
    { name: 'quiet', short: 'q', type: 'bool', default: false },
    { name: 'insecure-skip-tls-verify-backend', type: 'bool', default: false },
  ],
  async run(inv) {
    const f = inv.flags;
    const selector = f.string('selector');
    if (selector && inv.args.length > 0) throw usage(inv, 'only a selector (-l) or a POD name is allowed');
    if (!selector && (inv.args.length === 0 || inv.args.length > 2)) throw usage(inv, USAGE);
    let container = f.string('container');
    if (inv.args.length === 2) {
      if (container) throw new KubectlError('only one of -c or an inline [CONTAINER] arg is allowed');
      container = inv.args[1]!;
    }
    const all = f.bool('all-containers');
    if (all && container) throw new KubectlError(`--all-containers=true should not be specified with container name ${container}`);
    // With a selector and no --tail, only the last 10 lines of each container (logs.go selectorTail).
    const tail = selector && !f.has('tail') ? 10 : f.int('tail');
    if (tail < -1) throw new KubectlError('--tail must be greater than or equal to -1');
    if (f.has('limit-bytes') && f.int('limit-bytes') <= 0) throw new KubectlError('--limit-bytes must be greater than 0');

    const api = inv.ctx.api;
    let pods: Pod[];
    if (selector) {
      pods = api.list({ group: '', resource: 'pods' }, inv.namespace, { labelSelector: selector }).items as Pod[];
      if (pods.length === 0) { inv.ctx.stderr(`No resources found in ${inv.namespace} namespace.\n`); return; }
      const max = f.int('max-log-requests');
      if (f.bool('follow') && pods.length > max) {
        throw new KubectlError(`you are attempting to follow ${pods.length} log streams, but maximum allowed concurrency is ${max}, use --max-log-requests to increase the limit`);
      }
    } else {
      pods = [podForArg(inv, inv.args[0]!, { note: true })];
    }
    const prefixed = f.bool('prefix');
    const sources: Source[] = [];
    for (const pod of pods) {
      if (all) {
        for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) sources.push({ pod, container: c.name });
      } else {
        sources.push({ pod, container: container ? container : containerFor(inv, pod, '', f.bool('quiet') || !!selector).name });
      }
    }
    const printed = new Map<Source, number>();
    const emit = (s: Source, text: string): void => {
      if (!text) return;
      const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
      const pre = prefixed ? `[pod/${s.pod.metadata?.name}/${s.container}] ` : '';
      inv.ctx.stdout(lines.map((l) => pre + l).join('\n') + (text.endsWith('\n') ? '\n' : ''));
    };
    const read = (s: Source, tailLines?: number): string => {
      if (!api.logs) throw new KubectlError('the server does not serve container logs');
      return api.logs(s.pod.metadata?.namespace ?? inv.namespace, s.pod.metadata?.name ?? '', { container: s.container, previous: f.bool('previous'), ...(tailLines !== undefined && tailLines >= 0 ? { tailLines } : {}) });
    };
    for (const s of sources) {
      const text = read(s, tail);
      emit(s, text);
      printed.set(s, lineCount(read(s)));
    }
    if (!f.bool('follow') || f.bool('previous')) return;
    await follow(inv, sources, printed, read, emit);
  },
};

function lineCount(text: string): number { return text === '' ? 0 : text.replace(/\n$/, '').split('\n').length; }

/** -f: print lines as they appear until every followed container has stopped or the user interrupts. */
async function follow(inv: Invocation, sources: Source[], printed: Map<Source, number>, read: (s: Source) => string, emit: (s: Source, t: string) => void): Promise<void> {
  const live = new Set(sources);
  // Without a way to interrupt (no signal), stop after a day of virtual time rather than spin forever.
  const stopAt = inv.ctx.signal ? Infinity : inv.ctx.now() + 24 * 3600_000;
  while (live.size > 0 && !inv.ctx.signal?.aborted && inv.ctx.now() < stopAt) {
    await inv.ctx.sleep(POLL_MS);
    for (const s of [...live]) {
      let text: string;
      try { text = read(s); } catch { live.delete(s); continue; }
      const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
      const seen = printed.get(s) ?? 0;
      if (lines.length > seen) { emit(s, lines.slice(seen).join('\n') + '\n'); printed.set(s, lines.length); }
      if (stopped(inv, s)) live.delete(s);
    }
  }
}

function stopped(inv: Invocation, s: Source): boolean {
  try {
    const pod = inv.ctx.api.get({ group: '', resource: 'pods' }, s.pod.metadata?.namespace, s.pod.metadata?.name ?? '') as Pod;
    if (pod.metadata?.uid !== s.pod.metadata?.uid) return true;
    const st = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find((c) => c.name === s.container);
    return !!st?.state?.terminated && (pod.spec?.restartPolicy === 'Never' || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed');
  } catch { return true; }
}
