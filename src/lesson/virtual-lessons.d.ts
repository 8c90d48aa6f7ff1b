/** The modules tools/vite-lessons.ts generates. */
declare module 'virtual:kubelab-lessons' {
  import type { CompiledLesson, LessonHead } from './compiled.js';
  export const heads: LessonHead[];
  export const loaders: Record<string, () => Promise<CompiledLesson>>;
}
