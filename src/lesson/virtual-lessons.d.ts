/** The modules tools/vite-lessons.ts generates. */
declare module 'virtual:kubelab-lessons' {
  import type { CompiledLesson, LessonHead } from './compiled.js';
  export const heads: LessonHead[];
  /** By lesson id, then language (one of the lesson's languages). */
  export const loaders: Record<string, (lang: string) => Promise<CompiledLesson>>;
}
