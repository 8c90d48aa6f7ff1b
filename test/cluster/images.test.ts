/** Which image references exist in the simulated registry: a learner's typo must fail to pull. */
import { describe, expect, it } from 'vitest';
import { knownTag, resolveImage } from '../../src/cluster/images.js';

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
