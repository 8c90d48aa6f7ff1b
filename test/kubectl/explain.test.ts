/**
 * `kubectl explain`: real kubectl 1.33 rendered a small OpenAPI document (explain/openapi-v1.json)
 * served behind fakeapi; kubelab renders the same document through openApiExplainSchema
 * and must print the same bytes. The default schema (API types + kubernetes-types
 * descriptions) is checked for the common paths.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Cluster, getProfile } from '../../src/cluster/index.js';
import { openApiExplainSchema, type OpenApiDocument } from '../../src/kubectl/explain/openapi-schema.js';
import { setExplainSchema } from '../../src/kubectl/verbs/explain.js';
import { readGolden } from '../oracle/golden.js';
import { runArgv, splitCommand } from './support.js';

const DIR = join(import.meta.dirname, 'explain');
const api = new Cluster({ seed: 1, startTime: Date.UTC(2026, 10, 26), profile: getProfile('kind') }).api;

describe('kubectl explain against an OpenAPI document', () => {
  const doc = JSON.parse(readFileSync(join(DIR, 'openapi-v1.json'), 'utf8')) as OpenApiDocument;
  afterAll(() => setExplainSchema(undefined));
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort()) {
    it(file, async () => {
      setExplainSchema(openApiExplainSchema(doc));
      const g = readGolden(join(DIR, file));
      const r = await runArgv(splitCommand(g.command), api, 0);
      expect(r.stdout).toBe(g.stdout);
      expect(r.stderr).toBe(g.stderr);
      expect(r.exitCode).toBe(g.exitStatus);
    });
  }
});

describe('kubectl explain with the built-in schema', () => {
  it('explains a kind with its fields and descriptions', async () => {
    setExplainSchema(undefined);
    const r = await runArgv(['explain', 'deployment.spec.replicas'], api, 0);
    expect(r.stdout.startsWith('GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: replicas <integer>\n\n\nDESCRIPTION:\n    Number of desired pods.')).toBe(true);
    const svc = await runArgv(['explain', 'svc.spec.ports'], api, 0);
    expect(svc.stdout).toContain('FIELD: ports <[]ServicePort>');
    expect(svc.stdout).toContain('\n  port\t<integer> -required-\n');
  });

  it('reports unknown fields and types as kubectl does', async () => {
    expect(await runArgv(['explain', 'pods.spec.nope'], api, 0)).toEqual({
      stdout: 'KIND:       Pod\nVERSION:    v1\n\n', stderr: 'error: field "nope" does not exist\n', exitCode: 1 });
    expect(await runArgv(['explain', 'foo'], api, 0)).toEqual({ stdout: '', stderr: 'the server doesn\'t have a resource type "foo"\n', exitCode: 1 });
  });
});
