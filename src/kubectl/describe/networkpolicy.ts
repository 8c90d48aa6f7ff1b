/** kubectl describe networkpolicy (describe.go describeNetworkPolicy, describeNetworkPolicySpec). */
import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort, NetworkPolicySpec } from 'kubernetes-types/networking/v1';
import type { Describer } from './describer.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString, type PrefixWriter } from './prefix-writer.js';
import { formatLabelSelector, parseTime, printAnnotationsMultiline, printLabelsMultiline } from './format.js';

const NETPOLS = { group: 'networking.k8s.io', resource: 'networkpolicies' };

export const describeNetworkPolicyResource: Describer = (deps, namespace, name) =>
  describeNetworkPolicy(deps.api.get(NETPOLS, namespace, name) as unknown as NetworkPolicy);

/** Go's time.Time.String() in UTC: `2006-01-02 15:04:05 +0000 UTC` (fractions only when present). */
export function goTimeString(ts: string | undefined): string {
  const ms = parseTime(ts);
  if (ms === undefined) return '0001-01-01 00:00:00 +0000 UTC';
  const iso = new Date(ms).toISOString();
  const frac = iso.slice(20, 23).replace(/0+$/, '');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${frac ? `.${frac}` : ''} +0000 UTC`;
}

function printPorts(ports: NetworkPolicyPort[] | undefined, indent: string, w: PrefixWriter): void {
  if (!ports || ports.length === 0) { w.write(LEVEL_0, `${indent}To Port: <any> (traffic allowed to all ports)\n`); return; }
  for (const p of ports) {
    const proto = p.protocol ?? 'TCP';
    // %s of a nil *IntOrString prints "%!s(<nil>)".
    const port = p.port === undefined || p.port === null ? '%!s(<nil>)' : String(p.port);
    if (p.endPort === undefined || p.endPort === null) w.write(LEVEL_0, `${indent}To Port: ${port}/${proto}\n`);
    else w.write(LEVEL_0, `${indent}To Port Range: ${port}-${p.endPort}/${proto}\n`);
  }
}

function printPeers(peers: NetworkPolicyPeer[] | undefined, label: 'From' | 'To', indent: string, w: PrefixWriter): void {
  if (!peers || peers.length === 0) {
    w.write(LEVEL_0, `${indent}${label}: <any> (traffic not restricted by ${label === 'From' ? 'source' : 'destination'})\n`);
    return;
  }
  for (const p of peers) {
    w.write(LEVEL_0, `${indent}${label}:\n`);
    if (p.podSelector && p.namespaceSelector) {
      w.write(LEVEL_1, `${indent}NamespaceSelector: ${formatLabelSelector(p.namespaceSelector)}\n`);
      w.write(LEVEL_1, `${indent}PodSelector: ${formatLabelSelector(p.podSelector)}\n`);
    } else if (p.podSelector) w.write(LEVEL_1, `${indent}PodSelector: ${formatLabelSelector(p.podSelector)}\n`);
    else if (p.namespaceSelector) w.write(LEVEL_1, `${indent}NamespaceSelector: ${formatLabelSelector(p.namespaceSelector)}\n`);
    else if (p.ipBlock) {
      w.write(LEVEL_1, `${indent}IPBlock:\n`);
      w.write(LEVEL_2, `${indent}CIDR: ${p.ipBlock.cidr}\n`);
      w.write(LEVEL_2, `${indent}Except: ${(p.ipBlock.except ?? []).join(', ')}\n`);
    }
  }
}

export function describeNetworkPolicy(np: NetworkPolicy): string {
  return tabbedString((w) => {
    const spec: Partial<NetworkPolicySpec> = np.spec ?? {};
    w.write(LEVEL_0, `Name:\t${np.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${np.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Created on:\t${goTimeString(np.metadata?.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', np.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', np.metadata?.annotations);
    w.write(LEVEL_0, 'Spec:\n');
    w.write(LEVEL_1, 'PodSelector: ');
    const ps = spec.podSelector ?? {};
    if (Object.keys(ps.matchLabels ?? {}).length === 0 && (ps.matchExpressions ?? []).length === 0) {
      w.write(LEVEL_2, '<none> (Allowing the specific traffic to all pods in this namespace)\n');
    } else w.write(LEVEL_2, `${formatLabelSelector(ps)}\n`);
    const types = spec.policyTypes ?? [];
    const indent = '    ';
    if (types.includes('Ingress')) {
      w.write(LEVEL_1, 'Allowing ingress traffic:\n');
      const rules = spec.ingress ?? [];
      if (rules.length === 0) w.write(LEVEL_0, `${indent}<none> (Selected pods are isolated for ingress connectivity)\n`);
      rules.forEach((r, i) => {
        printPorts(r.ports, indent, w);
        printPeers(r.from, 'From', indent, w);
        if (i !== rules.length - 1) w.write(LEVEL_0, `${indent}----------\n`);
      });
    } else w.write(LEVEL_1, 'Not affecting ingress traffic\n');
    if (types.includes('Egress')) {
      w.write(LEVEL_1, 'Allowing egress traffic:\n');
      const rules = spec.egress ?? [];
      if (rules.length === 0) w.write(LEVEL_0, `${indent}<none> (Selected pods are isolated for egress connectivity)\n`);
      rules.forEach((r, i) => {
        printPorts(r.ports, indent, w);
        printPeers(r.to, 'To', indent, w);
        if (i !== rules.length - 1) w.write(LEVEL_0, `${indent}----------\n`);
      });
    } else w.write(LEVEL_1, 'Not affecting egress traffic\n');
    w.write(LEVEL_1, `Policy Types: ${types.length > 0 ? types.join(', ') : '<none>'}\n`);
  });
}
