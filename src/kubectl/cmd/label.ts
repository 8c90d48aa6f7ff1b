/**
 * kubectl label and annotate (pkg/cmd/label/label.go, pkg/cmd/annotate/annotate.go): the
 * object is changed locally, then a JSON merge patch old→new is sent. Messages and the
 * overwrite checks are each command's own.
 */
import type { KubeObject } from '../../cluster/api/types.js';
import { resourcesAndPairs } from './internal/pairs.js';
import { AggregateError, KubectlError } from '../errors.js';
import type { FlagSpec } from '../flags.js';
import type { Invocation, VerbSpec } from '../registry.js';
import { goJson } from './internal/gojson.js';
import { clone, dryRunFlag, dryRunOf, filenameFlags, outputFlags, printOp, refOf, selectorFlag, throwCollected } from './internal/kit.js';
import { resolveTargets } from './internal/targets.js';
import { deepEqual, jsonMergePatch } from './internal/three-way.js';

type Which = 'label' | 'annotation';

const LABEL_VALUE_RE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function parseLabelPairs(pairs: string[]): { add: Map<string, string>; remove: string[] } {
  const add = new Map<string, string>(), remove: string[] = [];
  for (const spec of pairs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) throw new KubectlError(`invalid label spec: ${spec}`);
      const v = parts[1]!;
      const errs: string[] = [];
      if (v.length > 63) errs.push('must be no more than 63 characters');
      if (!LABEL_VALUE_RE.test(v)) errs.push("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
      if (errs.length > 0) throw new KubectlError(`invalid label value: ${JSON.stringify(spec)}: ${errs.join(';')}`);
      add.set(parts[0]!, v);
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else throw new KubectlError(`unknown label spec: ${spec}`);
  }
  if (remove.some((r) => add.has(r))) throw new KubectlError('can not both modify and remove a label in the same command');
  return { add, remove };
}

function parseAnnotationPairs(pairs: string[]): { add: Map<string, string>; remove: string[] } {
  const add = new Map<string, string>(), remove: string[] = [];
  let invalid = '';
  for (const p of pairs) {
    if (p.includes('=') && p[0] !== '=') { const i = p.indexOf('='); add.set(p.slice(0, i), p.slice(i + 1)); }
    else if (p.endsWith('-') && p !== '-') remove.push(p.slice(0, -1));
    else invalid += p;
  }
  if (invalid) throw new KubectlError(`invalid annotation format: ${invalid}`);
  const both = remove.filter((r) => add.has(r));
  if (both.length > 0) throw new KubectlError(`can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);
  return { add, remove };
}

function makeVerb(which: Which): VerbSpec {
  const isLabel = which === 'label';
  const flags: FlagSpec[] = [
    ...filenameFlags, dryRunFlag, ...outputFlags, selectorFlag,
    { name: 'overwrite', type: 'bool', default: false },
    { name: 'list', type: 'bool', default: false },
    { name: 'local', type: 'bool', default: false },
    { name: 'all', type: 'bool', default: false },
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
    { name: 'field-selector', type: 'string', default: '' },
    { name: 'resource-version', type: 'string', default: '' },
    { name: 'field-manager', type: 'string', default: isLabel ? 'kubectl-label' : 'kubectl-annotate' },
  ];
  return {
    name: which === 'label' ? 'label' : 'annotate', group: 'advanced',
    short: isLabel ? 'Update the labels on a resource' : 'Update the annotations on a resource',
    usage: isLabel
      ? 'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]'
      : 'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
    flags,
    async run(inv) {
      const f = inv.flags;
      const dryRun = dryRunOf(inv);
      const { resources, pairs } = resourcesAndPairs(inv.args, which);
      const { add, remove } = isLabel ? parseLabelPairs(pairs) : parseAnnotationPairs(pairs);
      const list = f.bool('list');
      if (list && f.string('output')) throw new KubectlError('--list and --output may not be specified together');
      const all = f.bool('all'), selector = f.string('selector'), fieldSelector = f.string('field-selector');
      if (all && selector) throw new KubectlError('cannot set --all and --selector at the same time');
      if (all && fieldSelector) throw new KubectlError('cannot set --all and --field-selector at the same time');
      if (resources.length < 1 && f.strings('filename').length === 0) {
        throw new KubectlError(`one or more resources must be specified as <resource> <name> or <resource>/<name>`);
      }
      if (add.size < 1 && remove.length < 1 && !list) throw new KubectlError(`at least one ${which} update is required`);
      const { targets, errors } = resolveTargets(inv, resources, {
        requireObject: true, selector, all, allNamespaces: f.bool('all-namespaces'), fieldSelector: fieldSelector || undefined,
      });
      const single = targets.length === 1 && !selector && !all && resources.length <= 2 && !(resources[0] ?? '').includes(',');
      for (const t of targets) {
        try {
          const before = t.object!;
          const after = clone(before);
          const meta = (after.metadata ??= {});
          const current: Record<string, string> = { ...((isLabel ? meta.labels : meta.annotations) ?? {}) };
          if (!f.bool('overwrite')) checkOverwrite(which, current, add);
          let out: KubeObject = after;
          if (dryRun === 'none' && !list) {
            for (const r of remove) if (!(r in current)) inv.ctx.stdout(`${which} ${JSON.stringify(r)} not found.\n`);
          }
          for (const [k, v] of add) current[k] = v;
          for (const r of remove) delete current[r];
          if (isLabel) meta.labels = current; else meta.annotations = current;
          if (f.string('resource-version')) (meta as { resourceVersion?: string }).resourceVersion = f.string('resource-version');
          const changed = !deepEqual(before, after);
          let msg = isLabel ? (changed ? 'labeled' : 'not labeled') : 'annotated';
          if (isLabel && changed && !f.bool('overwrite') && goJson(after).length < goJson(before).length) msg = 'unlabeled';
          if (dryRun !== 'client' && !list) {
            const patch = jsonMergePatch(before as Record<string, unknown>, after as Record<string, unknown>);
            out = inv.ctx.api.patch(refOf(t.info), t.namespace, t.name, 'merge', patch, {
              dryRun: dryRun === 'server', fieldManager: f.string('field-manager'),
            });
          }
          if (list) {
            const shown = (isLabel ? out.metadata?.labels : out.metadata?.annotations) ?? {};
            const indent = single ? '' : ' ';
            if (!single) inv.ctx.stdout(`Listing ${isLabel ? 'labels' : 'annotations'} for ${t.info.kind}.${t.info.group}/${t.name}:\n`);
            for (const k of Object.keys(shown).sort()) inv.ctx.stdout(`${indent}${k}=${shown[k]}\n`);
            continue;
          }
          printOp(inv, dryRun === 'client' ? after : out, t.info, msg, dryRun);
        } catch (err) { errors.push(err); }
      }
      throwCollected(errors);
    },
  };
}

function checkOverwrite(which: Which, current: Record<string, string>, add: Map<string, string>): void {
  if (which === 'label') {
    const errs = [...add].filter(([k, v]) => k in current && current[k] !== v)
      .map(([k]) => new KubectlError(`'${k}' already has a value (${current[k]}), and --overwrite is false`));
    if (errs.length === 1) throw errs[0];
    if (errs.length > 1) throw new AggregateError(errs);
    return;
  }
  const found = [...add].filter(([k, v]) => k !== 'kubernetes.io/change-cause' && k in current && current[k] !== v)
    .map(([k]) => `'${k}' already has a value (${current[k]})`);
  if (found.length > 0) throw new KubectlError(`--overwrite is false but found the following declared annotation(s): ${found.join('; ')}`);
}

export const labelVerb = makeVerb('label');
export const annotateVerb = makeVerb('annotation');
