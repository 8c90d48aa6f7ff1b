/** Which image references exist in the simulated registry: a learner's typo must fail to pull. */
import { describe, expect, it } from 'vitest';
import { knownTag, productVersion, resolveImage } from '../../src/cluster/images.js';
import { planProcess } from '../../src/cluster/runtime/process.js';

const exists = (raw: string): boolean => knownTag(resolveImage(raw));

describe('image tags', () => {
  it('real version and flavour tags exist', () => {
    for (const t of ['nginx', 'nginx:latest', 'nginx:1.27', 'nginx:1.27.5-alpine', 'nginx:stable-alpine', 'nginx:mainline-alpine-slim',
      'nginx:alpine3.20', 'ubuntu:24.04', 'ubuntu:noble', 'ubuntu:noble-20250415', 'busybox:1.36.1-musl', 'debian:bookworm-slim']) {
      expect(exists(t), t).toBe(true);
    }
  });
  it('an invented word tag is a missing manifest (ErrImagePull)', () => {
    for (const t of ['nginx:doesnotexist', 'nginx:lastest', 'nginx:notag', 'busybox:foo', 'nginx:stable-oops']) expect(exists(t), t).toBe(false);
  });
});

describe('product versions', () => {
  it('x.y tags run the last patch of the line; x.y.z pins; stable and latest follow the catalog', () => {
    const v = (raw: string): string | undefined => productVersion(resolveImage(raw));
    expect([v('nginx'), v('nginx:1.27'), v('nginx:1.27-alpine'), v('nginx:1.27.2'), v('nginx:stable-alpine'), v('nginx:mainline'), v('busybox')])
      .toEqual(['1.29.3', '1.27.5', '1.27.5', '1.27.2', '1.28.0', '1.29.3', undefined]);
  });
  it('nginx:1.27 logs nginx/1.27.5 at start', () => {
    const ref = resolveImage('nginx:1.27');
    const logs = planProcess({ name: 'web', image: 'nginx:1.27' }, ref.info!, Date.parse('2026-03-13T08:00:00Z'), 2).logs;
    expect(logs).toContain('2026/03/13 08:00:00 [notice] 1#1: nginx/1.27.5');
  });
});
