/** grep -A/-B/-C (`kubectl describe pod x | grep -A5 Events`): outputs of GNU grep 3.11. */
import { describe, expect, it } from 'vitest';
import { harness } from './helpers.js';

const files = { 'g.txt': 'a\nb\nmatch1\nc\nd\ne\nf\nmatch2\ng\nmatch3\nh\n' };

describe('grep context', () => {
  it('-A, -B with -n, -C with -m, bad lengths', async () => {
    const h = harness({ files });
    expect(await h.run('grep -A1 match g.txt')).toBe('match1\nc\n--\nmatch2\ng\nmatch3\nh\n');
    expect(await h.run('grep -B2 -n match g.txt')).toBe('1-a\n2-b\n3:match1\n--\n6-e\n7-f\n8:match2\n9-g\n10:match3\n');
    expect(await h.run('grep -C1 -m2 match g.txt')).toBe('b\nmatch1\nc\n--\nf\nmatch2\ng\n');
    expect(await h.run('cat g.txt | grep -A 3 match2')).toBe('match2\ng\nmatch3\nh\n');
    expect(await h.run('grep -A x match g.txt')).toBe('grep: x: invalid context length argument\n');
    expect(h.last.exitCode).toBe(2);
    expect(await h.run('grep -c -A1 match g.txt')).toBe('3\n');
  });
});
