import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ApiError } from '../../../src/cluster/api/types.js';
import { RESOURCES } from '../../../src/cluster/api/discovery.js';
import { newServer } from './helpers.js';
import { checkSchema } from '../../../src/cluster/api/schema/check.js';
import { findResource } from '../../../src/cluster/api/discovery.js';

const json = fc.jsonValue({ maxDepth: 4 });
/** Keys that collide with Object.prototype members, the classic way lookups go wrong. */
const protoKey = fc.constantFrom('toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf');
const tricky = fc.dictionary(fc.oneof(protoKey, fc.string()), json, { maxKeys: 3 });
const shaped = fc.record({
  apiVersion: fc.oneof(fc.constant('v1'), fc.constant('apps/v1'), fc.string()),
  kind: fc.oneof(fc.constant('Pod'), fc.constant('Service'), fc.constant('Deployment'), fc.string()),
  metadata: fc.oneof(fc.record({ name: fc.oneof(fc.constant('x'), fc.string()), labels: fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer())) }, { requiredKeys: [] }), json),
  spec: fc.oneof(json, fc.record({
    containers: fc.oneof(json, fc.array(fc.record({ name: fc.oneof(fc.constant('c'), json), image: fc.oneof(fc.constant('nginx'), json), ports: json }, { requiredKeys: [] }))),
    ports: fc.oneof(json, fc.array(fc.record({ port: fc.oneof(fc.integer(), json), targetPort: json, nodePort: json, protocol: json }, { requiredKeys: [] }))),
    selector: json, template: fc.oneof(json, fc.record({ metadata: tricky, spec: tricky })), extra: tricky, type: fc.oneof(fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'), json), clusterIP: json, replicas: json,
  }, { requiredKeys: [] })),
}, { requiredKeys: [] });

describe('no input makes the server throw anything but ApiError', () => {
  it('create / update / patch / list with random input', () => {
    const { api } = newServer();
    const refs = RESOURCES.filter((r) => r.verbs.includes('create')).map((r) => ({ group: r.group, resource: r.plural }));
    fc.assert(fc.property(fc.constantFrom(...refs), fc.oneof(shaped, json, tricky), fc.constantFrom('default', 'nope', undefined), fc.string(),
      (ref, obj, ns, sel) => {
        const calls = [
          () => api.create(ref, ns, obj as never, { fieldValidation: 'Strict' }),
          () => api.create(ref, ns, obj as never, { dryRun: true, fieldValidation: 'Ignore' }),
          () => api.update(ref, ns, obj as never),
          () => api.patch(ref, ns, 'x', 'strategic', obj),
          () => api.patch(ref, ns, 'x', 'json', obj),
          () => api.list(ref, ns, { labelSelector: sel, fieldSelector: sel }),
        ];
        for (const call of calls) {
          try { call(); } catch (e) {
            if (!(e instanceof ApiError)) throw e;
            expect(e.status.code).toBeGreaterThanOrEqual(400);
            if (e.status.code >= 500 && !e.message.includes('does not contain declared merge key')) throw new Error(`500 for ${JSON.stringify(ref)} ${JSON.stringify(obj).slice(0, 300)}: ${e.message}`);
          }
        }
      }), { numRuns: Number(process.env.API_PROPERTY_RUNS ?? 400) });
  }, 120_000);
});

describe('random writes to existing objects', () => {
  it('never throw anything but ApiError and never leave an invalid object stored', () => {
    const { api } = newServer();
    const seeds: [{ group: string; resource: string }, Record<string, unknown>][] = [
      [{ group: '', resource: 'pods' }, { metadata: { name: 'x', labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }] }] } }],
      [{ group: '', resource: 'services' }, { metadata: { name: 'x' }, spec: { type: 'NodePort', selector: { app: 'x' }, ports: [{ port: 80 }] } }],
      [{ group: 'apps', resource: 'deployments' }, { metadata: { name: 'x' }, spec: { selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } } }],
      [{ group: '', resource: 'configmaps' }, { metadata: { name: 'x' }, data: { a: 'b' } }],
    ];
    for (const [ref, obj] of seeds) api.create(ref, 'default', obj);
    const patchArb = fc.oneof(
      fc.record({ spec: fc.oneof(json, tricky, fc.record({ type: json, ports: json, replicas: json, selector: json, containers: json }, { requiredKeys: [] })) }, { requiredKeys: [] }),
      fc.record({ metadata: fc.oneof(json, fc.record({ labels: json, finalizers: json, name: json, resourceVersion: json }, { requiredKeys: [] })) }, { requiredKeys: [] }),
      fc.array(fc.record({ op: fc.constantFrom('add', 'remove', 'replace', 'move', 'copy', 'test', 'bogus'), path: fc.constantFrom('/spec', '/spec/ports/0', '/metadata/labels/a', '/spec/containers/-', '/x', ''), from: fc.constantFrom('/spec', '/metadata'), value: json }, { requiredKeys: ['op'] })),
      json,
    );
    fc.assert(fc.property(fc.constantFrom(...seeds.map((s) => s[0])), fc.constantFrom('merge', 'strategic', 'json') as fc.Arbitrary<'merge' | 'strategic' | 'json'>, patchArb, fc.boolean(),
      (ref, type, patch, status) => {
        try {
          api.patch(ref, 'default', 'x', type, patch, status ? { subresource: 'status' } : { fieldValidation: 'Strict' });
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          if (e.status.code >= 500 && !e.message.includes('does not contain declared merge key')) throw new Error(`500 for ${ref.resource} ${type} ${JSON.stringify(patch).slice(0, 300)}: ${e.message}`);
        }
        // Whatever happened, what is stored still reads back and lists.
        const cur = api.get(ref, 'default', 'x');
        expect(cur.metadata?.name).toBe('x');
        // No request may reach Object.prototype (keys such as __proto__ in patches).
        for (const k in {}) throw new Error(`Object.prototype polluted with ${k}`);
        const check = checkSchema(findResource(ref)!, cur);
        if (check.typeError) throw new Error(`stored object fails decoding after ${type} ${JSON.stringify(patch).slice(0, 200)}: ${check.typeError} labels=${JSON.stringify(cur.metadata?.labels)} keys=${Object.keys(cur.metadata?.labels ?? {})}`);
        expect(check.unknown).toEqual([]);
        expect(api.list(ref, 'default').items.length).toBeGreaterThan(0);
      }), { numRuns: Number(process.env.API_PROPERTY_RUNS ?? 400) });
  }, 120_000);
});
