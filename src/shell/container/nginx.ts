/**
 * The nginx binary of the nginx image, for what learners type in it: `nginx -v`, `-V`, `-t`,
 * `-T` and `-s reload`. All of nginx's own messages go to stderr, as the real binary's do.
 */
import { appForImage } from '../../net/index.js';
import type { Command } from '../command.js';

const CONF = '/etc/nginx/nginx.conf';

function logTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

export function nginxCommand(image: string, now: () => number, pid: () => number): Command {
  const version = appForImage(image)?.version ?? '1.29.3';
  return async (args, io) => {
    const a = args[0];
    if (a === '-v') { io.stderr(`nginx version: nginx/${version}\n`); return 0; }
    if (a === '-V') {
      io.stderr(`nginx version: nginx/${version}\nbuilt by gcc 14.2.0 (Debian 14.2.0-19) \nbuilt with OpenSSL 3.5.1 1 Jul 2025 (running with OpenSSL 3.5.4 30 Sep 2025)\nTLS SNI support enabled\n`);
      return 0;
    }
    if (a === '-t' || a === '-T') {
      io.stderr(`nginx: the configuration file ${CONF} syntax is ok\nnginx: configuration file ${CONF} test is successful\n`);
      if (a === '-T') io.stdout(`# configuration file ${CONF}:\n${io.fs.exists(CONF) ? io.fs.readFile(CONF) : ''}`);
      return 0;
    }
    if (a === '-s') {
      const sig = args[1];
      if (sig === undefined) { io.stderr('nginx: option "-s" requires parameter\n'); return 1; }
      if (!['stop', 'quit', 'reopen', 'reload'].includes(sig)) { io.stderr(`nginx: invalid option: "-s ${sig}"\n`); return 1; }
      const n = pid();
      io.stderr(`${logTime(now())} [notice] ${n}#${n}: signal process started\n`);
      return 0;
    }
    if (a === undefined || a === '-g') {
      // The master already listens on 80 (IPv4 and IPv6): a second nginx retries 5 times, 500 ms apart.
      const n = pid();
      const both = (msg: string): string => `${logTime(now())} [emerg] ${n}#${n}: ${msg}\nnginx: [emerg] ${msg}\n`;
      for (let i = 0; i < 5 && !io.signal.aborted; i++) {
        io.stderr(both('bind() to 0.0.0.0:80 failed (98: Address already in use)') + both('bind() to [::]:80 failed (98: Address already in use)'));
        await io.time.sleep(500, io.signal);
      }
      io.stderr(both('still could not bind()'));
      return 1;
    }
    io.stderr(`nginx: invalid option: "${a.replace(/^-/, '')}"\n`);
    return 1;
  };
}
