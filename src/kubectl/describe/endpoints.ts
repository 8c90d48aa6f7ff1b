/** kubectl describe endpoints (describe.go EndpointsDescriber, describeEndpoints). */
import type { Endpoints, Event } from 'kubernetes-types/core/v1';
import type { Describer } from './describer.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString } from './prefix-writer.js';
import { describeEvents, refFor, searchEvents } from './events.js';
import { printAnnotationsMultiline, printLabelsMultiline } from './format.js';

const ENDPOINTS = { group: '', resource: 'endpoints' };

export const describeEndpointsResource: Describer = (deps, namespace, name, settings) => {
  const ep = deps.api.get(ENDPOINTS, namespace, name) as unknown as Endpoints;
  const events = settings.showEvents ? searchEvents(deps.api, refFor(ep, 'Endpoints')) : null;
  return describeEndpoints(ep, events, deps.now);
};

export function describeEndpoints(ep: Endpoints, events: Event[] | null, now: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ep.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${ep.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ep.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ep.metadata?.annotations);
    w.write(LEVEL_0, 'Subsets:\n');
    for (const subset of ep.subsets ?? []) {
      const ready = (subset.addresses ?? []).map((a) => a.ip).join(',');
      w.write(LEVEL_1, `Addresses:\t${ready || '<none>'}\n`);
      const notReady = (subset.notReadyAddresses ?? []).map((a) => a.ip).join(',');
      w.write(LEVEL_1, `NotReadyAddresses:\t${notReady || '<none>'}\n`);
      if (subset.ports && subset.ports.length > 0) {
        w.write(LEVEL_1, 'Ports:\n');
        w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
        w.write(LEVEL_2, '----\t----\t--------\n');
        for (const p of subset.ports) w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? ''}\n`);
      }
      w.write(LEVEL_0, '\n');
    }
    describeEvents(events, w, now);
  });
}
