/**
 * A read-only ApiClient over a fixed list of objects, built from the API server's own pieces
 * (discovery, label/field selectors, NotFound): what fakeapi is to real kubectl, this is to
 * kubelab's kubectl. Lists come back in key order (namespace, then name), like etcd's.
 */
import { RESOURCES, apiVersionOf } from '../../src/cluster/api/discovery.js';
import { notFound, badRequest } from '../../src/cluster/api/errors.js';
import { matchesLabels, parseLabelSelector, SelectorParseError } from '../../src/cluster/api/selectors.js';
import { convertFieldSelector, matchesFields, parseFieldSelector, selectableFields } from '../../src/cluster/api/field-selectors.js';
import { ApiError, type ApiClient, type KubeList, type KubeObject, type ListOptions, type ResourceInfo, type ResourceRef,
  type VersionInfo } from '../../src/cluster/api/types.js';

const ENDPOINTS_WARNING = 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice';

function cmp(a: string, b: string): number { return a < b ? -1 : a > b ? 1 : 0; }
function keyOf(o: KubeObject): string { return `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`; }

export class ObjectsApi implements ApiClient {
  private readonly byResource = new Map<string, KubeObject[]>();

  constructor(objects: KubeObject[]) {
    for (const obj of objects) {
      const info = this.infoForObject(obj);
      const copy = structuredClone(obj);
      if (info.namespaced && !copy.metadata?.namespace) copy.metadata = { ...copy.metadata, namespace: 'default' };
      const k = `${info.group}/${info.plural}`;
      if (!this.byResource.has(k)) this.byResource.set(k, []);
      this.byResource.get(k)!.push(copy);
    }
    for (const list of this.byResource.values()) list.sort((a, b) => cmp(keyOf(a), keyOf(b)));
  }

  private infoForObject(obj: KubeObject): ResourceInfo {
    const av = obj.apiVersion ?? 'v1';
    const group = av.includes('/') ? av.slice(0, av.indexOf('/')) : '';
    const info = RESOURCES.find((r) => r.group === group && r.kind === obj.kind);
    if (!info) throw new Error(`no resource for ${av} ${obj.kind}`);
    return info;
  }

  private info(ref: ResourceRef): ResourceInfo {
    const info = RESOURCES.find((r) => r.group === ref.group && r.plural === ref.resource);
    if (!info) throw new ApiError({ code: 404, reason: 'NotFound', message: 'the server could not find the requested resource', status: 'Failure' });
    return info;
  }

  private warn(info: ResourceInfo, warnings?: string[]): void {
    if (warnings && info.group === '' && info.plural === 'endpoints') warnings.push(ENDPOINTS_WARNING);
  }

  discovery(): readonly ResourceInfo[] { return RESOURCES; }
  version(): VersionInfo {
    return { major: '1', minor: '33', gitVersion: 'v1.33.1', gitCommit: '', gitTreeState: 'clean', buildDate: '', goVersion: '', compiler: 'gc', platform: 'linux/amd64' };
  }

  get(ref: ResourceRef, namespace: string | undefined, name: string, opts?: { warnings?: string[] }): KubeObject {
    const info = this.info(ref);
    this.warn(info, opts?.warnings);
    const found = (this.byResource.get(`${info.group}/${info.plural}`) ?? [])
      .find((o) => o.metadata?.name === name && (!info.namespaced || o.metadata?.namespace === namespace));
    if (!found) throw notFound({ group: info.group, resource: info.plural }, name);
    return { apiVersion: apiVersionOf(info), kind: info.kind, ...structuredClone(found) };
  }

  list(ref: ResourceRef, namespace: string | undefined, opts: ListOptions = {}): KubeList {
    const info = this.info(ref);
    this.warn(info, opts.warnings);
    let items = this.byResource.get(`${info.group}/${info.plural}`) ?? [];
    if (info.namespaced && namespace !== undefined) items = items.filter((o) => o.metadata?.namespace === namespace);
    try {
      if (opts.labelSelector) {
        const sel = parseLabelSelector(opts.labelSelector);
        items = items.filter((o) => matchesLabels(sel, o.metadata?.labels));
      }
      if (opts.fieldSelector) {
        const terms = convertFieldSelector(info.group, info.kind, parseFieldSelector(opts.fieldSelector));
        items = items.filter((o) => matchesFields(terms, selectableFields(info.group, info.kind, o)));
      }
    } catch (e) {
      if (e instanceof SelectorParseError) throw badRequest(e.message);
      throw e;
    }
    return { apiVersion: apiVersionOf(info), kind: `${info.kind}List`, metadata: { resourceVersion: '1' }, items: items.map((o) => structuredClone(o)) };
  }

  create(): KubeObject { throw badRequest('read-only'); }
  update(): KubeObject { throw badRequest('read-only'); }
  patch(): KubeObject { throw badRequest('read-only'); }
  delete(): KubeObject { throw badRequest('read-only'); }
  watch(): () => void { return () => {}; }
}
