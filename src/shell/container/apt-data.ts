/**
 * Package archives as apt sees them after `apt update`: per distribution, the index fetch lines
 * and the packages a learner installs (with their dependency closure, versions and sizes as the
 * archives list them). Order in `packages` is the download order apt uses; `setup` gives the
 * order dpkg configures them in.
 */

export interface Pkg {
  name: string;
  version: string;
  arch: 'amd64' | 'all';
  /** e.g. 'noble-updates/main' */
  pocket: string;
  /** Download size in bytes. */
  size: number;
  /** Installed size in kB (for "After this operation"). */
  installedKB: number;
  depends: string[];
  suggests?: string[];
  /** Multi-Arch: same (dpkg shows `name:amd64`). */
  maSame?: boolean;
  /** Commands the package puts in /usr/bin (or /usr/sbin, /bin). */
  provides?: string[];
  /** Extra lines dpkg prints while configuring it. */
  setupLines?: string[];
  /** Position in dpkg's configure order (lower first). */
  setup: number;
  /** A transitional/virtual name resolved to this package (dnsutils → bind9-dnsutils). */
  aliases?: string[];
}

export interface Archive {
  mirror: string;            // 'http://archive.ubuntu.com/ubuntu'
  mirrorHost: string;
  updateLines: string[];     // the `Get:` lines of `apt update`, without the number
  fetchedUpdate: string;     // 'Fetched 30.2 MB in 4s (7521 kB/s)'
  updateMs: number;
  readingDatabase: number;   // '(Reading database ... N files and directories currently installed.)'
  libcBin: string;           // libc-bin version for trigger lines
  packages: Pkg[];
}

const DEBCONF_NOBLE = [
  'debconf: unable to initialize frontend: Dialog',
  'debconf: (No usable dialog-like program is installed, so the dialog based frontend cannot be used. at /usr/share/perl5/Debconf/FrontEnd/Dialog.pm line 79.)',
  'debconf: falling back to frontend: Readline',
  'debconf: unable to initialize frontend: Readline',
  "debconf: (Can't locate Term/ReadLine.pm in @INC (you may need to install the Term::ReadLine module) (@INC entries checked: /etc/perl /usr/local/lib/x86_64-linux-gnu/perl/5.38.2 /usr/local/share/perl/5.38.2 /usr/lib/x86_64-linux-gnu/perl5/5.38 /usr/share/perl5 /usr/lib/x86_64-linux-gnu/perl-base /usr/lib/x86_64-linux-gnu/perl/5.38 /usr/share/perl/5.38 /usr/local/lib/site_perl) at /usr/share/perl5/Debconf/FrontEnd/Readline.pm line 8.)",
  'debconf: falling back to frontend: Teletype',
];

const K = (kb: number): number => Math.round(kb * 1000);
const U = 'noble-updates/main';
const M = 'noble/main';

export const NOBLE: Archive = {
  mirror: 'http://archive.ubuntu.com/ubuntu',
  mirrorHost: 'archive.ubuntu.com',
  updateLines: [
    'http://archive.ubuntu.com/ubuntu noble InRelease [256 kB]',
    'http://security.ubuntu.com/ubuntu noble-security InRelease [126 kB]',
    'http://security.ubuntu.com/ubuntu noble-security/universe amd64 Packages [1088 kB]',
    'http://archive.ubuntu.com/ubuntu noble-updates InRelease [126 kB]',
    'http://security.ubuntu.com/ubuntu noble-security/restricted amd64 Packages [1434 kB]',
    'http://archive.ubuntu.com/ubuntu noble-backports InRelease [126 kB]',
    'http://security.ubuntu.com/ubuntu noble-security/main amd64 Packages [1081 kB]',
    'http://security.ubuntu.com/ubuntu noble-security/multiverse amd64 Packages [22.1 kB]',
    'http://archive.ubuntu.com/ubuntu noble/restricted amd64 Packages [117 kB]',
    'http://archive.ubuntu.com/ubuntu noble/universe amd64 Packages [19.3 MB]',
    'http://archive.ubuntu.com/ubuntu noble/main amd64 Packages [1808 kB]',
    'http://archive.ubuntu.com/ubuntu noble/multiverse amd64 Packages [331 kB]',
    'http://archive.ubuntu.com/ubuntu noble-updates/universe amd64 Packages [1385 kB]',
    'http://archive.ubuntu.com/ubuntu noble-updates/multiverse amd64 Packages [26.7 kB]',
    'http://archive.ubuntu.com/ubuntu noble-updates/main amd64 Packages [1399 kB]',
    'http://archive.ubuntu.com/ubuntu noble-updates/restricted amd64 Packages [1478 kB]',
    'http://archive.ubuntu.com/ubuntu noble-backports/universe amd64 Packages [31.8 kB]',
    'http://archive.ubuntu.com/ubuntu noble-backports/main amd64 Packages [48.0 kB]',
  ],
  fetchedUpdate: 'Fetched 30.2 MB in 4s (7521 kB/s)',
  updateMs: 4000,
  readingDatabase: 4381,
  libcBin: '2.39-0ubuntu8.4',
  packages: [
    { name: 'openssl', version: '3.0.13-0ubuntu3.5', arch: 'amd64', pocket: U, size: 1002110, installedKB: 2000, depends: [], suggests: [], setup: 14, provides: ['openssl'] },
    { name: 'ca-certificates', version: '20240203', arch: 'all', pocket: M, size: K(159), installedKB: 388, depends: ['openssl'], setup: 17,
      setupLines: [...DEBCONF_NOBLE, 'Updating certificates in /etc/ssl/certs...', '146 added, 0 removed; done.'] },
    { name: 'krb5-locales', version: '1.20.1-6ubuntu2.5', arch: 'all', pocket: U, size: K(14.0), installedKB: 62, depends: [], setup: 6 },
    { name: 'libkrb5support0', version: '1.20.1-6ubuntu2.5', arch: 'amd64', pocket: U, size: K(34.1), installedKB: 101, depends: [], maSame: true, setup: 8 },
    { name: 'libk5crypto3', version: '1.20.1-6ubuntu2.5', arch: 'amd64', pocket: U, size: K(81.6), installedKB: 280, depends: ['libkrb5support0'], maSame: true, setup: 11 },
    { name: 'libkeyutils1', version: '1.6.3-3build1', arch: 'amd64', pocket: M, size: 9490, installedKB: 41, depends: [], maSame: true, setup: 1 },
    { name: 'libkrb5-3', version: '1.20.1-6ubuntu2.5', arch: 'amd64', pocket: U, size: K(348), installedKB: 1056, depends: ['libk5crypto3', 'libkeyutils1', 'krb5-locales'], suggests: ['krb5-doc', 'krb5-user'], maSame: true, setup: 13 },
    { name: 'libgssapi-krb5-2', version: '1.20.1-6ubuntu2.5', arch: 'amd64', pocket: U, size: K(143), installedKB: 424, depends: ['libkrb5-3'], maSame: true, setup: 19 },
    { name: 'libnghttp2-14', version: '1.59.0-1ubuntu0.2', arch: 'amd64', pocket: U, size: K(74.3), installedKB: 219, depends: [], maSame: true, setup: 5 },
    { name: 'libpsl5t64', version: '0.21.2-1.1build1', arch: 'amd64', pocket: M, size: K(57.1), installedKB: 155, depends: ['publicsuffix'], maSame: true, setup: 4 },
    { name: 'publicsuffix', version: '20231001.0357-0.1', arch: 'all', pocket: M, size: K(129), installedKB: 324, depends: [], setup: 15 },
    { name: 'libbrotli1', version: '1.1.0-2build2', arch: 'amd64', pocket: M, size: K(331), installedKB: 817, depends: [], maSame: true, setup: 2 },
    { name: 'libsasl2-modules-db', version: '2.1.28+dfsg1-5ubuntu3.1', arch: 'amd64', pocket: U, size: K(20.4), installedKB: 68, depends: [], maSame: true, setup: 9 },
    { name: 'libsasl2-2', version: '2.1.28+dfsg1-5ubuntu3.1', arch: 'amd64', pocket: U, size: K(53.2), installedKB: 158, depends: ['libsasl2-modules-db', 'libsasl2-modules'], maSame: true, setup: 12 },
    { name: 'libldap2', version: '2.6.7+dfsg-1~exp1ubuntu8.2', arch: 'amd64', pocket: U, size: K(196), installedKB: 523, depends: ['libsasl2-2', 'libldap-common'], maSame: true, setup: 16 },
    { name: 'librtmp1', version: '2.4+20151223.gitfa8646d.1-2build7', arch: 'amd64', pocket: M, size: K(56.3), installedKB: 143, depends: [], maSame: true, setup: 10 },
    { name: 'libssh-4', version: '0.10.6-2build2', arch: 'amd64', pocket: M, size: K(188), installedKB: 555, depends: [], maSame: true, setup: 20 },
    { name: 'libcurl4t64', version: '8.5.0-2ubuntu10.6', arch: 'amd64', pocket: U, size: 341400, installedKB: 930, depends: ['libbrotli1', 'libgssapi-krb5-2', 'libldap2', 'libnghttp2-14', 'libpsl5t64', 'librtmp1', 'libssh-4', 'ca-certificates'], maSame: true, setup: 21 },
    { name: 'curl', version: '8.5.0-2ubuntu10.6', arch: 'amd64', pocket: U, size: 226400, installedKB: 534, depends: ['libcurl4t64'], setup: 22, provides: ['curl'] },
    { name: 'libldap-common', version: '2.6.7+dfsg-1~exp1ubuntu8.2', arch: 'all', pocket: U, size: K(31.7), installedKB: 165, depends: [], setup: 7 },
    { name: 'libsasl2-modules', version: '2.1.28+dfsg1-5ubuntu3.1', arch: 'amd64', pocket: U, size: K(69.9), installedKB: 268, depends: [], maSame: true, setup: 3,
      suggests: ['libsasl2-modules-gssapi-mit | libsasl2-modules-gssapi-heimdal', 'libsasl2-modules-ldap', 'libsasl2-modules-otp', 'libsasl2-modules-sql'] },
    // Other tools learners reach for.
    { name: 'libcap2-bin', version: '1:2.66-5ubuntu2.2', arch: 'amd64', pocket: U, size: K(34.2), installedKB: 135, depends: [], setup: 30 },
    { name: 'iputils-ping', version: '3:20240117-1ubuntu0.1', arch: 'amd64', pocket: U, size: K(44.9), installedKB: 117, depends: ['libcap2-bin'], setup: 31, provides: ['ping'] },
    { name: 'wget', version: '1.21.4-1ubuntu4.1', arch: 'amd64', pocket: U, size: K(334), installedKB: 971, depends: ['libpsl5t64', 'ca-certificates'], setup: 32, provides: ['wget'] },
    { name: 'libproc2-0', version: '2:4.0.4-4ubuntu3.2', arch: 'amd64', pocket: U, size: K(59.5), installedKB: 163, depends: [], maSame: true, setup: 33 },
    { name: 'procps', version: '2:4.0.4-4ubuntu3.2', arch: 'amd64', pocket: U, size: K(710), installedKB: 2286, depends: ['libproc2-0'], setup: 34, provides: ['ps', 'top', 'free', 'kill', 'pgrep', 'uptime', 'watch'] },
    { name: 'libuv1t64', version: '1.48.0-1.1build1', arch: 'amd64', pocket: M, size: K(97.5), installedKB: 290, depends: [], maSame: true, setup: 40 },
    { name: 'libjson-c5', version: '0.17-1build1', arch: 'amd64', pocket: M, size: K(35.3), installedKB: 104, depends: [], maSame: true, setup: 41 },
    { name: 'liblmdb0', version: '0.9.31-1build1', arch: 'amd64', pocket: M, size: K(48.1), installedKB: 124, depends: [], maSame: true, setup: 42 },
    { name: 'libmaxminddb0', version: '1.9.1-1build1', arch: 'amd64', pocket: M, size: K(15.0), installedKB: 56, depends: [], maSame: true, setup: 43 },
    { name: 'libfstrm0', version: '0.6.1-1build3', arch: 'amd64', pocket: M, size: K(20.3), installedKB: 75, depends: [], maSame: true, setup: 44 },
    { name: 'libprotobuf-c1', version: '1.4.1-1ubuntu4', arch: 'amd64', pocket: M, size: K(20.1), installedKB: 69, depends: [], maSame: true, setup: 45 },
    { name: 'bind9-libs', version: '1:9.18.30-0ubuntu0.24.04.2', arch: 'amd64', pocket: U, size: K(1257), installedKB: 3701, depends: ['libuv1t64', 'libjson-c5', 'liblmdb0', 'libmaxminddb0', 'libfstrm0', 'libprotobuf-c1', 'libnghttp2-14', 'libgssapi-krb5-2'], maSame: true, setup: 46 },
    { name: 'bind9-host', version: '1:9.18.30-0ubuntu0.24.04.2', arch: 'amd64', pocket: U, size: K(50.5), installedKB: 144, depends: ['bind9-libs'], setup: 47, provides: ['host'] },
    { name: 'bind9-dnsutils', version: '1:9.18.30-0ubuntu0.24.04.2', arch: 'amd64', pocket: U, size: K(156), installedKB: 655, depends: ['bind9-libs', 'bind9-host'], setup: 48, provides: ['dig', 'nslookup', 'nsupdate'], aliases: ['dnsutils'] },
    { name: 'iproute2', version: '6.1.0-1ubuntu6.2', arch: 'amd64', pocket: U, size: K(1120), installedKB: 3726, depends: [], suggests: ['iproute2-doc'], setup: 50, provides: ['ip', 'ss'] },
    { name: 'net-tools', version: '2.10-0.1ubuntu4.4', arch: 'amd64', pocket: U, size: K(204), installedKB: 810, depends: [], setup: 51, provides: ['ifconfig', 'netstat', 'route'] },
    { name: 'netcat-openbsd', version: '1.226-1ubuntu2', arch: 'amd64', pocket: M, size: K(44.4), installedKB: 114, depends: [], setup: 52, provides: ['nc'] },
  ],
};

const B = 'bookworm/main';
export const BOOKWORM: Archive = {
  mirror: 'http://deb.debian.org/debian',
  mirrorHost: 'deb.debian.org',
  updateLines: [
    'http://deb.debian.org/debian bookworm InRelease [151 kB]',
    'http://deb.debian.org/debian bookworm-updates InRelease [55.4 kB]',
    'http://deb.debian.org/debian-security bookworm-security InRelease [48.0 kB]',
    'http://deb.debian.org/debian bookworm/main amd64 Packages [8793 kB]',
    'http://deb.debian.org/debian bookworm-updates/main amd64 Packages [6924 B]',
    'http://deb.debian.org/debian-security bookworm-security/main amd64 Packages [278 kB]',
  ],
  fetchedUpdate: 'Fetched 9332 kB in 2s (4666 kB/s)',
  updateMs: 2000,
  readingDatabase: 6098,
  libcBin: '2.36-9+deb12u13',
  packages: [
    { name: 'libbrotli1', version: '1.0.9-2+b6', arch: 'amd64', pocket: B, size: K(275), installedKB: 787, depends: [], maSame: true, setup: 1 },
    { name: 'libsasl2-modules-db', version: '2.1.28+dfsg-10', arch: 'amd64', pocket: B, size: K(20.3), installedKB: 69, depends: [], maSame: true, setup: 2 },
    { name: 'libsasl2-2', version: '2.1.28+dfsg-10', arch: 'amd64', pocket: B, size: K(59.7), installedKB: 193, depends: ['libsasl2-modules-db'], maSame: true, setup: 3 },
    { name: 'libldap-2.5-0', version: '2.5.13+dfsg-5', arch: 'amd64', pocket: B, size: K(183), installedKB: 551, depends: ['libsasl2-2'], maSame: true, setup: 4 },
    { name: 'libnghttp2-14', version: '1.52.0-1+deb12u2', arch: 'amd64', pocket: B, size: K(72.3), installedKB: 219, depends: [], maSame: true, setup: 5 },
    { name: 'libpsl5', version: '0.21.2-1', arch: 'amd64', pocket: B, size: K(58.7), installedKB: 94, depends: [], maSame: true, setup: 6 },
    { name: 'librtmp1', version: '2.4+20151223.gitfa8646d.1-2+b2', arch: 'amd64', pocket: B, size: K(60.8), installedKB: 155, depends: [], maSame: true, setup: 7 },
    { name: 'libssh2-1', version: '1.10.0-3+b1', arch: 'amd64', pocket: B, size: K(179), installedKB: 343, depends: [], maSame: true, setup: 8 },
    { name: 'libcurl4', version: '7.88.1-10+deb12u14', arch: 'amd64', pocket: B, size: K(392), installedKB: 1013, depends: ['libbrotli1', 'libldap-2.5-0', 'libnghttp2-14', 'libpsl5', 'librtmp1', 'libssh2-1'], maSame: true, setup: 9 },
    { name: 'curl', version: '7.88.1-10+deb12u14', arch: 'amd64', pocket: B, size: K(316), installedKB: 501, depends: ['libcurl4'], setup: 10, provides: ['curl'] },
    { name: 'iputils-ping', version: '3:20221126-1+deb12u1', arch: 'amd64', pocket: B, size: K(47.1), installedKB: 121, depends: [], setup: 20, provides: ['ping'] },
    { name: 'wget', version: '1.21.3-1+deb12u1', arch: 'amd64', pocket: B, size: K(937), installedKB: 3570, depends: ['libpsl5'], setup: 21, provides: ['wget'] },
    { name: 'procps', version: '2:4.0.2-3', arch: 'amd64', pocket: B, size: K(709), installedKB: 2136, depends: [], setup: 22, provides: ['ps', 'top', 'free', 'kill', 'pgrep', 'uptime', 'watch'] },
    { name: 'bind9-host', version: '1:9.18.41-1~deb12u1', arch: 'amd64', pocket: B, size: K(54.6), installedKB: 146, depends: [], setup: 23, provides: ['host'] },
    { name: 'bind9-dnsutils', version: '1:9.18.41-1~deb12u1', arch: 'amd64', pocket: B, size: K(155), installedKB: 661, depends: ['bind9-host'], setup: 24, provides: ['dig', 'nslookup', 'nsupdate'], aliases: ['dnsutils'] },
    { name: 'iproute2', version: '6.1.0-3', arch: 'amd64', pocket: B, size: K(1046), installedKB: 3511, depends: [], setup: 25, provides: ['ip', 'ss'] },
    { name: 'netcat-openbsd', version: '1.219-1', arch: 'amd64', pocket: B, size: K(41.5), installedKB: 109, depends: [], setup: 26, provides: ['nc'] },
  ],
};

/** Trixie's versions of the packages above (sizes close enough to bookworm's). */
const TRIXIE_VERSIONS: Record<string, Partial<Pkg>> = {
  libbrotli1: { version: '1.1.0-2+b7' }, 'libsasl2-modules-db': { version: '2.1.28+dfsg1-9' }, 'libsasl2-2': { version: '2.1.28+dfsg1-9' },
  'libldap-2.5-0': { name: 'libldap2', version: '2.6.10+dfsg-1' }, 'libnghttp2-14': { version: '1.64.0-1.1' }, libpsl5: { name: 'libpsl5t64', version: '0.21.2-1.1+b1' },
  librtmp1: { version: '2.4+20151223.gitfa8646d.1-2+b5' }, 'libssh2-1': { name: 'libssh2-1t64', version: '1.11.1-1' },
  libcurl4: { name: 'libcurl4t64', version: '8.14.1-2+deb13u2' }, curl: { version: '8.14.1-2+deb13u2' },
  'iputils-ping': { version: '3:20240905-3' }, wget: { version: '1.25.0-2' }, procps: { version: '2:4.0.4-9' },
  'bind9-host': { version: '1:9.20.15-1~deb13u1' }, 'bind9-dnsutils': { version: '1:9.20.15-1~deb13u1' },
  iproute2: { version: '6.15.0-1' }, 'netcat-openbsd': { version: '1.229-1' },
};

/** Trixie (nginx, httpd images): the same packages at trixie's versions, with its own index lines. */
export const TRIXIE: Archive = {
  ...BOOKWORM,
  updateLines: [
    'http://deb.debian.org/debian trixie InRelease [140 kB]',
    'http://deb.debian.org/debian trixie-updates InRelease [47.3 kB]',
    'http://deb.debian.org/debian-security trixie-security InRelease [43.4 kB]',
    'http://deb.debian.org/debian trixie/main amd64 Packages [9670 kB]',
    'http://deb.debian.org/debian trixie-updates/main amd64 Packages [5412 B]',
    'http://deb.debian.org/debian-security trixie-security/main amd64 Packages [69.8 kB]',
  ],
  fetchedUpdate: 'Fetched 9976 kB in 1s (8109 kB/s)',
  packages: BOOKWORM.packages.map((p) => ({
    ...p, pocket: p.pocket.replace('bookworm', 'trixie'), ...TRIXIE_VERSIONS[p.name],
    depends: p.depends.map((d) => TRIXIE_VERSIONS[d]?.name ?? d),
  })),
};
