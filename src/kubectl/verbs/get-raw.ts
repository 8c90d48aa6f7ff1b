/**
 * `kubectl get --raw PATH`: the API server's JSON for a URL path, printed as received (compact).
 * Paths map onto the ApiClient: /version, /healthz|/livez|/readyz, /api, /apis,
 * /api/v1[/namespaces/NS]/RESOURCE[/NAME], /apis/GROUP/VERSION/... .
 */
import { ApiError, type ApiClient } from '../../cluster/api/types.js';

const notFound = (): ApiError => new ApiError({ status: 'Failure', code: 404, reason: 'NotFound', message: 'the server could not find the requested resource' });

export function getRaw(api: ApiClient, rawPath: string): string {
  const [path] = rawPath.split('?');
  const parts = (path ?? '').split('/').filter((p) => p !== '');
  if (parts.length === 1 && ['healthz', 'livez', 'readyz'].includes(parts[0]!)) return 'ok';
  if (parts.length === 1 && parts[0] === 'version') return JSON.stringify(api.version(), null, 2);
  const discovery = api.discovery();
  if (parts[0] === 'api' && parts.length === 1) return JSON.stringify({ kind: 'APIVersions', versions: ['v1'] });
  if (parts[0] === 'apis' && parts.length === 1) {
    const groups = [...new Set(discovery.filter((r) => r.group).map((r) => r.group))];
    return JSON.stringify({ kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map((g) => {
      const v = discovery.find((r) => r.group === g)!.version;
      return { name: g, versions: [{ groupVersion: `${g}/${v}`, version: v }], preferredVersion: { groupVersion: `${g}/${v}`, version: v } };
    }) });
  }
  let group: string, rest: string[];
  if (parts[0] === 'api' && parts[1] === 'v1') { group = ''; rest = parts.slice(2); }
  else if (parts[0] === 'apis' && parts.length >= 3) { group = parts[1]!; rest = parts.slice(3); }
  else throw notFound();
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) { namespace = rest[1]; rest = rest.slice(2); }
  const [resource, name] = rest;
  const info = discovery.find((r) => r.group === group && r.plural === resource);
  if (!info || rest.length > 2) throw notFound();
  const ref = { group, resource: info.plural };
  return JSON.stringify(name ? api.get(ref, namespace, name) : api.list(ref, namespace));
}
