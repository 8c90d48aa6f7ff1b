/** RepackSubsets' hash ordering: MD5 of the spew dump, checked against node's MD5 and a real cluster's kube-dns port order. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { repackSubsets } from '../../../src/cluster/controllers/endpoints-util.js';
import { md5Hex } from '../../../src/cluster/controllers/md5.js';

describe('md5', () => {
  it('matches node:crypto', () => {
    for (const s of ['', 'a', 'abc', 'message digest', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), 'ü'.repeat(100), '(v1.EndpointPort){Name:(string)dns}']) {
      expect(md5Hex(s)).toBe(createHash('md5').update(s).digest('hex'));
    }
  });
});

describe('SortSubsets order', () => {
  it('orders kube-dns ports as real clusters show them: dns-tcp, dns, metrics', () => {
    const [ss] = repackSubsets([{ addresses: [{ ip: '10.244.0.2' }], ports: [
      { name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }, { name: 'metrics', port: 9153, protocol: 'TCP' }] }]);
    expect(ss!.ports!.map((p) => p.name)).toEqual(['dns-tcp', 'dns', 'metrics']);
  });
});
