/**
 * Compiles lessons/ at build time (and in the dev server) into modules the page imports:
 * `virtual:kubelab-lessons` (ids, each lesson's languages, titles and summaries, and a loader per
 * lesson) and one `virtual:kubelab-lesson/<id>/<lang>` per lesson and language (the loaded lesson
 * with that language's text, plus its markdown rendered to HTML). The page then runs neither the YAML parser nor the markdown renderer for a
 * lesson: marked's large regular expressions compiled to native code and the YAML parser's hot
 * code cost about 1.3 MiB of idle heap when lessons were parsed in the page (measured). The HTML
 * is still sanitized in the page (src/ui/lesson-panel/lesson-html.ts).
 */
import { marked } from 'marked';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { dirLessonFiles } from '../src/lesson/node/files.js';
import { lessonIds, loadLesson } from '../src/lesson/load.js';
import type { Lesson } from '../src/lesson/types.js';
import type { CompiledLesson, LessonHead, LessonHtml } from '../src/lesson/compiled.js';

const INDEX = 'virtual:kubelab-lessons';
const ONE = 'virtual:kubelab-lesson/';

/** Every markdown text of a lesson (step texts, hints, the closing text) in every language. */
export function markdownTexts(lesson: Lesson): string[] {
  const out = new Set<string>();
  for (const text of Object.values(lesson.text)) {
    for (const st of Object.values(text.steps ?? {})) {
      if (st.text) out.add(st.text);
      for (const h of st.hints ?? []) out.add(h);
    }
    if (text.done) out.add(text.done);
  }
  return [...out];
}

export function renderLessonMarkdown(md: string): string {
  return marked.parse(md, { async: false, gfm: true }) as string;
}

/** Lesson `id` in one language (one of its own): that text only, and its markdown as HTML. */
export async function compileLesson(root: string, id: string, lang: string): Promise<CompiledLesson> {
  const full = await loadLesson(dirLessonFiles(root), id);
  const text = full.text[lang];
  if (!text) throw new Error(`lesson ${id}: no language ${lang}`);
  const html: LessonHtml = { steps: {} };
  for (const [sid, st] of Object.entries(text.steps)) {
    html.steps[sid] = { text: renderLessonMarkdown(st.text), ...(st.hints ? { hints: st.hints.map(renderLessonMarkdown) } : {}) };
  }
  if (text.done !== undefined) html.done = renderLessonMarkdown(text.done);
  return { lesson: { ...full, text: { [lang]: text } }, html };
}

export function lessonHead(lesson: Lesson): LessonHead {
  const text: LessonHead['text'] = {};
  for (const [lang, t] of Object.entries(lesson.text)) text[lang] = { title: t.title, summary: t.summary ?? '' };
  return { id: lesson.id, text };
}

// JSON.parse of one string literal parses faster than the same data as an object literal (V8's
// advice for data over 10 kB).
const jsonModule = (value: unknown): string => `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});\n`;

export function lessonsPlugin(lessonsDir: string): Plugin {
  const watch = (ctx: { addWatchFile(id: string): void }): void => {
    for (const p of dirLessonFiles(lessonsDir).list()) ctx.addWatchFile(resolve(lessonsDir, p));
  };
  return {
    name: 'kubelab-lessons',
    resolveId(id) {
      if (id === INDEX || id.startsWith(ONE)) return `\0${id}`;
      return undefined;
    },
    async load(id) {
      if (id === `\0${INDEX}`) {
        watch(this);
        const ids = lessonIds(dirLessonFiles(lessonsDir));
        const heads: LessonHead[] = [];
        for (const l of ids) heads.push(lessonHead(await loadLesson(dirLessonFiles(lessonsDir), l)));
        // One chunk per lesson and language: a learner downloads and keeps only the one they read.
        const loaders = heads.map((h) => {
          const byLang = Object.keys(h.text).map((lang) => `${JSON.stringify(lang)}: () => import(${JSON.stringify(`${ONE}${h.id}/${lang}`)})`).join(', ');
          return `  ${JSON.stringify(h.id)}: (lang) => ({ ${byLang} })[lang]().then((m) => m.default),`;
        }).join('\n');
        return `export const heads = JSON.parse(${JSON.stringify(JSON.stringify(heads))});\nexport const loaders = {\n${loaders}\n};\n`;
      }
      if (id.startsWith(`\0${ONE}`)) {
        watch(this);
        const [lesson, lang] = id.slice(ONE.length + 1).split('/') as [string, string];
        return jsonModule(await compileLesson(lessonsDir, lesson, lang));
      }
      return undefined;
    },
    handleHotUpdate({ file, server }) {
      if (!file.startsWith(lessonsDir)) return undefined;
      for (const m of server.moduleGraph.idToModuleMap.values()) {
        if (m.id?.startsWith(`\0${INDEX}`) || m.id?.startsWith(`\0${ONE}`)) server.moduleGraph.invalidateModule(m);
      }
      server.ws.send({ type: 'full-reload' });
      return [];
    },
  };
}
