/**
 * The replay contract: golden transcripts (text and JSON) made by `npm run -s replay` and
 * reviewed by hand, checked both in-process and through the CLI.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Cluster, getProfile } from '../../src/cluster/index.js';
import { createSession } from '../../src/shell/session.js';
import { HeadlessTime } from '../../src/shell/time.js';
import { runTranscript, stripEscapes } from '../../src/shell/transcript.js';
import { parseReplayArgs } from '../../src/cli/replay-args.js';

const dir = join(import.meta.dirname, 'replay');
const read = (f: string) => readFileSync(join(dir, f), 'utf8');
const exec = promisify(execFile);

describe('replay', () => {
  it('reproduces the golden transcript in-process (text and JSON)', async () => {
    const cluster = new Cluster({ seed: 42, startTime: Date.parse('2026-11-26T10:00:00Z'), profile: getProfile('kind') });
    const time = new HeadlessTime({ advance: (ms) => cluster.advance(ms) });
    const session = createSession({ cluster, time, files: { 'svc-example.yaml': read('files/svc-example.yaml') } });
    const lines = read('basic.sh').split('\n').slice(0, -1);
    const t = await runTranscript(session, time, lines, { stepMs: 5000 });
    expect(t.text).toBe(read('basic.txt'));
    expect(JSON.parse(JSON.stringify(t.entries))).toEqual(JSON.parse(read('basic.json')));
  });

  it('the CLI prints the same JSON and exits 0', async () => {
    const { stdout } = await exec('npx', ['tsx', 'src/cli/replay.ts', '--start', '2026-11-26T10:00:00Z', '--seed', '42',
      '--files', join(dir, 'files'), '--format', 'json', join(dir, 'basic.sh')], { cwd: join(import.meta.dirname, '../..') });
    expect(JSON.parse(stdout)).toEqual(JSON.parse(read('basic.json')));
  });

  it('parses options and rejects bad ones', () => {
    expect(parseReplayArgs(['--seed', '3', '--step=2', '--format', 'json', 'f.txt'])).toEqual({ seed: 3, stepSeconds: 2, format: 'json', file: 'f.txt' });
    expect(parseReplayArgs(['--lesson', 'endpoints', '--profile', 'eks-article', '--files', 'd'])).toEqual({ stepSeconds: 5, format: 'text', lesson: 'endpoints', profile: 'eks-article', filesDir: 'd' });
    expect(parseReplayArgs(['--format', 'xml'])).toBe('replay: --format is text or json');
    expect(parseReplayArgs(['--start', 'yesterday'])).toBe('replay: --start needs an ISO time, e.g. 2026-01-01T10:00:00Z');
    expect(parseReplayArgs(['--bogus'])).toBe('replay: unknown option --bogus');
    expect(parseReplayArgs(['--autoplay'])).toBe('replay: --autoplay needs --lesson ID');
    expect(parseReplayArgs(['--lesson', 'x', '--autoplay'])).toEqual({ stepSeconds: 5, format: 'text', lesson: 'x', autoplay: true });
  });

  it('strips escape sequences but keeps text, tabs and newlines', () => {
    expect(stripEscapes('\x1b[?1049h\x1b[H\x1b[2Ja\tb\x1b[31mred\x1b[0m\n')).toBe('a\tbred\n');
  });
});
