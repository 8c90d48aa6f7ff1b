/**
 * nslookup in its two common builds:
 *  - busybox ≥1.30 (busybox, alpine): its own resolver; a dotless name is queried once per
 *    search domain (no ndots, never the bare name), a dotted name only as given; A then AAAA,
 *    every reply printed, exit 0. Source: busybox networking/nslookup.c (FEATURE_NSLOOKUP_BIG).
 *  - bind9 (dnsutils on Debian/Ubuntu): the resolv.conf search list with ndots, A and AAAA.
 */
import type { DnsResponse, RR } from '../../net/index.js';
import type { CommandIO } from '../command.js';
import { wait, type ToolContext } from './context.js';
import { isIPv4Text, ptrName, resolverConf } from './dns-util.js';

const noDot = (n: string): string => n.replace(/\.$/, '');

export function nslookupCommand(ctx: ToolContext) {
  return async (args: string[], io: CommandIO): Promise<number> => {
    let qtype: string | undefined;
    const ops: string[] = [];
    for (const a of args) {
      const m = /^-(?:type|querytype|q|query)=(\w+)$/i.exec(a);
      if (m) { qtype = m[1]!.toUpperCase(); continue; }
      if (a.startsWith('-')) continue;
      ops.push(a);
    }
    const busybox = ctx.image.nslookup === 'busybox';
    if (ops.length === 0) {
      if (busybox) { io.stderr('BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,any\n'); return 1; }
      io.stderr('nslookup: interactive mode is not supported here\n');
      return 1;
    }
    const conf = resolverConf(io, ctx);
    const server = ops[1] ?? conf.nameserver;
    if (!(await wait(io, 2))) return 130;
    const dns = ctx.dns;
    const name = ops[0]!;
    if (busybox) {
      io.stdout(`Server:\t\t${server}\nAddress:\t${server}:53\n\n`);
      const types = qtype ? [qtype] : isIPv4Text(name) ? ['PTR'] : ['A', 'AAAA'];
      for (const t of types) {
        const names = t === 'PTR' ? [isIPv4Text(name) ? ptrName(name) : name]
          : !name.includes('.') && conf.search.length ? conf.search.map((d) => `${name}.${d}`) : [name];
        for (const n of names) {
          const r = dns.query(n, t as 'A');
          if (r.rcode !== 'NOERROR') io.stdout(`** server can't find ${n}: ${r.rcode}\n`);
          else {
            if (!r.aa) io.stdout('Non-authoritative answer:\n');
            io.stdout(r.answer.map((x) => busyboxRR(x)).join(''));
          }
          io.stdout('\n');
        }
      }
      return 0;
    }
    // bind9 nslookup
    io.stdout(`Server:\t\t${server}\nAddress:\t${server}#53\n\n`);
    if (isIPv4Text(name) && !qtype) {
      const r = dns.query(ptrName(name), 'PTR');
      if (r.rcode !== 'NOERROR' || r.answer.length === 0) { io.stdout(`** server can't find ${ptrName(name)}: ${r.rcode === 'NOERROR' ? 'NXDOMAIN' : r.rcode}\n\n`); return 1; }
      if (!r.aa) io.stdout('Non-authoritative answer:\n');
      io.stdout(r.answer.map((x) => `${noDot(x.name)}\tname = ${x.data}\n`).join('') + '\n');
      if (r.aa) io.stdout('Authoritative answers can be found from:\n\n');
      return 0;
    }
    const t = (qtype ?? 'A') as 'A';
    const candidates = name.endsWith('.') ? [name] : dns.candidates(name).map(noDot);
    let found: DnsResponse | undefined;
    let lastRcode = 'NXDOMAIN';
    for (const c of candidates) {
      const r = dns.query(c, t);
      if (r.rcode === 'NOERROR' && r.answer.length) { found = r; break; }
      if (r.rcode !== 'NXDOMAIN') lastRcode = r.rcode === 'NOERROR' ? 'NXDOMAIN' : r.rcode;
    }
    if (!found) { io.stdout(`** server can't find ${name}: ${lastRcode}\n\n`); return 1; }
    if (!found.aa) io.stdout('Non-authoritative answer:\n');
    io.stdout(found.answer.map((x) => bindRR(x)).join('') + '\n');
    return 0;
  };
}

function busyboxRR(x: RR): string {
  switch (x.type) {
    case 'A': case 'AAAA': return `Name:\t${noDot(x.name)}\nAddress: ${x.data}\n`;
    case 'CNAME': return `${noDot(x.name)}\tcanonical name = ${noDot(x.data)}\n`;
    case 'PTR': return `${noDot(x.name)}\tname = ${noDot(x.data)}\n`;
    case 'SRV': return `${noDot(x.name)}\tservice = ${noDot(x.data)}\n`;
    default: return '';
  }
}

function bindRR(x: RR): string {
  switch (x.type) {
    case 'A': case 'AAAA': return `Name:\t${noDot(x.name)}\nAddress: ${x.data}\n`;
    case 'CNAME': return `${noDot(x.name)}\tcanonical name = ${x.data}\n`;
    case 'PTR': return `${noDot(x.name)}\tname = ${x.data}\n`;
    case 'SRV': return `${noDot(x.name)}\tservice = ${x.data}\n`;
    default: return '';
  }
}
