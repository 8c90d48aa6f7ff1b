import { describe, it, expect } from 'vitest';
import { LessonCommandSession } from '../../src/ui/lessons/commands.js';
import { t } from '../../src/ui/i18n/strings.js';
import { FakeSession } from './helpers.js';

function setup(onWorkstation = true) {
  const inner = new FakeSession();
  const handled: string[][] = [];
  const s = new LessonCommandSession(inner, async (argv, out) => { handled.push(argv); out.stdout(`did ${argv.join(' ')}\n`); return argv[0] === 'next' ? 1 : 0; }, () => onWorkstation);
  let text = '';
  const out = { stdout: (x: string) => { text += x; }, stderr: (x: string) => { text += x; } };
  const feed = (line: string) => s.feed(line, out, new AbortController().signal);
  return { inner, handled, feed, text: () => text };
}

describe('lesson terminal commands', () => {
  it('answers lesson, lessons, hint, solution, next and reset before the shell', async () => {
    const h = setup();
    for (const c of ['lesson', 'lessons', 'hint', 'solution', 'reset', 'lesson endpoints get-service']) {
      expect(await h.feed(c)).toEqual({ complete: true, input: c, exitCode: 0, host: 'workstation' });
    }
    expect(await h.feed('  next ')).toMatchObject({ complete: true, exitCode: 1 });
    expect(h.handled).toEqual([['lesson'], ['lessons'], ['hint'], ['solution'], ['reset'], ['lesson', 'endpoints', 'get-service'], ['next']]);
    expect(h.inner.fed).toEqual([]);
    expect(h.text()).toContain('did lesson endpoints get-service\n');
  });

  it('leaves everything else, and lines inside a heredoc, to the shell', async () => {
    const h = setup();
    expect(await h.feed('echo hint')).toMatchObject({ complete: true, exitCode: 0 });
    expect(await h.feed('hints')).toMatchObject({ complete: true });
    expect(await h.feed('hint > f')).toMatchObject({ complete: true });
    expect(await h.feed('cat <<EOF')).toEqual({ complete: false });
    expect(await h.feed('hint')).toEqual({ complete: false });
    expect(await h.feed('EOF')).toMatchObject({ complete: true, exitCode: 0 });
    expect(h.handled).toEqual([]);
    expect(h.inner.fed).toEqual(['echo hint', 'hints', 'hint > f', 'cat <<EOF', 'hint', 'EOF']);
  });

  it('inside a container shell the words are the container\'s', async () => {
    const h = setup(false);
    await h.feed('reset');
    expect(h.handled).toEqual([]);
    expect(h.inner.fed).toEqual(['reset']);
  });
});

describe('strings table', () => {
  it('one table for page, lesson panel and editor; uk falls back to en per key', () => {
    expect(t('uk', 'pane.terminal')).toBe('Термінал');
    expect(t('uk', 'lesson.step', { n: 2, total: 16 })).toBe('Крок 2 з 16');
    expect(t('uk', 'editor.saveApply')).toBe('Зберегти й застосувати');
    expect(t('de', 'editor.save')).toBe('Save');
    expect(t('en', 'lesson.noSuch', { id: 'x', list: 'a, b' })).toBe('no lesson "x". Lessons: a, b');
  });
});

describe('lesson <Tab>', () => {
  it('completes lesson ids at the workstation prompt; other lines go to the shell', () => {
    const inner = new FakeSession();
    inner.completions['kubectl g'] = { replaceFrom: 8, candidates: ['get'] };
    const s = new LessonCommandSession(inner, async () => 0, () => true, () => ['endpoints', 'no-endpoints', 'slices-and-dns']);
    expect(s.complete('lesson ')).toEqual({ replaceFrom: 7, candidates: ['endpoints', 'no-endpoints', 'slices-and-dns'] });
    expect(s.complete('lesson no')).toEqual({ replaceFrom: 7, candidates: ['no-endpoints'] });
    expect(s.complete('kubectl g')).toEqual({ replaceFrom: 8, candidates: ['get'] });
  });
});
