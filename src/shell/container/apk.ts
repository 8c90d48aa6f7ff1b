/** apk (Alpine 3.22): `apk add` fetches the indexes itself and installs with its counters. */
import type { CommandIO } from '../command.js';
import { resolveHost, wait, type ToolContext } from './context.js';
import { BINARY } from './files.js';

interface ApkPkg { name: string; version: string; depends: string[]; provides?: string[] }

const PKGS: ApkPkg[] = [
  { name: 'brotli-libs', version: '1.1.0-r2', depends: [] },
  { name: 'c-ares', version: '1.34.5-r0', depends: [] },
  { name: 'libunistring', version: '1.3-r0', depends: [] },
  { name: 'libidn2', version: '2.3.7-r0', depends: ['libunistring'] },
  { name: 'nghttp2-libs', version: '1.65.0-r0', depends: [] },
  { name: 'libpsl', version: '0.21.5-r3', depends: ['libidn2'] },
  { name: 'zstd-libs', version: '1.5.7-r0', depends: [] },
  { name: 'libcurl', version: '8.14.1-r1', depends: ['brotli-libs', 'c-ares', 'libidn2', 'nghttp2-libs', 'libpsl', 'zstd-libs'] },
  { name: 'curl', version: '8.14.1-r1', depends: ['libcurl'], provides: ['curl'] },
  { name: 'bind-libs', version: '9.20.15-r0', depends: [] },
  { name: 'bind-tools', version: '9.20.15-r0', depends: ['bind-libs'], provides: ['dig', 'host', 'nslookup'] },
  { name: 'bash', version: '5.2.37-r0', depends: [], provides: ['bash'] },
  { name: 'iproute2', version: '6.15.0-r0', depends: [], provides: ['ip', 'ss'] },
];
const BASE_COUNT = 16;
const DB = '/lib/apk/db/installed.d';

export function apkCommand(ctx: ToolContext) {
  return async (args: string[], io: CommandIO): Promise<number> => {
    const [op, ...rest] = args;
    const names = rest.filter((a) => !a.startsWith('-'));
    if (op === 'update') {
      if (!(await fetchIndexes(ctx, io))) return 1;
      io.stdout('v3.22.2-154-g1a2b3c4d5e6 [https://dl-cdn.alpinelinux.org/alpine/v3.22/main]\nv3.22.2-150-g9f8e7d6c5b4 [https://dl-cdn.alpinelinux.org/alpine/v3.22/community]\nOK: 26326 distinct packages available\n');
      return 0;
    }
    if (op !== 'add') {
      io.stderr(`apk-tools 2.14.9, compiled for x86_64.\n\nusage: apk [<OPTIONS>...] COMMAND [<ARGUMENTS>...]\n`);
      return 1;
    }
    if (!(await fetchIndexes(ctx, io))) return 1;
    const missing = names.filter((n) => !PKGS.some((p) => p.name === n));
    if (missing.length) {
      io.stderr('ERROR: unable to select packages:\n' + missing.map((n) => `  ${n} (no such package):\n    required by: world[${n}]\n`).join(''));
      return missing.length;
    }
    const want: ApkPkg[] = [];
    const visit = (n: string): void => {
      const p = PKGS.find((x) => x.name === n)!;
      if (want.includes(p) || io.fs.exists(`${DB}/${p.name}`)) return;
      for (const d of p.depends) visit(d);
      want.push(p);
    };
    for (const n of names) visit(n);
    const ordered = PKGS.filter((p) => want.includes(p));
    for (const [i, p] of ordered.entries()) {
      if (!(await wait(io, 120))) return 130;
      io.stdout(`(${i + 1}/${ordered.length}) Installing ${p.name} (${p.version})\n`);
      io.fs.mkdir(DB, true);
      io.fs.writeFile(`${DB}/${p.name}`, '');
      for (const b of p.provides ?? []) { io.fs.mkdir('/usr/bin', true); io.fs.writeFile(`/usr/bin/${b}`, BINARY); }
    }
    const count = BASE_COUNT + io.fs.readdir(DB).length;
    if (ordered.length) io.stdout('Executing busybox-1.37.0-r18.trigger\n');
    io.stdout(`OK: ${8 + Math.round(count / 4)} MiB in ${count} packages\n`);
    return 0;
  };
}

async function fetchIndexes(ctx: ToolContext, io: CommandIO): Promise<boolean> {
  const ok = resolveHost(ctx, io, 'dl-cdn.alpinelinux.org').ok;
  for (const repo of ['main', 'community']) {
    if (!(await wait(io, ok ? 300 : 5000))) return false;
    const url = `https://dl-cdn.alpinelinux.org/alpine/v3.22/${repo}/x86_64/APKINDEX.tar.gz`;
    if (ok) io.stdout(`fetch ${url}\n`);
    else io.stderr(`WARNING: fetching ${url}: DNS lookup error\n`);
  }
  return true;
}
