/**
 * kubectl exec and attach (pkg/cmd/exec/exec.go, pkg/cmd/attach/attach.go). kubectl checks
 * the pod and container, prints its own notes, then hands the session to the caller
 * (ctx.interact). Errors the kubelet would give for containers that are not running are
 * reproduced here from the pod's status.
 */
import type { FlagSpec } from '../flags.js';
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { KubectlError, RawError } from '../errors.js';
import type { VerbSpec } from '../registry.js';
import { filenameFlags, usage } from './internal/kit.js';
import { containerFor, findContainer, podForArg } from './internal/pods.js';

/** What the kubelet's exec/attach endpoint answers for a container that is not running. */
function containerNotRunning(pod: Pod, container: string): string | undefined {
  if (!pod.spec?.nodeName) return `Error from server (BadRequest): pod ${pod.metadata?.name} does not have a host assigned`;
  const st = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find((c) => c.name === container);
  if (!st || st.state?.waiting) {
    if (st?.lastState?.terminated || (st?.restartCount ?? 0) > 0) {
      return 'error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: container is in CONTAINER_EXITED state';
    }
    return `error: unable to upgrade connection: container not found ("${container}")`;
  }
  if (st.state?.terminated) {
    return 'error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: container is in CONTAINER_EXITED state';
  }
  return undefined;
}

/** The flags exec and attach share (both open a stream to a container). */
const streamFlags: FlagSpec[] = [
    { name: 'container', short: 'c', type: 'string', default: '' },
    { name: 'stdin', short: 'i', type: 'bool', default: false },
    { name: 'tty', short: 't', type: 'bool', default: false },
    { name: 'quiet', short: 'q', type: 'bool', default: false },
    { name: 'pod-running-timeout', type: 'duration', default: '1m0s' },
];

export const execVerb: VerbSpec = {
  name: 'exec', group: 'troubleshooting', short: 'Execute a command in a container',
  usage: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]',
  flags: [...filenameFlags, ...streamFlags],
  async run(inv) {
    const f = inv.flags;
    const dash = inv.argsLenAtDash;
    const resourceName = inv.args.length > 0 && dash !== 0 ? inv.args[0]! : '';
    let command: string[] = [];
    if (dash > -1) command = inv.args.slice(dash);
    else if (inv.args.length > 1 || (inv.args.length > 0 && f.strings('filename').length > 0)) {
      throw usage(inv, 'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead');
    }
    if (!resourceName && f.strings('filename').length === 0) throw new KubectlError('pod, type/name or --filename must be specified');
    if (command.length === 0) throw new KubectlError('you must specify at least one command for the container');
    const pod = podForArg(inv, resourceName);
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
    const name = f.string('container');
    let container: Container;
    if (name) {
      const c = findContainer(pod, name);
      if (!c) throw new RawError(`Error from server (BadRequest): container ${name} is not valid for pod ${pod.metadata?.name}\n`);
      container = c;
    } else container = containerFor(inv, pod, '', f.bool('quiet'));
    const problem = containerNotRunning(pod, container.name);
    if (problem) throw new RawError(`${problem}\n`);
    let tty = f.bool('tty');
    const stdin = f.bool('stdin');
    if (tty && !stdin) { tty = false; if (!f.bool('quiet')) inv.ctx.stderr('Unable to use a TTY - input is not a terminal or the right kind of file\n'); }
    if (!inv.ctx.interact) throw new KubectlError('unable to upgrade connection: interactive sessions are not available here');
    const code = await inv.ctx.interact({
      kind: 'exec', namespace: pod.metadata?.namespace ?? inv.namespace, pod: pod.metadata?.name ?? '', container: container.name,
      command, stdin, tty,
    });
    // remotecommand reports a non-zero exit as CodeExitError, which kubectl prints and exits with.
    if (code !== 0) throw new RawError(`command terminated with exit code ${code}\n`, code);
  },
};

export const attachVerb: VerbSpec = {
  name: 'attach', group: 'troubleshooting', short: 'Attach to a running container',
  usage: 'kubectl attach (POD | TYPE/NAME) -c CONTAINER',
  flags: streamFlags,
  async run(inv) {
    const f = inv.flags;
    if (inv.args.length === 0) throw usage(inv, 'at least 1 argument is required for attach');
    if (inv.args.length > 2) throw usage(inv, 'expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw 3: ' + JSON.stringify(inv.args));
    const arg = inv.args.length === 2 ? `${inv.args[0]}/${inv.args[1]}` : inv.args[0]!;
    const pod = podForArg(inv, arg);
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`cannot attach a container in a completed pod; current phase is ${phase}`);
    let container: Container;
    try { container = containerFor(inv, pod, f.string('container'), f.bool('quiet')); } catch (e) {
      throw new KubectlError(`cannot attach to the container: ${e instanceof Error ? e.message : String(e)}`);
    }
    let tty = f.bool('tty');
    if (tty && !container.tty) {
      tty = false;
      if (!f.bool('quiet')) inv.ctx.stderr(`error: Unable to use a TTY - container ${container.name} did not allocate one\n`);
    } else if (!tty && container.tty) tty = true;
    const problem = containerNotRunning(pod, container.name);
    if (problem) throw new RawError(`${problem}\n`);
    if (!f.bool('quiet')) inv.ctx.stderr("If you don't see a command prompt, try pressing enter.\n");
    if (!inv.ctx.interact) throw new KubectlError('unable to upgrade connection: interactive sessions are not available here');
    await inv.ctx.interact({ kind: 'attach', namespace: pod.metadata?.namespace ?? inv.namespace, pod: pod.metadata?.name ?? '', container: container.name, stdin: f.bool('stdin'), tty });
    const rawTTY = tty && f.bool('stdin') && inv.ctx.isTTY;
    if (!f.bool('quiet') && rawTTY && pod.spec?.restartPolicy === 'Always') {
      inv.ctx.stdout(`Session ended, resume using 'kubectl attach ${pod.metadata?.name} -c ${container.name} -i -t' command when the pod is running\n`);
    }
  },
};
