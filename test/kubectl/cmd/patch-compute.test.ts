import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/cluster/api/types.js';
import { goJson } from '../../../src/kubectl/cmd/internal/gojson.js';
import { lastAppliedValue, originalConfiguration, withLastApplied } from '../../../src/kubectl/cmd/internal/last-applied.js';
import { jsonMergePatch, threeWayMergePatch, twoWayMergePatch } from '../../../src/kubectl/cmd/internal/three-way.js';

const DIR = new URL('./fixtures/patches/', import.meta.url).pathname;
const read = (f: string): string => readFileSync(DIR + f, 'utf8');
type Json = Record<string, unknown>;

describe('patches byte-identical to what kubectl 1.33 sends', () => {
  for (const [i, live] of [[1, 'live-deploy.json'], [2, 'live-deploy.json'], [3, 'live-deploy.json'], [4, 'live-svc.json']] as const) {
    it(`apply case ${i}`, () => {
      const current = JSON.parse(read(live)) as Json;
      const obj = parse(read(`apply${i}.yaml`)) as KubeObject;
      (obj.metadata as Json).namespace = 'default';
      const patch = threeWayMergePatch(originalConfiguration(current as KubeObject), withLastApplied(obj) as Json, current, obj.kind!);
      expect(goJson(patch)).toBe(read(`apply${i}.patch.json`).trim());
    });
  }

  it('edit (two-way, with a deletion directive and $setElementOrder)', () => {
    const live = JSON.parse(read('live-deploy.json')) as Json & { metadata: Json };
    delete live.metadata.managedFields;
    const edited = JSON.parse(JSON.stringify(live).replace(/"replicas":2/g, '"replicas":5').replace(/"containerPort":80/g, '"containerPort":81')) as Json;
    expect(goJson(twoWayMergePatch(live, edited, 'Deployment'))).toBe(read('edit1.patch.json').trim());
  });

  it('label (JSON merge patch of old and new object)', () => {
    const before = { metadata: { labels: { app: 'nginx' } } };
    const after = { metadata: { labels: { env: 'dev' } } };
    expect(goJson(jsonMergePatch(before, after))).toBe('{"metadata":{"labels":{"app":null,"env":"dev"}}}');
  });

  it('an unchanged manifest gives {} (unchanged)', () => {
    const current = JSON.parse(read('live-deploy.json')) as KubeObject;
    const applied = JSON.parse(originalConfiguration(current) ? current.metadata!.annotations!['kubectl.kubernetes.io/last-applied-configuration']! : '{}') as KubeObject;
    expect(goJson(threeWayMergePatch(originalConfiguration(current), withLastApplied(applied) as Json, current as Json, 'Deployment'))).toBe('{}');
  });

  it('Go JSON: sorted keys, HTML characters escaped, trailing newline in the annotation', () => {
    expect(goJson({ b: 1, a: '<&>', c: [true, null] })).toBe('{"a":"\\u003c\\u0026\\u003e","b":1,"c":[true,null]}');
    expect(lastAppliedValue({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'x' } })).toBe('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"annotations":{},"name":"x"}}\n');
  });
});
