/**
 * Everything below the page, behind one small interface: the simulated cluster, the shell
 * session on top of it, and how to save both. The page talks only to this.
 */
import type { Session, TimeDriver } from '../shell/contract.js';
import type { Advanceable } from './time-driver.js';
import { createStubRuntime } from './stub-session.js';

/** Saved form of the cluster and the shell; opaque to the page, JSON-serialisable. */
export interface RuntimeSnapshot { cluster: unknown; shell: unknown }

export interface Runtime {
  session: Session;
  clock: Advanceable;
  seed: number;
  snapshot(): RuntimeSnapshot;
  /** The embed API's setFile: a relative path is relative to the workstation home. */
  writeFile(path: string, content: string): void;
}

export interface RuntimeOptions {
  seed: number;
  /** Wall-clock start for a fresh cluster (ms since epoch). */
  startTime: number;
  time: TimeDriver;
  /** Restore from here; throws if the snapshot is not one this build can read. */
  saved?: RuntimeSnapshot;
}

export async function createRuntime(opts: RuntimeOptions): Promise<Runtime> {
  return createStubRuntime(opts);
}
