/** A status write shared by the small workload controllers: only when it changed. */
import type { KubeObject, ResourceRef } from '../api/types.js';
import { ApiError } from '../api/types.js';
import type { ControllerContext } from './controller.js';
import { deepEqual } from './util.js';

export function writeStatus(ctx: ControllerContext, ref: ResourceRef, o: KubeObject, status: Record<string, unknown>): void {
  if (deepEqual(status, o['status'] ?? {})) return;
  const upd = { ...o, status }; // the server copies its input
  try { ctx.api.update(ref, o.metadata?.namespace, upd, { subresource: 'status', fieldManager: 'kube-controller-manager' }); } catch (e) { if (!(e instanceof ApiError)) throw e; }
}
