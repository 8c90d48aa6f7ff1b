/**
 * Show, hide and collapse the page's panes. Other parts of the page (the lesson panel, the
 * editor) call this; they mount their content into `#lesson-pane` / `#editor-pane` bodies.
 */
export type PaneName = 'lesson' | 'terminal' | 'editor';

const ids: Record<PaneName, string> = { lesson: 'lesson-pane', terminal: 'terminal-pane', editor: 'editor-pane' };
type Listener = (name: PaneName, visible: boolean) => void;
const listeners: Listener[] = [];

export function paneElement(name: PaneName): HTMLElement {
  const el = document.getElementById(ids[name]);
  if (!el) throw new Error(`pane ${name} is not in the page`);
  return el;
}

/** The element a pane's owner fills (below the pane's title bar). */
export function paneBody(name: PaneName): HTMLElement {
  return paneElement(name).querySelector<HTMLElement>('.pane-body')!;
}

export function isPaneVisible(name: PaneName): boolean {
  return !paneElement(name).hidden;
}

export function showPane(name: PaneName): void { setPane(name, true); }
export function hidePane(name: PaneName): void { setPane(name, false); }
export function togglePane(name: PaneName): void { setPane(name, !isPaneVisible(name)); }

export function setPane(name: PaneName, visible: boolean): void {
  const el = paneElement(name);
  if (el.hidden === !visible) return;
  el.hidden = !visible;
  document.querySelectorAll<HTMLElement>(`[data-splitter-for="${name}"]`).forEach((s) => { s.hidden = !visible; });
  document.querySelectorAll<HTMLButtonElement>(`[data-toggles="${name}"]`).forEach((b) => b.setAttribute('aria-pressed', String(visible)));
  for (const l of listeners) l(name, visible);
}

/** Collapsed: only the pane's title bar shows. */
export function setCollapsed(name: PaneName, collapsed: boolean): void {
  const el = paneElement(name);
  el.classList.toggle('collapsed', collapsed);
  el.querySelector('.pane-collapse')?.setAttribute('aria-expanded', String(!collapsed));
  for (const l of listeners) l(name, !collapsed);
}

/** Called after any pane is shown, hidden or collapsed (the terminal refits). */
export function onPaneChange(fn: Listener): void { listeners.push(fn); }
