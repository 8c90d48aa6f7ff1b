/** diff (GNU diffutils 3.10): normal and unified formats, -q, exit statuses, errors. */
import { describe, expect, it } from 'vitest';
import { harness } from './helpers.js';

const files = { d1: 'a\nb\nc\nd\n', d2: 'a\nB\nc\nd\ne\nf\n', d3: 'b\nc\nd\n' };

describe('diff', () => {
  it('normal format: c, d and a blocks; 1 when different, 0 when equal', async () => {
    const h = harness({ files });
    expect(await h.run('diff d1 d2')).toBe('2c2\n< b\n---\n> B\n4a5,6\n> e\n> f\n');
    expect(h.last.exitCode).toBe(1);
    expect(await h.run('diff d1 d3')).toBe('1d0\n< a\n');
    expect(await h.run('diff d3 d1')).toBe('0a1\n> a\n');
    expect(await h.run('diff d1 d1')).toBe('');
    expect(h.last.exitCode).toBe(0);
  });
  it('-q, -u hunks, missing files and operands', async () => {
    const h = harness({ files });
    expect(await h.run('diff -q d1 d2')).toBe('Files d1 and d2 differ\n');
    expect((await h.run('diff -u d1 d2')).split('\n').slice(2).join('\n')).toBe('@@ -1,4 +1,6 @@\n a\n-b\n+B\n c\n d\n+e\n+f\n');
    expect(await h.run('diff d1 nope')).toBe('diff: nope: No such file or directory\n');
    expect(h.last.exitCode).toBe(2);
    expect(await h.run('diff d1')).toBe("diff: missing operand after 'd1'\ndiff: Try 'diff --help' for more information.\n");
  });
});
