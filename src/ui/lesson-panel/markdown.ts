/**
 * Lesson markdown → sanitized DOM. marked renders, DOMPurify removes anything active, and
 * fenced code blocks become commands the learner can paste or run. Lesson text is data from
 * files an instructor wrote; it still never reaches the DOM unsanitized.
 */
import { marked } from 'marked';
import DOMPurify from 'dompurify';

export interface CommandBlock { element: HTMLElement; command: string }

export function renderMarkdown(md: string, target: HTMLElement): CommandBlock[] {
  const html = marked.parse(md, { async: false, gfm: true }) as string;
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
