/** curl -w after a failed transfer (the `%{http_code}` health-check idiom): curl 8 prints 000 / the status. */
import { describe, expect, it } from 'vitest';
import { world } from './harness.js';

describe('curl -w on failure', () => {
  it('connection refused: 000 and exit 7; -f on a 404: 404 and exit 22', async () => {
    const w = world('kind', 7);
    expect(await w.type('curl -s -o /dev/null -w "%{http_code}\\n" http://localhost')).toMatchObject({ out: '000\n', err: '', code: 7 });
    expect(await w.type('for i in 1 2; do curl -s -o /dev/null -w "%{http_code} " localhost:81; done')).toMatchObject({ out: '000 000 ' });
    await w.type('kubectl run web --image nginx');
    w.cluster.advance(60_000);
    expect(await w.type('kubectl exec web -- curl -sf -o /dev/null -w "%{http_code}\\n" localhost/nope')).toMatchObject({ out: '404\n', err: 'command terminated with exit code 22\n' });
    expect(await w.type('kubectl exec web -- curl -s -o /dev/null -w "%{http_code}\\n" localhost')).toMatchObject({ out: '200\n', code: 0 });
  });
});
