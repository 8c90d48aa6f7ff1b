/**
 * `--dry-run` values as kubectl 1.33 reads them (cmdutil.GetDryRunStrategy; texts and klog lines
 * of the real binary, PID aside), and PrefixWriter's raw text for printers without a tabwriter.
 */
import { describe, expect, it } from 'vitest';
import { Cluster, getProfile } from '../../src/cluster/index.js';
import { LEVEL_0, LEVEL_1, PrefixWriter } from '../../src/kubectl/describe/prefix-writer.js';
import { runArgv } from './support.js';

const NOW = Date.UTC(2026, 10, 27, 0, 4, 23, 766);
const W = 'W1127 00:04:23.766000   12345 ';

describe('--dry-run values', () => {
  it.each([
    ['--dry-run', 'deployment.apps/x created (dry run)\n', `${W}helpers.go:703] --dry-run is deprecated and can be replaced with --dry-run=client.\n`, 0],
    ['--dry-run=true', 'deployment.apps/x created (dry run)\n', `${W}helpers.go:717] --dry-run=true is deprecated (boolean value) and can be replaced with --dry-run=client.\n`, 0],
    ['--dry-run=1', 'deployment.apps/x created (dry run)\n', `${W}helpers.go:717] --dry-run=1 is deprecated (boolean value) and can be replaced with --dry-run=client.\n`, 0],
    ['--dry-run=TRUE', 'deployment.apps/x created (dry run)\n', `${W}helpers.go:717] --dry-run=TRUE is deprecated (boolean value) and can be replaced with --dry-run=client.\n`, 0],
    ['--dry-run=false', 'deployment.apps/x created\n', `${W}helpers.go:720] --dry-run=false is deprecated (boolean value) and can be replaced with --dry-run=none.\n`, 0],
    ['--dry-run=F', 'deployment.apps/x created\n', `${W}helpers.go:720] --dry-run=F is deprecated (boolean value) and can be replaced with --dry-run=none.\n`, 0],
    ['--dry-run=client', 'deployment.apps/x created (dry run)\n', '', 0],
    ['--dry-run=', '', 'error: Invalid dry-run value (). Must be "none", "server", or "client".\n', 1],
    ['--dry-run=yes', '', 'error: Invalid dry-run value (yes). Must be "none", "server", or "client".\n', 1],
  ])('kubectl create deployment x --image=nginx %s', async (flag, stdout, stderr, exitCode) => {
    const api = new Cluster({ seed: 1, startTime: NOW, profile: getProfile('kind') }).api;
    expect(await runArgv(['create', 'deployment', 'x', '--image=nginx', flag], api, NOW)).toEqual({ stdout, stderr, exitCode });
  });
});

describe('PrefixWriter', () => {
  it('gives the raw text (tabs kept) besides the tabwritten one', () => {
    const w = new PrefixWriter();
    w.write(LEVEL_0, 'Pod Template:\n');
    w.write(LEVEL_1, 'Labels:\tapp=x\n');
    w.write(LEVEL_1, 'Containers:\t<none>\n');
    expect(w.raw()).toBe('Pod Template:\n  Labels:\tapp=x\n  Containers:\t<none>\n');
    expect(w.toString()).toBe('Pod Template:\n  Labels:      app=x\n  Containers:  <none>\n');
  });
});
