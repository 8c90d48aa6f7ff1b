/**
 * Waiting in virtual time: kubectl watches until a condition holds; here we re-check after
 * short sleeps of the injected clock, which lets controllers run in between.
 */
import type { Invocation } from '../../registry.js';

export const POLL_MS = 100;

/** Calls `check` until it returns a value, the timeout passes (undefined) or the command is aborted. */
export async function pollUntil<T>(inv: Invocation, timeoutMs: number, check: () => T | undefined, stepMs = POLL_MS): Promise<T | undefined> {
  const deadline = inv.ctx.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v !== undefined) return v;
    if (inv.ctx.signal?.aborted || inv.ctx.now() >= deadline) return undefined;
    await inv.ctx.sleep(Math.min(stepMs, Math.max(1, deadline - inv.ctx.now())));
  }
}
