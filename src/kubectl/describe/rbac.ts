/**
 * kubectl describe role / clusterrole (describe.go RoleDescriber, ClusterRoleDescriber;
 * kubectl pkg/util/rbac BreakdownRule, CompactRules, SortableRuleSlice).
 */
import type { ClusterRole, PolicyRule, Role } from 'kubernetes-types/rbac/v1';
import type { Describer } from './describer.js';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefix-writer.js';
import { printAnnotationsMultiline, printLabelsMultiline } from './format.js';

interface Rule { verbs: string[]; apiGroups: string[]; resources: string[]; resourceNames: string[]; nonResourceURLs: string[] }

/** BreakdownRule: one rule per group × resource × verb (× resource name), then per URL × verb. */
function breakdown(r: PolicyRule): Rule[] {
  const out: Rule[] = [];
  for (const g of r.apiGroups ?? []) for (const res of r.resources ?? []) for (const v of r.verbs ?? []) {
    if ((r.resourceNames ?? []).length > 0) for (const n of r.resourceNames!) out.push({ verbs: [v], apiGroups: [g], resources: [res], resourceNames: [n], nonResourceURLs: [] });
    else out.push({ verbs: [v], apiGroups: [g], resources: [res], resourceNames: [], nonResourceURLs: [] });
  }
  for (const u of r.nonResourceURLs ?? []) for (const v of r.verbs ?? []) out.push({ verbs: [v], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [u] });
  return out;
}

/** CompactRules: rules naming one group/resource(/name) merge their verbs; others stay. */
function compact(rules: Rule[]): Rule[] {
  const out: Rule[] = [];
  const simple = new Map<string, Rule>();
  for (const r of rules) {
    const isSimple = r.resourceNames.length <= 1 && r.nonResourceURLs.length === 0 && r.apiGroups.length === 1 && r.resources.length === 1;
    if (!isSimple) { out.push(r); continue; }
    const key = JSON.stringify([r.apiGroups[0], r.resources[0], r.resourceNames.length > 0, r.resourceNames[0] ?? '']);
    const existing = simple.get(key);
    if (existing) { for (const v of r.verbs) if (!existing.verbs.includes(v)) existing.verbs.push(v); }
    else simple.set(key, { ...r, verbs: [...r.verbs] });
  }
  return [...out, ...simple.values()];
}

const list = (a: string[]): string => `[${a.join(' ')}]`;
/** PolicyRule.String() (generated), the sort key. */
const ruleString = (r: Rule): string =>
  `&PolicyRule{Verbs:${list(r.verbs)},APIGroups:${list(r.apiGroups)},Resources:${list(r.resources)},ResourceNames:${list(r.resourceNames)},NonResourceURLs:${list(r.nonResourceURLs)},}`;

/** CombineResourceGroup: `resource.group/subresource`. */
function combineResourceGroup(resources: string[], groups: string[]): string {
  if (resources.length === 0) return '';
  const [res, sub] = resources[0]!.split(/\/(.*)/s);
  let s = res!;
  if (groups.length > 0 && groups[0] !== '') s += `.${groups[0]}`;
  if (sub !== undefined) s += `/${sub}`;
  return s;
}

function describeRole(role: Role | ClusterRole): string {
  const rules = compact((role.rules ?? []).flatMap(breakdown));
  // sort.Stable by the rules' String(); byte order.
  const sorted = rules.map((r, i) => ({ r, i, k: ruleString(r) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i)).map((x) => x.r);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${role.metadata?.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', role.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', role.metadata?.annotations);
    w.write(LEVEL_0, 'PolicyRule:\n');
    w.write(LEVEL_1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
    w.write(LEVEL_1, '---------\t-----------------\t--------------\t-----\n');
    for (const r of sorted) w.write(LEVEL_1, `${combineResourceGroup(r.resources, r.apiGroups)}\t${list(r.nonResourceURLs)}\t${list(r.resourceNames)}\t${list(r.verbs)}\n`);
  });
}

export const describeRoleResource: Describer = (deps, namespace, name) =>
  describeRole(deps.api.get({ group: 'rbac.authorization.k8s.io', resource: 'roles' }, namespace, name) as unknown as Role);

export const describeClusterRoleResource: Describer = (deps, _namespace, name) =>
  describeRole(deps.api.get({ group: 'rbac.authorization.k8s.io', resource: 'clusterroles' }, undefined, name) as unknown as ClusterRole);
