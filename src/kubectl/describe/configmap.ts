/** kubectl describe configmap (describe.go ConfigMapDescriber). */
import type { ConfigMap, Event } from 'kubernetes-types/core/v1';
import type { Describer } from './describer.js';
import { LEVEL_0, tabbedString } from './prefix-writer.js';
import { describeEvents, refFor, searchEvents } from './events.js';
import { printAnnotationsMultiline, printLabelsMultiline, sortedKeys } from './format.js';

const CONFIGMAPS = { group: '', resource: 'configmaps' };

export const describeConfigMapResource: Describer = (deps, namespace, name, settings) => {
  const cm = deps.api.get(CONFIGMAPS, namespace, name) as unknown as ConfigMap;
  const events = settings.showEvents ? searchEvents(deps.api, refFor(cm, 'ConfigMap')) : null;
  return describeConfigMap(cm, events, deps.now);
};

/** base64 text -> decoded byte count. */
export function decodedLength(b64: string): number {
  const s = b64.replace(/\s/g, '');
  const padding = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  return Math.floor(s.length * 3 / 4) - padding;
}

/**
 * Go iterates the data maps in random order; kubelab prints keys sorted so that a transcript
 * replays identically (any order is one real kubectl could print).
 */
export function describeConfigMap(cm: ConfigMap, events: Event[] | null, now: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${cm.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${cm.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', cm.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', cm.metadata?.annotations);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const k of sortedKeys(cm.data)) {
      w.write(LEVEL_0, `${k}:\n----\n`);
      w.write(LEVEL_0, `${cm.data![k]}\n`);
      w.write(LEVEL_0, '\n');
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n');
    for (const k of sortedKeys(cm.binaryData)) w.write(LEVEL_0, `${k}: ${decodedLength(cm.binaryData![k])} bytes\n`);
    w.write(LEVEL_0, '\n');
    describeEvents(events, w, now);
  });
}
