/**
 * apt / apt-get (apt 2.7 on noble, 2.6 on bookworm): `update`, `install [-y]`, `upgrade`, with
 * the texts apt and dpkg print (k8s-semantics §8.1–8.2). Installing a package writes its
 * binaries to /usr/bin, which is what makes `curl` exist afterwards. Package lists live in
 * /var/lib/apt/lists (empty in a fresh image, hence `E: Unable to locate package` before update).
 */
import type { CommandIO } from '../command.js';
import { BOOKWORM, NOBLE, TRIXIE, type Archive, type Pkg } from './apt-data.js';
import { resolveHost, wait, type ToolContext } from './context.js';
import { BINARY } from './files.js';

const LISTS = '/var/lib/apt/lists';
const DPKG_INFO = '/var/lib/dpkg/info';

export function archiveFor(ctx: ToolContext): Archive {
  return ctx.image.os === 'debian-bookworm' ? BOOKWORM : ctx.image.os === 'debian-trixie' ? TRIXIE : NOBLE;
}

/** apt-pkg SizeToStr: `9490 B`, `14.0 kB`, `159 kB`, `19.3 MB`. */
export function sizeToStr(bytes: number): string {
  const ext = ['', 'k', 'M', 'G', 'T'];
  let v = bytes;
  for (let i = 0; i < ext.length; i++) {
    if (v < 100 && i !== 0) return `${v.toFixed(1)} ${ext[i]}B`;
    if (v < 10000) return `${Math.round(v)} ${ext[i]}B`;
    v /= 1000;
  }
  return `${Math.round(v)} PB`;
}

export function isPkgInstalled(io: CommandIO, name: string): boolean { return io.fs.exists(`${DPKG_INFO}/${name}.list`); }

/** Marks packages installed and puts their commands on disk. */
export function installFiles(io: CommandIO, pkgs: Pkg[]): void {
  io.fs.mkdir(DPKG_INFO, true);
  io.fs.mkdir('/usr/bin', true);
  for (const p of pkgs) {
    io.fs.writeFile(`${DPKG_INFO}/${p.name}.list`, '');
    for (const b of p.provides ?? []) io.fs.writeFile(`/usr/bin/${b}`, BINARY);
    if (p.name === 'ca-certificates') {
      io.fs.mkdir('/etc/ssl/certs', true);
      io.fs.writeFile('/etc/ssl/certs/ca-certificates.crt', '-----BEGIN CERTIFICATE-----\n');
    }
  }
}

function listsPresent(io: CommandIO, a: Archive): boolean {
  return io.fs.exists(`${LISTS}/${a.mirrorHost}_InRelease`);
}

export function aptCommand(ctx: ToolContext, flavour: 'apt' | 'apt-get') {
  return async (args: string[], io: CommandIO): Promise<number> => {
    const archive = archiveFor(ctx);
    const yes = args.some((a) => a === '-y' || a === '--yes' || a === '--assume-yes' || /^-[a-z]*y[a-z]*$/.test(a) || a === '-qq' || a === '-qy');
    const quiet = args.includes('-qq') || args.includes('-q');
    const words = args.filter((a) => !a.startsWith('-'));
    const op = words[0];
    if (flavour === 'apt' && !io.isTTY) io.stderr('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
    if (!op) {
      io.stdout(flavour === 'apt'
        ? 'apt 2.7.14 (amd64)\nUsage: apt [options] command\n\napt is a commandline package manager and provides commands for\nsearching and managing as well as querying information about packages.\n'
        : 'apt 2.7.14 (amd64)\nUsage: apt-get [options] command\n       apt-get [options] install|remove pkg1 [pkg2 ...]\n       apt-get [options] source pkg1 [pkg2 ...]\n');
      return 1;
    }
    const done = io.isTTY ? ' Done' : '';
    const reading = (): void => io.stdout(`Reading package lists...${done}\nBuilding dependency tree...${done}\nReading state information...${done}\n`);
    switch (op) {
      case 'update': return update(ctx, io, archive, flavour, quiet, done);
      case 'install': return install(ctx, io, archive, words.slice(1), yes, reading);
      case 'upgrade': case 'full-upgrade': case 'dist-upgrade':
        if (!listsPresent(io, archive) && flavour === 'apt') { reading(); io.stdout('Calculating upgrade...' + done + '\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n'); return 0; }
        reading();
        io.stdout(`Calculating upgrade...${done}\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n`);
        return 0;
      default:
        io.stderr(`E: Invalid operation ${op}\n`);
        return 100;
    }
  };
}

async function update(ctx: ToolContext, io: CommandIO, a: Archive, flavour: string, quiet: boolean, done: string): Promise<number> {
  const hosts = [...new Set(a.updateLines.map((l) => /^http:\/\/([^/]+)/.exec(l)![1]!))];
  const unresolved = hosts.filter((h) => !resolveHost(ctx, io, h).ok);
  const had = listsPresent(io, a);
  let n = 0;
  const per = a.updateMs / a.updateLines.length;
  for (const line of a.updateLines) {
    const host = /^http:\/\/([^/]+)/.exec(line)![1]!;
    if (unresolved.includes(host)) {
      if (!line.includes(' InRelease')) continue;
      if (!(await wait(io, 1000))) return 130;
      if (!quiet) io.stdout(`Ign:${++n} ${line.replace(/ \[.*\]$/, '')}\n`);
      continue;
    }
    if (had && !line.includes(' InRelease')) continue;
    if (!(await wait(io, per))) return 130;
    if (!quiet) io.stdout(`${had ? 'Hit' : 'Get'}:${++n} ${had ? line.replace(/ \[.*\]$/, '') : line}\n`);
  }
  if (unresolved.length === hosts.length) {
    if (!quiet) io.stdout(`Reading package lists...${done}\n`);
    for (const line of a.updateLines.filter((l) => l.includes(' InRelease'))) {
      const host = /^http:\/\/([^/]+)/.exec(line)![1]!;
      const [url, suite] = line.split(' ');
      io.stderr(`W: Failed to fetch ${url}/dists/${suite}/InRelease  Temporary failure resolving '${host}'\n`);
    }
    io.stderr('W: Some index files failed to download. They have been ignored, or old ones used instead.\n');
    return 0;
  }
  if (!had && !quiet) io.stdout(`${a.fetchedUpdate}\n`);
  io.fs.mkdir(LISTS, true);
  io.fs.writeFile(`${LISTS}/${a.mirrorHost}_InRelease`, '');
  if (quiet) return 0;
  io.stdout(`Reading package lists...${done}\n`);
  if (flavour === 'apt') io.stdout(`Building dependency tree...${done}\nReading state information...${done}\nAll packages are up to date.\n`);
  return 0;
}

async function install(ctx: ToolContext, io: CommandIO, a: Archive, names: string[], yes: boolean, reading: () => void): Promise<number> {
  reading();
  if (names.length === 0) { io.stdout('0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n'); return 0; }
  const byName = (n: string): Pkg | undefined => a.packages.find((p) => p.name === n || p.aliases?.includes(n));
  const lists = listsPresent(io, a);
  const requested: Pkg[] = [];
  for (const n of names) {
    const p = lists ? byName(n) : undefined;
    if (!p) { io.stderr(`E: Unable to locate package ${n}\n`); return 100; }
    requested.push(p);
  }
  // Dependency closure, in archive (download) order.
  const want = new Set<string>();
  const visit = (p: Pkg): void => {
    if (want.has(p.name) || isPkgInstalled(io, p.name)) return;
    want.add(p.name);
    for (const d of p.depends) { const dp = byName(d); if (dp) visit(dp); }
  };
  for (const p of requested) visit(p);
  for (const p of requested) {
    if (isPkgInstalled(io, p.name)) io.stdout(`${p.name} is already the newest version (${p.version}).\n`);
  }
  const toInstall = a.packages.filter((p) => want.has(p.name));
  if (toInstall.length === 0) { io.stdout('0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n'); return 0; }
  const width = Number(io.env.get('COLUMNS')) || 80;
  const extra = toInstall.filter((p) => !requested.includes(p));
  if (extra.length) io.stdout(`The following additional packages will be installed:\n${wrapList(extra.map((p) => p.name).sort(), width)}`);
  const suggests = [...new Set(toInstall.flatMap((p) => p.suggests ?? []))].filter((s) => !want.has(s));
  if (suggests.length) io.stdout(`Suggested packages:\n${wrapList(suggests.sort(), width)}`);
  io.stdout(`The following NEW packages will be installed:\n${wrapList(toInstall.map((p) => p.name).sort(), width)}`);
  const total = toInstall.reduce((s, p) => s + p.size, 0);
  const disk = toInstall.reduce((s, p) => s + p.installedKB, 0) * 1000;
  io.stdout(`0 upgraded, ${toInstall.length} newly installed, 0 to remove and 0 not upgraded.\n` +
    `Need to get ${sizeToStr(total)} of archives.\nAfter this operation, ${sizeToStr(disk)} of additional disk space will be used.\n`);
  if (extra.length && !yes) {
    io.stdout('Do you want to continue? [Y/n] ');
    const answer = io.stdin.split('\n')[0]?.trim() ?? '';
    if (!io.isTTY && io.stdin === '') { io.stdout('Abort.\n'); return 1; }
    io.stdout(io.isTTY && io.stdin === '' ? '\n' : '');
    if (answer && !/^y(es)?$/i.test(answer)) { io.stdout('Abort.\n'); return 1; }
  }
  // Downloads: about 3.5 MB/s from the mirror.
  const mirrorOk = resolveHost(ctx, io, a.mirrorHost).ok;
  let i = 0;
  for (const p of toInstall) {
    i++;
    if (!mirrorOk) continue;
    if (!(await wait(io, p.size / 3500))) return 130;
    io.stdout(`Get:${i} ${a.mirror} ${p.pocket} amd64 ${p.name} ${p.arch} ${p.version} [${sizeToStr(p.size)}]\n`);
  }
  if (!mirrorOk) {
    for (const p of toInstall) io.stderr(`E: Failed to fetch ${a.mirror}/pool/main/${p.name[0]}/${p.name}/${debName(p)}  Temporary failure resolving '${a.mirrorHost}'\n`);
    io.stderr('E: Unable to fetch some archives, maybe run apt-get update or try with --fix-missing?\n');
    return 100;
  }
  const secs = Math.max(0, Math.floor(total / 3500000));
  // apt's rate counts the whole fetch, connection setup included (~0.1 s).
  io.stdout(`Fetched ${sizeToStr(total)} in ${secs}s (${sizeToStr(total / (total / 3500000 + 0.1))}/s)\n`);
  if (toInstall.some((p) => p.setupLines?.some((l) => l.startsWith('debconf')))) io.stderr('debconf: delaying package configuration, since apt-utils is not installed\n');
  const installedBefore = a.packages.filter((p) => isPkgInstalled(io, p.name)).length;
  const digits = String(toInstall.length - 1).length;
  let first = true;
  for (const [k, p] of toInstall.entries()) {
    if (!(await wait(io, 20))) return 130;
    io.stdout(`Selecting previously unselected package ${p.name}${p.maSame ? ':amd64' : ''}.\n`);
    if (first) { io.stdout(`(Reading database ... ${a.readingDatabase + installedBefore * 23} files and directories currently installed.)\n`); first = false; }
    const file = toInstall.length > 1 ? `.../${String(k).padStart(digits, '0')}-${debName(p)}` : `.../${debName(p)}`;
    io.stdout(`Preparing to unpack ${file} ...\nUnpacking ${p.name}${p.maSame ? ':amd64' : ''} (${p.version}) ...\n`);
  }
  for (const p of [...toInstall].sort((x, y) => x.setup - y.setup)) {
    if (!(await wait(io, 30))) return 130;
    io.stdout(`Setting up ${p.name}${p.maSame ? ':amd64' : ''} (${p.version}) ...\n`);
    for (const l of p.setupLines ?? []) (l.startsWith('debconf') ? io.stderr : io.stdout).call(io, `${l}\n`);
  }
  if (toInstall.some((p) => p.maSame)) io.stdout(`Processing triggers for libc-bin (${a.libcBin}) ...\n`);
  const ca = toInstall.find((p) => p.name === 'ca-certificates');
  if (ca) io.stdout(`Processing triggers for ca-certificates (${ca.version}) ...\nUpdating certificates in /etc/ssl/certs...\n0 added, 0 removed; done.\nRunning hooks in /etc/ca-certificates/update.d...\ndone.\n`);
  installFiles(io, toInstall);
  return 0;
}

/** `openssl_3.0.13-0ubuntu3.5_amd64.deb`; an epoch's colon is escaped as apt does. */
function debName(p: Pkg): string {
  return `${p.name}_${p.version.replace(':', '%3a')}_${p.arch}.deb`;
}

/** apt's ShowList: two-space indent, names wrapped at the screen width. */
export function wrapList(names: string[], width: number): string {
  const lines: string[] = [];
  let line = ' ';
  for (const n of names) {
    if (line.length + 1 + n.length > width - 1 && line.trim()) { lines.push(line); line = ' '; }
    line += ` ${n}`;
  }
  lines.push(line);
  return lines.join('\n') + '\n';
}
