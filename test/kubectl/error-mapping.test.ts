/**
 * checkErr, the one error mapping, on aggregates (utilerrors.Aggregate through MultipleErrors),
 * and describe/get -f on broken files: texts of real kubectl 1.33.1 (fakeapi, the manifests in
 * ./manifests), captured 2026-11-27.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cluster, getProfile } from '../../src/cluster/index.js';
import { ApiError } from '../../src/cluster/api/types.js';
import { AggregateError, checkErr, KubectlError } from '../../src/kubectl/errors.js';
import { runArgv } from './support.js';

const notFound = (name: string): ApiError => new ApiError({ apiVersion: 'v1', kind: 'Status', status: 'Failure', code: 404, reason: 'NotFound',
  message: `pods "${name}" not found`, details: { name, kind: 'pods' } } as ApiError['status']);

describe('checkErr on aggregates', () => {
  it('an aggregate of one is unwrapped once: a plain error gets `error: `, an inner aggregate does not', () => {
    expect(checkErr(new AggregateError([new KubectlError('boom')])).text).toBe('error: boom\n');
    expect(checkErr(new AggregateError([new AggregateError([new KubectlError('boom')])])).text).toBe('boom\n');
  });

  it('MultipleErrors: one line per error, API errors as StandardErrorMessage, an inner aggregate as Go prints it', () => {
    const inner = new AggregateError([new KubectlError('a'), new AggregateError([new KubectlError('b'), new KubectlError('a')])]);
    expect(checkErr(new AggregateError([inner, notFound('x'), new KubectlError('c')]))).toEqual({
      text: '[a, b]\nError from server (NotFound): pods "x" not found\nc\n', exitCode: 1 });
    expect(new AggregateError([new KubectlError('one')]).message).toBe('one');
  });
});

const M = join(import.meta.dirname, 'manifests');
const file = (f: string): string => readFileSync(join(M, f), 'utf8');
const files = {
  'bad-colon.yaml': file('bad-colon.yaml'), 'bad-tab.yaml': file('bad-tab.yaml'), 'svc-example.yaml': file('svc-example.yaml'),
  'd/bad-colon.yaml': file('bad-colon.yaml'), 'd/bad-tab.yaml': file('bad-tab.yaml'), 'd/no-kind.yaml': file('no-kind.yaml'),
};
const COLON = 'error parsing bad-colon.yaml: error converting YAML to JSON: yaml: line 11: mapping values are not allowed in this context\n';
const TAB = 'error parsing bad-tab.yaml: error converting YAML to JSON: yaml: line 4: found character that cannot start any token\n';
const DIR = `${COLON.replace('bad-colon', 'd/bad-colon')}${TAB.replace('bad-tab', 'd/bad-tab')}`
  + 'unable to decode "d/no-kind.yaml": Object \'Kind\' is missing in \'{"apiVersion":"v1","metadata":{"name":"no-kind"},"spec":{"containers":[{"image":"nginx","name":"nginx"}]}}\'\n';

describe('-f with broken files, as real kubectl prints them', () => {
  const api = new Cluster({ seed: 1, startTime: Date.UTC(2026, 10, 26), profile: getProfile('kind') }).api;
  it.each([
    [['describe', '-f', 'bad-colon.yaml'], COLON],
    [['get', '-f', 'bad-colon.yaml'], COLON],
    [['describe', '-f', 'bad-colon.yaml', '-f', 'bad-tab.yaml'], COLON + TAB],
    [['get', '-f', 'bad-colon.yaml', '-f', 'bad-tab.yaml'], COLON + TAB],
    [['describe', '-f', 'd'], DIR],
    [['get', '-f', 'd'], DIR],
    [['describe', '-f', 'missing.yaml'], 'error: the path "missing.yaml" does not exist\n'],
    [['describe', 'pods', 'nope1', 'nope2'], 'Error from server (NotFound): pods "nope1" not found\nError from server (NotFound): pods "nope2" not found\n'],
  ])('kubectl %s', async (argv, stderr) => {
    expect(await runArgv(argv, api, Date.UTC(2026, 10, 26), { files })).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
});
