/**
 * kubectl delete (pkg/cmd/delete/delete.go, delete_flags.go): the line is printed as soon
 * as the DELETE is accepted; then, with --wait (default), kubectl waits in virtual time until
 * every deleted object is gone (or replaced by one with another UID).
 */
import type { DeleteOptions } from '../../cluster/api/types.js';
import { ApiError } from '../../cluster/api/types.js';
import { KubectlError } from '../errors.js';
import type { FlagSpec } from '../flags.js';
import type { Invocation, VerbSpec } from '../registry.js';
import { addSourceToErr, dryRunFlag, dryRunOf, filenameFlags, refOf, selectorFlag, throwCollected, type DryRun } from './internal/kit.js';
import { resolveTargets, type Target } from './internal/targets.js';
import { parseDuration } from './internal/duration.js';

export const deleteFlags: FlagSpec[] = [
  ...filenameFlags,
  { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background' },
  { name: 'grace-period', type: 'int', default: -1 },
  { name: 'force', type: 'bool', default: false },
  { name: 'timeout', type: 'duration', default: '0s' },
  { name: 'wait', type: 'bool', default: true },
];

export interface DeleteSettings {
  gracePeriod: number; force: boolean; cascade: 'Background' | 'Foreground' | 'Orphan'; dryRun: DryRun;
  wait: boolean; timeoutMs: number; output: string; ignoreNotFound: boolean;
}

/** delete_flags.go parseCascadingFlag. */
function parseCascade(inv: Invocation, v: string): 'Background' | 'Foreground' | 'Orphan' {
  switch (v) {
    case 'background': return 'Background';
    case 'foreground': return 'Foreground';
    case 'orphan': return 'Orphan';
    case 'true':
      inv.ctx.stderr('warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.\n');
      return 'Background';
    case 'false':
      inv.ctx.stderr('warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n');
      return 'Orphan';
    default: throw new KubectlError(`invalid cascade value (${v}). Must be "background", "foreground", or "orphan".`);
  }
}

/** Complete + Validate of DeleteOptions, shared with run --rm and replace --force. */
export function deleteSettings(inv: Invocation, defaults: { wait: boolean; complete?: boolean }): DeleteSettings {
  let gracePeriod = inv.flags.int('grace-period');
  const force = inv.flags.bool('force');
  // DeleteOptions.Complete adjusts the grace period only for `kubectl delete` itself;
  // run --rm and replace --force use the flags as given (DeleteFlags.ToOptions).
  if (defaults.complete !== false) {
    if (inv.flags.has('now') && inv.flags.bool('now')) {
      if (gracePeriod !== -1) throw new KubectlError('--now and --grace-period cannot be specified together');
      gracePeriod = 1;
    }
    if (gracePeriod === 0 && !force) gracePeriod = 1;
    if (force && gracePeriod < 0) gracePeriod = 0;
  }
  const dryRun = dryRunOf(inv);
  const output = inv.flags.has('output') ? inv.flags.string('output') : '';
  if (output !== '' && output !== 'name') throw new KubectlError(`unexpected -o output mode: ${output}. We only support '-o name'`);
  if (gracePeriod === 0 && force) {
    inv.ctx.stderr(`${inv.ctx.isTTY ? '\x1b[33;1mWarning:\x1b[0m' : 'Warning:'} Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n`);
  } else if (gracePeriod > 0 && force) {
    throw new KubectlError('--force and --grace-period greater than 0 cannot be specified together');
  }
  return {
    gracePeriod, force, cascade: parseCascade(inv, inv.flags.string('cascade')), dryRun,
    wait: inv.flags.has('wait') ? inv.flags.bool('wait') : defaults.wait,
    timeoutMs: parseDuration(inv.flags.string('timeout')), output, ignoreNotFound: false,
  };
}

function deletedLine(t: Target, s: DeleteSettings): string {
  const kind = t.info.kind.toLowerCase() + (t.info.group ? `.${t.info.group}` : '');
  if (s.output === 'name') return `${kind}/${t.name}\n`;
  let op = s.gracePeriod === 0 ? 'force deleted' : 'deleted';
  if (s.dryRun === 'client') op += ' (dry run)';
  else if (s.dryRun === 'server') op += ' (server dry run)';
  return `${kind} "${t.name}" ${op}\n`;
}

/** DeleteResult: delete every target, print, then wait. Throws the collected errors. */
export async function deleteTargets(inv: Invocation, targets: Target[], errors: unknown[], s: DeleteSettings): Promise<void> {
  const api = inv.ctx.api;
  const deleted: { t: Target; uid: string | undefined }[] = [];
  let found = 0;
  for (const t of targets) {
    found++;
    if (s.dryRun === 'client') { inv.ctx.stdout(deletedLine(t, s)); continue; }
    const opts: DeleteOptions = { propagationPolicy: s.cascade, dryRun: s.dryRun === 'server' };
    if (s.gracePeriod >= 0) opts.gracePeriodSeconds = s.gracePeriod;
    try {
      const res = api.delete(refOf(t.info), t.namespace, t.name, opts);
      inv.ctx.stdout(deletedLine(t, s));
      const details = (res as { details?: { uid?: string } }).details;
      deleted.push({ t, uid: res.kind === 'Status' ? details?.uid : res.metadata?.uid ?? undefined });
    } catch (err) {
      found--;
      if (s.ignoreNotFound && err instanceof ApiError && err.code === 404) continue;
      errors.push(addSourceToErr('deleting', t.source, err));
    }
  }
  if (found === 0 && errors.length === 0) inv.ctx.stdout('No resources found\n');
  if (errors.length === 0 && s.wait && s.dryRun === 'none' && deleted.length > 0) {
    await waitForDeletion(inv, deleted, s.timeoutMs === 0 ? 168 * 3600_000 : s.timeoutMs, errors);
  }
  throwCollected(errors);
}

const POLL_MS = 100;

/** cmdwait.IsDeleted for each object, in virtual time. */
export async function waitForDeletion(inv: Invocation, items: { t: Target; uid: string | undefined }[], timeoutMs: number, errors: unknown[]): Promise<void> {
  const deadline = inv.ctx.now() + timeoutMs;
  for (const { t, uid } of items) {
    for (;;) {
      if (isGone(inv, t, uid)) break;
      if (inv.ctx.signal?.aborted) return;
      if (inv.ctx.now() >= deadline) {
        errors.push(new KubectlError(`timed out waiting for the condition on ${t.info.plural}/${t.name}`));
        return;
      }
      await inv.ctx.sleep(POLL_MS);
    }
  }
}

function isGone(inv: Invocation, t: Target, uid: string | undefined): boolean {
  try {
    const live = inv.ctx.api.get(refOf(t.info), t.namespace, t.name);
    return uid !== undefined && live.metadata?.uid !== uid;
  } catch (err) {
    if (err instanceof ApiError && err.code === 404) return true;
    throw err;
  }
}

export const deleteVerb: VerbSpec = {
  name: 'delete', group: 'basic-intermediate',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  usage: 'kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)])',
  flags: [
    ...deleteFlags, dryRunFlag, selectorFlag,
    { name: 'output', short: 'o', type: 'string', default: '' },
    { name: 'all', type: 'bool', default: false },
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
    { name: 'field-selector', type: 'string', default: '' },
    { name: 'ignore-not-found', type: 'bool', default: false },
    { name: 'now', type: 'bool', default: false },
    { name: 'interactive', short: 'i', type: 'bool', default: false },
    { name: 'raw', type: 'string', default: '' },
  ],
  async run(inv) {
    const all = inv.flags.bool('all'), selector = inv.flags.string('selector'), fieldSelector = inv.flags.string('field-selector');
    const s = deleteSettings(inv, { wait: true });
    if (all && selector) throw new KubectlError('cannot set --all and --selector at the same time');
    if (all && fieldSelector) throw new KubectlError('cannot set --all and --field-selector at the same time');
    s.ignoreNotFound = inv.flags.has('ignore-not-found') ? inv.flags.bool('ignore-not-found') : (all || !!selector || !!fieldSelector);
    const { targets, errors } = resolveTargets(inv, inv.args, {
      requireObject: false, selector, all, allNamespaces: inv.flags.bool('all-namespaces'), fieldSelector: fieldSelector || undefined,
    });
    if (inv.flags.bool('interactive')) {
      if (targets.length === 0 && errors.length === 0) { inv.ctx.stdout('No resources found\n'); return; }
      throwCollected(errors);
      // delete.go confirmation: list, ask, read one word from stdin.
      inv.ctx.stdout(`You are about to delete the following ${targets.length} resource(s):\n`);
      for (const t of targets) inv.ctx.stdout(`${t.info.kind.toLowerCase()}${t.info.group ? '.' + t.info.group : ''}/${t.name}\n`);
      inv.ctx.stdout('Do you want to continue? (y/n): ');
      const answer = (inv.ctx.stdin ?? '').trim().split(/\s+/)[0] ?? '';
      if (answer.toLowerCase() !== 'y') { inv.ctx.stdout('deletion is cancelled\n'); return; }
    }
    await deleteTargets(inv, targets, errors, s);
  },
};
