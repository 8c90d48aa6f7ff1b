/**
 * `kubectl completion`: errors and scripts of real kubectl 1.33.1 (texts captured 2026-11-27;
 * where the real binary is installed, every script is also compared with its output whole).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cluster, getProfile } from '../../src/cluster/index.js';
import { KUBECTL_133 } from '../oracle/oracle.js';
import { runArgv } from './support.js';

const api = new Cluster({ seed: 1, startTime: Date.UTC(2026, 10, 27), profile: getProfile('kind') }).api;
const run = (...argv: string[]) => runArgv(['completion', ...argv], api, 0);
const HELP = "See 'kubectl completion -h' for help and examples\n";

describe('kubectl completion', () => {
  it.each([
    [[], `error: Shell not specified.\n${HELP}`],
    [['fish2'], `error: Unsupported shell type "fish2".\n${HELP}`],
    [['bash', 'zsh'], `error: Too many arguments. Expected only the shell type.\n${HELP}`],
  ])('kubectl completion %j fails as kubectl does', async (argv, stderr) => {
    expect(await run(...argv)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it.each([
    ['bash', '\n# Copyright 2016 The Kubernetes Authors.\n#\n', 352, 12404, '# bash completion V2 for kubectl                              -*- shell-script -*-'],
    ['zsh', '#compdef kubectl\ncompdef _kubectl kubectl\n\n', 228, 8414, '# zsh completion for kubectl                              -*- shell-script -*-'],
    ['fish', '\n# Copyright 2016 The Kubernetes Authors.\n#\n', 249, 10373, '# fish completion for kubectl                              -*- shell-script -*-'],
    ['powershell', '\n# Copyright 2016 The Kubernetes Authors.\n#\n', 259, 10438, '# powershell completion for kubectl                              -*- shell-script -*-'],
  ])('kubectl completion %s prints the real script', async (shell, head3, lines, bytes, marker) => {
    const r = await run(shell);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').slice(0, 3).join('\n') + '\n').toBe(head3);
    expect(r.stdout.split('\n')).toContain(marker);
    expect(r.stdout.match(/\n/g)!.length).toBe(lines);
    expect(Buffer.byteLength(r.stdout)).toBe(bytes);
  });

  it.skipIf(!existsSync(KUBECTL_133))('matches the real binary byte for byte', async () => {
    const home = mkdtempSync(join(tmpdir(), 'kubelab-completion-'));
    for (const shell of ['bash', 'zsh', 'fish', 'powershell']) {
      const real = spawnSync(KUBECTL_133, ['completion', shell], { encoding: 'utf8', timeout: 20000, env: { HOME: home, PATH: '/usr/bin:/bin', KUBECONFIG: join(home, 'none') } });
      expect(real.status).toBe(0);
      expect((await run(shell)).stdout).toBe(real.stdout);
    }
  });
});
