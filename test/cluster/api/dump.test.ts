/** ApiServer.dump / ApiServer.load: the server's whole state as JSON, timers included. */
import { describe, expect, it } from 'vitest';
import { ApiServer } from '../../../src/cluster/api/server.js';
import { SeededRandom } from '../../../src/cluster/rng.js';
import { VirtualClock } from '../../../src/cluster/clock.js';
import { CONFIGMAPS, PROFILE, SERVICES, apiError, newServer } from './helpers.js';

const KUBERNETES = { metadata: { name: 'kubernetes', labels: { component: 'apiserver', provider: 'kubernetes' } }, spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, targetPort: 6443 }] } };

function reload(api: ApiServer, clock: VirtualClock): { api: ApiServer; clock: VirtualClock } {
  const dump = JSON.parse(JSON.stringify(api.dump()));
  const c2 = new VirtualClock(clock.now());
  return { api: ApiServer.load({ clock: c2, rng: new SeededRandom(5), profile: PROFILE }, dump), clock: c2 };
}

describe('dump and load', () => {
  it('carries every object and the resourceVersion counter', () => {
    const { api, clock } = newServer();
    api.create(CONFIGMAPS, 'default', { metadata: { name: 'cm' }, data: { k: 'v' } });
    const b = reload(api, clock).api;
    expect(b.list(CONFIGMAPS, 'default')).toEqual(api.list(CONFIGMAPS, 'default'));
    expect(b.list(SERVICES, undefined)).toEqual(api.list(SERVICES, undefined));
    const next = b.create(CONFIGMAPS, 'default', { metadata: { name: 'cm2' } });
    expect(Number(next.metadata?.resourceVersion)).toBe(Number(api.list(CONFIGMAPS, undefined).metadata.resourceVersion) + 1);
  });

  it('a dump is a copy: changing it later changes nothing stored', () => {
    const { api } = newServer();
    api.create(CONFIGMAPS, 'default', { metadata: { name: 'cm' }, data: { k: 'v' } });
    const d = api.dump();
    (d.objects.find((o) => o.key === 'default/cm')!.obj as { data: Record<string, string> }).data['k'] = 'changed';
    expect((api.get(CONFIGMAPS, 'default', 'cm') as { data?: Record<string, string> }).data).toEqual({ k: 'v' });
  });

  it('keeps the pending re-creation of default/kubernetes across a dump and load', () => {
    const { api, clock } = newServer();
    api.create(SERVICES, 'default', KUBERNETES);
    api.delete(SERVICES, 'default', 'kubernetes');
    clock.advance(4000);
    const b = reload(api, clock);
    b.clock.advance(5000);
    expect(apiError(() => b.api.get(SERVICES, 'default', 'kubernetes')).reason).toBe('NotFound');
    b.clock.advance(1000);
    expect(b.api.get(SERVICES, 'default', 'kubernetes').spec).toMatchObject({ clusterIP: '10.96.0.1' });
  });
});
