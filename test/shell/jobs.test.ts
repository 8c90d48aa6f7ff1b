/** Background jobs (`cmd &`, jobs, kill, fg) and kubectl port-forward routing localhost to a pod. */
import { describe, expect, it } from 'vitest';
import { clusterHarness } from './cluster-harness.js';

async function running() {
  const h = clusterHarness();
  await h.run('kubectl apply -f svc-example.yaml');
  await h.wait(60_000);
  return h;
}

describe('kubectl port-forward', () => {
  it('svc/x 8080:80 & forwards localhost:8080 to the pod until kill %1', async () => {
    const h = await running();
    expect(await h.run('curl -s localhost:8080')).toBe('');
    expect(h.exitCode).toBe(7);
    expect(await h.run('kubectl port-forward svc/nginx-svc 8080:80 &')).toBe(
      '[1] 101\nForwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n');
    expect(await h.run('jobs')).toBe('[1]+  Running                 kubectl port-forward svc/nginx-svc 8080:80 &\n');
    const page = await h.run('curl -s localhost:8080');
    expect(page.startsWith('Handling connection for 8080\n<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>')).toBe(true);
    expect(await h.run('echo $!')).toBe('101\n');
    expect(await h.run('kill %1')).toBe('[1]+  Terminated              kubectl port-forward svc/nginx-svc 8080:80\n');
    expect(await h.run('jobs')).toBe('');
    expect(await h.run('curl -s localhost:8080; echo " rc=$?"')).toBe(' rc=7\n');
  });

  it('pod/x and deploy/x forms, kill by PID, and the job ends with the login shell', async () => {
    const h = await running();
    expect(await h.run('kubectl port-forward pod/nginx-pod 9090:80 &')).toContain('Forwarding from 127.0.0.1:9090 -> 80\n');
    expect(await h.run('curl -s -o /dev/null -w "%{http_code}\\n" http://127.0.0.1:9090/')).toBe('Handling connection for 9090\n200\n');
    expect(await h.run('kill 101')).toBe('[1]+  Terminated              kubectl port-forward pod/nginx-pod 9090:80\n');
    expect(await h.run('kill %1')).toBe('bash: kill: %1: no such job\n');
    expect(await h.run('kill 4242')).toBe('bash: kill: (4242) - No such process\n');
    await h.run('kubectl create deployment web --image=nginx');
    await h.wait(60_000);
    expect(await h.run('kubectl port-forward deploy/web 8081:80 > /dev/null &')).toBe('[1] 102\n');
    expect(await h.run('curl -s -o /dev/null -w "%{http_code}\\n" localhost:8081')).toBe('200\n');
    await h.run('exit');
    expect(await h.run('curl -s localhost:8081; echo $?')).toBe('7\n');
  });

  it(':80 picks a free ephemeral local port and forwards it', async () => {
    const h = await running();
    const out = await h.run('kubectl port-forward svc/nginx-svc :80 &');
    const port = /Forwarding from 127\.0\.0\.1:(\d+) -> 80\n/.exec(out)?.[1] ?? '';
    expect(Number(port)).toBeGreaterThanOrEqual(32768);
    expect(Number(port)).toBeLessThanOrEqual(60999);
    expect(out).toBe(`[1] 101\nForwarding from 127.0.0.1:${port} -> 80\nForwarding from [::1]:${port} -> 80\n`);
    expect(await h.run(`curl -s -o /dev/null -w "%{http_code}\\n" localhost:${port}`)).toBe(`Handling connection for ${port}\n200\n`);
  });

  it('a second port-forward on a port in use fails as net.Listen does', async () => {
    const h = await running();
    await h.run('kubectl port-forward svc/nginx-svc 8080:80 > /dev/null &');
    expect(await h.run('kubectl port-forward pod/nginx-pod 8080:80')).toBe(
      'Unable to listen on port 8080: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:8080: bind: address already in use unable to create listener: Error listen tcp6 [::1]:8080: bind: address already in use]\n' +
      'error: unable to listen on any of the requested ports: [{8080 80}]\n');
    expect(h.exitCode).toBe(1);
    expect(await h.run('curl -s -o /dev/null -w "%{http_code}\\n" localhost:8080')).toBe('200\n');
  });

  it('ends with "lost connection to pod" when the pod is deleted', async () => {
    const h = await running();
    await h.run('kubectl port-forward pod/nginx-pod 8080:80 > /dev/null &');
    expect(await h.run('kubectl delete pod nginx-pod')).toBe('pod "nginx-pod" deleted\nerror: lost connection to pod\n[1]+  Exit 1                  kubectl port-forward pod/nginx-pod 8080:80 > /dev/null\n');
    expect(await h.run('curl localhost:8080')).toBe("curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\n");
  });

  it('in the foreground it routes while it runs and stops at Ctrl-C', async () => {
    const h = await running();
    const ctl = new AbortController();
    let out = '';
    const fwd = h.session.feed('kubectl port-forward svc/nginx-svc 8082:80', { stdout: (t) => { out += t; }, stderr: (t) => { out += t; } }, ctl.signal);
    for (let i = 0; i < 5000; i++) await Promise.resolve();
    ctl.abort();
    const r = await fwd;
    expect(out).toBe('Forwarding from 127.0.0.1:8082 -> 80\nForwarding from [::1]:8082 -> 80\n');
    expect(r.exitCode).toBe(130);
  });
});

describe('background jobs', () => {
  it('a finished job is reported before the next prompt, once', async () => {
    const h = clusterHarness();
    expect(await h.run('sleep 5 &')).toBe('[1] 101\n');
    expect(await h.run('jobs')).toBe('[1]+  Running                 sleep 5 &\n');
    expect(await h.run('sleep 10')).toBe('[1]+  Done                    sleep 5\n');
    expect(await h.run('jobs')).toBe('');
    expect(await h.run('false &')).toBe('[1] 102\n[1]+  Exit 1                  false\n');
    expect(await h.run('sleep 30 & sleep 40 &')).toBe('[1] 103\n[2] 104\n');
    expect(await h.run('jobs')).toBe('[1]-  Running                 sleep 30 &\n[2]+  Running                 sleep 40 &\n');
    expect(await h.run('jobs -l')).toBe('[1]-   103 Running                 sleep 30 &\n[2]+   104 Running                 sleep 40 &\n');
    expect(await h.run('jobs -p')).toBe('103\n104\n');
    expect(await h.run('kill -9 %2')).toBe('[2]+  Killed                  sleep 40\n');
    expect(await h.run('fg')).toBe('sleep 30\n');
    expect(h.exitCode).toBe(0);
    expect(await h.run('fg')).toBe('bash: fg: current: no such job\n');
    expect(await h.run('wait; echo "rc=$?"')).toBe('rc=0\n');
    expect(await h.run('(sleep 3; exit 4) & wait %1; echo "rc=$?"')).toBe('[1] 105\nrc=4\n');
    expect(await h.run('(sleep 1; false) &', 'sleep 2')).toBe('[1] 106\n[1]+  Exit 1                  ( sleep 1; false )\n');
    expect(await h.run('wait %3')).toBe('bash: wait: %3: no such job\n');
    expect(h.exitCode).toBe(127);
    expect(await h.run('sleep 2 &')).toBe('[1] 107\n');
    expect(await h.run('cd /tmp; sleep 5')).toBe('[1]+  Done                    sleep 2  (wd: ~)\n');
  });

  it('a job cannot take the terminal: exec -it into a shell reads EOF, the prompt stays', async () => {
    const h = await running();
    expect(await h.run('kubectl exec -it nginx-pod -- bash &')).toBe('[1] 101\n[1]+  Done                    kubectl exec -it nginx-pod -- bash\n');
    expect(h.session.prompt()).toBe('learner@kubelab:~$ ');
    expect(await h.run('kubectl get pods -w > /dev/null &')).toBe('[1] 103\n');
    const t0 = h.cluster.clock.now();
    expect(await h.run('sleep 3')).toBe('');
    expect(h.cluster.clock.now() - t0).toBe(3000);
    expect(await h.run('kill %1; jobs')).toBe('[1]+  Terminated              kubectl get pods -w > /dev/null\n');
  });
});
