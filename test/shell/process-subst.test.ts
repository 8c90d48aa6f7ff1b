/** Process substitution and sourcing kubectl's completion script (the kubectl docs' setup lines). */
import { describe, expect, it } from 'vitest';
import { harness } from './helpers.js';
import { clusterHarness } from './cluster-harness.js';

describe('process substitution', () => {
  it('<(cmd) is a /dev/fd path holding the output; numbering restarts per command', async () => {
    const h = harness();
    expect(await h.run('cat <(echo hi) <(echo there)')).toBe('hi\nthere\n');
    expect(await h.run('echo <(true) <(true)')).toBe('/dev/fd/63 /dev/fd/62\n');
    expect(await h.run('echo <(true)')).toBe('/dev/fd/63\n');
    expect(await h.run("wc -l < <(printf 'a\\nb\\n')")).toBe('2\n');
  });
});

describe('kubectl completion setup', () => {
  it('source <(kubectl completion bash) and the alias `complete` line are silent and succeed', async () => {
    const h = clusterHarness();
    expect(await h.run('source <(kubectl completion bash)')).toBe('');
    expect(h.exitCode).toBe(0);
    expect(await h.run('alias k=kubectl', 'complete -o default -F __start_kubectl k')).toBe('');
    expect(h.exitCode).toBe(0);
    expect(await h.run('type complete')).toBe('complete is a shell builtin\n');
  });
});
