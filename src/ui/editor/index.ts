/**
 * The page's handle on the editor. Monaco and the schema are fetched on the first call only,
 * so the initial page stays small (measured by `npm run bench`).
 */
import type { EditorOptions, EditorPanel } from './types.js';

export type { EditorFiles, EditorOptions, EditorPanel } from './types.js';

let loading: Promise<EditorPanel> | undefined;

export function loadEditor(host: HTMLElement, opts: EditorOptions): Promise<EditorPanel> {
  loading ??= import('./panel.js').then((m) => m.createEditorPanel(host, opts));
  return loading;
}

export function editorLoaded(): boolean { return loading !== undefined; }
