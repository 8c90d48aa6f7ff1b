import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { catalogEntry, headOf, readKeys } from '../../src/ui/lessons/catalog.js';
import { loadLesson, type LessonFiles } from '../../src/lesson/index.js';

const root = join(import.meta.dirname, '../../lessons');
const files: LessonFiles = {
  list: () => readdirSync(root, { recursive: true, withFileTypes: true }).filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(root.length + 1)),
  read: async (p) => readFileSync(join(root, p), 'utf8'),
};
const ids = readdirSync(root).filter((d) => existsSync(join(root, d, 'lesson.yaml')));

describe('lesson catalog from file heads', () => {
  it('gives the same title and summary as loading the whole lesson, in every language', async () => {
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const full = await loadLesson(files, id);
      for (const lang of ['en', 'uk', 'xx']) {
        const text = full.text[lang] ?? full.text['en']!;
        expect(await catalogEntry(files, id, lang)).toEqual({ id, title: text.title, summary: text.summary });
      }
    }
  });

  it('reads the simple forms as the YAML library does', () => {
    const cases = [
      'title: Plain words here\nsummary: >-\n  one\n  two\n\n  three\nother: x\n',
      "title: 'it''s quoted'\nsummary: |\n  line one\n  line two\n",
      'title: "double"  # comment\nsummary: >\n  folded\n  text\n\n\n',
      '# leading comment\nlanguages: [en, uk]\ncluster:\n  profile: x\n',
      'title: a-b.c\nsummary: |-\n  keep\n\n  breaks\n',
    ];
    for (const src of cases) {
      const keys = ['title', 'summary', 'languages'];
      const want = parse(src) as Record<string, unknown>;
      const got = readKeys(src, keys);
      expect(got).not.toBeNull();
      for (const k of keys) expect(got![k], `${k} in ${JSON.stringify(src)}`).toEqual(want[k]);
    }
  });

  it('leaves other forms to the YAML library', () => {
    for (const src of ['title: yes\n', 'title: 12\n', 'title: a: b\n', 'title: >+\n  x\n', 'title: x\n  continued\n',
      'summary: >\n  a\n    more indented\n', 'title: "esc\\n"\n', '---\ntitle: x\n', 'title: &a x\n']) {
      expect(readKeys(src, ['title', 'summary']), src).toBeNull();
    }
  });

  it('cuts the head at the top-level steps key only', () => {
    expect(headOf('title: x\nsteps:\n  a:\n    title: y\n')).toBe('title: x\n');
    expect(headOf('title: x\n  steps: no\n')).toBe('title: x\n  steps: no\n');
  });
});
