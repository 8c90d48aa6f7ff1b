/** Pods whose main process is a network tool (wget, curl): output, log, exit status, pod status. */
import { describe, expect, it } from 'vitest';
import { clusterHarness } from './cluster-harness.js';

const NGINX_HEAD = '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n';
// Attached while it runs, kubectl prints the hint; if it finished first, kubectl shows its log instead.
const HINT = "If you don't see a command prompt, try pressing enter.\n";
const noHint = (s: string): string => (s.startsWith(HINT) ? s.slice(HINT.length) : s);

async function withService() {
  const h = clusterHarness();
  await h.run('kubectl apply -f svc-example.yaml', 'kubectl create svc clusterip empty --tcp=80:80');
  await h.wait(60_000);
  return h;
}

describe('network tools as a container main process', () => {
  it('kubectl run --rm -it busybox -- wget: the error shows, then the pod ends in Error', async () => {
    const h = await withService();
    const ip = (h.cluster.api.get({ group: '', resource: 'services' }, 'default', 'empty') as { spec: { clusterIP: string } }).spec.clusterIP;
    const out = noHint(await h.run('kubectl run tmp --rm -it --image busybox --restart=Never -- wget -qO- empty'));
    expect(out).toBe(`wget: can't connect to remote host (${ip}): Connection refused\npod "tmp" deleted\npod default/tmp terminated (Error)\n`);
    expect(h.exitCode).toBe(1);
  });

  it('kubectl run -i --rm curlimages/curl -- curl -s svc prints the page (args go through /entrypoint.sh)', async () => {
    const h = await withService();
    const out = noHint(await h.run('kubectl run c --image=curlimages/curl -i --rm --restart=Never -- curl -s nginx-svc'));
    expect(out.startsWith(NGINX_HEAD)).toBe(true);
    expect(out.endsWith('</html>\npod "c" deleted\n')).toBe(true);
    expect(h.exitCode).toBe(0);
  });

  it('kubectl run -it --rm (restart Always) -- wget: the page, then the session ends and the pod is deleted', async () => {
    const h = await withService();
    const out = await h.run('kubectl run -it --rm t2 --image=busybox -- wget -qO- nginx-svc');
    expect(out.startsWith(`${HINT}${NGINX_HEAD}`)).toBe(true);
    expect(out.endsWith("</html>\nSession ended, resume using 'kubectl attach t2 -c t2 -i -t' command when the pod is running\npod \"t2\" deleted\n")).toBe(true);
    expect(await h.run('kubectl get pod t2 --no-headers')).toMatch(/^t2 +0\/1 +Terminating +0 +\d+s\n$/);
  });

  it('without attaching: the pod completes and kubectl logs shows what the tool printed', async () => {
    const h = await withService();
    await h.run('kubectl run c2 --image=curlimages/curl --restart=Never -- curl -s nginx-svc');
    await h.wait(10_000);
    expect(await h.run('kubectl get pod c2 --no-headers | awk \'{print $2, $3}\'')).toBe('0/1 Completed\n');
    expect((await h.run('kubectl logs c2')).startsWith(NGINX_HEAD)).toBe(true);
  });

  it('a tool the image does not have cannot start (StartError), as before', async () => {
    const h = await withService();
    await h.run('kubectl run nocurl --image=busybox --restart=Never -- curl -s nginx-svc');
    await h.wait(10_000);
    expect(await h.run('kubectl get pod nocurl --no-headers | awk \'{print $3}\'')).toBe('StartError\n');
  });
});
