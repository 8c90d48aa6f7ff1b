/**
 * kubectl port-forward (pkg/cmd/portforward/portforward.go): resolves the pod and the
 * container port (a Service's targetPort, by number or name), prints the `Forwarding from`
 * lines and then runs until interrupted.
 */
import type { Pod, Service } from 'kubernetes-types/core/v1';
import { networkForApi } from '../../net/index.js';
import { KubectlError } from '../errors.js';
import type { VerbSpec } from '../registry.js';
import { POLL_MS } from './internal/poll.js';
import { podForArg } from './internal/pods.js';
import { resolveType, usage } from './internal/kit.js';

interface Mapping { local: string; remote: number }

/** A Service port → the pod's container port (util.LookupContainerPortNumberByServicePort). */
function containerPortFor(svc: Service, pod: Pod, port: number): number {
  const sp = svc.spec?.ports?.find((p) => p.port === port);
  if (!sp) throw new KubectlError(`Service ${svc.metadata?.name} does not have a service port ${port}`);
  const tp = sp.targetPort ?? sp.port;
  if (typeof tp === 'number') return tp;
  if (/^\d+$/.test(tp)) return Number(tp);
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === tp) return p.containerPort;
  throw new KubectlError(`Pod '${pod.metadata?.name}' does not have a named port '${tp}'`);
}

export const portForwardVerb: VerbSpec = {
  name: 'port-forward', group: 'troubleshooting', short: 'Forward one or more local ports to a pod',
  usage: 'kubectl port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]',
  flags: [
    { name: 'address', type: 'stringSlice', default: ['localhost'] },
    { name: 'pod-running-timeout', type: 'duration', default: '1m0s' },
  ],
  async run(inv) {
    if (inv.args.length < 2) throw usage(inv, 'TYPE/NAME and list of ports are required for port-forward');
    const api = inv.ctx.api;
    const target = inv.args[0]!;
    const pod = podForArg(inv, target);
    const slash = target.indexOf('/');
    const info = slash >= 0 ? resolveType(api, target.slice(0, slash)) : undefined;
    const svc = info?.kind === 'Service' ? api.get({ group: '', resource: 'services' }, inv.namespace, target.slice(slash + 1)) as Service : undefined;
    const mappings: Mapping[] = inv.args.slice(1).map((spec) => {
      const parts = spec.split(':');
      const remoteText = parts[parts.length - 1]!;
      const local = parts.length > 1 ? parts[0]! : remoteText;
      if (!/^\d+$/.test(remoteText)) throw new KubectlError(`Error parsing remote port '${remoteText}': strconv.ParseUint: parsing "${remoteText}": invalid syntax`);
      let remote = Number(remoteText);
      if (svc) remote = containerPortFor(svc, pod, remote);
      return { local: local === '' ? '0' : local, remote };
    });
    if (pod.status?.phase !== 'Running') {
      throw new KubectlError(`unable to forward port because pod is not running. Current status=${pod.status?.phase ?? 'Pending'}`);
    }
    const addresses = inv.flags.strings('address');
    const net = networkForApi(api);
    const namespace = pod.metadata?.namespace ?? inv.namespace;
    const stops: (() => void)[] = [];
    for (const m of mappings) {
      // `:80` / `0:80`: the OS picks a free ephemeral port (net.ipv4.ip_local_port_range 32768-60999).
      if (m.local === '0' && net) {
        let p = 32768 + net.randomInt(28232);
        while (net.isForwarding(p)) p++;
        m.local = String(p);
      }
      const listeners = addresses.flatMap((a) => (a === 'localhost' ? [['tcp4', '127.0.0.1'], ['tcp6', '[::1]']] : [[a.includes(':') ? 'tcp6' : 'tcp4', a.includes(':') ? `[${a}]` : a]]));
      // Another port-forward holds the port: net.Listen fails on every address (portforward.go listenOnPort).
      if (net && /^\d+$/.test(m.local) && net.isForwarding(Number(m.local))) {
        const errs = listeners.map(([proto, host]) => `unable to create listener: Error listen ${proto} ${host}:${m.local}: bind: address already in use`);
        inv.ctx.stderr(`Unable to listen on port ${m.local}: Listeners failed to create with the following errors: [${errs.join(' ')}]\n`);
        continue;
      }
      for (const [, host] of listeners) inv.ctx.stdout(`Forwarding from ${host}:${m.local} -> ${m.remote}\n`);
      // Connections to localhost:LOCAL on the workstation now reach the pod's port
      // (portforward.go handleConnection logs each one).
      const stop = /^\d+$/.test(m.local)
        ? net?.forwardPort(Number(m.local), { namespace, pod: pod.metadata?.name ?? '', port: m.remote }, () => inv.ctx.stdout(`Handling connection for ${m.local}\n`))
        : undefined;
      stops.push(stop ?? (() => {}));
    }
    if (!stops.length) throw new KubectlError(`unable to listen on any of the requested ports: [${mappings.map((m) => `{${m.local} ${m.remote}}`).join(' ')}]`);
    try {
      // The forwarder runs until Ctrl-C; if the pod goes away kubectl reports the lost connection.
      // Without a way to interrupt (no signal), stop after a day of virtual time rather than spin forever.
      const stopAt = inv.ctx.signal ? Infinity : inv.ctx.now() + 24 * 3600_000;
      // The stream closes the moment the pod goes: a watch wakes the loop then, not at its next poll.
      let wake = () => {};
      const podGone = new Promise<void>((resolve) => { wake = resolve; });
      let unwatch = () => {};
      try {
        unwatch = api.watch({ group: '', resource: 'pods' }, pod.metadata?.namespace, { fieldSelector: `metadata.name=${pod.metadata?.name ?? ''}` }, (e) => {
          const o = e.object as Pod;
          if (e.type === 'DELETED' || o.metadata?.uid !== pod.metadata?.uid || o.status?.phase !== 'Running') wake();
        });
      } catch { /* no watch: the poll below still notices */ }
      stops.push(() => unwatch());
      while (!inv.ctx.signal?.aborted && inv.ctx.now() < stopAt) {
        await Promise.race([inv.ctx.sleep(POLL_MS * 10), podGone]);
        if (inv.ctx.signal?.aborted) break;
        try {
          const live = api.get({ group: '', resource: 'pods' }, pod.metadata?.namespace, pod.metadata?.name ?? '') as Pod;
          if (live.metadata?.uid !== pod.metadata?.uid || live.status?.phase !== 'Running') throw new Error('gone');
        } catch {
          throw new KubectlError('lost connection to pod');
        }
      }
    } finally {
      for (const stop of stops) stop();
    }
  },
};
