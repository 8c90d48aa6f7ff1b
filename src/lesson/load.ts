/**
 * Loads a lesson from its files: lessons/<id>/lesson.yaml (structure, checks, solutions),
 * i18n/<lang>.yaml (all learner-facing text, one file per language) and files/* (placed in the
 * workstation home). Where the files come from is the caller's: Vite's glob in the page,
 * the filesystem in Node.
 */
import { parse } from 'yaml';
import type { Lesson, LessonSpec, LessonText } from './types.js';

export interface LessonFiles {
  /** Paths relative to lessons/, e.g. 'endpoints/lesson.yaml'. */
  list(): string[];
  read(path: string): Promise<string>;
}

export class LessonLoadError extends Error {
  constructor(readonly lesson: string, message: string) { super(`lesson ${lesson}: ${message}`); this.name = 'LessonLoadError'; }
}

export function lessonIds(files: LessonFiles): string[] {
  return [...new Set(files.list().filter((p) => p.endsWith('/lesson.yaml')).map((p) => p.split('/')[0]!))].sort();
}

export async function loadLesson(files: LessonFiles, id: string): Promise<Lesson> {
  const all = files.list();
  if (!all.includes(`${id}/lesson.yaml`)) throw new LessonLoadError(id, 'not found');
  const spec = parseYaml(id, 'lesson.yaml', await files.read(`${id}/lesson.yaml`)) as Omit<LessonSpec, 'files'> & { files?: string[] };
  const prefix = `${id}/files/`;
  const fileMap: Record<string, string> = {};
  for (const p of all.filter((p) => p.startsWith(prefix)).sort()) fileMap[p.slice(prefix.length)] = await files.read(p);
  const text: Record<string, LessonText> = {};
  for (const lang of spec.languages ?? []) {
    const path = `${id}/i18n/${lang}.yaml`;
    if (!all.includes(path)) throw new LessonLoadError(id, `missing ${path}`);
    text[lang] = parseYaml(id, `i18n/${lang}.yaml`, await files.read(path)) as LessonText;
  }
  return { ...spec, id, files: fileMap, text };
}

function parseYaml(id: string, name: string, src: string): unknown {
  try {
    return parse(src);
  } catch (e) {
    throw new LessonLoadError(id, `${name}: ${(e as Error).message}`);
  }
}
