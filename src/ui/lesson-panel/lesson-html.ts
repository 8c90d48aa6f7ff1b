/**
 * Lesson HTML (markdown rendered at build time, tools/vite-lessons.ts) → sanitized DOM.
 * DOMPurify removes anything active, and code blocks become commands the learner can paste or
 * run. Lesson text is data from files an instructor wrote; it never reaches the DOM unsanitized.
 */
import DOMPurify from 'dompurify';

export interface CommandBlock { element: HTMLElement; command: string }

export function renderLessonHtml(html: string, target: HTMLElement): CommandBlock[] {
  const clean = DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form', 'input', 'img'], FORBID_ATTR: ['style'] });
  const tpl = document.createElement('template');
  tpl.innerHTML = clean;
  for (const a of tpl.content.querySelectorAll('a')) { a.setAttribute('rel', 'noopener noreferrer'); a.setAttribute('target', '_blank'); }
  target.replaceChildren(tpl.content);
  const blocks: CommandBlock[] = [];
  for (const pre of target.querySelectorAll('pre')) {
    const code = pre.textContent ?? '';
    const command = code.replace(/\n+$/, '');
    if (command) blocks.push({ element: pre as HTMLElement, command });
  }
  return blocks;
}
