/**
 * Lesson files bundled by Vite. Lessons are loaded on demand (one chunk per file), so the
 * initial page carries only the list of paths.
 */
import type { LessonFiles } from './load.js';

const modules = import.meta.glob('../../lessons/*/**/*', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;

export const bundledLessonFiles: LessonFiles = {
  list: () => Object.keys(modules).map((k) => k.replace(/^\.\.\/\.\.\/lessons\//, '')).sort(),
  read: async (p) => {
    const load = modules[`../../lessons/${p}`];
    if (!load) throw new Error(`no such lesson file: ${p}`);
    return load();
  },
};
