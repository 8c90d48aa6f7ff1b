/** ps (procps and busybox forms) and `ip addr`, from what the container runtime knows. */
import type { CommandIO } from '../command.js';
import type { ToolContext } from './context.js';

export interface ProcessRow {
  pid: number; user: string; command: string; tty: boolean;
  /** Parent PID (exec'd processes have 0: their parent is outside the container). */
  ppid?: number;
  /** Start time, ms since the epoch (START / STIME columns, UTC as in a container). */
  started?: number;
}

const hhmm = (ms: number | undefined): string => (ms === undefined ? '10:00' : new Date(ms).toISOString().slice(11, 16));

/** `processes(args)` lists the container's processes, the `ps` being run last. */
export function psCommand(ctx: ToolContext, processes: (args: string[]) => ProcessRow[]) {
  return async (args: string[], io: CommandIO): Promise<number> => {
    const rows = processes(args);
    const full = args.some((a) => /^-?[a-z]*[aux][a-z]*$/.test(a) && (a.includes('a') || a.includes('e') || a.includes('x')));
    if (ctx.image.os === 'busybox' || ctx.image.os === 'alpine') {
      io.stdout('PID   USER     TIME  COMMAND\n' + rows.map((r) => `${String(r.pid).padStart(5)} ${r.user.padEnd(8)}  0:00 ${r.command}\n`).join(''));
      return 0;
    }
    const last = rows.length - 1;
    if (args.some((a) => a === 'aux' || a === '-aux')) {
      // STAT: the running ps is R+ (foreground of its terminal); leaders Ss; nginx workers S.
      const stat = (r: ProcessRow, i: number) => (i === last ? 'R+' : r.ppid ? 'S ' : 'Ss');
      io.stdout('USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n' +
        rows.map((r, i) => `${r.user.padEnd(8)} ${String(r.pid).padStart(7)}  0.0  0.0   4588  3840 ${r.tty ? 'pts/0   ' : '?       '} ${stat(r, i)}   ${hhmm(r.started)}   0:00 ${r.command}\n`).join(''));
      return 0;
    }
    if (args.some((a) => a === '-ef' || a === '-e')) {
      io.stdout('UID          PID    PPID  C STIME TTY          TIME CMD\n' +
        rows.map((r, i) => `${r.user.padEnd(8)} ${String(r.pid).padStart(7)} ${String(r.ppid ?? (i === 0 ? 0 : rows[0]!.pid)).padStart(7)}  0 ${hhmm(r.started)} ${r.tty ? 'pts/0   ' : '?       '} 00:00:00 ${r.command}\n`).join(''));
      return 0;
    }
    const mine = full ? rows : rows.filter((r) => r.tty);
    io.stdout('    PID TTY          TIME CMD\n' + mine.map((r) => `${String(r.pid).padStart(7)} pts/0    00:00:00 ${r.command.split(' ')[0]!.replace(/^.*\//, '')}\n`).join(''));
    return 0;
  };
}

export function ipCommand(ctx: ToolContext) {
  return async (args: string[], io: CommandIO): Promise<number> => {
    const sub = args[0] ?? '';
    const busybox = ctx.image.os === 'busybox' || ctx.image.os === 'alpine';
    if (sub.startsWith('a')) {
      const mac = macFor(ctx.podIP);
      io.stdout('1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN' + (busybox ? ' qlen 1000' : ' group default qlen 1000') + '\n' +
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n' +
        '    inet6 ::1/128 scope host \n       valid_lft forever preferred_lft forever\n' +
        `2: eth0@if${7 + (ctx.podIP.split('.').map(Number)[3] ?? 0)}: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP` + (busybox ? '' : ' group default') + '\n' +
        `    link/ether ${mac} brd ff:ff:ff:ff:ff:ff` + (busybox ? '' : ' link-netnsid 0') + '\n' +
        `    inet ${ctx.podIP}/24 brd ${ctx.podIP.replace(/\.\d+$/, '.255')} scope global eth0\n       valid_lft forever preferred_lft forever\n`);
      return 0;
    }
    if (sub.startsWith('r')) {
      const gw = ctx.podIP.replace(/\.\d+$/, '.1');
      io.stdout(`default via ${gw} dev eth0 \n${ctx.podIP.replace(/\.\d+$/, '.0')}/24 via ${gw} dev eth0 src ${ctx.podIP} \n${gw} dev eth0 scope link src ${ctx.podIP} \n`);
      return 0;
    }
    io.stderr('Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\nwhere  OBJECT := { address | route | link | neigh }\n');
    return sub ? 1 : 255;
  };
}

function macFor(ip: string): string {
  const p = ip.split('.').map((x) => Number(x) || 0);
  return ['7a', 'e3', ...p.map((x) => x.toString(16).padStart(2, '0'))].join(':');
}
