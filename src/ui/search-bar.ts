/**
 * Find in the terminal's scrollback (Ctrl-Shift-F): a small bar in the terminal pane's title
 * bar; Enter finds the next match upwards, Shift-Enter downwards, Escape closes.
 */
import type { PageTerminal } from './terminal.js';
import { t as pt } from './i18n/strings.js';

export function createSearchBar(bar: HTMLElement, terminal: PageTerminal, lang = 'en'): { open(): void } {
  const wrap = document.createElement('div');
  wrap.className = 'search-bar';
  wrap.hidden = true;
  const input = document.createElement('input');
  input.type = 'search';
  input.setAttribute('aria-label', pt(lang, 'find.label'));
  input.placeholder = pt(lang, 'find.placeholder');
  const status = document.createElement('span');
  status.className = 'search-status';
  status.setAttribute('role', 'status');
  wrap.append(input, status);
  bar.insertBefore(wrap, bar.lastElementChild);

  const find = async (backwards: boolean): Promise<void> => {
    const s = await terminal.search();
    const q = input.value;
    if (!q) { s.clearDecorations(); status.textContent = ''; return; }
    const found = backwards ? s.findNext(q) : s.findPrevious(q);
    status.textContent = found ? '' : pt(lang, 'find.none');
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); void find(!e.shiftKey); }
    if (e.key === 'Escape') {
      e.preventDefault();
      wrap.hidden = true;
      void terminal.search().then((s) => s.clearDecorations());
      terminal.term.clearSelection();
      terminal.term.focus();
    }
  });
  return {
    open() {
      wrap.hidden = false;
      input.focus();
      input.select();
      void terminal.search();
    },
  };
}
