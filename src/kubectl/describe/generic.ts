/**
 * The describer for kinds kubectl has none for (Event, Lease, ...): describe.go genericDescriber,
 * printUnstructuredContent, smartLabelFor (with github.com/fatih/camelcase Split).
 */
import type { KubeObject, ResourceRef } from '../../cluster/api/types.js';
import type { Describer } from './describer.js';
import { LEVEL_0, tabbedString, type PrefixWriter } from './prefix-writer.js';
import { describeEvents, refFor, searchEvents } from './events.js';
import { goCompare, printAnnotationsMultiline, printLabelsMultiline } from './format.js';

const SKIP = ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations'];

export function genericDescriber(ref: ResourceRef, kind: string): Describer {
  return (deps, namespace, name, settings) => {
    const obj = deps.api.get(ref, namespace, name);
    const events = settings.showEvents ? searchEvents(deps.api, refFor(obj, obj.kind ?? kind)) : null;
    return describeGeneric(obj, events, deps.now);
  };
}

export function describeGeneric(obj: KubeObject, events: ReturnType<typeof searchEvents> | null, now: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata?.annotations);
    printUnstructuredContent(w, LEVEL_0, obj as Record<string, unknown>, '');
    describeEvents(events, w, now);
  });
}

/** Go's %v of a JSON scalar as unstructured holds it (int64, float64, bool, string, nil). */
function scalar(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  return String(v);
}

function printUnstructuredContent(w: PrefixWriter, level: number, content: Record<string, unknown>, skipPrefix: string): void {
  for (const field of Object.keys(content).sort(goCompare)) {
    const value = content[field];
    const skipExpr = `${skipPrefix}.${field}`;
    if (SKIP.includes(skipExpr)) continue;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructuredContent(w, level + 1, value as Record<string, unknown>, skipExpr);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child && typeof child === 'object' && !Array.isArray(child)) printUnstructuredContent(w, level + 1, child as Record<string, unknown>, skipExpr);
        else w.write(level + 1, `${Array.isArray(child) ? `[${child.map(scalar).join(' ')}]` : scalar(child)}\n`);
      }
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${scalar(value)}\n`);
    }
  }
}

const ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID'];

/** "involvedObject" -> "Involved Object", "apiVersion" -> "API Version"; fields with digits etc. stay. */
export function smartLabelFor(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  const parts = camelSplit(field).filter((p) => p !== '_').map((p) =>
    ACRONYMS.includes(p.toUpperCase()) ? p.toUpperCase() : p.replace(/(^|[^\p{L}\p{N}_'])(\p{L})/gu, (_m, pre: string, c: string) => pre + c.toUpperCase()));
  return parts.join(' ');
}

function charClass(c: string): number {
  if (/\p{Ll}/u.test(c)) return 1;
  if (/\p{Lu}/u.test(c)) return 2;
  if (/\p{Nd}/u.test(c)) return 3;
  return 4;
}

/** fatih/camelcase.Split. */
export function camelSplit(src: string): string[] {
  const runs: string[][] = [];
  let last = 0;
  for (const r of src) {
    const cls = charClass(r);
    if (cls === last) runs[runs.length - 1].push(r);
    else runs.push([r]);
    last = cls;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (/\p{Lu}/u.test(runs[i][0]) && /\p{Ll}/u.test(runs[i + 1][0])) {
      runs[i + 1].unshift(runs[i].pop()!);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}
