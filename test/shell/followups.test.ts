/** Behaviour the shell owes other areas: absent tools, the workstation's network tools, busybox texts. */
import { describe, expect, it } from 'vitest';
import { clusterHarness } from './cluster-harness.js';

/** containerd's exec failure as kubectl 1.33 prints it (remotecommand error stream; exit 1). */
function execNotFound(program: string): RegExp {
  return new RegExp(`^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": executable file not found in \\$PATH: unknown\n$`);
}

async function ubuntuPod() {
  const h = clusterHarness();
  await h.run('kubectl run u --image=ubuntu -- sleep infinity');
  await h.wait(60_000);
  return h;
}

describe('a tool that is not installed is absent', () => {
  it('which, type, help and kubectl exec treat curl as missing until apt installs it', async () => {
    const h = await ubuntuPod();
    const first = await h.run('kubectl exec u -- curl -s http://example.com');
    expect(first).toMatch(execNotFound('curl'));
    expect(h.exitCode).toBe(1);
    const second = await h.run('kubectl exec -it u -- curl');
    expect(second).toMatch(execNotFound('curl'));
    // containerd gives every exec its own random id.
    const id = (t: string) => /exec "([0-9a-f]{64})"/.exec(t)?.[1] ?? '';
    expect(id(first)).not.toBe(id(second));
    expect(new Set(id(first).match(/.{8}/g)).size).toBe(8);
    await h.run('kubectl exec -it u -- bash');
    expect(await h.run('which curl; echo "rc=$?"')).toBe('rc=1\n');
    expect(await h.run('type curl')).toBe('bash: type: curl: not found\n');
    expect(await h.run('help | grep -c curl')).toBe('0\n');
    expect(await h.run('which ls bash')).toBe('/usr/bin/ls\n/usr/bin/bash\n');
    await h.run('apt update >/dev/null 2>&1 && apt -y install curl >/dev/null 2>&1');
    expect(await h.run('which curl')).toBe('/usr/bin/curl\n');
    expect(await h.run('type curl')).toBe('curl is /usr/bin/curl\n');
    await h.run('exit');
    expect(await h.run('kubectl exec u -- curl -s -o /dev/null -w "%{http_code}" http://rtfm.co.ua')).not.toContain('OCI runtime');
  });
});

describe('busybox has no bash', () => {
  it('bash is `sh: bash: not found` (127); type says not found; cat words errors as busybox', async () => {
    const h = clusterHarness();
    await h.run('kubectl run bb --image=busybox -- sleep 3600');
    await h.wait(60_000);
    await h.run('kubectl exec -it bb -- sh');
    expect(await h.run('bash')).toBe('sh: bash: not found\n');
    expect(h.exitCode).toBe(127);
    expect(h.session.prompt()).toBe('/ # ');
    expect(await h.run('/bin/bash')).toBe('sh: /bin/bash: not found\n');
    expect(await h.run('type bash')).toBe('bash: not found\n');
    expect(h.exitCode).toBe(127);
    expect(await h.run('which bash sh; echo "rc=$?"')).toBe('/bin/sh\nrc=1\n');
    expect(await h.run('which ls wget; type cat')).toBe('/bin/ls\n/bin/wget\ncat is /bin/cat\n');
    expect(await h.run('cat /nope')).toBe("cat: can't open '/nope': No such file or directory\n");
    expect(h.exitCode).toBe(1);
    expect(await h.run('sh -c "echo nested"')).toBe('nested\n');
    await h.run('exit');
    expect(await h.run('kubectl exec bb -- bash')).toMatch(execNotFound('bash'));
  });

  it('alpine gets bash with apk add bash', async () => {
    const h = clusterHarness();
    await h.run('kubectl run al --image=alpine -- sleep 3600');
    await h.wait(60_000);
    await h.run('kubectl exec -it al -- sh');
    expect(await h.run('bash -c "echo hi"')).toBe('sh: bash: not found\n');
    await h.run('apk add bash >/dev/null 2>&1');
    expect(await h.run('bash -c "echo hi"; which bash')).toBe('hi\n/usr/bin/bash\n');
    await h.run('exit');
    expect(await h.run('kubectl exec al -- bash -c "echo in"')).toBe('in\n');
  });
});

describe('network tools on the workstation', () => {
  it('curl and nslookup run on the laptop, outside the cluster', async () => {
    const h = clusterHarness();
    await h.run('kubectl apply -f svc-example.yaml');
    await h.wait(60_000);
    expect(await h.run('which curl')).toBe('/usr/bin/curl\n');
    expect(await h.run('curl nginx-svc')).toBe('curl: (6) Could not resolve host: nginx-svc\n');
    expect(h.exitCode).toBe(6);
    expect(await h.run('nslookup nginx-svc')).toBe("Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\n** server can't find nginx-svc: NXDOMAIN\n\n");
    const t0 = h.cluster.clock.now();
    expect(await h.run('curl 10.96.0.1')).toMatch(/^curl: \(28\) Failed to connect to 10\.96\.0\.1 port 80 after \d+ ms: Couldn't connect to server\n$/);
    expect(h.cluster.clock.now() - t0).toBeGreaterThan(100_000);
  });
});

describe('kubectl run --rm', () => {
  it('kubectl deletes the pod once; the shell adds no second delete or error', async () => {
    const h = clusterHarness();
    expect(await h.run('kubectl run --rm -i --image=busybox bb --restart=Never -- echo hi')).toBe('hi\npod "bb" deleted\n');
    expect(h.exitCode).toBe(0);
    expect(await h.run('kubectl run --rm -it --image=busybox b2 --restart=Never -- sh')).toBe("If you don't see a command prompt, try pressing enter.\n");
    expect(await h.run('', 'exit 3')).toBe('pod "b2" deleted\npod default/b2 terminated (Error)\n');
    expect(h.exitCode).toBe(3);
    await h.wait(30_000);
    expect(await h.run('kubectl get pods')).toBe('No resources found in default namespace.\n');
  });
});

describe('ps lists what the runtime runs', () => {
  it('procps (after apt install procps) and busybox forms, with exec shells and ps itself', async () => {
    const h = await ubuntuPod();
    await h.run('kubectl run bb --image=busybox -- sleep 3600');
    await h.wait(30_000);
    await h.run('kubectl exec -it u -- bash');
    expect(await h.run('ps aux')).toBe('bash: ps: command not found\n');
    await h.run('apt update >/dev/null 2>&1; apt install -y procps >/dev/null 2>&1');
    expect(await h.run('ps aux')).toBe([
      'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND',
      'root           1  0.0  0.0   4588  3840 ?        Ss   10:00   0:00 sleep infinity',
      'root           7  0.0  0.0   4588  3840 pts/0    Ss   10:01   0:00 bash',
      'root           8  0.0  0.0   4588  3840 pts/0    R+   10:01   0:00 ps aux', ''].join('\n'));
    expect(await h.run('ps -ef')).toBe([
      'UID          PID    PPID  C STIME TTY          TIME CMD',
      'root           1       0  0 10:00 ?        00:00:00 sleep infinity',
      'root           7       0  0 10:01 pts/0    00:00:00 bash',
      'root           9       7  0 10:01 pts/0    00:00:00 ps -ef', ''].join('\n'));
    expect(await h.run('ps')).toBe('    PID TTY          TIME CMD\n      7 pts/0    00:00:00 bash\n     10 pts/0    00:00:00 ps\n');
    await h.run('exit');
    await h.run('kubectl exec -it bb -- sh');
    expect(await h.run('ps')).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 3600\n    7 root      0:00 sh\n    8 root      0:00 ps\n');
    await h.run('exit');
    expect(await h.run('kubectl exec bb -- ps')).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 3600\n    9 root      0:00 ps\n');
  });
});

describe('narrow terminals (session.resize)', () => {
  it('ls, the watch header and kubectl get -w stay sane at 40 columns and below', async () => {
    const h = clusterHarness({ files: Object.fromEntries(['alpha.yaml', 'bravo.yaml', 'charlie.yaml', 'delta.yaml', 'echo-service.yaml', 'foxtrot.txt'].map((n) => [n, ''])) });
    h.session.resize(40, 24);
    expect(await h.run('ls')).toBe('alpha.yaml    delta.yaml\nbravo.yaml    echo-service.yaml\ncharlie.yaml  foxtrot.txt\n');
    h.session.resize(12, 24);
    expect(await h.run('ls')).toBe('alpha.yaml\nbravo.yaml\ncharlie.yaml\ndelta.yaml\necho-service.yaml\nfoxtrot.txt\n');
    h.session.resize(40, 24);
    const ctl = new AbortController();
    let out = '';
    const run = h.session.feed('watch kubectl get pods', { stdout: (t) => { out += t; if (out.includes('No resources')) ctl.abort(); }, stderr: (t) => { out += t; } }, ctl.signal);
    await run;
    // Too narrow for "Every 2.0s: cmd" next to "kubelab: <date>": only the right part, ending one column short.
    const header = out.split('\x1b[H\x1b[2J')[1]!.split('\n')[0]!;
    expect(header).toBe('      kubelab: Thu Nov 26 10:00:00 2026');
    expect(header.length).toBe(39);
    h.session.resize(60, 24);
    out = '';
    const ctl2 = new AbortController();
    await h.session.feed('watch -n 1 kubectl get pods --all-namespaces', { stdout: (t) => { out += t; if (out.includes('kube-system')) ctl2.abort(); }, stderr: () => {} }, ctl2.signal);
    expect(out.split('\x1b[H\x1b[2J')[1]!.split('\n')[0]).toBe('Every 1.0s: kubectl ge... kubelab: Thu Nov 26 10:00:00 2026');
  });

  it('kubectl get -w prints the same rows whatever the width', async () => {
    const rows = async (cols: number) => {
      const h = clusterHarness();
      h.session.resize(cols, 24);
      await h.run('kubectl apply -f svc-example.yaml');
      const ctl = new AbortController();
      let out = '';
      let lines = 0;
      const done = h.session.feed('kubectl get pods -w', { stdout: (t) => { out += t; if (++lines >= 4) ctl.abort(); }, stderr: (t) => { out += t; } }, ctl.signal);
      await done;
      return out;
    };
    const narrow = await rows(40);
    expect(narrow.split('\n')[0]).toBe('NAME        READY   STATUS    RESTARTS   AGE');
    expect(narrow).toBe(await rows(120));
  });
});
