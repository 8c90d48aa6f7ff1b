/**
 * kubectl run (pkg/cmd/run/run.go, pkg/generate/versioned/run.go). With -i/--attach the pod
 * is created silently, kubectl waits for it to be Running and Ready, then hands the terminal
 * to the caller (ctx.interact attach) and afterwards prints what attach.go prints; --rm
 * deletes the pod without waiting and prints `pod "x" deleted`.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../cluster/api/types.js';
import { ApiError } from '../../cluster/api/types.js';
import { KubectlError, RawError } from '../errors.js';
import type { Invocation, VerbSpec } from '../registry.js';
import { deleteFlags, deleteSettings, deleteTargets } from './delete.js';
import { parseDuration } from './internal/duration.js';
import { runPodObject, serviceObject } from './internal/generators.js';
import { dryRunFlag, dryRunOf, outputFlags, printOp, resolveType, throwCollected, usage } from './internal/kit.js';
import { pollUntil } from './internal/poll.js';

const POD = { group: '', resource: 'pods' };
const SERVICE = { group: '', resource: 'services' };

/** docker/distribution reference grammar, enough to reject what kubectl rejects. */
const IMAGE_RE = /^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$/;

export const runVerb: VerbSpec = {
  name: 'run', group: 'basic-beginner', short: 'Run a particular image on the cluster',
  usage: 'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]',
  flags: [
    ...deleteFlags.map((f) => (f.name === 'wait' ? { ...f, default: false } : f)), dryRunFlag, ...outputFlags,
    { name: 'image', type: 'string', default: '' },
    { name: 'annotations', type: 'stringArray', default: [] },
    { name: 'image-pull-policy', type: 'string', default: '' },
    { name: 'rm', type: 'bool', default: false },
    { name: 'env', type: 'stringArray', default: [] },
    { name: 'port', type: 'string', default: '' },
    { name: 'labels', short: 'l', type: 'string', default: '' },
    { name: 'stdin', short: 'i', type: 'bool', default: false },
    { name: 'tty', short: 't', type: 'bool', default: false },
    { name: 'attach', type: 'bool', default: false },
    { name: 'leave-stdin-open', type: 'bool', default: false },
    { name: 'restart', type: 'string', default: 'Always' },
    { name: 'command', type: 'bool', default: false },
    { name: 'expose', type: 'bool', default: false },
    { name: 'quiet', short: 'q', type: 'bool', default: false },
    { name: 'privileged', type: 'bool', default: false },
    { name: 'pod-running-timeout', type: 'duration', default: '1m0s' },
    { name: 'overrides', type: 'string', default: '' },
    { name: 'field-manager', type: 'string', default: 'kubectl-run' },
  ],
  async run(inv) {
    const f = inv.flags;
    if (!f.has('image')) throw new KubectlError('required flag(s) "image" not set');
    if (inv.args.length === 0) throw usage(inv, 'NAME is required for run');
    const image = f.string('image');
    if (image === '') throw new KubectlError('--image is required');
    if (!IMAGE_RE.test(image)) throw new KubectlError(`Invalid image name "${image}": invalid reference format`);
    const stdin = f.bool('stdin'), tty = f.bool('tty');
    if (tty && !stdin) throw usage(inv, '-i/--stdin is required for containers with -t/--tty=true');
    const portText = f.string('port');
    if (f.bool('expose') && !portText) throw usage(inv, '--port must be set when exposing a service');
    const restart = f.string('restart');
    if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw usage(inv, `invalid restart policy: ${restart}`);
    const attach = f.has('attach') ? f.bool('attach') : stdin;
    const remove = f.bool('rm');
    if (!attach && remove) throw usage(inv, '--rm should only be used for attached containers');
    const dryRun = dryRunOf(inv);
    if (attach && dryRun !== 'none') throw usage(inv, "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
    const pull = f.string('image-pull-policy');
    if (pull && !['Always', 'IfNotPresent', 'Never'].includes(pull)) {
      throw new KubectlError(`invalid image pull policy: ${pull}`);
    }

    const name = inv.args[0]!;
    let port: number | undefined;
    if (portText) {
      if (!/^[+-]?\d+$/.test(portText)) throw new KubectlError(`strconv.Atoi: parsing "${portText}": invalid syntax`);
      port = Number(portText);
    }
    const env = f.strings('env').map((e) => {
      const eq = e.indexOf('=');
      if (eq <= 0) throw new KubectlError(`invalid env: ${e}`);
      return { name: e.slice(0, eq), value: e.slice(eq + 1) };
    });
    const labels = parseRunLabels(f.string('labels'), name);
    const annotations: Record<string, string> = {};
    for (const a of f.strings('annotations')) {
      const eq = a.indexOf('=');
      if (eq <= 0) throw new KubectlError(`invalid annotation spec: ${a}`);
      annotations[a.slice(0, eq)] = a.slice(eq + 1);
    }
    const pod = runPodObject({
      name, namespace: inv.namespaceExplicit ? inv.namespace : undefined, image, labels, annotations, port, env,
      args: inv.args.slice(1), command: f.bool('command'), restart, stdin, tty,
      stdinOnce: !f.bool('leave-stdin-open') && stdin, imagePullPolicy: pull || undefined, privileged: f.bool('privileged'),
    });
    const write = { dryRun: dryRun === 'server', fieldManager: f.string('field-manager'), fieldValidation: 'Strict' as const };
    const api = inv.ctx.api;

    let created: KubeObject = pod;
    if (dryRun !== 'client') created = api.create(POD, inv.namespace, pod, write);

    const errors: unknown[] = [];
    if (f.bool('expose')) {
      try {
        const svc = serviceObject(name, inv.namespaceExplicit ? inv.namespace : undefined, 'ClusterIP', [], {});
        const spec = svc.spec as Record<string, unknown>;
        spec.ports = [{ protocol: 'TCP', port, targetPort: port }];
        spec.selector = labels;
        delete spec.type;
        (svc.metadata as Record<string, unknown>).labels = undefined;
        delete (svc.metadata as Record<string, unknown>).labels;
        const out = dryRun === 'client' ? svc : api.create(SERVICE, inv.namespace, svc, write);
        printOp(inv, out, resolveType(api, 'services'), 'created', dryRun, dryRun === 'client');
      } catch (err) { errors.push(err); }
    }

    if (attach) return attachToRun(inv, created as Pod, restart, remove);

    // The YAML printer separates the pod from the service printed before it; kubectl 1.33 writes two separators here.
    if (f.bool('expose') && f.string('output') === 'yaml' && errors.length === 0) inv.ctx.stdout('---\n---\n');
    printOp(inv, created, resolveType(api, 'pods'), 'created', dryRun, dryRun === 'client');
    throwCollected(errors);
  },
};

/** run's --labels: `a=b,c=d`, default `run=<name>`. */
function parseRunLabels(s: string, name: string): Record<string, string> {
  if (!s) return { run: name };
  const out: Record<string, string> = {};
  for (const part of s.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) throw new KubectlError(`unexpected label spec: ${part}`);
    out[kv[0]!] = kv[1]!;
  }
  return out;
}

function isRunningAndReady(p: Pod): 'ready' | 'completed' | undefined {
  const phase = p.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return 'completed';
  if (phase === 'Running' && p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')) return 'ready';
  return undefined;
}

async function attachToRun(inv: Invocation, created: Pod, restart: string, remove: boolean): Promise<number | void> {
  const api = inv.ctx.api;
  const ns = created.metadata?.namespace ?? inv.namespace;
  const name = created.metadata?.name ?? '';
  const container = created.spec?.containers?.[0]?.name ?? name;
  const f = inv.flags;
  let failure: unknown;
  let exitCode: number | void = undefined;
  try {
    const timeout = parseDuration(f.string('pod-running-timeout'));
    let latest: Pod = created;
    const state = await pollUntil(inv, timeout, () => {
      try { latest = api.get(POD, ns, name) as Pod; } catch (err) {
        if (err instanceof ApiError && err.code === 404) throw err;
        return undefined;
      }
      return isRunningAndReady(latest);
    });
    if (state === undefined) {
      if (inv.ctx.signal?.aborted) return 130;
      throw new KubectlError('timed out waiting for the condition');
    }
    if (state === 'completed') {
      // handleAttachPod: a finished pod's output is shown as logs instead.
      if (api.logs) inv.ctx.stdout(api.logs(ns, name, { container }));
    } else {
      if (!f.bool('quiet')) inv.ctx.stderr("If you don't see a command prompt, try pressing enter.\n");
      if (!inv.ctx.interact) throw new KubectlError('unable to upgrade connection: interactive sessions are not available here');
      await inv.ctx.interact({ kind: 'attach', namespace: ns, pod: name, container, stdin: f.bool('stdin'), tty: f.bool('tty'), removeOnExit: remove });
      const rawTTY = f.bool('tty') && f.bool('stdin') && inv.ctx.isTTY;
      if (!f.bool('quiet') && rawTTY && restart === 'Always') {
        inv.ctx.stdout(`Session ended, resume using 'kubectl attach ${name} -c ${container} -i -t' command when the pod is running\n`);
      }
    }
    const waitForExit = !f.bool('leave-stdin-open') && (restart === 'Never' || restart === 'OnFailure');
    if (waitForExit) exitCode = await exitOf(inv, ns, name, restart);
  } catch (err) { failure = err; }
  if (remove) {
    const s = deleteSettings(inv, { wait: false, complete: false });
    await deleteTargets(inv, [{ info: resolveType(api, 'pods'), namespace: ns, name, source: '' }], [], s);
  }
  if (failure !== undefined) throw failure;
  return exitCode;
}

/** After the session: wait for the pod to finish and turn its end into kubectl's exit status. */
async function exitOf(inv: Invocation, ns: string, name: string, restart: string): Promise<number | void> {
  const pod = await pollUntil(inv, parseDuration(inv.flags.string('pod-running-timeout')), () => {
    const p = inv.ctx.api.get(POD, ns, name) as Pod;
    const phase = p.status?.phase;
    if (phase === 'Succeeded' || (restart === 'Never' && phase === 'Failed')) return p;
    return undefined;
  });
  if (!pod) throw new KubectlError('timed out waiting for the condition');
  if (pod.status?.phase === 'Succeeded') return;
  const term = pod.status?.containerStatuses?.[0]?.state?.terminated;
  if (!term || term.exitCode === 0) throw new KubectlError(`pod ${ns}/${name} failed with unknown exit code`);
  // uexec.CodeExitError: checkErr prints its text as is and exits with the container's code.
  const text = `pod ${ns}/${name} terminated (${term.reason ?? ''})\n${term.message ?? ''}`;
  throw new RawError(text.endsWith('\n') ? text : `${text}\n`, term.exitCode);
}

