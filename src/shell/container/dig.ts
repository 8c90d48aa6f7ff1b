/**
 * dig (bind9 9.18) and host (bind9-host). dig does not use the search list unless +search, so
 * `dig nginx-svc` asks for `nginx-svc.` and gets NXDOMAIN from upstream: the classic lesson.
 * Source: bind9 bin/dig/dig.c (printmessage, master style columns 24/32/40/48).
 */
import type { DnsResponse, RR, RRType } from '../../net/index.js';
import type { CommandIO } from '../command.js';
import { readHosts, wait, type ToolContext } from './context.js';
import { isIPv4Text, ptrName, resolverConf } from './dns-util.js';

const TYPES = ['A', 'AAAA', 'CNAME', 'SRV', 'PTR', 'TXT', 'MX', 'NS', 'SOA', 'ANY'];
const DIG_VERSION: Record<string, string> = {
  'ubuntu-noble': '9.18.30-0ubuntu0.24.04.2-Ubuntu', 'debian-bookworm': '9.18.41-1~deb12u1-Debian', 'debian-trixie': '9.20.15-1~deb13u1-Debian',
};

/** Width of a string with tabs expanded. */
function expandLen(s: string): number {
  let n = 0;
  for (const ch of s) n = ch === '\t' ? (Math.floor(n / 8) + 1) * 8 : n + 1;
  return n;
}
function pad(s: string, col: number): string {
  if (expandLen(s) >= col) return s + ' ';
  let out = s;
  while (expandLen(out) < col) out += '\t';
  return out;
}

export function formatRR(r: RR): string {
  return `${pad(pad(pad(pad(r.name, 24) + String(r.ttl), 32) + 'IN', 40) + r.type, 48)}${r.data}`;
}

function question(name: string, type: string): string { return `${pad(pad(';' + name, 32) + 'IN', 40)}${type}`; }

function msgSize(name: string, r: DnsResponse): number {
  const q = name.length + 2 + 4;
  const rr = (x: RR): number => 12 + (x.type === 'A' ? 4 : x.data.length + 2);
  return 12 + q + [...r.answer, ...r.authority, ...r.additional].reduce((s, x) => s + rr(x), 0) + 39;
}

function whenText(ms: number): string {
  const d = new Date(ms);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

export function digCommand(ctx: ToolContext) {
  return async (args: string[], io: CommandIO): Promise<number> => {
    let name: string | undefined;
    let type = 'A';
    let short = false;
    let search = false;
    let server: string | undefined;
    let onlyAnswer = false;
    let reverse = false;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-x') { reverse = true; name = args[++i]; type = 'PTR'; continue; }
      if (a.startsWith('@')) { server = a.slice(1); continue; }
      if (a === '+short') { short = true; continue; }
      if (a === '+search') { search = true; continue; }
      if (a === '+noall') { onlyAnswer = true; continue; }
      if (a.startsWith('+')) continue;
      if (a === '-t') { type = (args[++i] ?? 'A').toUpperCase(); continue; }
      if (TYPES.includes(a.toUpperCase())) { type = a.toUpperCase(); continue; }
      if (a === 'IN') continue;
      name = a;
    }
    const conf = resolverConf(io, ctx);
    const ns = server ?? conf.nameserver;
    const dns = ctx.dns;
    const net = ctx.net();
    let qname = name === undefined ? '.' : reverse && name && isIPv4Text(name) ? ptrName(name) + '.' : name.endsWith('.') ? name : name + '.';
    if (name === undefined) type = 'NS';
    let res = dns.query(qname, type as RRType);
    if (search && name && !name.endsWith('.') && !reverse) {
      for (const c of dns.candidates(name)) {
        const r = dns.query(c, type as RRType);
        qname = c; res = r;
        if (r.rcode === 'NOERROR' && r.answer.length) break;
      }
    }
    if (res.rcode === 'NXDOMAIN' && !res.aa && res.authority.length === 0) {
      res = { ...res, authority: [{ name: '.', type: 'SOA', ttl: 30, data: 'a.root-servers.net. nstld.verisign-grs.com. 2025060100 1800 900 604800 86400' }] };
    }
    if (!(await wait(io, 1))) return 130;
    if (short) { io.stdout(res.answer.map((x) => `${x.data}\n`).join('')); return 0; }
    const ver = DIG_VERSION[ctx.image.os] ?? DIG_VERSION['ubuntu-noble']!;
    const out: string[] = [];
    const shown = args.map((a) => ` ${a}`).join('');
    if (!onlyAnswer) {
      out.push('', `; <<>> DiG ${ver} <<>>${shown}`, ';; global options: +cmd', ';; Got answer:');
      const id = net.randomInt(65536);
      const flags = res.aa ? 'qr aa rd' : 'qr rd ra';
      out.push(`;; ->>HEADER<<- opcode: QUERY, status: ${res.rcode}, id: ${id}`);
      out.push(`;; flags: ${flags}; QUERY: 1, ANSWER: ${res.answer.length}, AUTHORITY: ${res.authority.length}, ADDITIONAL: ${res.additional.length + 1}`);
      if (res.aa) out.push(';; WARNING: recursion requested but not available');
      const cookie = Array.from({ length: 8 }, () => net.randomInt(256).toString(16).padStart(2, '0')).join('');
      out.push('', ';; OPT PSEUDOSECTION:', '; EDNS: version: 0, flags:; udp: 1232', `; COOKIE: ${cookie} (echoed)`, ';; QUESTION SECTION:', question(qname, type), '');
    }
    const section = (title: string, rrs: RR[]): void => {
      if (!rrs.length) return;
      if (!onlyAnswer) out.push(`;; ${title} SECTION:`);
      out.push(...rrs.map(formatRR));
      if (!onlyAnswer) out.push('');
    };
    section('ANSWER', res.answer);
    if (!onlyAnswer) {
      section('AUTHORITY', res.authority);
      section('ADDITIONAL', res.additional);
      out.push(`;; Query time: ${res.aa ? 0 : 3} msec`, `;; SERVER: ${ns}#53(${ns}) (UDP)`, `;; WHEN: ${whenText(net.now())}`, `;; MSG SIZE  rcvd: ${msgSize(qname, res)}`, '');
    }
    if (out.length) io.stdout(out.join('\n') + '\n');
    return 0;
  };
}

export function hostCommand(ctx: ToolContext) {
  return async (args: string[], io: CommandIO): Promise<number> => {
    const ops = args.filter((a) => !a.startsWith('-'));
    const name = ops[0];
    if (!name) { io.stderr('Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n'); return 1; }
    const dns = ctx.dns;
    if (!(await wait(io, 1))) return 130;
    if (isIPv4Text(name)) {
      const r = dns.query(ptrName(name), 'PTR');
      if (r.rcode !== 'NOERROR' || !r.answer.length) { io.stdout(`Host ${ptrName(name)} not found: 3(NXDOMAIN)\n`); return 1; }
      io.stdout(r.answer.map((x) => `${x.name.replace(/\.$/, '')} domain name pointer ${x.data}\n`).join(''));
      return 0;
    }
    const candidates = name.endsWith('.') ? [name] : dns.candidates(name);
    for (const c of candidates) {
      const r = dns.query(c, 'A');
      if (r.rcode !== 'NOERROR' || !r.answer.length) continue;
      const lines = r.answer.map((x) => x.type === 'CNAME'
        ? `${x.name.replace(/\.$/, '')} is an alias for ${x.data}\n`
        : `${x.name.replace(/\.$/, '')} has address ${x.data}\n`);
      io.stdout(lines.join(''));
      return 0;
    }
    io.stdout(`Host ${name} not found: 3(NXDOMAIN)\n`);
    return 1;
  };
}

/** getent hosts|ahosts NAME: glibc's resolver (files, then dns with the search list). */
export function getentCommand(ctx: ToolContext) {
  return async (args: string[], io: CommandIO): Promise<number> => {
    const [db, ...keys] = args;
    if (!db) { io.stderr('Usage: getent [OPTION...] database [key ...]\nTry \'getent --help\' or \'getent --usage\' for more information.\n'); return 1; }
    if (db !== 'hosts' && db !== 'ahosts' && db !== 'ahostsv4') {
      if (['passwd', 'group', 'services', 'protocols', 'networks'].includes(db)) return keys.length ? 2 : 0;
      io.stderr(`Unknown database: ${db}\nTry \`getent --help' or \`getent --usage' for more information.\n`);
      return 1;
    }
    let rc = 0;
    for (const k of keys) {
      const r = ctx.dns.lookup(k, readHosts(io));
      if (!r.ok) { rc = 2; continue; }
      if (db === 'hosts') io.stdout(`${r.addresses[0]!.padEnd(15)} ${r.canonical}\n`);
      else for (const ip of r.addresses) {
        io.stdout(`${ip.padEnd(15)} STREAM ${r.canonical}\n${ip.padEnd(15)} DGRAM  \n${ip.padEnd(15)} RAW    \n`);
      }
    }
    return rc;
  };
}
