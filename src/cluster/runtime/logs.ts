/**
 * Startup log lines of server images, as their real `latest` tags print them
 * (k8s-semantics §8.3 for nginx). Timestamps come from the container's start time.
 */
import type { ImageInfo } from '../images.js';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** nginx error-log time: `2025/06/01 10:00:09`. */
export function nginxTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** nginx access-log time: `01/Jun/2025:10:05:12 +0000`. */
export function nginxAccessTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

export function startupLogs(info: ImageInfo, startedAt: number, cpus: number): string[] {
  const repo = info.repository;
  if (repo.endsWith('/library/nginx')) {
    const t = nginxTime(startedAt);
    return [
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      `${t} [notice] 1#1: using the "epoll" event method`,
      `${t} [notice] 1#1: nginx/${info.version ?? '1.29.3'}`,
      `${t} [notice] 1#1: built by gcc 14.2.0 (Debian 14.2.0-19)`,
      `${t} [notice] 1#1: OS: Linux 6.8.0-60-generic`,
      `${t} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
      `${t} [notice] 1#1: start worker processes`,
      ...Array.from({ length: cpus }, (_v, i) => `${t} [notice] 1#1: start worker process ${29 + i}`),
    ];
  }
  if (repo.endsWith('/library/httpd')) {
    const d = new Date(startedAt);
    const us = pad((startedAt % 1000) * 1000 + 123, 6);
    const stamp = `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${us} ${d.getUTCFullYear()}`;
    return [
      "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using {{POD_IP}}. Set the 'ServerName' directive globally to suppress this message",
      "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using {{POD_IP}}. Set the 'ServerName' directive globally to suppress this message",
      `[${stamp}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/${info.version ?? '2.4.65'} (Unix) configured -- resuming normal operations`,
      `[${stamp}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'`,
    ];
  }
  if (repo.endsWith('/library/redis')) {
    const d = new Date(startedAt);
    const t = `${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(startedAt % 1000, 3)}`;
    return [
      `1:C ${t} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
      `1:C ${t} * Redis version=${info.version ?? '8.2.1'}, bits=64, commit=00000000, modified=1, pid=1, just started`,
      `1:C ${t} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf`,
      `1:M ${t} * monotonic clock: POSIX clock_gettime`,
      `1:M ${t} * Running mode=standalone, port=6379.`,
      `1:M ${t} * Server initialized`,
      `1:M ${t} * Ready to accept connections tcp`,
    ];
  }
  return [];
}
