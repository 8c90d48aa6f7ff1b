/**
 * Lessons as the page receives them: compiled at build time by tools/vite-lessons.ts from the
 * same files and loader that Node uses (src/lesson/load.ts), with their markdown already
 * rendered to HTML (still sanitized before it reaches the DOM).
 */
import type { Lesson, LessonText } from './types.js';

/** What the lesson list needs: titles and summaries per language. */
export interface LessonHead {
  id: string;
  text: Record<string, { title: string; summary: string }>;
}

/** The HTML of a LessonText's markdown fields, in the same places. */
export interface LessonHtml {
  steps: Record<string, { text: string; hints?: string[] }>;
  done?: string;
}

/** A lesson in one language: `lesson.text` holds only that language. */
export interface CompiledLesson {
  lesson: Lesson;
  html: LessonHtml;
}

/**
 * Markdown → HTML for one compiled lesson. Keyed by the lesson's own strings, so no text is held
 * twice.
 */
export function htmlByMarkdown(c: CompiledLesson): Map<string, string> {
  const out = new Map<string, string>();
  for (const text of Object.values(c.lesson.text) as LessonText[]) {
    for (const [id, st] of Object.entries(text.steps)) {
      const h = c.html.steps[id];
      if (!h) continue;
      out.set(st.text, h.text);
      (st.hints ?? []).forEach((hint, i) => { const x = h.hints?.[i]; if (x !== undefined) out.set(hint, x); });
    }
    if (text.done !== undefined && c.html.done !== undefined) out.set(text.done, c.html.done);
  }
  return out;
}
