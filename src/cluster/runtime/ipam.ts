/**
 * Pod IP allocation inside a node's pod CIDR.
 * - host-local (kind, kubeadm bridge CNIs): the next free address after the last one given,
 *   starting at .2 (.1 is the bridge), no immediate reuse of a freed address.
 * - VPC CNI (EKS): an address from the node's ENI pool, effectively random in the subnet.
 */
import type { SeededRandom } from '../rng.js';
import type { NodeRuntimeState } from './types.js';

export function parseCIDR(cidr: string): { base: number; size: number } {
  const [ip, bits] = cidr.split('/');
  const base = ipToInt(ip!);
  const size = 2 ** (32 - Number(bits ?? 32));
  return { base: (base & ~(size - 1)) >>> 0, size };
}
export function ipToInt(ip: string): number {
  return ip.split('.').reduce((a, o) => ((a << 8) | (Number(o) & 255)) >>> 0, 0);
}
export function intToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

export function allocatePodIP(node: NodeRuntimeState, cidr: string, mode: 'host-local' | 'vpc', rng: SeededRandom, reserved: string[] = []): string | undefined {
  const { base, size } = parseCIDR(cidr);
  const used = new Set([...node.usedIPs, ...reserved]);
  const usable = size - 2; // network and broadcast
  if (mode === 'vpc') {
    for (let tries = 0; tries < 64; tries++) {
      const off = 4 + rng.int(Math.max(1, size - 5)); // AWS reserves the first four addresses
      const ip = intToIp(base + off);
      if (!used.has(ip)) { node.usedIPs.push(ip); return ip; }
    }
  }
  for (let i = 1; i <= usable; i++) {
    const off = ((node.lastIPOffset - 1 + i) % (size - 2)) + 1; // cycles over 1..size-2
    if (off < 2 && mode === 'host-local') continue;
    const ip = intToIp(base + off);
    if (!used.has(ip)) { node.lastIPOffset = off; node.usedIPs.push(ip); return ip; }
  }
  return undefined;
}

export function releasePodIP(node: NodeRuntimeState, ip: string): void {
  const i = node.usedIPs.indexOf(ip);
  if (i >= 0) node.usedIPs.splice(i, 1);
}
