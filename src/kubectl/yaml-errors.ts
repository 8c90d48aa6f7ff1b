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

function goYamlMessage(text: string, err: YAMLError): string {
  const line = lineOf(text, err.pos[0]);
  const lines = text.split('\n');
  switch (err.code) {
    case 'TAB_AS_INDENT':
      return `yaml: line ${line}: found character that cannot start any token`;
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return `yaml: line ${line}: mapping values are not allowed in this context`;
    case 'BAD_INDENT': {
      // Less indented than its siblings: the parser misses a key on the previous line;
      // more indented: the scanner finds a mapping value where none may start.
      const cur = lines[line - 1] ?? '';
      let prev = line - 2;
      while (prev >= 0 && (lines[prev] ?? '').trim() === '') prev--;
      if (prev >= 0 && indentOf(cur) > indentOf(lines[prev]!)) return `yaml: line ${line}: mapping values are not allowed in this context`;
      return `yaml: line ${line - 1}: did not find expected key`;
    }
    case 'MISSING_CHAR':
    case 'BAD_SCALAR_START':
      return `yaml: line ${line}: did not find expected node content`;
    case 'UNEXPECTED_TOKEN':
      return `yaml: line ${line}: could not find expected ':'`;
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
    if (e) throw new YamlSyntaxError(`error converting YAML to JSON: ${goYamlMessage(text, e)}`);
    const v: unknown = d.toJS({ maxAliasCount: 100 });
    if (v === null || v === undefined) continue;
    out.push(v);
  }
  return out;
}
