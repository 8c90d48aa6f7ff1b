/** Every object an API holds, with apiVersion and kind set: what `kubectl get <all types> -A -o json` would dump. */
import type { ApiClient, KubeObject } from '../../src/cluster/api/types.js';

export function snapshot(api: ApiClient): KubeObject[] {
  const out: KubeObject[] = [];
  for (const info of api.discovery()) {
    if (!info.verbs.includes('list')) continue;
    if (info.group === 'events.k8s.io') continue; // the same objects as core/v1 events
    let items: KubeObject[];
    try { items = api.list({ group: info.group, resource: info.plural }, undefined).items; } catch { continue; }
    const apiVersion = info.group ? `${info.group}/${info.version}` : info.version;
    for (const o of items) out.push({ ...o, apiVersion, kind: info.kind });
  }
  return out;
}
