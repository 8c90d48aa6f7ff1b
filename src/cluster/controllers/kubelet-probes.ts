/**
 * Probe evaluation (pkg/kubelet/prober): httpGet / tcpSocket / exec against what the
 * container actually serves in the runtime model. Messages follow the prober's wording.
 */
import type { Container, Probe } from 'kubernetes-types/core/v1';
import type { ContainerRecord } from '../runtime/types.js';

export interface ProbeResult { ok: boolean; message: string }

/** Resolves a probe's port (number or a named container port). */
function probePort(port: number | string | undefined, c: Container): number | undefined {
  if (typeof port === 'number') return port;
  if (port === undefined) return undefined;
  if (/^\d+$/.test(port)) return Number(port);
  return c.ports?.find((p) => p.name === port)?.containerPort;
}

/** Paths the built-in web servers answer with 200 (their default document root). */
const OK_PATHS = new Set(['/', '/index.html', '']);

export function runProbe(probe: Probe, c: Container, rec: ContainerRecord, podIP: string): ProbeResult {
  if (probe.httpGet) {
    const port = probePort(probe.httpGet.port, c);
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const host = probe.httpGet.host || podIP;
    const path = probe.httpGet.path ?? '/';
    const url = `${scheme}://${host}:${port ?? 0}${path.startsWith('/') ? path : `/${path}`}`;
    if (port === undefined) return { ok: false, message: `Get "${url}": dial tcp ${host}:0: connect: connection refused` };
    if (!rec.ports.includes(port)) return { ok: false, message: `Get "${url}": dial tcp ${host}:${port}: connect: connection refused` };
    if (scheme === 'https') return { ok: false, message: `Get "${url}": http: server gave HTTP response to HTTPS client` };
    const p = path.split('?')[0]!;
    if (!OK_PATHS.has(p) && !/nginx|httpd/.test(rec.imageRef)) return { ok: true, message: '' };
    if (!OK_PATHS.has(p)) return { ok: false, message: 'HTTP probe failed with statuscode: 404' };
    return { ok: true, message: '' };
  }
  if (probe.tcpSocket) {
    const port = probePort(probe.tcpSocket.port, c);
    const host = probe.tcpSocket.host || podIP;
    if (port === undefined || !rec.ports.includes(port)) return { ok: false, message: `dial tcp ${host}:${port ?? 0}: connect: connection refused` };
    return { ok: true, message: '' };
  }
  if (probe.exec) {
    const cmd = probe.exec.command ?? [];
    const script = cmd[0] && /(^|\/)(ba)?sh$/.test(cmd[0]) && cmd[1] === '-c' ? (cmd[2] ?? '') : cmd.join(' ');
    const first = script.trim().split(/\s+/)[0] ?? '';
    if (first === 'false' || /^exit\s+[1-9]/.test(script.trim())) return { ok: false, message: '' };
    const cat = /^cat\s+(\S+)/.exec(script.trim());
    if (cat && /^\/tmp\//.test(cat[1]!)) return { ok: false, message: `cat: can't open '${cat[1]}': No such file or directory` };
    return { ok: true, message: '' };
  }
  if (probe.grpc) {
    const port = probe.grpc.port;
    if (!rec.ports.includes(port)) return { ok: false, message: `timeout: failed to connect service ":${port}" within 1s: context deadline exceeded` };
    return { ok: true, message: '' };
  }
  return { ok: true, message: '' };
}

export function probeDefaults(p: Probe): Required<Pick<Probe, 'initialDelaySeconds' | 'periodSeconds' | 'failureThreshold' | 'successThreshold' | 'timeoutSeconds'>> {
  return {
    initialDelaySeconds: p.initialDelaySeconds ?? 0,
    periodSeconds: p.periodSeconds ?? 10,
    failureThreshold: p.failureThreshold ?? 3,
    successThreshold: p.successThreshold ?? 1,
    timeoutSeconds: p.timeoutSeconds ?? 1,
  };
}
