/**
 * YAML decoding for -f files with go-yaml's error texts: kubectl converts YAML to JSON with
 * sigs.k8s.io/yaml (go-yaml v2), so a syntax error reads
 * `error converting YAML to JSON: yaml: line N: <libyaml message>`. Scanner errors report the
 * 1-based line, parser errors the 0-based line of the problem (go-yaml decode.go parser.fail).
 */
import { parseAllDocuments, type YAMLError } from 'yaml';

export class YamlSyntaxError extends Error {}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

function indentOf(line: string): number { return /^ */.exec(line)![0].length; }

function goYamlMessage(text: string, err: YAMLError, all: readonly YAMLError[]): string {
  const line = lineOf(text, err.pos[0]);
  const lines = text.split('\n');
  switch (err.code) {
    case 'TAB_AS_INDENT':
      return `yaml: line ${line}: found character that cannot start any token`;
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      // libyaml stops at the ':' that may not start a value: the end of a multi-line key.
      const multi = all.find((e) => e.code === 'MULTILINE_IMPLICIT_KEY');
      const at = multi ? lineOf(text, multi.pos[1]) : line;
      return `yaml: line ${at}: mapping values are not allowed in this context`;
    }
    case 'BAD_INDENT': {
      if (/^Flow sequence/.test(err.message)) return `yaml: line ${line - 1}: did not find expected ',' or ']'`;
      if (/^Flow mapping/.test(err.message)) return `yaml: line ${line - 1}: did not find expected ',' or '}'`;
      // Less indented than its siblings: the parser misses a key (or a `-`) on the previous line;
      // more indented: the scanner finds a mapping value where none may start.
      const cur = lines[line - 1] ?? '';
      let prev = line - 2;
      while (prev >= 0 && (lines[prev] ?? '').trim() === '') prev--;
      const prevLine = prev >= 0 ? lines[prev]! : '';
      if (prev >= 0 && indentOf(cur) > indentOf(prevLine)) return `yaml: line ${line}: mapping values are not allowed in this context`;
      if (/^\s*- /.test(prevLine) && indentOf(cur) <= indentOf(prevLine)) return `yaml: line ${line - 1}: did not find expected '-' indicator`;
      return `yaml: line ${line - 1}: did not find expected key`;
    }
    case 'MISSING_CHAR':
      if (/quote/.test(err.message)) return `yaml: line ${line}: found unexpected end of stream`;
      return `yaml: line ${line}: did not find expected node content`;
    case 'BAD_SCALAR_START':
      return `yaml: line ${line}: did not find expected node content`;
    case 'UNEXPECTED_TOKEN':
      return `yaml: line ${Math.max(1, line - 1)}: did not find expected <document start>`;
    case 'DUPLICATE_KEY':
      return `yaml: line ${line}: key already set in map`;
    default:
      return `yaml: line ${Math.max(1, line - 1)}: did not find expected key`;
  }
}

/** Parse a multi-document YAML (or JSON) stream into plain values; empty documents are skipped. */
export function parseYamlStream(text: string): unknown[] {
  const docs = parseAllDocuments(text, { version: '1.1', prettyErrors: false, uniqueKeys: false });
  const list = Array.isArray(docs) ? docs : [docs];
  const out: unknown[] = [];
  for (const d of list) {
    const e = d.errors[0];
    if (e) throw new YamlSyntaxError(`error converting YAML to JSON: ${goYamlMessage(text, e, d.errors)}`);
    const v: unknown = d.toJS({ maxAliasCount: 100 });
    if (v === null || v === undefined) continue;
    out.push(v);
  }
  return out;
}
