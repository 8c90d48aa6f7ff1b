/**
 * Builds the simulated cluster for headless runs and adapts it to what the session and the
 * headless clock need. Kept apart so the replay entry stays small.
 */
import type { SessionCluster } from '../shell/session.js';

export interface HeadlessCluster extends SessionCluster {
  /** Moves virtual time forward by ms, running controllers. */
  advance(ms: number): void;
}

export interface ClusterSpec { profile?: string; seed: number; startMs: number }

interface ClusterModule {
  createCluster?: (o: { profile?: unknown; seed: number; start?: number; startMs?: number }) => unknown;
}

interface ClusterLike {
  api: SessionCluster['api'];
  clock?: { now(): number };
  now?(): number;
  profile?: SessionCluster['profile'];
  advance?(ms: number): void;
  tick?(ms: number): void;
}

export async function createHeadlessCluster(spec: ClusterSpec): Promise<HeadlessCluster> {
  const path = '../cluster/index.js';
  const mod = (await import(/* @vite-ignore */ path)) as ClusterModule;
  if (!mod.createCluster) throw new Error('src/cluster/index.ts does not export createCluster');
  const c = mod.createCluster({ profile: spec.profile, seed: spec.seed, start: spec.startMs, startMs: spec.startMs }) as ClusterLike;
  const now = () => (c.now ? c.now() : c.clock!.now());
  return {
    api: c.api,
    now,
    profile: c.profile,
    advance: (ms) => (c.advance ? c.advance(ms) : c.tick?.(ms)),
  };
}
