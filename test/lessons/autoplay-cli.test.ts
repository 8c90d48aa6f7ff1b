/**
 * The headless auto-play contract: `npm run -s replay -- --lesson ID --autoplay` ends with
 * `lesson ID: N/M steps complete` (json: a last summary entry) and exits 0 only when every
 * step completed.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const replay = (...args: string[]) => exec('npx', ['tsx', 'src/cli/replay.ts', '--start', '2026-03-13T08:00:00Z', ...args], { cwd: root });

describe('replay --lesson ID --autoplay', () => {
  it('prints the completion line last and exits 0 when every step completes', async () => {
    const { stdout } = await replay('--lesson', 'slices-and-dns', '--autoplay');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('lesson slices-and-dns: 7/7 steps complete');
    expect(stdout).toContain('/ # nslookup web-headless');
  });

  it('ends the json array with the summary entry', async () => {
    const { stdout } = await replay('--lesson', 'no-endpoints', '--autoplay', '--format', 'json');
    const entries = JSON.parse(stdout) as unknown[];
    expect(entries.at(-1)).toEqual({ lesson: 'no-endpoints', completedSteps: 7, totalSteps: 7 });
    expect(entries[0]).toMatchObject({ host: 'workstation', input: 'kubectl apply -f web.yaml', exitCode: 0 });
  });
});
