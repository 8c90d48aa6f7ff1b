/**
 * Network tools on the learner's own machine (an Ubuntu 24.04 laptop next to the cluster):
 * curl, ping, nslookup, dig, host. It resolves through its own upstream DNS, so cluster names
 * do not exist there, and it has no route to ClusterIPs or pod IPs; only node IPs (NodePort
 * Services) and the internet answer, as on a real workstation.
 */
import type { Network } from '../../net/index.js';
import type { Command } from '../command.js';
import { upstreamDnsView, type ToolContext } from './context.js';
import { curlCommand } from './curl.js';
import { digCommand, hostCommand } from './dig.js';
import type { ContainerImage } from './images.js';
import { nslookupCommand } from './nslookup.js';
import { pingCommand } from './ping.js';

const LAPTOP: ContainerImage = {
  os: 'ubuntu-noble', shell: 'bash', tools: ['curl', 'ping', 'nslookup', 'dig', 'host'], packages: null,
  nslookup: 'bind', ping: 'iputils', user: 'learner', home: '/home/learner', workdir: '/home/learner',
};

/** `net` is read when a command runs (the cluster may be attached after the shell is built). */
export function workstationTools(net: () => Network | undefined, hostname = 'kubelab'): Record<string, Command> {
  const make = (n: Network): ToolContext => ({
    net: () => n, namespace: 'default', pod: hostname, container: hostname, hostname, image: LAPTOP,
    // kind: the Docker bridge gateway; a cloud cluster: somewhere on the internet.
    podIP: n.view.nodes().some((x) => x.metadata?.name?.endsWith('.compute.internal')) ? '192.168.1.23' : '172.18.0.1',
    dns: upstreamDnsView(() => n), outside: true,
  });
  const tools: Record<string, (ctx: ToolContext) => Command> = {
    curl: curlCommand, ping: pingCommand, nslookup: nslookupCommand, dig: digCommand, host: hostCommand,
  };
  return Object.fromEntries(Object.entries(tools).map(([name, factory]) => [name, (async (args, io) => {
    const n = net();
    if (!n) { io.stderr(`${name}: network is unreachable\n`); return 2; }
    return factory(make(n))(args, io);
  }) as Command]));
}
