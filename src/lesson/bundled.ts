/**
 * The lessons bundled with the page (compiled by tools/vite-lessons.ts). Each lesson is its own
 * chunk, loaded when opened; the lesson list needs only the ids, titles and summaries.
 */
import { heads, loaders } from 'virtual:kubelab-lessons';
import type { CompiledLesson, LessonHead } from './compiled.js';

export function bundledLessonIds(): string[] { return heads.map((h) => h.id); }

export function bundledLessonHeads(): readonly LessonHead[] { return heads; }

/** Lesson `id` with its text in `lang`, or in English when it has no such language. */
export function loadBundledLesson(id: string, lang: string): Promise<CompiledLesson> {
  const load = loaders[id];
  if (!load) return Promise.reject(new Error(`lesson ${id}: not found`));
  const head = heads.find((h) => h.id === id)!;
  return load(lang in head.text ? lang : 'en');
}
