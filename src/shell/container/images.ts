/**
 * The shell's view of container images: which OS a container runs, which shell it has, which
 * tools are there before anything is installed, and how its package manager behaves.
 * (What an image *runs* — its process, ports, logs — is the cluster's catalog, src/cluster/images.ts.)
 */
import { imageRepo } from '../../net/index.js';

export type OsId = 'ubuntu-noble' | 'debian-bookworm' | 'debian-trixie' | 'alpine' | 'busybox';
export type ShellKind = 'bash' | 'sh' | 'none';

export interface ContainerImage {
  os: OsId;
  shell: ShellKind;
  /** Network and process tools present in the image (names of tools this module provides). */
  tools: string[];
  /** Package manager, if any. */
  packages: 'apt' | 'apk' | null;
  /** nslookup flavour when installed (busybox applet vs bind9 dnsutils). */
  nslookup: 'busybox' | 'bind';
  /** ping flavour (busybox applet vs iputils-ping). */
  ping: 'busybox' | 'iputils';
  user: string;
  home: string;
  workdir: string;
}

/** Tools of a busybox build (the applets this module implements). */
const BUSYBOX_TOOLS = ['wget', 'nslookup', 'ping', 'ps', 'hostname', 'ip', 'nc'];

const debianLike = (os: OsId, tools: string[] = []): ContainerImage => ({
  os, shell: 'bash', tools: ['hostname', 'getent', ...tools], packages: 'apt', nslookup: 'bind', ping: 'iputils',
  user: 'root', home: '/root', workdir: '/',
});

/** By repository (Docker Hub short form). Unknown images are treated as Debian-based. */
const IMAGES: Record<string, ContainerImage> = {
  ubuntu: debianLike('ubuntu-noble'),
  debian: debianLike('debian-bookworm'),
  // nginx ≥1.29 (mainline) is built on Debian 13 trixie and ships curl (its Dockerfile uses it).
  nginx: debianLike('debian-trixie', ['curl']),
  httpd: debianLike('debian-trixie'),
  redis: debianLike('debian-trixie'),
  postgres: debianLike('debian-trixie'),
  node: debianLike('debian-bookworm', ['curl', 'wget']),
  python: debianLike('debian-trixie', ['curl', 'wget']),
  busybox: { os: 'busybox', shell: 'sh', tools: BUSYBOX_TOOLS, packages: null, nslookup: 'busybox', ping: 'busybox', user: 'root', home: '/root', workdir: '/' },
  alpine: { os: 'alpine', shell: 'sh', tools: BUSYBOX_TOOLS, packages: 'apk', nslookup: 'busybox', ping: 'busybox', user: 'root', home: '/root', workdir: '/' },
  'curlimages/curl': { os: 'alpine', shell: 'sh', tools: [...BUSYBOX_TOOLS, 'curl'], packages: 'apk', nslookup: 'busybox', ping: 'busybox', user: 'curl_user', home: '/home/curl_user', workdir: '/home/curl_user' },
  // No shell at all: distroless-style images and the pause image.
  'registry.k8s.io/pause': { os: 'busybox', shell: 'none', tools: [], packages: null, nslookup: 'busybox', ping: 'busybox', user: 'root', home: '/', workdir: '/' },
  'registry.k8s.io/coredns/coredns': { os: 'busybox', shell: 'none', tools: [], packages: null, nslookup: 'busybox', ping: 'busybox', user: 'root', home: '/', workdir: '/' },
};

export function containerImage(image: string): ContainerImage {
  const { repo } = imageRepo(image);
  return IMAGES[repo] ?? IMAGES[repo.split('/').pop() ?? ''] ?? debianLike('debian-bookworm');
}

/** Binaries a shell can start in this image (for `kubectl exec -- <cmd>`). */
export function hasShell(image: string, binary: string): boolean {
  const img = containerImage(image);
  const b = binary.replace(/^\/(usr\/)?(s)?bin\//, '');
  if (b === 'sh') return img.shell !== 'none';
  if (b === 'bash') return img.shell === 'bash';
  if (b === 'ash') return img.os === 'alpine' || img.os === 'busybox' ? img.shell !== 'none' : false;
  return true;
}

/**
 * The error `kubectl exec` prints when the binary is not in the image (containerd 2.x runc).
 * `execId` is containerd's exec id (64 hex).
 */
export function execNotFoundMessage(binary: string, execId: string): string {
  return `error: Internal error occurred: error executing command in container: failed to exec in container: ` +
    `failed to start exec "${execId}": OCI runtime exec failed: exec failed: unable to start container process: ` +
    `exec: "${binary}": executable file not found in $PATH: unknown`;
}
