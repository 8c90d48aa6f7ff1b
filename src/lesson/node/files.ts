/** Lesson files from a directory on disk (Node only: replay, tests, the linter). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { LessonFiles } from '../load.js';

export function dirLessonFiles(root: string): LessonFiles {
  const paths: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else paths.push(relative(root, p).split(sep).join('/'));
    }
  };
  walk(root);
  return { list: () => paths, read: async (p) => readFileSync(join(root, p), 'utf8') };
}
