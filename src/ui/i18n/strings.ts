/**
 * Every string the page shows outside lesson files, per language. Code asks for a key; a
 * missing translation falls back to English. Adding a language = adding one object here.
 */
const en = {
  'lesson.step': 'Step {n} of {total}',
  'lesson.hint': 'Hint',
  'lesson.solution': 'Show solution',
  'lesson.skip': 'Skip step',
  'lesson.autoplay': 'Auto-play',
  'lesson.stop': 'Stop',
  'lesson.reset': 'Restart lesson',
  'lesson.done': 'Lesson complete',
  'lesson.next': 'Next lesson: {title}',
  'lesson.stepDone': 'Done',
  'lesson.run': 'Run',
  'lesson.paste': 'Paste into terminal',
  'lesson.noHints': 'No hints for this step.',
  'lesson.solutionTitle': 'Solution',
  'lesson.hintTitle': 'Hint {n}',
  'lesson.progress': 'Lesson progress',
  'lesson.pick': 'Choose a lesson',
  'lesson.none': 'Free play (no lesson)',
  'lesson.level.beginner': 'beginner',
  'lesson.level.intermediate': 'intermediate',
  'lesson.level.advanced': 'advanced',
  'lesson.minutes': '{n} min',
} as const;

export type StringKey = keyof typeof en;

const uk: Partial<Record<StringKey, string>> = {
  'lesson.step': 'Крок {n} з {total}',
  'lesson.hint': 'Підказка',
  'lesson.solution': 'Показати розв’язок',
  'lesson.skip': 'Пропустити крок',
  'lesson.autoplay': 'Автовідтворення',
  'lesson.stop': 'Зупинити',
  'lesson.reset': 'Почати урок знову',
  'lesson.done': 'Урок завершено',
  'lesson.next': 'Наступний урок: {title}',
  'lesson.stepDone': 'Готово',
  'lesson.run': 'Виконати',
  'lesson.paste': 'Вставити в термінал',
  'lesson.noHints': 'Для цього кроку підказок немає.',
  'lesson.solutionTitle': 'Розв’язок',
  'lesson.hintTitle': 'Підказка {n}',
  'lesson.progress': 'Поступ уроку',
  'lesson.pick': 'Оберіть урок',
  'lesson.none': 'Вільна гра (без уроку)',
  'lesson.level.beginner': 'початковий',
  'lesson.level.intermediate': 'середній',
  'lesson.level.advanced': 'просунутий',
  'lesson.minutes': '{n} хв',
};

const tables: Record<string, Partial<Record<StringKey, string>>> = { en, uk };

export function t(lang: string, key: StringKey, vars: Record<string, string | number> = {}): string {
  const s = tables[lang]?.[key] ?? en[key];
  return s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

export const languages = Object.keys(tables);
