/**
 * The versioned postMessage API for pages that embed kubelab in an iframe (docs/embed.md).
 * Every message is `{kubelab: 1, type, ...}`. Messages from origins outside the allow-list
 * are ignored; the rest are handled one at a time in arrival order.
 */
import type { CommandRecord } from './repl.js';

export const PROTOCOL_VERSION = 1;

/** Host origins allowed at build time, in addition to the `origins` URL parameter. */
export const DEFAULT_ALLOWED_ORIGINS: readonly string[] = [];

export interface LessonState { lesson: string | null; step: string | null; completedSteps: string[] }

/** What the embed API drives; the page implements it. */
export interface EmbedTarget {
  runCommand(command: string): Promise<CommandRecord>;
  typeCommand(command: string): void;
  setFile(path: string, content: string): void | Promise<void>;
  reset(): Promise<void>;
  loadLesson(lesson: string, step: string | null): Promise<void>;
  lessonState(): LessonState;
}

export type HostMessage =
  | { type: 'loadLesson'; lesson: string; step?: string }
  | { type: 'reset' }
  | { type: 'runCommand'; id: string | number; command: string }
  | { type: 'typeCommand'; command: string }
  | { type: 'setFile'; path: string; content: string }
  | { type: 'getState' };

/** Checks shape and types; returns null for anything that is not a valid host message. */
export function parseHostMessage(data: unknown): HostMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.kubelab !== PROTOCOL_VERSION || typeof m.type !== 'string') return null;
  const str = (k: string): boolean => typeof m[k] === 'string';
  switch (m.type) {
    case 'loadLesson': return str('lesson') && (m.step === undefined || str('step')) ? { type: 'loadLesson', lesson: m.lesson as string, step: m.step as string | undefined } : null;
    case 'reset': return { type: 'reset' };
    case 'getState': return { type: 'getState' };
    case 'runCommand': return str('command') && (typeof m.id === 'string' || typeof m.id === 'number') ? { type: 'runCommand', id: m.id as string | number, command: m.command as string } : null;
    case 'typeCommand': return str('command') ? { type: 'typeCommand', command: m.command as string } : null;
    case 'setFile': return str('path') && str('content') ? { type: 'setFile', path: m.path as string, content: m.content as string } : null;
    default: return null;
  }
}

export type Post = (message: Record<string, unknown>, targetOrigin: string) => void;

export class EmbedApi {
  private queue: Promise<void> = Promise.resolve();
  /** The host we talk to: the embedding page's origin once known and allowed. */
  private hostOrigin: string | null;

  constructor(
    private readonly target: EmbedTarget,
    private readonly allowed: ReadonlySet<string>,
    private readonly post: Post | null,
    parentOrigin: string | null,
  ) {
    this.hostOrigin = parentOrigin !== null && allowed.has(parentOrigin) ? parentOrigin : null;
  }

  /** A message event arrived. Returns the promise of its handling (tests await it). */
  receive(data: unknown, origin: string): Promise<void> {
    if (!this.allowed.has(origin)) return Promise.resolve();
    const msg = parseHostMessage(data);
    if (!msg) return Promise.resolve();
    this.hostOrigin = origin;
    this.queue = this.queue.then(() => this.handle(msg, origin)).catch(() => undefined);
    return this.queue;
  }

  /** Tells the host something happened (ready, commandRun, stepCompleted, lessonCompleted). */
  notify(type: string, payload: Record<string, unknown> = {}): void {
    if (this.post && this.hostOrigin) this.post({ kubelab: PROTOCOL_VERSION, type, ...payload }, this.hostOrigin);
  }

  /** Every command the learner runs is reported; host-run ones are reported with their id. */
  commandFinished(rec: CommandRecord, viaRun: boolean): void {
    if (viaRun) return; // runCommand's own reply carries it, with the id
    this.notify('commandRun', { input: rec.input, output: rec.output, exitCode: rec.exitCode });
  }

  private async handle(msg: HostMessage, origin: string): Promise<void> {
    const reply = (type: string, payload: Record<string, unknown>): void => {
      this.post?.({ kubelab: PROTOCOL_VERSION, type, ...payload }, origin);
    };
    switch (msg.type) {
      case 'runCommand': {
        const rec = await this.target.runCommand(msg.command);
        reply('commandRun', { id: msg.id, input: rec.input, output: rec.output, exitCode: rec.exitCode });
        return;
      }
      case 'typeCommand': this.target.typeCommand(msg.command); return;
      case 'setFile': await this.target.setFile(msg.path, msg.content); return;
      case 'reset': await this.target.reset(); return;
      case 'loadLesson': await this.target.loadLesson(msg.lesson, msg.step ?? null); return;
      case 'getState': reply('state', { ...this.target.lessonState() }); return;
    }
  }
}

/** The embedding page's origin, if the browser tells us (Chrome: ancestorOrigins; else referrer). */
export function parentOrigin(win: Window): string | null {
  if (win.parent === win) return null;
  const ao = win.location.ancestorOrigins;
  if (ao && ao.length > 0) return ao[0]!;
  try { return document.referrer ? new URL(document.referrer).origin : null; } catch { return null; }
}
