/**
 * The editor pane on demand: the header button and `nano/vi/vim/code FILE` open it; Monaco
 * loads on the first open only. Files in the workstation home open as files (Ctrl-S writes the
 * session's fs); anything else (kubectl edit's temp file, a file in a container) opens in a
 * Save / Cancel mode and the command waits for it.
 */
import type { App } from './app.js';
import type { FileSystem } from '../shell/index.js';
import { loadEditor, type EditorFiles, type EditorPanel } from './editor/index.js';
import { hidePane, isPaneVisible, paneBody, showPane } from './panes.js';

export class EditorHost {
  private panel: Promise<EditorPanel> | undefined;
  /** performance.now() of the last open request (the page bench reads it). */
  openedAt = 0;

  constructor(private readonly app: () => App) {}

  /** Wire the header button; call after boot. */
  wire(): void {
    const app = this.app();
    const b = app.layout.buttons.editor;
    b.addEventListener('click', () => {
      if (isPaneVisible('editor')) { hidePane('editor'); app.terminal.term.focus(); return; }
      void this.show().then((p) => p.focus());
    });
    app.onThemeChange((t) => { void this.panel?.then((p) => p.setTheme(t)); });
    // Files made in the terminal (cp, cat > f, kubectl get -o yaml > f) show up in the list.
    app.onCommand(() => { void this.panel?.then((p) => p.refreshFiles()); });
  }

  /** Shows the pane, loading the editor on first use. */
  show(): Promise<EditorPanel> {
    this.openedAt = performance.now();
    showPane('editor');
    const app = this.app();
    this.panel ??= loadEditor(paneBody('editor'), {
      files: this.files(), theme: app.currentTheme, lang: app.params.lang,
      onEscape: () => app.terminal.term.focus(),
      onSaved: () => app.persist.schedule(),
    });
    return this.panel;
  }

  /** The shell's openEditor hook (nano, vi, vim, code, kubectl edit). */
  openEditor = async (path: string, io: { fs: FileSystem }): Promise<void> => {
    const app = this.app();
    const rt = await app.runtimeReady;
    const ws = rt.session.workstation();
    const panel = await this.show();
    const inHome = rt.session.currentHost() === 'workstation' && path.startsWith(ws.home + '/') && !/^\/tmp\//.test(path);
    if (inHome) {
      // Like an editor in another window: the prompt comes back, Ctrl-S saves, Esc returns here.
      panel.open(path.slice(ws.home.length + 1));
      return;
    }
    let text = '';
    try { text = io.fs.readFile(path); } catch { /* a new file */ }
    const name = (path.split('/').pop() ?? path).replace(/^kubectl-edit-\d+-/, '');
    // Ctrl-C in the terminal ends the wait like Cancel (the hook gets the command's io).
    const signal = (io as { signal?: AbortSignal }).signal;
    const onAbort = (): void => panel.cancelEdit();
    signal?.addEventListener('abort', onAbort, { once: true });
    const saved = await panel.editText(text, name);
    signal?.removeEventListener('abort', onAbort);
    if (saved !== null) io.fs.writeFile(path, saved);
  };

  private files(): EditorFiles {
    const app = this.app();
    const ws = () => app.runtime!.session.workstation();
    return {
      list() {
        const { fs, home } = ws();
        const out: string[] = [];
        const walk = (dir: string, rel: string, depth: number): void => {
          for (const name of fs.readdir(dir)) {
            if (name.startsWith('.')) continue;
            const abs = `${dir}/${name}`;
            if (fs.isDir(abs)) { if (depth < 4) walk(abs, `${rel}${name}/`, depth + 1); } else out.push(rel + name);
          }
        };
        if (app.runtime) walk(home, '', 0);
        return out.sort();
      },
      read: (p) => { const { fs, home } = ws(); return fs.readFile(fs.resolve(home, p)); },
      write: (p, content) => {
        const { fs, home } = ws();
        const abs = fs.resolve(home, p);
        const dir = abs.slice(0, abs.lastIndexOf('/'));
        if (dir && !fs.exists(dir)) fs.mkdir(dir, true);
        fs.writeFile(abs, content);
      },
    };
  }
}
