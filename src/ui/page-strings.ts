/**
 * The page's own strings (header, panes, notices) per language; missing ones fall back to
 * English. Kept beside i18n/strings.ts (the lesson panel's) with the same shape, so the two
 * tables can be merged.
 */
const en = {
  'pane.lesson': 'Lesson',
  'pane.terminal': 'Terminal',
  'pane.editor': 'Editor',
  'pane.collapse': 'Collapse {name} pane',
  'pane.resize': 'Resize {name} pane',
  'terminal.hint': 'Esc then Tab leaves the terminal · Ctrl+Shift+F finds',
  'header.controls': 'Session controls',
  'header.clock': 'Cluster time',
  'header.ff': '+30 s',
  'header.ff.title': 'Advance cluster time by 30 seconds',
  'header.reset': 'Reset',
  'header.reset.title': 'Start over with a new cluster',
  'header.reset.confirm': 'Start over with a new cluster? Your files, objects and history will be lost.',
  'header.export': 'Export',
  'header.export.title': 'Save the session to a file',
  'header.import': 'Import',
  'header.import.title': 'Load a session from a file',
  'header.share': 'Share',
  'header.share.title': 'Copy a link to this lesson, step and cluster seed',
  'header.theme': 'Light theme',
  'header.theme.title': 'Light theme on or off',
  'header.sr': 'Screen reader',
  'header.sr.title': 'Screen reader mode for the terminal',
  'find.label': 'Find in terminal',
  'find.placeholder': 'Find',
  'find.none': 'Not found',
  'notice.restore': 'could not restore the saved session ({reason}); started a new one.',
  'notice.import': 'that file is not a session kubelab can import ({reason}).',
  'notice.save': 'could not save the session in this browser ({reason}).',
  'notice.share': 'share link: {link}',
  'notice.shareCopied': 'share link (copied): {link}',
  'notice.failed': 'the simulator failed to start ({reason}).',
  'status.shareCopied': 'Share link copied',
  'status.shareShown': 'Share link shown in the terminal',
} as const;

export type PageStringKey = keyof typeof en;

const uk: Partial<Record<PageStringKey, string>> = {
  'pane.lesson': 'Урок',
  'pane.terminal': 'Термінал',
  'pane.editor': 'Редактор',
  'pane.collapse': 'Згорнути панель «{name}»',
  'pane.resize': 'Змінити ширину панелі «{name}»',
  'terminal.hint': 'Esc, потім Tab — вийти з термінала · Ctrl+Shift+F — пошук',
  'header.controls': 'Керування сеансом',
  'header.clock': 'Час кластера',
  'header.ff': '+30 с',
  'header.ff.title': 'Перевести час кластера на 30 секунд уперед',
  'header.reset': 'Скинути',
  'header.reset.title': 'Почати заново з новим кластером',
  'header.reset.confirm': 'Почати заново з новим кластером? Ваші файли, об’єкти та історію буде втрачено.',
  'header.export': 'Експорт',
  'header.export.title': 'Зберегти сеанс у файл',
  'header.import': 'Імпорт',
  'header.import.title': 'Завантажити сеанс із файлу',
  'header.share': 'Поділитися',
  'header.share.title': 'Скопіювати посилання на цей урок, крок і зерно кластера',
  'header.theme': 'Світла тема',
  'header.theme.title': 'Увімкнути або вимкнути світлу тему',
  'header.sr': 'Читач екрана',
  'header.sr.title': 'Режим читача екрана для термінала',
  'find.label': 'Пошук у терміналі',
  'find.placeholder': 'Знайти',
  'find.none': 'Не знайдено',
  'notice.restore': 'не вдалося відновити збережений сеанс ({reason}); розпочато новий.',
  'notice.import': 'цей файл не є сеансом, який kubelab може імпортувати ({reason}).',
  'notice.save': 'не вдалося зберегти сеанс у цьому браузері ({reason}).',
  'notice.share': 'посилання: {link}',
  'notice.shareCopied': 'посилання (скопійовано): {link}',
  'notice.failed': 'симулятор не вдалося запустити ({reason}).',
  'status.shareCopied': 'Посилання скопійовано',
  'status.shareShown': 'Посилання показано в терміналі',
};

const tables: Record<string, Partial<Record<PageStringKey, string>>> = { en, uk };

export function pt(lang: string, key: PageStringKey, vars: Record<string, string | number> = {}): string {
  const s = tables[lang]?.[key] ?? en[key];
  return s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}
