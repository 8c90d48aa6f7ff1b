/**
 * Builds the page: a header (title, lesson picker, reset, clock, theme and screen-reader
 * toggles) and three panes, lesson | terminal | editor, with keyboard-operable splitters.
 * Text goes in with textContent only; nothing here parses HTML.
 */
import type { LayoutMode } from './params.js';
import { setCollapsed, setPane, type PaneName } from './panes.js';
import { t as pt, t } from './i18n/strings.js';



export interface PageLayout {
  terminalBody: HTMLElement;
  terminalBar: HTMLElement;
  lessonPicker: HTMLSelectElement;
  clock: HTMLElement;
  buttons: {
    reset: HTMLButtonElement; fastForward: HTMLButtonElement; theme: HTMLButtonElement;
    screenReader: HTMLButtonElement; exportFile: HTMLButtonElement; importFile: HTMLButtonElement;
    share: HTMLButtonElement; editor: HTMLButtonElement;
  };
  importInput: HTMLInputElement;
  status: HTMLElement;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A button named by its visible text; `title` explains it (axe: the name must contain the text). */
function button(title: string, props: Partial<Record<string, string>> = {}, text = title): HTMLButtonElement {
  return el('button', { type: 'button', title, ...props }, text);
}

function pane(name: PaneName, title: string, lang: string): HTMLElement {
  const section = el('section', { id: `${name}-pane`, class: `pane pane-${name}`, 'aria-labelledby': `${name}-title` });
  const bar = el('div', { class: 'pane-bar' });
  bar.append(el('h2', { id: `${name}-title`, class: 'pane-title' }, title));
  const label = pt(lang, 'pane.collapse', { name: title });
  const collapse = button(label, { class: 'pane-collapse', 'aria-label': label, 'aria-expanded': 'true', 'aria-controls': `${name}-body` }, '▾');
  collapse.addEventListener('click', () => {
    const collapsed = !section.classList.contains('collapsed');
    setCollapsed(name, collapsed);
    collapse.textContent = collapsed ? '▸' : '▾';
  });
  bar.append(collapse);
  section.append(bar, el('div', { id: `${name}-body`, class: 'pane-body' }));
  return section;
}

/** A vertical splitter that resizes the pane `name` (drag, or arrow keys when focused). */
function splitter(name: PaneName, label: string, side: 'left' | 'right'): HTMLElement {
  const s = el('div', {
    role: 'separator', tabindex: '0', 'aria-orientation': 'vertical', 'aria-label': label,
    'aria-controls': `${name}-pane`, 'aria-valuemin': '10', 'aria-valuemax': '70', 'aria-valuenow': '25',
    class: 'splitter', 'data-splitter-for': name,
  });
  const setWidth = (pct: number): void => {
    const v = Math.round(Math.min(70, Math.max(10, pct)));
    document.documentElement.style.setProperty(`--${name}-width`, `${v}%`);
    s.setAttribute('aria-valuenow', String(v));
    window.dispatchEvent(new Event('resize'));
  };
  const current = (): number => Number(s.getAttribute('aria-valuenow'));
  s.addEventListener('keydown', (e) => {
    const step = e.key === 'ArrowLeft' ? -2 : e.key === 'ArrowRight' ? 2 : 0;
    if (!step) return;
    e.preventDefault();
    setWidth(current() + (side === 'left' ? step : -step));
  });
  s.addEventListener('pointerdown', (e) => {
    s.setPointerCapture(e.pointerId);
    const main = s.parentElement!;
    const move = (ev: PointerEvent): void => {
      const r = main.getBoundingClientRect();
      const x = ((ev.clientX - r.left) / r.width) * 100;
      setWidth(side === 'left' ? x : 100 - x);
    };
    const up = (): void => { s.removeEventListener('pointermove', move); s.removeEventListener('pointerup', up); };
    s.addEventListener('pointermove', move);
    s.addEventListener('pointerup', up);
  });
  return s;
}

export function buildLayout(root: HTMLElement, mode: LayoutMode, lang = 'en'): PageLayout {
  const s = (k: Parameters<typeof pt>[1], v?: Record<string, string>): string => pt(lang, k, v);
  const header = el('header', { class: 'top' });
  const title = el('h1', { class: 'title' }, 'kubelab');
  const picker = el('select', { id: 'lesson-picker', 'aria-label': t(lang, 'lesson.pick') });
  picker.append(el('option', { value: '' }, t(lang, 'lesson.none')));
  const clock = el('span', { class: 'clock', role: 'timer', 'aria-label': s('header.clock'), 'aria-live': 'off' }, '--:--:--');
  const buttons = {
    fastForward: button(s('header.ff.title'), {}, s('header.ff')),
    reset: button(s('header.reset.title'), {}, s('header.reset')),
    exportFile: button(s('header.export.title'), {}, s('header.export')),
    importFile: button(s('header.import.title'), {}, s('header.import')),
    share: button(s('header.share.title'), {}, s('header.share')),
    theme: button(s('header.theme.title'), { 'aria-pressed': 'false', class: 'theme-toggle' }, s('header.theme')),
    screenReader: button(s('header.sr.title'), { 'aria-pressed': 'false' }, s('header.sr')),
    // The editor pane opens on demand (Monaco loads on first open).
    editor: button(s('editor.open.title'), { 'aria-pressed': 'false', 'data-toggles': 'editor', class: 'editor-toggle' }, s('editor.open')),
  };
  const importInput = el('input', { type: 'file', accept: '.json,application/json', hidden: '', 'aria-hidden': 'true', tabindex: '-1' });
  const nav = el('nav', { class: 'controls', 'aria-label': s('header.controls') });
  nav.append(picker, clock, buttons.editor, buttons.fastForward, buttons.reset, buttons.exportFile, buttons.importFile, buttons.share, buttons.theme, buttons.screenReader, importInput);
  header.append(title, nav);

  const main = el('main', { class: `panes layout-${mode.replace('+', '-')}` });
  const lesson = pane('lesson', s('pane.lesson'), lang);
  const terminal = pane('terminal', s('pane.terminal'), lang);
  const editor = pane('editor', s('pane.editor'), lang);
  main.append(lesson, splitter('lesson', s('pane.resize', { name: s('pane.lesson') }), 'left'), terminal,
    splitter('editor', s('pane.resize', { name: s('pane.editor') }), 'right'), editor);
  const status = el('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  root.replaceChildren(header, main, status);

  setPane('editor', false);
  if (mode === 'terminal') setPane('lesson', false);
  if (mode !== 'full') header.classList.add('compact');
  const hint = el('span', { class: 'pane-hint', id: 'terminal-hint' }, s('terminal.hint'));
  terminal.querySelector('.pane-bar')!.insertBefore(hint, terminal.querySelector('.pane-collapse'));
  return { terminalBody: terminal.querySelector('.pane-body')!, terminalBar: terminal.querySelector('.pane-bar')!, lessonPicker: picker, clock, buttons, importInput, status };
}
