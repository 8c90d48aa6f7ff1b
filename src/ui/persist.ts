/**
 * Saved sessions: the cluster and shell snapshots, the history and lesson progress, kept in
 * localStorage after each command (debounced) and read back on load. Anything unreadable
 * is reported and ignored, never half-applied.
 */
import type { RuntimeSnapshot } from './runtime.js';

export const SAVE_FORMAT = 'kubelab-session';
export const SAVE_VERSION = 1;
export const STORAGE_KEY = 'kubelab:session';

export interface LessonPosition {
  lesson?: string;
  step?: string;
  completedSteps: string[];
  /** The lesson engine's state (src/lesson LessonProgress); opaque here. */
  progress?: unknown;
}

export interface SavedSession {
  format: typeof SAVE_FORMAT;
  version: typeof SAVE_VERSION;
  savedAt: number;
  seed: number;
  /** The prompt at save time: shown at once on reload, before the simulator has loaded. */
  prompt?: string;
  runtime: RuntimeSnapshot;
  history: string[];
  lesson: LessonPosition;
}

export type Decoded = { ok: true; saved: SavedSession } | { ok: false; reason: string };

export function encodeSession(s: SavedSession): string { return JSON.stringify(s); }

export function decodeSession(text: string): Decoded {
  let v: unknown;
  try { v = JSON.parse(text); } catch { return { ok: false, reason: 'not valid JSON' }; }
  if (typeof v !== 'object' || v === null) return { ok: false, reason: 'not a saved session' };
  const o = v as Record<string, unknown>;
  if (o.format !== SAVE_FORMAT) return { ok: false, reason: 'not a saved session' };
  if (o.version !== SAVE_VERSION) return { ok: false, reason: `saved by an incompatible version (${String(o.version)})` };
  const rt = o.runtime as Record<string, unknown> | undefined;
  const lesson = o.lesson as Record<string, unknown> | undefined;
  if (typeof o.seed !== 'number' || typeof o.savedAt !== 'number' || !rt || typeof rt !== 'object' || !('cluster' in rt) || !('shell' in rt)
    || !Array.isArray(o.history) || !o.history.every((h) => typeof h === 'string')
    || !lesson || !Array.isArray(lesson.completedSteps) || (o.prompt !== undefined && typeof o.prompt !== 'string')) {
    return { ok: false, reason: 'damaged' };
  }
  return { ok: true, saved: v as SavedSession };
}

export interface KeyValueStore {
  getItem(k: string): string | null;
  setItem(k: string, v: string): void;
  removeItem(k: string): void;
}

export class Persister {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private source: (() => SavedSession) | null = null;
  /** Set when the last write failed (quota): reported once, not on every command. */
  lastError: string | null = null;
  /** Told when saving starts failing (not again until a save has succeeded). */
  onError: ((message: string) => void) | null = null;

  constructor(private readonly store: KeyValueStore, private readonly delayMs = 300, private readonly key = STORAGE_KEY) {}

  /** What to save; called at save time so the newest state is written. */
  setSource(fn: (() => SavedSession) | null): void { this.source = fn; }

  load(): Decoded | null {
    let text: string | null;
    try { text = this.store.getItem(this.key); } catch { return null; }
    return text === null ? null : decodeSession(text);
  }

  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  /** Saves now (also on page hide, so a reload never loses the last command). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.source) return;
    try {
      this.store.setItem(this.key, encodeSession(this.source()));
      this.lastError = null;
    } catch (e) {
      const first = this.lastError === null;
      this.lastError = e instanceof Error ? e.message : String(e);
      if (first) this.onError?.(this.lastError);
    }
  }

  clear(): void {
    clearTimeout(this.timer);
    try { this.store.removeItem(this.key); } catch { /* storage unavailable: nothing to clear */ }
  }

  /** Stores text from an imported file; the caller restarts from it. */
  importText(text: string): Decoded {
    const d = decodeSession(text);
    if (d.ok) this.store.setItem(this.key, text);
    return d;
  }
}
