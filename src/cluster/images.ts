/**
 * The image catalog: what each well-known image is (size, how long it takes to pull, what its
 * default command does, which ports it listens on, how it stops). The kubelet and the runtime
 * model read it; anything not in here does not exist in the registry (ErrImagePull).
 */

/** What the image's default process does when started. */
export type ImageBehaviour =
  | 'server'        // runs until stopped (nginx, httpd, redis, ...)
  | 'shell'         // an interactive shell: exits at once without stdin, waits with it
  | 'repl'          // node/python REPL: same as shell
  | 'usage-exit'    // prints usage and exits non-zero (curlimages/curl)
  | 'oneshot';      // does its job and exits 0 (init images)

export interface ImageInfo {
  /** Repository as Docker Hub normalises it, e.g. 'docker.io/library/nginx'. */
  repository: string;
  defaultTag: string;
  sizeBytes: number;
  /** Default ENTRYPOINT + CMD. */
  entrypoint: string[];
  cmd: string[];
  behaviour: ImageBehaviour;
  ports: number[];
  /** How long the default process takes to stop on SIGTERM/SIGQUIT; undefined = ignores it. */
  stopMs?: number;
  /** Binaries present (for `command:` overrides and exec probes). */
  binaries: string[];
  /** Binaries that run as the image's long-lived server when given as the command ('*': any). */
  daemons?: string[];
  /** Environment variables the entrypoint insists on (postgres, mysql): one of them must be set. */
  requiresEnv?: { anyOf: string[]; errorLog: string[] };
  /** Product version shown in logs/headers. */
  version?: string;
  /** Fixed digest, so imageID is stable (sha256 hex). */
  digest: string;
}

const COMMON = ['sh', 'echo', 'sleep', 'true', 'false', 'cat', 'env', 'tail', 'ls', 'printenv', 'touch', 'rm', 'date', 'hostname', 'test', '['];
const DEBIAN = [...COMMON, 'bash', 'apt', 'apt-get', 'dpkg', 'getent', 'grep', 'sed', 'awk', 'head', 'mkdir', 'id', 'uname'];
const BUSYBOX = [...COMMON, 'ash', 'wget', 'nslookup', 'ping', 'ps', 'top', 'vi', 'nc', 'grep', 'sed', 'awk', 'head', 'mkdir', 'id', 'uname', 'ip', 'ifconfig', 'traceroute'];

function hexDigest(seed: string): string {
  // Stable pseudo digest: FNV-1a stretched to 64 hex chars (not a real content hash).
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; out.length < 64; round++) {
    for (const ch of `${seed}#${round}`) { h ^= ch.charCodeAt(0); h = Math.imul(h, 0x01000193) >>> 0; }
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}

function img(name: string, info: Omit<ImageInfo, 'repository' | 'digest' | 'defaultTag'> & { defaultTag?: string }): [string, ImageInfo] {
  const repository = name.includes('/') && name.split('/')[0]!.includes('.') ? name : `docker.io/${name.includes('/') ? name : `library/${name}`}`;
  return [repository, { repository, defaultTag: info.defaultTag ?? 'latest', digest: hexDigest(repository), ...info }];
}

const NGINX_BIN = [...DEBIAN, 'nginx', 'curl'];

export const IMAGE_CATALOG: ReadonlyMap<string, ImageInfo> = new Map([
  img('nginx', { sizeBytes: 72195292, entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'], daemons: ['nginx', 'docker-entrypoint.sh', '/docker-entrypoint.sh'], behaviour: 'server', ports: [80], stopMs: 250, binaries: NGINX_BIN, version: '1.29.3' }),
  img('httpd', { sizeBytes: 45167013, entrypoint: [], cmd: ['httpd-foreground'], daemons: ['httpd', 'httpd-foreground'], behaviour: 'server', ports: [80], stopMs: 1100, binaries: [...DEBIAN, 'httpd', 'httpd-foreground'], version: '2.4.65' }),
  img('ubuntu', { sizeBytes: 29723147, entrypoint: [], cmd: ['/bin/bash'], behaviour: 'shell', ports: [], binaries: DEBIAN }),
  img('debian', { sizeBytes: 48494272, entrypoint: [], cmd: ['bash'], behaviour: 'shell', ports: [], binaries: DEBIAN }),
  img('busybox', { sizeBytes: 2156519, entrypoint: [], cmd: ['sh'], behaviour: 'shell', ports: [], binaries: BUSYBOX }),
  img('alpine', { sizeBytes: 3644180, entrypoint: [], cmd: ['/bin/sh'], behaviour: 'shell', ports: [], binaries: [...BUSYBOX, 'apk'] }),
  img('curlimages/curl', { sizeBytes: 10217644, entrypoint: ['/entrypoint.sh'], cmd: ['curl'], behaviour: 'usage-exit', ports: [], binaries: [...BUSYBOX, 'curl'] }),
  img('redis', { sizeBytes: 52460178, entrypoint: ['docker-entrypoint.sh'], cmd: ['redis-server'], daemons: ['redis-server', 'docker-entrypoint.sh'], behaviour: 'server', ports: [6379], stopMs: 300, binaries: [...DEBIAN, 'redis-server', 'redis-cli'], version: '8.2.1' }),
  img('postgres', { sizeBytes: 161437021, entrypoint: ['docker-entrypoint.sh'], cmd: ['postgres'], daemons: ['postgres', 'docker-entrypoint.sh'], behaviour: 'server', ports: [5432], stopMs: 600, binaries: [...DEBIAN, 'postgres', 'psql'], version: '18.0',
    requiresEnv: { anyOf: ['POSTGRES_PASSWORD', 'POSTGRES_HOST_AUTH_METHOD'], errorLog: [
      'Error: Database is uninitialized and superuser password is not specified.',
      '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
      '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
      '',
      '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
      '       connections without a password. This is *not* recommended.',
      '',
      '       See PostgreSQL documentation about "trust":',
      '       https://www.postgresql.org/docs/current/auth-trust.html'] } }),
  img('mysql', { sizeBytes: 235127811, entrypoint: ['docker-entrypoint.sh'], cmd: ['mysqld'], daemons: ['mysqld', 'docker-entrypoint.sh'], behaviour: 'server', ports: [3306, 33060], stopMs: 1500, binaries: [...COMMON, 'bash', 'mysqld', 'mysql'], version: '9.4.0',
    requiresEnv: { anyOf: ['MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD'], errorLog: [
      '2025-06-01 10:00:00+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 9.4.0-1.el9 started.',
      '2025-06-01 10:00:00+00:00 [Note] [Entrypoint]: Switching to dedicated user \'mysql\'',
      '2025-06-01 10:00:00+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 9.4.0-1.el9 started.',
      '2025-06-01 10:00:00+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified',
      '    You need to specify one of the following as an environment variable:',
      '    - MYSQL_ROOT_PASSWORD',
      '    - MYSQL_ALLOW_EMPTY_PASSWORD',
      '    - MYSQL_RANDOM_ROOT_PASSWORD'] } }),
  img('node', { sizeBytes: 394532611, entrypoint: ['docker-entrypoint.sh'], cmd: ['node'], behaviour: 'repl', ports: [], binaries: [...DEBIAN, 'node', 'npm', 'curl'], version: 'v24.11.1' }),
  img('python', { sizeBytes: 412873912, entrypoint: [], cmd: ['python3'], behaviour: 'repl', ports: [], binaries: [...DEBIAN, 'python', 'python3', 'pip', 'curl'], version: '3.14.0' }),
  img('registry.k8s.io/pause', { defaultTag: '3.10', sizeBytes: 320368, entrypoint: ['/pause'], cmd: [], daemons: ['*'], behaviour: 'server', ports: [], stopMs: 0, binaries: ['pause'] }),
  img('registry.k8s.io/coredns/coredns', { defaultTag: 'v1.12.0', sizeBytes: 20939036, entrypoint: ['/coredns'], cmd: [], daemons: ['*'], behaviour: 'server', ports: [53, 8080, 8181, 9153], stopMs: 5000, binaries: ['coredns'], version: '1.12.0' }),
  img('registry.k8s.io/kube-proxy', { defaultTag: 'v1.33.1', sizeBytes: 31887726, entrypoint: ['/usr/local/bin/kube-proxy'], cmd: [], daemons: ['*'], behaviour: 'server', ports: [10249, 10256], stopMs: 200, binaries: ['kube-proxy', 'sh', 'iptables'] }),
  img('docker.io/kindest/local-path-provisioner', { defaultTag: 'v20250214-acbabc1a', sizeBytes: 22541737, entrypoint: [], cmd: ['local-path-provisioner'], daemons: ['*'], behaviour: 'server', ports: [], stopMs: 200, binaries: ['local-path-provisioner', 'sh'] }),
  img('602401143452.dkr.ecr.us-east-2.amazonaws.com/amazon-k8s-cni-init', { defaultTag: 'v1.19.5-eksbuild.1', sizeBytes: 57412310, entrypoint: ['/init/aws-cni-init'], cmd: [], behaviour: 'oneshot', ports: [], binaries: ['sh', 'aws-cni-init'] }),
  img('docker.io/kindest/kindnetd', { defaultTag: 'v20250512-df8de77b', sizeBytes: 44375501, entrypoint: ['/bin/kindnetd'], cmd: [], daemons: ['*'], behaviour: 'server', ports: [], stopMs: 200, binaries: ['kindnetd'] }),
]);

export interface ImageRef {
  /** As written in the pod spec. */
  raw: string;
  repository: string;
  tag: string;
  /** e.g. 'docker.io/library/nginx:latest' (containerd's normalised name in status.image). */
  normalized: string;
  info?: ImageInfo;
}

const resolved = new Map<string, ImageRef>();

/** Parses an image reference the way containerd normalises Docker Hub names (memoised). */
export function resolveImage(raw: string): ImageRef {
  let r = resolved.get(raw);
  if (!r) { r = parseImage(raw); if (resolved.size < 1000) resolved.set(raw, r); }
  return r;
}

function parseImage(raw: string): ImageRef {
  let name = raw.trim();
  let tag = 'latest';
  const at = name.indexOf('@');
  if (at >= 0) name = name.slice(0, at);
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  if (colon > slash) { tag = name.slice(colon + 1); name = name.slice(0, colon); }
  const first = name.split('/')[0]!;
  const hasRegistry = name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  const repository = hasRegistry ? name : `docker.io/${name.includes('/') ? name : `library/${name}`}`;
  let info = IMAGE_CATALOG.get(repository);
  // Cloud system images (EKS add-ons from ECR) behave like long-running servers.
  if (!info && (/\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com\//.test(repository) || repository.startsWith('registry.k8s.io/'))) {
    // Same component from another registry (EKS's ECR coredns, kube-proxy): same behaviour.
    const last = repository.slice(repository.lastIndexOf('/') + 1);
    const twin = [...IMAGE_CATALOG.values()].find((i) => i.repository.endsWith(`/${last}`));
    info = { repository, defaultTag: tag, sizeBytes: twin?.sizeBytes ?? 40000000, entrypoint: twin?.entrypoint ?? [], cmd: twin?.cmd ?? [], behaviour: 'server', daemons: ['*'],
      ports: twin?.ports ?? [], stopMs: twin?.stopMs ?? 200, binaries: twin?.binaries ?? ['sh'], digest: hexDigest(repository) };
  }
  return { raw, repository, tag, normalized: `${repository}:${tag}`, info };
}

/** The error containerd returns for a repository Docker Hub does not have (1.33 kubelet wording). */
export function pullErrorMessage(ref: ImageRef): string {
  const n = ref.normalized;
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${n}": failed to resolve reference "${n}": ${ref.repository.startsWith('docker.io/') ? `pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed` : `${n}: not found`}`;
}

/** A tag we do not know for a known repository (e.g. nginx:9.9) fails like a missing manifest. */
export function knownTag(ref: ImageRef): boolean {
  if (!ref.info) return false;
  const t = ref.tag;
  if (ref.repository.includes('.dkr.ecr.')) return true;
  if (t === 'latest' || t === ref.info.defaultTag) return true;
  // Plausible version tags (1.27, 1.27.5-alpine, 24.04, 3.20 ...) exist.
  if (/^v?\d+(\.\d+){0,2}([-.][a-z0-9.]+)*$/.test(t)) return true;
  // Word tags exist only when every word is a real flavour/codename (stable-alpine, bookworm-slim,
  // alpine3.20, noble-20250415); an invented word (nginx:doesnotexist) is a missing manifest.
  return t.split('-').every((w) => /^\d+(\.\d+)*$/.test(w) || WORD_TAGS.has(w.replace(/\d+(\.\d+)*$/, '')));
}

/** Flavour and distribution-codename words Docker Hub tags are made of. */
const WORD_TAGS = new Set([
  'latest', 'stable', 'mainline', 'alpine', 'slim', 'perl', 'otel', 'bookworm', 'bullseye', 'buster', 'trixie',
  'noble', 'jammy', 'focal', 'bionic', 'oracular', 'plucky', 'rolling', 'devel', 'musl', 'glibc', 'uclibc', 'edge',
  'unprivileged', 'debian', 'ubuntu', 'windowsservercore', 'nanoserver', 'lts', 'current', 'jdk', 'jre', 'v',
]);

export function notFoundTagMessage(ref: ImageRef): string {
  const n = ref.normalized;
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${n}": failed to resolve reference "${n}": ${n}: not found`;
}

/** Last patch release of each minor line, and the `stable` tag (what nginx:1.27 or nginx:stable-alpine runs). */
const RELEASE_LINES: Record<string, Record<string, string>> = {
  'docker.io/library/nginx': { '1.29': '1.29.3', '1.28': '1.28.0', '1.27': '1.27.5', '1.26': '1.26.3', '1.25': '1.25.5', '1.24': '1.24.0', '1.23': '1.23.4', stable: '1.28.0' },
  'docker.io/library/httpd': { '2.4': '2.4.65' },
};

/** The product version an image reference runs: a pinned x.y.z tag, the last patch of an x.y line, or the catalog's. */
export function productVersion(ref: ImageRef): string | undefined {
  const v = ref.info?.version;
  if (!v) return undefined;
  const t = ref.tag.split('-')[0]!;
  if (/^\d+\.\d+\.\d+$/.test(t)) return t;
  return RELEASE_LINES[ref.repository]?.[t] ?? v;
}
