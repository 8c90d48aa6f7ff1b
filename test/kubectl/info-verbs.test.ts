/**
 * The informational verbs on the simulated cluster: config (a kubeconfig that changes),
 * api-resources filters, version formats, help and unknown commands.
 */
import { describe, expect, it } from 'vitest';
import { Cluster, getProfile } from '../../src/cluster/index.js';
import type { KubectlContext } from '../../src/kubectl/context.js';
import { runKubectl } from '../../src/kubectl/index.js';

const cluster = new Cluster({ seed: 2, startTime: Date.UTC(2026, 10, 26, 20), profile: getProfile('kind') });
cluster.settle();

function session() {
  const config: KubectlContext['config'] = {
    currentContext: 'kind-kind',
    contexts: [{ name: 'kind-kind', cluster: 'kind-kind', user: 'kind-kind' }, { name: 'other', cluster: 'kind-kind', user: 'kind-kind', namespace: 'kube-system' }],
    clusters: [{ name: 'kind-kind', server: 'https://127.0.0.1:6443' }],
    users: [{ name: 'kind-kind' }],
  };
  const run = async (...argv: string[]) => {
    let stdout = '', stderr = '';
    const exitCode = await runKubectl(argv, {
      api: cluster.api, now: () => cluster.clock.now(), isTTY: false, config, sleep: async () => {},
      stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; },
      files: { read: () => '', exists: () => false, isDir: () => false, list: () => [] },
    });
    return { stdout, stderr, exitCode };
  };
  return { config, run };
}

describe('kubectl config', () => {
  it('switches contexts and namespaces, and get uses them', async () => {
    const { run, config } = session();
    expect((await run('config', 'get-contexts')).stdout).toBe(
      'CURRENT   NAME        CLUSTER     AUTHINFO    NAMESPACE\n' +
      '*         kind-kind   kind-kind   kind-kind   \n' +
      '          other       kind-kind   kind-kind   kube-system\n');
    expect(await run('config', 'use-context', 'other')).toEqual({ stdout: 'Switched to context "other".\n', stderr: '', exitCode: 0 });
    expect((await run('config', 'current-context')).stdout).toBe('other\n');
    expect((await run('get', 'pods')).stdout).toContain('coredns-');
    expect(await run('config', 'set-context', '--current', '--namespace=default')).toEqual({ stdout: 'Context "other" modified.\n', stderr: '', exitCode: 0 });
    expect(config.contexts[1]!.namespace).toBe('default');
    expect(await run('get', 'pods')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
    expect(await run('config', 'use-context', 'nope')).toEqual({ stdout: '', stderr: 'error: no context exists with the name: "nope"\n', exitCode: 1 });
    expect(await run('--context', 'nope', 'get', 'pods')).toEqual({ stdout: '', stderr: 'Error in configuration: context was not found for specified context: nope\n', exitCode: 1 });
  });

  it('views the kubeconfig with credentials omitted', async () => {
    const { run } = session();
    expect((await run('config', 'view', '--minify')).stdout).toBe(`apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: https://127.0.0.1:6443
  name: kind-kind
contexts:
- context:
    cluster: kind-kind
    user: kind-kind
  name: kind-kind
current-context: kind-kind
kind: Config
preferences: {}
users:
- name: kind-kind
  user:
    client-certificate-data: DATA+OMITTED
    client-key-data: DATA+OMITTED
`);
    expect((await run('config', 'view', '-o', 'jsonpath={.contexts[*].name}')).stdout).toBe('kind-kind other');
  });
});

describe('discovery and version', () => {
  it('filters api-resources like kubectl', async () => {
    const { run } = session();
    expect((await run('api-resources', '--api-group=apps', '--no-headers')).stdout.split('\n')[0]).toBe('controllerrevisions            apps/v1   true   ControllerRevision');
    expect((await run('api-resources', '--namespaced=false', '--api-group=apps')).stdout).toBe('NAME   SHORTNAMES   APIVERSION   NAMESPACED   KIND\n');
    expect((await run('api-resources', '-o', 'name', '--api-group=apps')).stdout).toBe(
      'controllerrevisions.apps\ndaemonsets.apps\ndeployments.apps\nreplicasets.apps\nstatefulsets.apps\n');
    expect(await run('api-resources', '-o', 'yaml')).toEqual({ stdout: '', stderr: 'error: --output yaml is not available\n', exitCode: 1 });
  });

  it('prints versions as text and JSON', async () => {
    const { run } = session();
    expect((await run('version')).stdout).toBe('Client Version: v1.33.1\nKustomize Version: v5.6.0\nServer Version: v1.33.1\n');
    const json = JSON.parse((await run('version', '-o', 'json')).stdout) as { serverVersion: { gitVersion: string } };
    expect(json.serverVersion.gitVersion).toBe('v1.33.1');
  });

  it('prints help for no command and suggests commands for typos', async () => {
    const { run } = session();
    expect((await run()).stdout.startsWith('kubectl controls the Kubernetes cluster manager.\n')).toBe(true);
    expect(await run('desribe', 'pods')).toEqual({ stdout: '', stderr: 'error: unknown command "desribe" for "kubectl"\n\nDid you mean this?\n\tdescribe\n', exitCode: 1 });
  });
});
