/** What the editor needs from the page: the workstation's files (the shell's virtual fs). */
export interface EditorFiles {
  /** Paths relative to the home directory, sorted. */
  list(): string[];
  read(path: string): string;
  write(path: string, content: string): void;
}

export interface EditorOptions {
  files: EditorFiles;
  theme: 'dark' | 'light';
  /** Language of the editor's own labels (src/ui/i18n/strings.ts). */
  lang?: string;
  /** Esc in the editor: give the keyboard back to the terminal. */
  onEscape(): void;
  /** Called after a file is saved (the page persists the session). */
  onSaved?(path: string): void;
}

export interface EditorPanel {
  /** Open (or create, if missing) a workstation file. */
  open(path: string): void;
  /** `kubectl edit`: show text; resolves with the saved text, or null when closed unchanged. */
  editText(text: string, fileName: string): Promise<string | null>;
  /** Ends a pending editText as if Cancel was pressed (Ctrl-C in the terminal). */
  cancelEdit(): void;
  setTheme(theme: 'dark' | 'light'): void;
  refreshFiles(): void;
  focus(): void;
}
