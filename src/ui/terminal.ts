/**
 * The xterm.js terminal: DOM renderer, fit addon at once; web-links, unicode11 and search
 * loaded after the first prompt (they are not needed to type). Clipboard: selection copy,
 * Ctrl-Shift-C/V, right-click (copy the selection, else paste).
 */
import { Terminal, type ITheme } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import type { Theme } from './params.js';

// ANSI palettes chosen so every colour passes 4.5:1 on its background; xterm's
// minimumContrastRatio also corrects any remaining pair at draw time.
const dark: ITheme = {
  background: '#1e1e1e', foreground: '#e6e6e6', cursor: '#e6e6e6', cursorAccent: '#1e1e1e',
  selectionBackground: '#264f78', selectionForeground: '#ffffff',
  black: '#2e2e2e', red: '#f48771', green: '#89d185', yellow: '#e5c07b', blue: '#79b8ff',
  magenta: '#d7a6ff', cyan: '#56d4dd', white: '#e6e6e6',
  brightBlack: '#9d9d9d', brightRed: '#ff9e8a', brightGreen: '#a5e3a0', brightYellow: '#f5d78f',
  brightBlue: '#9ccbff', brightMagenta: '#e6c2ff', brightCyan: '#8ae6ec', brightWhite: '#ffffff',
};
const light: ITheme = {
  background: '#ffffff', foreground: '#1b1b1b', cursor: '#1b1b1b', cursorAccent: '#ffffff',
  selectionBackground: '#add6ff', selectionForeground: '#000000',
  black: '#1b1b1b', red: '#b31d28', green: '#116329', yellow: '#7a5200', blue: '#0550ae',
  magenta: '#8250df', cyan: '#0b6e75', white: '#5c5c5c',
  brightBlack: '#595959', brightRed: '#a40e26', brightGreen: '#0a5a22', brightYellow: '#6f4a00',
  brightBlue: '#0a3f8f', brightMagenta: '#6e3cc4', brightCyan: '#075e63', brightWhite: '#3a3a3a',
};

export function terminalTheme(t: Theme): ITheme { return t === 'dark' ? dark : light; }

export interface PageTerminal {
  term: Terminal;
  fit(): void;
  setTheme(t: Theme): void;
  /** Loads the addons the first prompt does not need. */
  loadExtras(): Promise<void>;
  /** The search addon, loaded on first use. */
  search(): Promise<import('@xterm/addon-search').SearchAddon>;
  /** All logical lines (wrapped rows joined), trailing blank lines dropped; for tests. */
  lines(): string[];
}

export function createTerminal(container: HTMLElement, opts: { theme: Theme; screenReader: boolean; paste(text: string): void; onSearch(): void }): PageTerminal {
  const term = new Terminal({
    fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace',
    fontSize: 14,
    allowProposedApi: true,
    scrollback: 5000,
    minimumContrastRatio: 4.5,
    screenReaderMode: opts.screenReader,
    theme: terminalTheme(opts.theme),
    cursorBlink: true,
    macOptionIsMeta: true, // Option-B/F/D act as readline's Meta keys
  });
  const fitAddon = new FitAddon();
  term.loadAddon(fitAddon);
  term.open(container);
  const fit = (): void => { if (container.offsetParent !== null) { try { fitAddon.fit(); } catch { /* not laid out yet */ } } };
  fit();

  const copy = (): boolean => {
    const sel = term.getSelection();
    if (!sel) return false;
    void navigator.clipboard?.writeText(sel).catch(() => undefined);
    return true;
  };
  const pasteFromClipboard = (): void => {
    void navigator.clipboard?.readText().then((t) => { if (t) opts.paste(t); }).catch(() => undefined);
  };
  // Tab completes in the terminal, so Escape then Tab leaves it (no keyboard trap, WCAG 2.1.2).
  let afterEscape = false;
  term.attachCustomKeyEventHandler((e) => {
    if (e.type !== 'keydown') return true;
    if (e.key === 'Tab' && afterEscape) { afterEscape = false; return false; }
    if (e.key !== 'Shift') afterEscape = e.key === 'Escape';
    if (e.ctrlKey && e.shiftKey && (e.key === 'F' || e.key === 'f')) { e.preventDefault(); opts.onSearch(); return false; }
    if (e.ctrlKey && e.shiftKey && (e.key === 'C' || e.key === 'c')) { copy(); e.preventDefault(); return false; }
    if (e.ctrlKey && e.shiftKey && (e.key === 'V' || e.key === 'v')) { pasteFromClipboard(); e.preventDefault(); return false; }
    return true;
  });
  term.onSelectionChange(() => { if (term.hasSelection()) copy(); });
  container.addEventListener('contextmenu', (e) => {
    e.preventDefault();
    if (!copy()) pasteFromClipboard();
  });

  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  const ro = new ResizeObserver(() => { clearTimeout(resizeTimer); resizeTimer = setTimeout(fit, 30); });
  ro.observe(container);

  let searchAddon: Promise<import('@xterm/addon-search').SearchAddon> | undefined;
  return {
    term,
    fit,
    setTheme(t) { term.options.theme = terminalTheme(t); },
    async loadExtras() {
      const [{ WebLinksAddon }, { Unicode11Addon }] = await Promise.all([
        import('@xterm/addon-web-links'), import('@xterm/addon-unicode11'),
      ]);
      term.loadAddon(new WebLinksAddon());
      term.loadAddon(new Unicode11Addon());
      term.unicode.activeVersion = '11';
    },
    search() {
      searchAddon ??= import('@xterm/addon-search').then(({ SearchAddon }) => {
        const a = new SearchAddon();
        term.loadAddon(a);
        return a;
      });
      return searchAddon;
    },
    lines() {
      const b = term.buffer.active;
      const out: string[] = [];
      for (let i = 0; i < b.length; i++) {
        const line = b.getLine(i)!;
        if (line.isWrapped && out.length) out[out.length - 1] += line.translateToString(true);
        else out.push(line.translateToString(true));
      }
      while (out.length && out[out.length - 1]!.trim() === '') out.pop();
      return out;
    },
  };
}
