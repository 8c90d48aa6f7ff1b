/**
 * Tools on the learner's machine: no cluster DNS, no route to ClusterIPs or pods; NodePorts on
 * node IPs and the internet work.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Service } from 'kubernetes-types/core/v1';
import type { Command, CommandIO } from '../../src/shell/command.js';
import { attachedNetwork, workstationTools } from '../../src/shell/container/index.js';
import { HeadlessTime } from '../../src/shell/time.js';
import { Vfs } from '../../src/shell/vfs.js';
import { world, type World } from './harness.js';

let w: World;
let tools: Record<string, Command>;

async function run(line: string[], isTTY = true): Promise<{ out: string; err: string; code: number }> {
  let out = ''; let err = '';
  const time = new HeadlessTime({ advance: (ms) => w.cluster.advance(ms) });
  const io: CommandIO = {
    stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, stdin: '', isTTY, env: new Map(), cwd: '/home/learner',
    fs: new Vfs({ now: () => w.cluster.clock.now() }), signal: new AbortController().signal, time,
  };
  const code = await tools[line[0]!]!(line.slice(1), io);
  return { out, err, code };
}

beforeAll(async () => {
  w = world();
  for (const f of ['svc-example.yaml', 'deploy-example.yaml', 'nodeport.yaml']) expect((await w.type(`kubectl apply -f ${f}`)).code).toBe(0);
  w.cluster.advance(60_000);
  tools = workstationTools(attachedNetwork);
}, 60_000);

describe('workstation tools', () => {
  it('cannot resolve Service names', async () => {
    expect(await run(['curl', 'nginx-svc'])).toEqual({ out: '', err: 'curl: (6) Could not resolve host: nginx-svc\n', code: 6 });
    const ns = await run(['nslookup', 'nginx-svc']);
    expect(ns.out).toBe("Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\n** server can't find nginx-svc: NXDOMAIN\n\n");
  });

  it('has no route to a ClusterIP', async () => {
    const ip = (w.cluster.api.get({ group: '', resource: 'services' }, 'default', 'nginx-svc') as Service).spec!.clusterIP!;
    const r = await run(['curl', '-sS', '--connect-timeout', '5', ip]);
    expect(r.err).toBe(`curl: (28) Failed to connect to ${ip} port 80 after 5000 ms: Timeout was reached\n`);
  });

  it('reaches a NodePort on the node IP', async () => {
    const r = await run(['curl', '-s', '172.18.0.2:30080']);
    expect(r.out).toContain('<title>Welcome to nginx!</title>');
    expect((await run(['curl', '-s', '172.18.0.2:30081'])).code).toBe(7);
  });

  it('kubectl port-forward listeners on localhost reach the pod directly', async () => {
    let handled = 0;
    const stop = attachedNetwork()!.forwardPort(8080, { namespace: 'default', pod: 'nginx-pod', port: 80 }, () => { handled++; });
    expect((await run(['curl', '-s', 'localhost:8080'])).out).toContain('<title>Welcome to nginx!</title>');
    expect(handled).toBe(1);
    expect((await run(['curl', 'localhost:8081'])).err).toBe("curl: (7) Failed to connect to localhost port 8081 after 0 ms: Couldn't connect to server\n");
    stop();
    expect((await run(['curl', '-s', 'localhost:8080'])).code).toBe(7);
  });

  it('reaches the internet', async () => {
    const r = await run(['curl', '-sL', 'rtfm.co.ua']);
    expect(r.out).toContain('<title>RTFM: Linux, DevOps, and system administration</title>');
    const g = await run(['curl', '-sI', 'google.com']);
    expect(g.out).toMatch(/^HTTP\/1\.1 301 Moved Permanently\r\nLocation: http:\/\/www\.google\.com\/\r\n/);
    const p = await run(['ping', '-c', '1', '8.8.8.8']);
    expect(p.out).toMatch(/^PING 8\.8\.8\.8 \(8\.8\.8\.8\) 56\(84\) bytes of data\.\n64 bytes from 8\.8\.8\.8: icmp_seq=1 ttl=52 time=\d+\.\d+ ms\n/);
  });
});
