/**
 * What the container tools know about where they run: the pod, its IP, the image, and the
 * cluster network. Built once per container host by `setup.ts`.
 */
import type { Client, LookupResult, Network } from '../../net/index.js';
import type { Command, CommandIO } from '../command.js';
import type { ContainerImage } from './images.js';

export interface ToolContext {
  /** Resolved lazily: the network of the session's cluster. */
  net(): Network;
  namespace: string;
  pod: string;
  container: string;
  podIP: string;
  hostname: string;
  image: ContainerImage;
}

export function clientOf(ctx: ToolContext): Client {
  return { ip: ctx.podIP, namespace: ctx.namespace, pod: ctx.pod };
}

/** Where an installed tool's binary lives, in the order a shell's PATH finds it. */
export const BIN_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

export function isInstalled(io: CommandIO, name: string): boolean {
  return BIN_DIRS.some((d) => io.fs.exists(`${d}/${name}`));
}

/**
 * A tool that exists only once its binary is on disk: `apt install curl` writes /usr/bin/curl,
 * and from then on the command runs; before, the shell's own "not found" text and status 127.
 */
export function gated(name: string, ctx: ToolContext, run: Command): Command {
  return async (args, io) => {
    if (!isInstalled(io, name)) {
      io.stderr(ctx.image.shell === 'bash' ? `bash: ${name}: command not found\n` : `sh: ${name}: not found\n`);
      return 127;
    }
    return run(args, io);
  };
}

/** /etc/hosts as the resolver reads it (first match wins). */
export function readHosts(io: CommandIO): Map<string, string> {
  const map = new Map<string, string>();
  let text = '';
  try { text = io.fs.readFile('/etc/hosts'); } catch { return map; }
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const [ip, ...names] = line.split(/\s+/);
    if (!ip || ip.includes(':')) continue;
    for (const n of names) if (!map.has(n.toLowerCase())) map.set(n.toLowerCase(), ip);
  }
  return map;
}

/** getaddrinfo(): /etc/hosts, then DNS with the pod's search list. */
export function resolveHost(ctx: ToolContext, io: CommandIO, name: string): LookupResult {
  return ctx.net().dns.lookup(name, ctx.namespace, readHosts(io));
}

/** Waits virtual time; false when interrupted (Ctrl-C). */
export async function wait(io: CommandIO, ms: number): Promise<boolean> {
  if (io.signal.aborted) return false;
  try { await io.time.sleep(Math.max(0, Math.round(ms)), io.signal); } catch { return false; }
  return !io.signal.aborted;
}
