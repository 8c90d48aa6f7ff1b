/**
 * kubectl edit (pkg/cmd/edit/edit.go, pkg/cmd/util/editor/editoptions.go): the object as YAML
 * under kubectl's comment header goes to the caller's editor (ctx.edit); the saved text is
 * diffed into a two-way strategic merge patch. Syntax and validation errors reopen the editor
 * with the reasons in the header, as kubectl does.
 */
import type { KubeObject, ResourceInfo } from '../../cluster/api/types.js';
import { ApiError } from '../../cluster/api/types.js';
import { ExitError, KubectlError } from '../errors.js';
import { stripManagedFields } from '../printers/output.js';
import { toYaml } from '../printers/yaml-json.js';
import type { Invocation, VerbSpec } from '../registry.js';
import { parseYamlStream } from '../yaml-errors.js';
import { filenameFlags, outputFlags, printOp, refOf } from './internal/kit.js';
import { resolveTargets, type Target } from './internal/targets.js';
import { deepEqual, twoWayMergePatch } from './internal/three-way.js';

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

interface Reason { head: string; other: string[] }

function hashOnLineBreak(s: string): string { return s.replace(/\n(?!#)/g, '\n# '); }

function header(reasons: Reason[]): string {
  let h = HEADER;
  for (const r of reasons) {
    h += r.other.length > 0 ? `# ${hashOnLineBreak(r.head)}:\n` : `# ${hashOnLineBreak(r.head)}\n`;
    for (const o of r.other) h += `# * ${hashOnLineBreak(o)}\n`;
    h += '#\n';
  }
  return h;
}

/** cmdutil.ManualStrip: drop comment lines (but not `#!`). */
function manualStrip(text: string): string {
  return text.split('\n').filter((l) => { const t = l.trim(); return !(t.startsWith('#') && !t.startsWith('#!')); }).join('\n');
}

/** cmdutil.StripComments: compare as data when it parses, as text otherwise. */
function stripped(text: string): unknown {
  try { return parseYamlStream(text); } catch { return manualStrip(text); }
}

function hasLines(text: string): boolean {
  return text.split('\n').some((l) => { const t = l.trim(); return t.length > 0 && t[0] !== '#'; });
}

function resourceString(info: ResourceInfo): string { return info.group ? `${info.plural}.${info.group}` : info.plural; }

export const editVerb: VerbSpec = {
  name: 'edit', group: 'basic-intermediate', short: 'Edit a resource on the server',
  usage: 'kubectl edit (RESOURCE/NAME | -f FILENAME)',
  flags: [
    ...filenameFlags, ...outputFlags,
    { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict' },
    { name: 'windows-line-endings', type: 'bool', default: false },
    { name: 'save-config', type: 'bool', default: false },
    { name: 'output-patch', type: 'bool', default: false },
    { name: 'subresource', type: 'string', default: '' },
    { name: 'field-manager', type: 'string', default: 'kubectl-edit' },
  ],
  async run(inv) {
    const { targets, errors } = resolveTargets(inv, inv.args, { requireObject: true });
    if (errors.length > 0) throw errors[0];
    if (targets.length === 0) throw new KubectlError('edit cancelled, no objects found');
    if (!inv.ctx.edit) throw new KubectlError('unable to launch the editor');
    const file = `/tmp/kubectl-edit-${String(inv.ctx.now() % 10_000_000_000).padStart(10, '0')}.yaml`;
    const show = inv.flags.bool('show-managed-fields');
    const originals = targets.map((t) => stripManagedFields(t.object!, show));
    const originalObj: KubeObject = originals.length === 1 ? originals[0]! : { apiVersion: 'v1', items: originals, kind: 'List', metadata: {} };
    let reasons: Reason[] = [];
    let containsError = false;
    let original = '';
    let edited = '';
    for (;;) {
      const body = containsError ? manualStrip(edited) : toYaml(originalObj);
      const text = header(reasons) + body;
      if (!containsError) original = text;
      const previous = edited;
      const saved = await inv.ctx.edit(text, file);
      edited = saved ?? text;
      if (containsError && deepEqual(stripped(previous), stripped(edited))) {
        inv.ctx.stderr(`A copy of your changes has been stored to "${file}"\n`);
        throw new KubectlError('Edit cancelled, no valid changes were saved.');
      }
      if (deepEqual(stripped(original), stripped(edited))) { inv.ctx.stderr('Edit cancelled, no changes made.\n'); return; }
      if (!hasLines(edited)) { inv.ctx.stderr('Edit cancelled, saved file was empty.\n'); return; }
      reasons = [];
      let docs: unknown[];
      try { docs = parseYamlStream(edited); } catch (e) {
        containsError = true;
        reasons.push({ head: `The edited file had a syntax error: ${e instanceof Error ? e.message : String(e)}`, other: [] });
        continue;
      }
      containsError = false;
      const doc = docs[0] as KubeObject | undefined;
      const updated = doc?.kind === 'List' && Array.isArray(doc.items) ? doc.items as KubeObject[] : docs as KubeObject[];
      const outcome = patchAll(inv, targets, originals, updated, reasons, file);
      if (outcome === 'retry') { containsError = true; continue; }
      return;
    }
  },
};

/** visitToPatch for every object; 'retry' when an Invalid error asks to reopen the editor. */
function patchAll(inv: Invocation, targets: Target[], originals: KubeObject[], updated: KubeObject[], reasons: Reason[], file: string): 'done' | 'retry' {
  let retryable = 0, notFound = 0, invalid = 0;
  targets.forEach((t, i) => {
    const before = originals[i]!;
    const after = updated.find((u) => u.metadata?.name === t.name && u.kind === before.kind) ?? updated[i];
    if (!after) return;
    if (deepEqual(before, after)) { printOp(inv, after, t.info, 'skipped', 'none'); return; }
    if (after.apiVersion !== before.apiVersion || after.kind !== before.kind || after.metadata?.name !== before.metadata?.name
      || !deepEqual(after.metadata?.managedFields, before.metadata?.managedFields)) {
      inv.ctx.stderr(`A copy of your changes has been stored to "${file}"\n`);
      throw new KubectlError('At least one of apiVersion, kind and name was changed');
    }
    const patch = twoWayMergePatch(before as Record<string, unknown>, after as Record<string, unknown>, t.info.kind);
    try {
      const res = inv.ctx.api.patch(refOf(t.info), t.namespace, t.name, 'strategic', patch, {
        fieldManager: inv.flags.string('field-manager'), fieldValidation: 'Strict',
      });
      printOp(inv, res, t.info, 'edited', 'none');
    } catch (err) {
      const rs = resourceString(t.info);
      if (err instanceof ApiError && (err.code === 422 || err.reason === 'Invalid')) {
        invalid++;
        reasons.push({ head: `${rs} "${t.name}" was not valid`, other: err.causes.map((c) => `${c.field ?? ''}: ${c.message ?? ''}`) });
        inv.ctx.stderr(`error: ${rs} "${t.name}" is invalid\n`);
      } else if (err instanceof ApiError && err.code === 404) {
        notFound++;
        inv.ctx.stderr(`error: ${rs} "${t.name}" could not be found on the server\n`);
      } else {
        retryable++;
        inv.ctx.stderr(`error: ${rs} "${t.name}" could not be patched: ${err instanceof Error ? err.message : String(err)}\n`);
      }
    }
  });
  if (retryable > 0) { inv.ctx.stderr(`You can run \`kubectl replace -f ${file}\` to try this update again.\n`); throw new ExitError(1); }
  if (notFound > 0) { inv.ctx.stderr(`The edits you made on deleted resources have been saved to "${file}"\n`); throw new ExitError(1); }
  return invalid > 0 ? 'retry' : 'done';
}
