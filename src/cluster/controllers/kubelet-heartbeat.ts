/**
 * The kubelet's node heartbeats (pkg/kubelet/nodelease, kubelet_node_status.go): the Lease in
 * kube-node-lease is renewed every 10 s; the Node's condition heartbeats are rewritten every
 * 5 minutes when nothing changed (nodeStatusReportFrequency).
 */
import type { Node } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/types.js';
import { ApiError } from '../api/types.js';
import type { ControllerContext } from './controller.js';
import { R, parseTime, rfc3339 } from './util.js';

export const LEASE_RENEW_MS = 10_000;
export const NODE_STATUS_REPORT_MS = 300_000;

/**
 * Each kubelet's lease loop ticks at its own sub-second phase (it began when that kubelet
 * started), so renew times look like real ones (`10:00:30.734512Z`), not whole seconds.
 */
export function leasePhaseMs(nodeName: string): number { return 1 + (hash(nodeName) % 998); }

/** A metav1.MicroTime: RFC 3339 with six fractional digits; the sub-millisecond ones are derived, not drawn. */
export function microTime(ms: number, salt: string): string {
  const micros = String(hash(`${salt}@${ms}`) % 1000).padStart(3, '0');
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, `.$1${micros}Z`);
}

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Renews what is due and returns when to come back. */
export function heartbeat(ctx: ControllerContext, nodeName: string): number {
  const now = ctx.clock.now();
  let next = now + LEASE_RENEW_MS;
  const lease = ctx.informers.for(R.leases).get('kube-node-lease', nodeName);
  if (lease) {
    const spec = (lease['spec'] ?? {}) as Record<string, unknown>;
    const renewed = parseTime(spec['renewTime'] as string | undefined) ?? 0;
    if (now - renewed >= LEASE_RENEW_MS) {
      const renewTime = microTime(now, nodeName);
      try { ctx.api.update(R.leases, 'kube-node-lease', { ...lease, spec: { ...spec, renewTime } }, { fieldManager: 'kubelet' }); } catch (e) { if (!(e instanceof ApiError)) throw e; }
    } else next = renewed + LEASE_RENEW_MS;
  }
  const node = ctx.informers.for<Node & KubeObject>(R.nodes).get(undefined, nodeName);
  const conds = node?.status?.conditions ?? [];
  if (node && conds.length) {
    const beat = Math.max(...conds.map((c) => parseTime(c.lastHeartbeatTime) ?? 0));
    if (now - beat >= NODE_STATUS_REPORT_MS) {
      const status = { ...node.status, conditions: conds.map((c) => ({ ...c, lastHeartbeatTime: rfc3339(now) })) };
      try { ctx.api.update(R.nodes, undefined, { ...node, status }, { subresource: 'status', fieldManager: 'kubelet' }); } catch (e) { if (!(e instanceof ApiError)) throw e; }
      next = Math.min(next, now + NODE_STATUS_REPORT_MS);
    } else next = Math.min(next, beat + NODE_STATUS_REPORT_MS);
  }
  // Fast-forwarding a new cluster's past: only the last beats before "now" are visible.
  // (The lease loop keeps its phase.)
  if (ctx.fastForwardUntil !== undefined && next < ctx.fastForwardUntil - NODE_STATUS_REPORT_MS) next = ctx.fastForwardUntil - NODE_STATUS_REPORT_MS + leasePhaseMs(nodeName);
  return next;
}
