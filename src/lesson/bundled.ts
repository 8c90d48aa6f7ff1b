/**
 * The lessons bundled with the page (compiled by tools/vite-lessons.ts). Each lesson is its own
 * chunk, loaded when opened; the lesson list needs only the ids, titles and summaries.
 */
import { heads, loaders } from 'virtual:kubelab-lessons';
import type { CompiledLesson, LessonHead } from './compiled.js';

export function bundledLessonIds(): string[] { return heads.map((h) => h.id); }

export function bundledLessonHeads(): readonly LessonHead[] { return heads; }

export function loadBundledLesson(id: string): Promise<CompiledLesson> {
  const load = loaders[id];
  return load ? load() : Promise.reject(new Error(`lesson ${id}: not found`));
}
