/**
 * Lessons as the page receives them: compiled at build time by tools/vite-lessons.ts from the
 * same files and loader that Node uses (src/lesson/load.ts), with their markdown already
 * rendered to HTML (still sanitized before it reaches the DOM).
 */
import type { Lesson } from './types.js';

/** What the lesson list needs: titles and summaries per language. */
export interface LessonHead {
  id: string;
  text: Record<string, { title: string; summary: string }>;
}

export interface CompiledLesson {
  lesson: Lesson;
  /** Markdown source → HTML, for every step text, hint and closing text in every language. */
  html: Record<string, string>;
}
