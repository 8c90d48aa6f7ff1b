import { describe, expect, it } from 'vitest';
import { clusterHarness } from './cluster-harness.js';

/** containerd's exec failure as kubectl prints it (the error stream's status message, exit 1). */
function execNotFound(program: string): RegExp {
  return new RegExp(`^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": executable file not found in \\$PATH: unknown\n$`);
}

async function running(h: ReturnType<typeof clusterHarness>) {
  await h.run('kubectl apply -f svc-example.yaml');
  await h.wait(60_000);
}

describe('container shells', () => {
  it('kubectl run -it: hint, no prompt until Enter, bash prompt, exit texts in order, --rm deletes', async () => {
    const h = clusterHarness();
    await running(h);
    const out = await h.run('kubectl run --rm -i --tty --image ubuntu ubuntu -- bash');
    expect(out).toBe("If you don't see a command prompt, try pressing enter.\n");
    expect(h.session.prompt()).toBe('');
    expect(h.session.currentHost()).toBe('ubuntu/ubuntu');
    expect(await h.run('')).toBe('');
    expect(h.session.prompt()).toBe('root@ubuntu:/# ');
    expect(await h.run('hostname; whoami; pwd')).toBe('ubuntu\nroot\n/\n');
    expect(await h.run('nosuch')).toBe('bash: nosuch: command not found\n');
    expect(await h.run('exit')).toBe("exit\nSession ended, resume using 'kubectl attach ubuntu -c ubuntu -i -t' command when the pod is running\npod \"ubuntu\" deleted\n");
    expect(h.session.prompt()).toBe('learner@kubelab:~$ ');
    expect(h.session.takeResumed()).toEqual([{ input: 'kubectl run --rm -i --tty --image ubuntu ubuntu -- bash', exitCode: 0 }]);
  });

  it('injects Service variables for Services that existed when the container started', async () => {
    const h = clusterHarness();
    await running(h);
    await h.run('kubectl run -it --image ubuntu u1 -- bash');
    const env = await h.run('env | grep -E "^(NGINX_SVC|KUBERNETES)_" | sort');
    const ip = (h.cluster.api.get({ group: '', resource: 'services' }, 'default', 'nginx-svc') as { spec: { clusterIP: string } }).spec.clusterIP;
    expect(env).toBe([
      'KUBERNETES_PORT=tcp://10.96.0.1:443', 'KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443', 'KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1',
      'KUBERNETES_PORT_443_TCP_PORT=443', 'KUBERNETES_PORT_443_TCP_PROTO=tcp', 'KUBERNETES_SERVICE_HOST=10.96.0.1',
      'KUBERNETES_SERVICE_PORT=443', 'KUBERNETES_SERVICE_PORT_HTTPS=443',
      `NGINX_SVC_PORT=tcp://${ip}:80`, `NGINX_SVC_PORT_80_TCP=tcp://${ip}:80`, `NGINX_SVC_PORT_80_TCP_ADDR=${ip}`,
      'NGINX_SVC_PORT_80_TCP_PORT=80', 'NGINX_SVC_PORT_80_TCP_PROTO=tcp', `NGINX_SVC_SERVICE_HOST=${ip}`,
      'NGINX_SVC_SERVICE_PORT=80', 'NGINX_SVC_SERVICE_PORT_HTTP=80', '',
    ].join('\n'));
    // Ctrl-D ends bash like exit (bash prints "exit").
    expect(await h.run('\x04')).toBe("exit\nSession ended, resume using 'kubectl attach u1 -c u1 -i -t' command when the pod is running\n");
    // A Service created later is not in a new container of the old pod... but is in a new pod.
    await h.run('kubectl create service clusterip late --tcp=8080:8080');
    await h.run('kubectl exec -it nginx-pod -- bash');
    expect(await h.run('env | grep -c ^LATE_')).toBe('0\n');
  });

  it('exec -it into a running pod: prompt at once; the container fs lives as long as the pod', async () => {
    const h = clusterHarness();
    await running(h);
    expect(await h.run('kubectl exec -it nginx-pod -- bash')).toBe('');
    expect(h.session.prompt()).toBe('root@nginx-pod:/# ');
    await h.run('cd /tmp && echo kept > note', 'exit');
    expect(await h.run('kubectl exec nginx-pod -- cat /tmp/note')).toBe('kept\n');
    expect(await h.run('kubectl exec nginx-pod -- cat /etc/hostname | tr a-z A-Z')).toBe('NGINX-POD\n');
  });

  it('busybox: sh prompt `/ # ` and ash error texts', async () => {
    const h = clusterHarness();
    await h.run('kubectl run bb --image=busybox --restart=Never -- sleep 3600');
    await h.wait(60_000);
    await h.run('kubectl exec -it bb -- sh');
    expect(h.session.prompt()).toBe('/ # ');
    expect(await h.run('nope')).toBe('sh: nope: not found\n');
    expect(await h.run('| x')).toBe('sh: syntax error: unexpected "|"\n');
    await h.run('cd /tmp');
    expect(h.session.prompt()).toBe('/tmp # ');
    expect(await h.run('exit')).toBe('');
    expect(h.session.prompt()).toBe('learner@kubelab:~$ ');
  });

  it('a command line continues after the container shell ends', async () => {
    const h = clusterHarness();
    await running(h);
    await h.run('kubectl exec -it nginx-pod -- bash; echo "back: $?"');
    expect(await h.run('exit 5')).toBe('exit\ncommand terminated with exit code 5\nback: 5\n');
  });

  it('snapshot keeps an open container shell and its fs', async () => {
    const h = clusterHarness();
    await running(h);
    await h.run('kubectl exec -it nginx-pod -- bash', 'cd /root && touch mark');
    const snap = JSON.parse(JSON.stringify(h.session.snapshot()));
    const r = clusterHarness({ cluster: h.cluster, snapshot: snap });
    expect(r.session.prompt()).toBe('root@nginx-pod:~# ');
    expect(await r.run('ls')).toBe('mark\n');
    expect(await r.run('exit')).toBe('exit\n');
    expect(r.session.prompt()).toBe('learner@kubelab:~$ ');
  });
});

describe('exec without a terminal', () => {
  it('pipes stdin into the container with -i, and a shell without -t prints no prompt', async () => {
    const h = clusterHarness();
    await running(h);
    expect(await h.run('echo piped | kubectl exec -i nginx-pod -- cat')).toBe('piped\n');
    expect(await h.run('kubectl exec nginx-pod -- nosuch')).toMatch(execNotFound('nosuch'));
    expect(h.exitCode).toBe(1);
    await h.run('kubectl exec -i nginx-pod -- bash');
    expect(h.session.prompt()).toBe('');
    expect(await h.run('hostname')).toBe('nginx-pod\n');
    await h.run('exit');
    expect(h.session.prompt()).toBe('learner@kubelab:~$ ');
  });

  it('heredocs expand arithmetic too', async () => {
    const h = clusterHarness();
    expect(await h.run('cat <<EOF', '$((6 * 7)) $(echo sub)', 'EOF')).toBe('42 sub\n');
  });
});

describe('exec programs', () => {
  it('runs builtins that are binaries, shell paths, and refuses shell-only builtins', async () => {
    const h = clusterHarness();
    await running(h);
    expect(await h.run('kubectl exec nginx-pod -- env | grep ^HOSTNAME')).toBe('HOSTNAME=nginx-pod\n');
    expect(await h.run('kubectl exec nginx-pod -- /bin/sh -c "echo \\$HOSTNAME"')).toBe('nginx-pod\n');
    expect(await h.run('kubectl exec nginx-pod -- cd /')).toMatch(execNotFound('cd'));
    await h.run('kubectl exec -it nginx-pod -- /bin/bash');
    expect(h.session.prompt()).toBe('root@nginx-pod:/# ');
    expect(await h.run('/usr/bin/env | grep -c ^HOME=')).toBe('1\n');
  });
});

describe('container lifecycle driven by the shell', () => {
  it('exiting an attached bash ends the container: it restarts with a fresh fs, or completes', async () => {
    const h = clusterHarness();
    await h.run('kubectl run u --image=ubuntu -it -- bash', '', 'touch /tmp/mark', 'exit');
    await h.wait(20_000);
    expect(await h.run('kubectl get pod u -o jsonpath="{.status.containerStatuses[0].restartCount}"')).toBe('1');
    await h.run('kubectl attach u -it', '');
    expect(await h.run('ls /tmp; exit')).toBe("exit\nSession ended, resume using 'kubectl attach u -c u -i -t' command when the pod is running\n");
    await h.run('kubectl run n --image=ubuntu -it --restart=Never -- bash', '');
    expect(await h.run('exit 3')).toBe('exit\npod default/n terminated (Error)\n');
    expect(await h.run('echo $?')).toBe('3\n');
  });
});

describe('attached sessions are the container output', () => {
  it('kubectl logs --previous shows what the attached bash session printed', async () => {
    const h = clusterHarness();
    await h.run('kubectl run u --image=ubuntu -it -- bash', '', 'hostname', 'exit');
    await h.wait(20_000);
    expect(await h.run('kubectl logs u --previous')).toBe('root@u:/# \nroot@u:/# hostname\nu\nroot@u:/# exit\nexit\n');
  });
});
