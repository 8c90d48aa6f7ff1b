/** Builds the simulated cluster for headless runs (replay, transcript tests). */
import { Cluster, getProfile } from '../cluster/index.js';

export interface ClusterSpec { profile?: string; seed: number; startMs: number }

export function createHeadlessCluster(spec: ClusterSpec): Cluster {
  return new Cluster({ seed: spec.seed, startTime: spec.startMs, profile: getProfile(spec.profile) });
}
