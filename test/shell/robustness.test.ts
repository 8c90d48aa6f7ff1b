/** Whatever is typed, feed() resolves, the shell keeps working and nothing throws. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { harness } from './helpers.js';

const pieces = ['echo', 'cat', 'ls', 'grep', 'x', '-n', '"', "'", '\\', '$', '${', '}', '$(', ')', '(', '`', '|', '||', '&&', ';', ';;', '&',
  '<', '>', '>>', '2>&1', '<<', 'EOF', '<<-', '*', '?', '[', ']', '~', '#', '=', 'A=1', '$?', 'for', 'in', 'do', 'done', 'if', 'then', 'fi',
  'while', 'true', 'false', 'sed', 's/a/b/', 'awk', '{print', '$1}', 'cd', '..', 'mkdir', 'rm', '-rf', '/', 'head', 'sort', 'wc', '\t', ' ', 'ü'];

describe('robustness', () => {
  it('random lines never throw and leave the session usable', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((p) => p.join(' ')), { minLength: 1, maxLength: 6 }), async (lines) => {
      const h = harness({ files: { 'a.txt': 'a\nb\n' } });
      for (const line of lines) {
        const ctl = new AbortController();
        h.time.setBudget(5000, () => ctl.abort());
        const r = await h.session.feed(line, { stdout: () => {}, stderr: () => {} }, ctl.signal);
        expect(typeof r.complete).toBe('boolean');
      }
      await h.session.feed('\x04', { stdout: () => {}, stderr: () => {} }, new AbortController().signal);
      let out = '';
      await h.session.feed('echo alive', { stdout: (t) => { out += t; }, stderr: () => {} }, new AbortController().signal);
      // A random line may have left a continuation (e.g. an open heredoc) or a nested shell: finish both.
      if (!out.includes('alive')) {
        await h.session.feed('\x04', { stdout: () => {}, stderr: () => {} }, new AbortController().signal);
        await h.session.feed('echo alive', { stdout: (t) => { out += t; }, stderr: () => {} }, new AbortController().signal);
      }
      expect(out).toContain('alive');
    }), { numRuns: 150, seed: 20261126 });
  });
});
