/**
 * The lessons the page gets (tools/vite-lessons.ts through Vite's virtual modules) are the ones
 * Node loads from lessons/, and every text the lesson panel shows has its HTML.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { dirLessonFiles } from '../../src/lesson/node/files.js';
import { lessonIds, loadLesson } from '../../src/lesson/index.js';
import { bundledLessonHeads, bundledLessonIds, loadBundledLesson } from '../../src/lesson/bundled.js';
import { markdownTexts } from '../../tools/vite-lessons.js';

const dir = fileURLToPath(new URL('../../lessons/', import.meta.url));
const files = dirLessonFiles(dir);

describe('lessons compiled for the page', () => {
  it('lists every lesson in lessons/', () => {
    expect(bundledLessonIds()).toEqual(lessonIds(files));
    expect(bundledLessonIds().length).toBeGreaterThan(0);
  });

  for (const id of lessonIds(files)) {
    it(`${id}: same lesson as the Node loader, every markdown text rendered`, async () => {
      const fromFiles = await loadLesson(files, id);
      const compiled = await loadBundledLesson(id);
      expect(compiled.lesson).toEqual(fromFiles);
      const texts = markdownTexts(fromFiles);
      expect(Object.keys(compiled.html).sort()).toEqual([...texts].sort());
      for (const md of texts) expect(compiled.html[md]!.length).toBeGreaterThan(0);
      const head = bundledLessonHeads().find((h) => h.id === id)!;
      for (const lang of fromFiles.languages) expect(head.text[lang]).toEqual({ title: fromFiles.text[lang]!.title, summary: fromFiles.text[lang]!.summary });
    });
  }

  it('renders fenced commands as code blocks and inline markup as HTML', async () => {
    const { lesson, html } = await loadBundledLesson('endpoints');
    const first = lesson.text['en']!.steps[lesson.steps[0]!.id]!.text;
    expect(first).toMatch(/```/);
    expect(html[first]).toMatch(/<pre><code[^>]*>[^<]*kubectl/);
    expect(html[first]).not.toMatch(/```/);
  });

  it('rejects an unknown lesson', async () => {
    await expect(loadBundledLesson('no-such-lesson')).rejects.toThrow('lesson no-such-lesson: not found');
  });
});
