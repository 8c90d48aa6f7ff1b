/**
 * The lessons the page gets (tools/vite-lessons.ts through Vite's virtual modules) are the ones
 * Node loads from lessons/, one language each, and every text the lesson panel shows has its HTML.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { dirLessonFiles } from '../../src/lesson/node/files.js';
import { lessonIds, loadLesson } from '../../src/lesson/index.js';
import { bundledLessonHeads, bundledLessonIds, loadBundledLesson } from '../../src/lesson/bundled.js';
import { htmlByMarkdown } from '../../src/lesson/compiled.js';
import { markdownTexts, renderLessonMarkdown } from '../../tools/vite-lessons.js';

const dir = fileURLToPath(new URL('../../lessons/', import.meta.url));
const files = dirLessonFiles(dir);

describe('lessons compiled for the page', () => {
  it('lists every lesson in lessons/', () => {
    expect(bundledLessonIds()).toEqual(lessonIds(files));
    expect(bundledLessonIds().length).toBeGreaterThan(0);
  });

  for (const id of lessonIds(files)) {
    it(`${id}: same lesson as the Node loader in each language, every markdown text rendered`, async () => {
      const fromFiles = await loadLesson(files, id);
      const head = bundledLessonHeads().find((h) => h.id === id)!;
      for (const lang of fromFiles.languages) {
        const compiled = await loadBundledLesson(id, lang);
        expect(compiled.lesson).toEqual({ ...fromFiles, text: { [lang]: fromFiles.text[lang] } });
        const html = htmlByMarkdown(compiled);
        const texts = markdownTexts(compiled.lesson);
        expect([...html.keys()].sort()).toEqual([...texts].sort());
        for (const md of texts) expect(html.get(md)).toBe(renderLessonMarkdown(md));
        expect(head.text[lang]).toEqual({ title: fromFiles.text[lang]!.title, summary: fromFiles.text[lang]!.summary });
      }
    });
  }

  it('gives the English text for a language the lesson does not have', async () => {
    const { lesson } = await loadBundledLesson('endpoints', 'de');
    expect(Object.keys(lesson.text)).toEqual(['en']);
  });

  it('renders fenced commands as code blocks and inline markup as HTML', async () => {
    const c = await loadBundledLesson('endpoints', 'en');
    const first = c.lesson.text['en']!.steps[c.lesson.steps[0]!.id]!.text;
    expect(first).toMatch(/```/);
    const html = htmlByMarkdown(c).get(first)!;
    expect(html).toMatch(/<pre><code[^>]*>[^<]*kubectl/);
    expect(html).not.toMatch(/```/);
  });

  it('rejects an unknown lesson', async () => {
    await expect(loadBundledLesson('no-such-lesson', 'en')).rejects.toThrow('lesson no-such-lesson: not found');
  });
});
