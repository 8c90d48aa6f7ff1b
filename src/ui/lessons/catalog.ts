/**
 * The lesson list (header picker, catalog) from the heads of the lesson files only: the
 * languages from lesson.yaml and title/summary from the page language's i18n file, both above
 * `steps:`. Loading every lesson in full for the list cost about 0.8 MiB of idle heap, and even
 * parsing the heads with the YAML library about 0.45 MiB (its compiled code), so the few simple
 * forms these keys take are read here; anything else goes to the YAML library. A lesson loads
 * in full when opened.
 */
import type { LessonFiles } from '../../lesson/index.js';
import type { CatalogEntry } from '../lesson-panel/panel.js';

type Value = string | string[];

/** The YAML above the first top-level `steps:` key (the rest is the steps). */
export function headOf(src: string): string {
  const m = /^steps:/m.exec(src);
  return m ? src.slice(0, m.index) : src;
}

const PLAIN = /^[^\s'"[\]{}>|&*!%@`#,?:-][^#]*?$|^-[^\s#][^#]*$/;

function scalar(text: string): string | null {
  const v = text.replace(/\s+#.*$/, '').trim();
  if (/^'[^']*(?:''[^']*)*'$/.test(v)) return v.slice(1, -1).replace(/''/g, "'");
  if (/^"[^"\\]*"$/.test(v)) return v.slice(1, -1);
  // Numbers, booleans and null are not strings in YAML: the library decides those.
  if (PLAIN.test(v) && !/: /.test(v) && !/^(?:true|false|yes|no|on|off|null|~|[-+]?\.?\d|[-+]?\.(?:inf|nan))/i.test(v)) return v;
  return null;
}

/** A folded or literal block scalar (`>`, `>-`, `|`, `|-`) from its indented lines. */
function block(style: string, lines: string[]): string | null {
  const chomp = style.length > 1 ? style[1] : '';
  if (chomp !== '' && chomp !== '-') return null;
  while (lines.length && lines[lines.length - 1]!.trim() === '') lines.pop();
  if (!lines.length) return '';
  const indent = /^ */.exec(lines[0]!)![0].length;
  const body: string[] = [];
  for (const l of lines) {
    if (l.trim() === '') { body.push(''); continue; }
    if (/^ */.exec(l)![0].length !== indent || l[indent] === '\t') return null; // more-indented lines keep breaks: not handled here
    body.push(l.slice(indent).replace(/\s+$/, ''));
  }
  let out: string;
  if (style[0] === '|') out = body.join('\n');
  else {
    out = '';
    for (let i = 0; i < body.length; i++) {
      const l = body[i]!;
      if (i === 0) out = l;
      else if (l === '') out += '\n';
      else out += body[i - 1] === '' ? l : ` ${l}`;
    }
  }
  return chomp === '-' ? out : `${out}\n`;
}

/**
 * The top-level `keys` of a YAML head in the simple forms (plain or quoted scalar, `[a, b]`,
 * block scalar); null when one of them takes another form.
 */
export function readKeys(src: string, keys: readonly string[]): Record<string, Value> | null {
  const lines = src.replace(/\r\n/g, '\n').split('\n');
  const out: Record<string, Value> = {};
  for (let i = 0; i < lines.length; i++) {
    const m = /^([A-Za-z_][\w-]*):(?:[ \t]+(.*))?$/.exec(lines[i]!);
    if (!m) {
      if (/^(\S)/.test(lines[i]!) && !lines[i]!.startsWith('#')) return null; // a top-level line of another form
      continue;
    }
    if (!keys.includes(m[1]!)) continue;
    if (m[1]! in out) return null;
    const rest = (m[2] ?? '').replace(/\s+#.*$/, '').trim();
    const seq = /^\[(.*)\]$/.exec(rest);
    if (/^[>|][-+]?$/.test(rest)) {
      const body: string[] = [];
      while (i + 1 < lines.length && (lines[i + 1] === '' || /^[ ]/.test(lines[i + 1]!) || lines[i + 1]!.trim() === '')) body.push(lines[++i]!);
      const v = block(rest, body);
      if (v === null) return null;
      out[m[1]!] = v;
    } else if (seq) {
      const items = seq[1]!.trim() === '' ? [] : seq[1]!.split(',').map(scalar);
      if (items.some((x) => x === null)) return null;
      out[m[1]!] = items as string[];
    } else {
      const v = scalar(rest);
      if (v === null || v === '') return null;
      if (i + 1 < lines.length && /^[ \t]+\S/.test(lines[i + 1]!)) return null; // a plain scalar over several lines
      out[m[1]!] = v;
    }
  }
  return out;
}

async function head(src: string, keys: readonly string[]): Promise<Record<string, unknown>> {
  const h = headOf(src);
  const simple = readKeys(h, keys);
  if (simple) return simple;
  const v: unknown = (await import('yaml')).parse(h);
  return v && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : {};
}

/** Title and summary of lesson `id` in `lang`, or in English when it has no such language. */
export async function catalogEntry(files: LessonFiles, id: string, lang: string): Promise<CatalogEntry> {
  const spec = await head(await files.read(`${id}/lesson.yaml`), ['languages']);
  const languages = Array.isArray(spec['languages']) ? spec['languages'] as unknown[] : [];
  const use = languages.includes(lang) ? lang : 'en';
  const text = await head(await files.read(`${id}/i18n/${use}.yaml`), ['title', 'summary']);
  if (typeof text['title'] !== 'string') throw new Error(`lesson ${id}: no title in i18n/${use}.yaml`);
  return { id, title: text['title'], summary: typeof text['summary'] === 'string' ? text['summary'] : '' };
}
