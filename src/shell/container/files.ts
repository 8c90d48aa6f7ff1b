/**
 * A container's filesystem basics: what the image ships (/etc/os-release, tool binaries, the
 * nginx docroot) and what the kubelet/containerd mount in (/etc/hostname, /etc/hosts,
 * /etc/resolv.conf; k8s-semantics §7.1).
 */
import { NGINX_INDEX_HTML } from '../../net/index.js';
import type { ContainerImage, OsId } from './images.js';

const OS_RELEASE: Record<OsId, string | undefined> = {
  'ubuntu-noble': `PRETTY_NAME="Ubuntu 24.04.3 LTS"
NAME="Ubuntu"
VERSION_ID="24.04"
VERSION="24.04.3 LTS (Noble Numbat)"
VERSION_CODENAME=noble
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=noble
LOGO=ubuntu-logo
`,
  'debian-bookworm': `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`,
  'debian-trixie': `PRETTY_NAME="Debian GNU/Linux 13 (trixie)"
NAME="Debian GNU/Linux"
VERSION_ID="13"
VERSION="13 (trixie)"
VERSION_CODENAME=trixie
DEBIAN_VERSION_FULL=13.2
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`,
  alpine: `NAME="Alpine Linux"
ID=alpine
VERSION_ID=3.22.2
PRETTY_NAME="Alpine Linux v3.22"
HOME_URL="https://alpinelinux.org/"
BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
`,
  busybox: undefined,
};

/** Placeholder content of a binary (never meant to be read as text). */
export const BINARY = '\u007fELF\u0002\u0001\u0001\u0000';

export interface PodFacts {
  namespace: string;
  podName: string;
  podIP: string;
  /** spec.hostname / spec.subdomain when set. */
  hostname?: string;
  subdomain?: string;
  clusterDomain: string;
  resolvConf: string;
}

/** /etc/hosts as the kubelet writes it (pkg/kubelet/kubelet_pods.go managedHostsFileContent). */
export function hostsFile(p: PodFacts): string {
  const host = p.hostname ?? p.podName;
  const names = p.subdomain ? `${host}.${p.subdomain}.${p.namespace}.svc.${p.clusterDomain}\t${host}` : host;
  return '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' +
    'fe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n' +
    `${p.podIP}\t${names}\n`;
}

export function binDir(img: ContainerImage): string {
  return img.os === 'busybox' || img.os === 'alpine' ? '/bin' : '/usr/bin';
}

export function imageFiles(img: ContainerImage, repo: string, pod: PodFacts): Record<string, string> {
  const files: Record<string, string> = {
    '/etc/hostname': `${pod.hostname ?? pod.podName}\n`,
    '/etc/hosts': hostsFile(pod),
    '/etc/resolv.conf': pod.resolvConf,
  };
  const rel = OS_RELEASE[img.os];
  if (rel) files['/etc/os-release'] = rel;
  if (img.os === 'ubuntu-noble') files['/etc/debian_version'] = 'trixie/sid\n';
  if (img.os === 'debian-bookworm') files['/etc/debian_version'] = '12.12\n';
  if (img.os === 'debian-trixie') files['/etc/debian_version'] = '13.2\n';
  if (img.os === 'alpine') files['/etc/alpine-release'] = '3.22.2\n';
  if (img.packages === 'apt') files['/var/lib/apt/lists/lock'] = '';
  const dir = binDir(img);
  for (const t of img.tools) files[`${dir}/${t}`] = BINARY;
  if (img.packages === 'apt') for (const t of ['apt', 'apt-get', 'dpkg']) files[`/usr/bin/${t}`] = BINARY;
  if (img.packages === 'apk') files['/sbin/apk'] = BINARY;
  if (repo === 'nginx') {
    files['/usr/share/nginx/html/index.html'] = NGINX_INDEX_HTML;
    files['/usr/sbin/nginx'] = BINARY;
    files['/etc/nginx/conf.d/default.conf'] = NGINX_DEFAULT_CONF;
  }
  return files;
}

const NGINX_DEFAULT_CONF = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`;
