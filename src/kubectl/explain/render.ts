/**
 * `kubectl explain` text, following kubectl's plaintext template
 * (staging/src/k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl) with sprig's wrap
 * (goutils.WrapCustom) and indent, over an ExplainSchema.
 */
import type { ExplainSchema, FieldType } from './schema.js';

/**
 * The template's `wrap`: kubectl's term.NewWordWrapWriter, i.e. mitchellh/go-wordwrap WrapString:
 * keeps existing line breaks and leading spaces, breaks before a word that would pass `lim`,
 * never splits a word.
 */
export function wrap(s: string, lim: number): string {
  let out = '', word = '', space = '', current = 0;
  const flushSpaceWord = (): void => { current += space.length + word.length; out += space + word; space = ''; word = ''; };
  for (const ch of s) {
    if (ch === '\n') {
      if (word === '') {
        if (current + space.length <= lim) out += space;
        space = '';
      } else flushSpaceWord();
      out += ch;
      current = 0;
    } else if (/\s/.test(ch) && ch !== '\u00a0') {
      if (space === '' || word !== '') flushSpaceWord();
      space += ch;
    } else {
      word += ch;
      if (current + space.length + [...word].length > lim && [...word].length < lim) {
        out += '\n';
        current = 0;
        space = '';
      }
    }
  }
  if (word === '') { if (current + space.length <= lim) out += space; } else out += space + word;
  return out;
}

/** sprig indent: pad the first line and every line after a newline. */
export function indent(n: number, s: string): string {
  const pad = ' '.repeat(n);
  return pad + s.replace(/\n/g, `\n${pad}`);
}

/** typeGuess: `string`, `[]Container`, `map[string]string`, `PodSpec`, `Object`. */
export function typeGuess(t: FieldType): string {
  switch (t.kind) {
    case 'array': return `[]${typeGuess(t.items)}`;
    case 'map': return `map[string]${typeGuess(t.values)}`;
    case 'ref': return t.name;
    case 'object': return 'Object';
    default: return t.kind;
  }
}

function fieldList(schema: ExplainSchema, typeId: string, level: number, recursive: boolean, history: Set<string>): string {
  if (history.has(typeId)) return '';
  const next = new Set(history).add(typeId);
  const fields = schema.fields(typeId);
  if (!fields) return '';
  let out = '';
  for (const name of Object.keys(fields).sort()) {
    const t = fields[name]!;
    const ind = level * 2;
    const values = schema.enumOf?.(typeId, name);
    const enumLine = values?.length
      ? `\n${' '.repeat(ind)}enum: ${values.slice(0, 4).map(enumText).join(', ')}${values.length > 4 ? ', ....' : ''}` : '';
    out += `${indent(ind, name)}\t<${typeGuess(t)}>${schema.required(typeId).includes(name) ? ' -required-' : ''}${enumLine}\n`;
    if (!recursive) {
      out += `${indent(ind + 2, wrap(schema.description(typeId, name) || '<no description>', 78 - ind))}\n\n`;
    } else {
      const ref = refOf(t);
      if (ref) out += fieldList(schema, ref, level + 1, true, next);
    }
  }
  return out;
}

/** The struct a field type leads to (through lists and maps), if any. */
export function refOf(t: FieldType): string | undefined {
  if (t.kind === 'ref') return t.id;
  if (t.kind === 'array') return refOf(t.items);
  if (t.kind === 'map') return refOf(t.values);
  return undefined;
}

export class FieldNotFound extends Error {}

const enumText = (v: string): string => (v === '' ? '""' : v);

/** The explain output for a kind and a field path (`spec.containers`). Throws FieldNotFound. */
export function renderExplain(schema: ExplainSchema, root: { group: string; version: string; kind: string; typeId: string },
  path: string[], recursive: boolean): { header: string; body: string } {
  const header = `${root.group ? `GROUP:      ${root.group}\n` : ''}KIND:       ${root.kind}\nVERSION:    ${root.version}\n\n`;
  let typeId: string | undefined = root.typeId;
  let description = `${schema.description(root.typeId) ? `${schema.description(root.typeId)}\n` : ''}`;
  let body = '';
  for (let i = 0; i < path.length; i++) {
    const fields = typeId ? schema.fields(typeId) : undefined;
    const t = fields?.[path[i]!];
    if (!t || !typeId) throw new FieldNotFound(path[i]!);
    const ref = refOf(t);
    description = `${schema.description(typeId, path[i]!) ? `${schema.description(typeId, path[i]!)}\n` : ''}${ref && schema.description(ref) ? `${schema.description(ref)}\n` : ''}`;
    if (i === path.length - 1) {
      const values = schema.enumOf?.(typeId, path[i]!);
      const enumBlock = values?.length ? `ENUM:${values.map((v) => `\n    ${enumText(v)}`).join('')}` : '';
      body += `FIELD: ${path[i]} <${typeGuess(t)}>\n${enumBlock}\n\n`;
    }
    typeId = ref;
  }
  body += `DESCRIPTION:\n${indent(4, wrap(description || '<empty>', 76))}\n`;
  const list = typeId ? fieldList(schema, typeId, 1, recursive, new Set()) : '';
  if (list) body += `FIELDS:\n${list}`;
  return { header, body: `${body}\n` };
}
