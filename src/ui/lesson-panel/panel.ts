/**
 * The lesson pane: title, progress, the current step's text with clickable commands, hint and
 * solution on request, a clear "done" moment and the next lesson. It renders what the runner
 * says; it decides nothing about checks.
 */
import type { Lesson, LessonProgress } from '../../lesson/index.js';
import { t, type StringKey } from '../i18n/strings.js';
import type { CommandBlock } from './lesson-html.js';
import './lesson.css';

export interface LessonPanelActions {
  run(command: string): void;
  paste(command: string): void;
  hint(): void;
  solution(): void;
  skip(): void;
  restart(): void;
  autoplay(): void;
  openLesson(id: string): void;
  /** Start over at step `index` (0-based): fresh cluster, earlier steps replayed. */
  jump(index: number): void;
}

/** One entry of the lesson list shown when no lesson is open. */
export interface CatalogEntry { id: string; title: string; summary: string }

/** Lesson markdown into `target` (./lesson-html.ts; loaded with the first lesson, not for the catalog). */
export type MarkdownRenderer = (md: string, target: HTMLElement) => CommandBlock[];

export interface LessonPanel {
  /** Set before the first show(): the catalog alone needs no markdown. */
  setMarkdown(render: MarkdownRenderer): void;
  show(lesson: Lesson, progress: Readonly<LessonProgress>, nextTitle?: string): void;
  addHint(text: string, index: number): void;
  showSolution(commands: string[]): void;
  /** A short note under the step (e.g. no hints for it). */
  note(text: string): void;
  setAutoplaying(on: boolean): void;
  setLang(lang: string): void;
  /** No lesson open: the list of lessons to start. */
  showCatalog(entries: CatalogEntry[]): void;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

export function createLessonPanel(host: HTMLElement, actions: LessonPanelActions, initialLang: string): LessonPanel {
  let lang = initialLang;
  let current: { lesson: Lesson; progress: Readonly<LessonProgress>; nextTitle?: string } | undefined;
  const s = (key: StringKey, vars?: Record<string, string | number>): string => t(lang, key, vars);

  const root = el('div', 'lesson');
  const title = el('h3', 'lesson-title');
  const meta = el('p', 'lesson-meta');
  const progressBar = el('progress', 'lesson-progress');
  const stepLabel = el('p', 'lesson-step-label');
  stepLabel.setAttribute('aria-live', 'polite');
  const stepTitle = el('h4', 'lesson-step-title');
  const body = el('div', 'lesson-body');
  const extras = el('div', 'lesson-extras');
  extras.setAttribute('aria-live', 'polite');
  const controls = el('div', 'lesson-controls');
  const mk = (key: StringKey, fn: () => void): HTMLButtonElement => {
    const b = el('button', undefined, s(key));
    b.type = 'button';
    b.dataset['key'] = key;
    b.addEventListener('click', fn);
    controls.append(b);
    return b;
  };
  mk('lesson.hint', actions.hint);
  mk('lesson.solution', actions.solution);
  mk('lesson.skip', actions.skip);
  const autoBtn = mk('lesson.autoplay', actions.autoplay);
  mk('lesson.reset', actions.restart);
  const jumpLabel = el('label', 'lesson-jump');
  const jumpText = el('span', undefined, s('lesson.jump'));
  const jump = el('select');
  jump.addEventListener('change', () => { const i = Number(jump.value); if (i >= 0) actions.jump(i); });
  jumpLabel.append(jumpText, ' ', jump);
  controls.append(jumpLabel);
  const done = el('div', 'lesson-done');
  done.hidden = true;
  root.append(title, meta, progressBar, stepLabel, stepTitle, body, extras, controls, done);
  host.replaceChildren(root);

  let catalog: CatalogEntry[] | undefined;
  let renderMarkdown: MarkdownRenderer = (md, target) => { target.textContent = md; return []; };
  let shownKey = '';
  let shownProgress: unknown;
  const renderCatalog = (): void => {
    root.replaceChildren(el('h3', 'lesson-title', s('lesson.pick')), el('p', 'lesson-meta', s('lesson.choose')));
    const list = el('ul', 'lesson-catalog');
    for (const c of catalog ?? []) {
      const li = el('li');
      const b = el('button', 'lesson-start', s('lesson.start'));
      b.type = 'button';
      b.setAttribute('aria-label', `${s('lesson.start')}: ${c.title}`);
      b.addEventListener('click', () => actions.openLesson(c.id));
      li.append(el('strong', undefined, c.title), el('p', undefined, c.summary), b);
      list.append(li);
    }
    root.append(list);
  };
  const full = [title, meta, progressBar, stepLabel, stepTitle, body, extras, controls, done];

  const render = (): void => {
    if (!current) { renderCatalog(); return; }
    if (root.firstChild !== title) root.replaceChildren(...full);
    const { lesson, progress, nextTitle } = current;
    const text = lesson.text[lang] ?? lesson.text['en']!;
    title.textContent = text.title;
    meta.textContent = `${s(`lesson.level.${lesson.level}` as StringKey)} · ${s('lesson.minutes', { n: lesson.minutes })}`;
    progressBar.max = lesson.steps.length;
    progressBar.value = Math.min(progress.step, lesson.steps.length);
    progressBar.setAttribute('aria-label', s('lesson.progress'));
    for (const b of controls.querySelectorAll<HTMLButtonElement>('button')) b.textContent = s(b.dataset['key'] as StringKey);
    jumpText.textContent = s('lesson.jump');
    jump.replaceChildren(...lesson.steps.map((st, i) => {
      const o = el('option', undefined, `${i + 1}. ${text.steps[st.id]?.title ?? st.id}`);
      o.value = String(i);
      return o;
    }));
    jump.value = String(Math.min(progress.step, lesson.steps.length - 1));
    // Hints and the solution stay while the step does (a re-render for language or titles).
    const key = `${lesson.id}:${progress.step}`;
    if (key !== shownKey || progress !== shownProgress) extras.replaceChildren();
    shownKey = key;
    shownProgress = progress;
    const finished = progress.step >= lesson.steps.length;
    controls.hidden = finished;
    done.hidden = !finished;
    if (finished) {
      stepLabel.textContent = s('lesson.done');
      stepTitle.textContent = '';
      renderMarkdown(text.done ?? '', body);
      done.replaceChildren(el('p', 'lesson-done-badge', `✓ ${s('lesson.done')}`));
      if (lesson.next && nextTitle) {
        const b = el('button', 'lesson-next', s('lesson.next', { title: nextTitle }));
        b.type = 'button';
        b.addEventListener('click', () => actions.openLesson(lesson.next!));
        done.append(b);
      }
      return;
    }
    const step = lesson.steps[progress.step]!;
    const st = text.steps[step.id];
    stepLabel.textContent = s('lesson.step', { n: progress.step + 1, total: lesson.steps.length });
    stepTitle.textContent = st?.title ?? step.id;
    for (const block of renderMarkdown(st?.text ?? '', body)) {
      const bar = el('div', 'lesson-cmd');
      const run = el('button', 'lesson-run', s('lesson.run'));
      run.type = 'button';
      run.setAttribute('aria-label', `${s('lesson.run')}: ${block.command}`);
      run.addEventListener('click', () => actions.run(block.command));
      const paste = el('button', 'lesson-paste', s('lesson.paste'));
      paste.type = 'button';
      paste.addEventListener('click', () => actions.paste(block.command));
      bar.append(run, paste);
      block.element.after(bar);
    }
  };

  return {
    setMarkdown(render) { renderMarkdown = render; },
    show(lesson, progress, nextTitle) { current = { lesson, progress, nextTitle }; render(); },
    addHint(text, index) {
      const box = el('div', 'lesson-hint');
      box.append(el('strong', undefined, s('lesson.hintTitle', { n: index + 1 })));
      const md = el('div');
      renderMarkdown(text, md);
      box.append(md);
      extras.append(box);
    },
    note(text) { extras.append(el('p', 'lesson-note', text)); },
    showSolution(commands) {
      const box = el('div', 'lesson-solution');
      box.append(el('strong', undefined, s('lesson.solutionTitle')));
      const pre = el('pre', undefined, commands.join('\n'));
      box.append(pre);
      extras.append(box);
    },
    setAutoplaying(on) { autoBtn.dataset['key'] = on ? 'lesson.stop' : 'lesson.autoplay'; autoBtn.textContent = s(autoBtn.dataset['key'] as StringKey); },
    setLang(l) { lang = l; render(); },
    showCatalog(entries) { current = undefined; catalog = entries; shownKey = ''; render(); },
  };
}
