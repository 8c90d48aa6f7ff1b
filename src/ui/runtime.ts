/**
 * Everything below the page, behind one small interface: the simulated cluster, the shell
 * session on top of it, and how to save both. The page talks only to this.
 */
import { Cluster, getProfile, DEFAULT_PROFILE } from '../cluster/index.js';
import { createSession, writeTree, type OpenEditor, type SessionSnapshot, type ShellSession, type TimeDriver } from '../shell/index.js';
import type { Advanceable } from './time-driver.js';

/** Saved form of the cluster and the shell; opaque to the page, JSON-serialisable. */
export interface RuntimeSnapshot { cluster: unknown; shell: unknown }

export interface Runtime {
  session: ShellSession;
  cluster: Cluster;
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
  /** Cluster profile id (src/cluster/profiles); lessons may pick one. */
  profile?: string;
  /** Files for the workstation home of a fresh session (relative path → content). */
  files?: Record<string, string>;
  openEditor?: OpenEditor;
  /** Restore from here; throws if the snapshot is not one this build can read. */
  saved?: RuntimeSnapshot;
}

export async function createRuntime(opts: RuntimeOptions): Promise<Runtime> {
  let cluster: Cluster;
  let shellSnap: SessionSnapshot | undefined;
  if (opts.saved) {
    const shell = opts.saved.shell as Partial<SessionSnapshot> | null;
    if (!shell || shell.version !== 1 || !shell.workstation) throw new Error('not a kubelab shell snapshot');
    shellSnap = shell as SessionSnapshot;
    cluster = Cluster.restore(opts.saved.cluster);
  } else {
    cluster = new Cluster({ seed: opts.seed, startTime: opts.startTime, profile: getProfile(opts.profile ?? DEFAULT_PROFILE) });
  }
  const session = createSession({ cluster, time: opts.time, files: shellSnap ? undefined : opts.files, openEditor: opts.openEditor, snapshot: shellSnap });
  return {
    session,
    cluster,
    seed: opts.seed,
    clock: { now: () => cluster.clock.now(), advance: (ms) => cluster.advance(ms) },
    snapshot: () => ({ cluster: cluster.snapshot(), shell: session.snapshot() }),
    writeFile(path, content) {
      const ws = session.workstation();
      writeTree(ws.fs, ws.home, { [path]: content });
    },
  };
}
