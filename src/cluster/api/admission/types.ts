/** What admission plugins (defaulting, mutating admission, validation) see and may do. */
import type { VirtualClock } from '../../clock.js';
import type { ClusterProfile } from '../../profile.js';
import type { SeededRandom } from '../../rng.js';
import type { FieldError } from '../errors.js';
import type { KubeObject, ResourceInfo } from '../types.js';

export interface AdmissionContext {
  op: 'create' | 'update';
  info: ResourceInfo;
  /** The stored object on update. */
  old?: KubeObject;
  rng: SeededRandom;
  clock: VirtualClock;
  profile: ClusterProfile;
  /** Reads stored objects (clones not needed: plugins must not mutate them). */
  list(group: string, plural: string, namespace?: string): readonly KubeObject[];
  dryRun: boolean;
  warnings: string[];
}

export interface Admission {
  /** SetDefaults_* and mutating admission plugins, in place. */
  mutate?(obj: KubeObject, ctx: AdmissionContext): void;
  /** strategy.Validate / ValidateUpdate (metadata is checked by the server). */
  validate?(obj: KubeObject, ctx: AdmissionContext): FieldError[];
  /**
   * After validation, before storage: allocations (ClusterIPs, NodePorts). May throw ApiError.
   * Allocations are derived from stored objects, so a failed or dry-run write leaks nothing.
   */
  allocate?(obj: KubeObject, ctx: AdmissionContext): void;
}
