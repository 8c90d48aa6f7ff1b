/** kubectl describe serviceaccount (describe.go ServiceAccountDescriber, describeServiceAccount). */
import type { Event, Secret, ServiceAccount } from 'kubernetes-types/core/v1';
import type { Describer } from './describer.js';
import { LEVEL_0, tabbedString } from './prefix-writer.js';
import { describeEvents, refFor, searchEvents } from './events.js';
import { printAnnotationsMultiline, printLabelsMultiline } from './format.js';

const SERVICEACCOUNTS = { group: '', resource: 'serviceaccounts' };
const SECRETS = { group: '', resource: 'secrets' };

export const describeServiceAccountResource: Describer = (deps, namespace, name, settings) => {
  const sa = deps.api.get(SERVICEACCOUNTS, namespace, name) as unknown as ServiceAccount;
  const tokens: Secret[] = [];
  const missing = new Set<string>();
  try {
    const secrets = deps.api.list(SECRETS, namespace).items as unknown as Secret[];
    const existing = new Set<string>();
    for (const s of secrets) {
      if (s.type === 'kubernetes.io/service-account-token' &&
        s.metadata?.annotations?.['kubernetes.io/service-account.name'] === sa.metadata?.name &&
        s.metadata?.annotations?.['kubernetes.io/service-account.uid'] === sa.metadata?.uid) tokens.push(s);
      existing.add(s.metadata?.name ?? '');
    }
    for (const s of [...(sa.secrets ?? []), ...(sa.imagePullSecrets ?? [])]) if (!existing.has(s.name ?? '')) missing.add(s.name ?? '');
  } catch { /* kubectl describes the account even when secrets cannot be listed */ }
  const events = settings.showEvents ? searchEvents(deps.api, refFor(sa, 'ServiceAccount')) : null;
  return describeServiceAccount(sa, tokens, missing, events, deps.now);
};

export function describeServiceAccount(sa: ServiceAccount, tokens: Secret[], missing: Set<string>, events: Event[] | null, now: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sa.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${sa.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', sa.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', sa.metadata?.annotations);
    const emptyHeader = '                   ';
    // The headers in sorted order, as sets.List(sets.KeySet(types)) gives them.
    const sections: [string, string[]][] = [
      ['Image pull secrets:', (sa.imagePullSecrets ?? []).map((s) => s.name ?? '')],
      ['Mountable secrets: ', (sa.secrets ?? []).map((s) => s.name ?? '')],
      ['Tokens:            ', tokens.map((s) => s.metadata?.name ?? '')],
    ];
    for (const [header, names] of sections) {
      if (names.length === 0) { w.write(LEVEL_0, `${header}\t<none>\n`); continue; }
      let prefix = header;
      for (const n of names) {
        w.write(LEVEL_0, missing.has(n) ? `${prefix}\t${n} (not found)\n` : `${prefix}\t${n}\n`);
        prefix = emptyHeader;
      }
    }
    describeEvents(events, w, now);
  });
}
