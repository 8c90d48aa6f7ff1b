/**
 * The editor pane: the workstation's files as a list, one Monaco editor, save with Ctrl-S,
 * an unsaved-changes marker, and a mode for `kubectl edit`. Loaded on first use only.
 * File names reach the DOM through textContent only.
 */
import { monaco } from './monaco-setup.js';
import type { EditorOptions, EditorPanel } from './types.js';
import { t, type StringKey } from '../i18n/strings.js';
import './editor.css';

interface EditSession { resolve(text: string | null): void; original: string }

export function createEditorPanel(host: HTMLElement, opts: EditorOptions): EditorPanel {
  const s = (k: StringKey, v?: Record<string, string>): string => t(opts.lang ?? 'en', k, v);
  host.replaceChildren();
  host.classList.add('editor-root');
  const side = document.createElement('nav');
  side.className = 'editor-files';
  side.setAttribute('aria-label', s('editor.files'));
  const list = document.createElement('ul');
  const newBtn = document.createElement('button');
  newBtn.type = 'button';
  newBtn.textContent = s('editor.new');
  side.append(list, newBtn);

  const main = document.createElement('div');
  main.className = 'editor-main';
  const bar = document.createElement('div');
  bar.className = 'editor-bar';
  const title = document.createElement('span');
  title.className = 'editor-title';
  const dirty = document.createElement('span');
  dirty.className = 'editor-dirty';
  const saveBtn = document.createElement('button');
  saveBtn.type = 'button';
  saveBtn.textContent = s('editor.save');
  saveBtn.title = s('editor.save.title');
  const cancelBtn = document.createElement('button');
  cancelBtn.type = 'button';
  cancelBtn.textContent = s('editor.cancel');
  cancelBtn.hidden = true;
  bar.append(title, dirty, saveBtn, cancelBtn);
  const box = document.createElement('div');
  box.className = 'editor-monaco';
  main.append(bar, box);
  host.append(side, main);

  const editor = monaco.editor.create(box, {
    value: '', language: 'yaml', automaticLayout: true, minimap: { enabled: false },
    theme: opts.theme === 'dark' ? 'vs-dark' : 'vs', fontFamily: 'monospace', fontSize: 14,
    tabSize: 2, insertSpaces: true, scrollBeyondLastLine: false,
    // 'dimmed' greys the last line number below WCAG contrast in the light theme.
    renderFinalNewline: 'on', ariaLabel: s('editor.aria'),
  });

  let currentPath: string | undefined;
  let savedText = '';
  let edit: EditSession | undefined;
  const models = new Map<string, monaco.editor.ITextModel>();

  const modelFor = (name: string, text: string): monaco.editor.ITextModel => {
    const uri = monaco.Uri.parse(`file:///home/learner/${name.split('/').map(encodeURIComponent).join('/')}`);
    let m = models.get(uri.toString());
    if (!m) { m = monaco.editor.createModel(text, 'yaml', uri); models.set(uri.toString(), m); }
    else if (m.getValue() !== text) m.setValue(text);
    return m;
  };

  const markDirty = (): void => {
    const isDirty = editor.getValue() !== savedText;
    dirty.textContent = isDirty ? '●' : '';
    // Named only while it shows (a span may carry a label only with a role).
    if (isDirty) { dirty.setAttribute('role', 'img'); dirty.setAttribute('aria-label', s('editor.dirty')); } else { dirty.removeAttribute('role'); dirty.removeAttribute('aria-label'); }
    host.dataset['dirty'] = String(isDirty);
  };
  editor.onDidChangeModelContent(markDirty);

  const refreshFiles = (): void => {
    list.replaceChildren();
    for (const path of opts.files.list()) {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = path;
      if (path === currentPath && !edit) b.setAttribute('aria-current', 'true');
      b.addEventListener('click', () => panel.open(path));
      li.append(b);
      list.append(li);
    }
  };

  const finishEdit = (text: string | null): void => {
    const e = edit;
    edit = undefined;
    cancelBtn.hidden = true;
    saveBtn.textContent = s('editor.save');
    host.dataset['mode'] = 'file';
    e?.resolve(text);
  };

  const save = (): void => {
    if (edit) {
      const text = editor.getValue();
      finishEdit(text === edit.original ? null : text);
      opts.onEscape();
      return;
    }
    if (!currentPath) return;
    opts.files.write(currentPath, editor.getValue());
    savedText = editor.getValue();
    markDirty();
    refreshFiles();
    opts.onSaved?.(currentPath);
  };

  saveBtn.addEventListener('click', save);
  cancelBtn.addEventListener('click', () => { finishEdit(null); opts.onEscape(); });
  newBtn.addEventListener('click', () => {
    const existing = new Set(opts.files.list());
    let n = 1;
    while (existing.has(`new-${n}.yaml`)) n++;
    panel.open(`new-${n}.yaml`);
  });
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, save);
  editor.onKeyDown((e) => {
    // Esc closes Monaco's own widgets first (suggest, find); only a bare Esc leaves the editor.
    if (e.keyCode === monaco.KeyCode.Escape && !document.querySelector('.monaco-editor .suggest-widget.visible')) {
      e.preventDefault();
      opts.onEscape();
    }
  });

  const panel: EditorPanel = {
    open(path) {
      if (edit) finishEdit(null);
      let text = '';
      try { text = opts.files.read(path); } catch { text = ''; opts.files.write(path, ''); }
      currentPath = path;
      savedText = text;
      title.textContent = path;
      editor.setModel(modelFor(path, text));
      host.dataset['mode'] = 'file';
      host.dataset['file'] = path;
      markDirty();
      refreshFiles();
      editor.focus();
    },
    editText(text, fileName) {
      if (edit) finishEdit(null);
      return new Promise((resolve) => {
        edit = { resolve, original: text };
        currentPath = undefined;
        savedText = text;
        title.textContent = s('editor.kubectlEdit', { name: fileName });
        saveBtn.textContent = s('editor.saveApply');
        cancelBtn.hidden = false;
        host.dataset['mode'] = 'kubectl-edit';
        editor.setModel(modelFor(`.kube/edit/${fileName}`, text));
        markDirty();
        refreshFiles();
        editor.focus();
      });
    },
    cancelEdit() { if (edit) finishEdit(null); },
    setTheme(theme) { monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs'); },
    refreshFiles,
    focus() { editor.focus(); },
  };
  refreshFiles();
  (window as unknown as { __kubelabEditor?: unknown }).__kubelabEditor = { editor, monaco, panel };
  return panel;
}
