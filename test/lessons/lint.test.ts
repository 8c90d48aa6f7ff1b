import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { dirLessonFiles } from '../../src/lesson/node/files.js';
import { lintLessons } from '../../src/lesson/node/lint.js';
import { loadLesson, lessonIds } from '../../src/lesson/load.js';

const dir = fileURLToPath(new URL('../../lessons/', import.meta.url));

describe('lesson linter (static)', () => {
  it('finds no problem in the shipped lessons', async () => {
    expect(await lintLessons(dirLessonFiles(dir), dir)).toEqual([]);
  });

  it('reports a step without text, a bad regex and a schema violation', async () => {
    const base = dirLessonFiles(dir);
    const broken = {
      list: () => ['bad/lesson.yaml', 'bad/i18n/en.yaml', 'worse/lesson.yaml'],
      read: async (p: string) => ({
        'bad/lesson.yaml': 'id: bad\nlevel: beginner\nminutes: 5\nlanguages: [en]\ncluster: {profile: kind, seed: 1}\nsteps:\n  - id: one\n    check: {ran: {command: "kubectl (get"}}\n    solution: [kubectl get pods]\n',
        'bad/i18n/en.yaml': 'title: Bad\nsummary: s\nsteps: {}\n',
        'worse/lesson.yaml': 'id: worse\nlevel: expert\nminutes: 5\nlanguages: [en]\ncluster: {profile: kind, seed: 1}\nsteps: []\n',
      } as Record<string, string>)[p] ?? base.read(p),
    };
    const messages = (await lintLessons(broken, dir)).map((p) => `${p.lesson}: ${p.message}`);
    expect(messages).toContain('bad: i18n/en.yaml has no text for step one');
    expect(messages.some((m) => m.startsWith('bad: step one: bad regular expression kubectl (get'))).toBe(true);
    expect(messages.some((m) => m.startsWith('worse: lesson.yaml/level'))).toBe(true);
  });

  it('loads every lesson with its files and all of its languages', async () => {
    const files = dirLessonFiles(dir);
    for (const id of lessonIds(files)) {
      const lesson = await loadLesson(files, id);
      expect(Object.keys(lesson.text).sort()).toEqual([...lesson.languages].sort());
      expect(lesson.steps.length).toBeGreaterThan(0);
    }
    const endpoints = await loadLesson(files, 'endpoints');
    expect(Object.keys(endpoints.files)).toEqual(['deploy-example.yaml', 'external-endpoint.yaml', 'rtfm-service.yaml', 'svc-example.yaml']);
  });
});
