/**
 * What `replay --lesson ID` takes from a lesson: its cluster profile, seed, start time and
 * workstation files. The lesson engine (src/lesson) owns the format; this hook only reads it,
 * so later code can extend `LessonSetup` (e.g. checks after each command) in one place.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadLesson, type Lesson } from '../lesson/index.js';
import { dirLessonFiles } from '../lesson/node/files.js';

export interface LessonSetup {
  id: string;
  profile?: string;
  seed?: number;
  /** ISO time the lesson's clock starts at. */
  start?: string;
  files: Record<string, string>;
  /** The loaded lesson, for auto-play. */
  lesson: Lesson;
}

/** Reads lessons/<id>/ (relative to `root`); undefined when there is no such lesson. */
export async function lessonSetup(id: string, root = 'lessons'): Promise<LessonSetup | undefined> {
  if (!existsSync(join(root, id, 'lesson.yaml'))) return undefined;
  const lesson = await loadLesson(dirLessonFiles(root), id);
  return { id, profile: lesson.cluster?.profile, seed: lesson.cluster?.seed, start: lesson.cluster?.start, files: lesson.files ?? {}, lesson };
}
