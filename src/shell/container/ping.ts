/**
 * ping: iputils-ping (Debian/Ubuntu, after `apt install iputils-ping`) and the busybox applet.
 * ClusterIPs never answer ICMP (kube-proxy translates only the Service's ports); pods, nodes
 * and most outside hosts do. Runs until -c packets or Ctrl-C, one per second of virtual time.
 */
import type { CommandIO } from '../command.js';
import { clientOf, resolveHost, wait, type ToolContext } from './context.js';

export function pingCommand(ctx: ToolContext) {
  return async (args: string[], io: CommandIO): Promise<number> => {
    const busybox = ctx.image.ping === 'busybox';
    let count = Infinity;
    let target: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-c') { count = Number(args[++i]); continue; }
      if (/^-c\d+$/.test(a)) { count = Number(a.slice(2)); continue; }
      if (a === '-W' || a === '-w' || a === '-i' || a === '-s') { i++; continue; }
      if (a.startsWith('-')) continue;
      target = a;
    }
    if (!target) {
      if (busybox) io.stderr('BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n');
      else io.stderr('\nUsage\n  ping [options] <destination>\n');
      return busybox ? 1 : 2;
    }
    if (!Number.isFinite(count) && count !== Infinity || count <= 0) {
      io.stderr(busybox ? `ping: invalid number '${args[args.indexOf('-c') + 1]}'\n` : `ping: invalid argument: '${args[args.indexOf('-c') + 1]}'\n`);
      return busybox ? 1 : 1;
    }
    const r = resolveHost(ctx, io, target);
    if (!r.ok) {
      io.stderr(busybox ? `ping: bad address '${target}'\n` : `ping: ${target}: ${r.rcode === 'SERVFAIL' ? 'Temporary failure in name resolution' : 'Name or service not known'}\n`);
      return busybox ? 1 : 2;
    }
    const ip = r.addresses[0]!;
    const shownName = /^\d+(\.\d+){3}$/.test(target) ? target : r.canonical;
    io.stdout(busybox ? `PING ${target} (${ip}): 56 data bytes\n` : `PING ${shownName} (${ip}) 56(84) bytes of data.\n`);
    const net = ctx.net();
    const rtts: number[] = [];
    let sent = 0;
    const start = net.now();
    const from = /^\d+(\.\d+){3}$/.test(target) ? ip : `${ptrOrName(ctx, ip, shownName)} (${ip})`;
    while (sent < count) {
      const p = net.ping(clientOf(ctx), ip);
      sent++;
      if (p.reply) {
        rtts.push(p.rttMs);
        const t = p.rttMs < 1 ? p.rttMs.toFixed(3) : p.rttMs < 10 ? p.rttMs.toFixed(2) : p.rttMs < 100 ? p.rttMs.toFixed(1) : p.rttMs.toFixed(0);
        io.stdout(busybox ? `64 bytes from ${ip}: seq=${sent - 1} ttl=${p.ttl} time=${t} ms\n` : `64 bytes from ${from}: icmp_seq=${sent} ttl=${p.ttl} time=${t} ms\n`);
      }
      if (sent >= count) break;
      if (!(await wait(io, 1000))) break;
    }
    const elapsed = Math.max(0, net.now() - start);
    const loss = Math.round(((sent - rtts.length) * 100) / sent);
    const min = Math.min(...rtts), max = Math.max(...rtts), avg = rtts.reduce((s, x) => s + x, 0) / (rtts.length || 1);
    const mdev = Math.sqrt(rtts.reduce((s, x) => s + (x - avg) ** 2, 0) / (rtts.length || 1));
    if (busybox) {
      io.stdout(`\n--- ${target} ping statistics ---\n${sent} packets transmitted, ${rtts.length} packets received, ${loss}% packet loss\n`);
      if (rtts.length) io.stdout(`round-trip min/avg/max = ${min.toFixed(3)}/${avg.toFixed(3)}/${max.toFixed(3)} ms\n`);
      return rtts.length ? 0 : 1;
    }
    io.stdout(`\n--- ${shownName} ping statistics ---\n${sent} packets transmitted, ${rtts.length} received, ${loss}% packet loss, time ${elapsed + (sent > 1 ? net.randomInt(5) : 0)}ms\n`);
    // iputils ends with the rtt line, or with an empty line when nothing came back.
    io.stdout(rtts.length ? `rtt min/avg/max/mdev = ${min.toFixed(3)}/${avg.toFixed(3)}/${max.toFixed(3)}/${mdev.toFixed(3)} ms\n` : '\n');
    return rtts.length ? 0 : 1;
  };
}

/** iputils prints the reverse name of the replying address when it has one. */
function ptrOrName(ctx: ToolContext, ip: string, fallback: string): string {
  const r = ctx.dns.query(`${ip.split('.').reverse().join('.')}.in-addr.arpa`, 'PTR');
  return r.rcode === 'NOERROR' && r.answer[0] ? r.answer[0].data.replace(/\.$/, '') : fallback;
}
