/**
 * -o yaml / -o json as kubectl prints unstructured objects: map keys sorted at every level,
 * YAML like sigs.k8s.io/yaml (YAML 1.1 quoting, sequences not indented under their key),
 * JSON like Go's json.MarshalIndent with 4 spaces (HTML characters escaped as \u003c ...).
 */
import { parse, Scalar, stringify } from 'yaml';

export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => [k, sortKeys(o[k])]));
  }
  return v;
}

/** A string go-yaml would read back as another type (bool, number, null, timestamp): it double-quotes those. */
const YAML11_WORDS = /^(~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;

function resolvesToNonString(s: string): boolean {
  if (s === '' || YAML11_WORDS.test(s)) return true;
  // Only number-like and date-like strings need the full YAML 1.1 resolver.
  if (!/^[-+.0-9]/.test(s)) return false;
  try {
    const v: unknown = parse(s, { version: '1.1' });
    return v === null || typeof v === 'boolean' || typeof v === 'number' || v instanceof Date;
  } catch { return false; }
}

/** Mark type-ambiguous strings double-quoted; other strings that cannot be plain get single quotes (go-yaml's choice). */
function quoteLikeGoYaml(v: unknown): unknown {
  if (typeof v === 'string') {
    if (!resolvesToNonString(v)) return v;
    const s = new Scalar(v);
    s.type = 'QUOTE_DOUBLE';
    return s;
  }
  if (Array.isArray(v)) return v.map(quoteLikeGoYaml);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, quoteLikeGoYaml(x)]));
  return v;
}

export function toYaml(obj: unknown): string {
  return foldLikeGoYaml(stringify(quoteLikeGoYaml(sortKeys(obj)),
    { indentSeq: false, lineWidth: 0, blockQuote: 'literal', version: '1.1', singleQuote: true }));
}

const BEST_WIDTH = 80;

/**
 * go-yaml (v2, as sigs.k8s.io/yaml uses it) folds long flow scalars: at the first space of a run
 * once more than 80 columns are on the line, it breaks and indents 2 past the key or `- `
 * (emitterc.go yaml_emitter_write_plain/single_quoted/double_quoted). The `yaml` package folds
 * differently, so it prints unfolded and this applies go-yaml's rule.
 */
export function foldLikeGoYaml(text: string): string {
  const out: string[] = [];
  let blockIndent = -1; // inside a literal block scalar: lines indented more than this
  for (const line of text.split('\n')) {
    const indent = /^ */.exec(line)![0].length;
    if (blockIndent >= 0) {
      if (line.trim() === '' || indent > blockIndent) { out.push(line); continue; }
      blockIndent = -1;
    }
    const m = /^( *(?:- )*)((?:[^'"\s][^:]*|'[^']*'|"[^"]*"): )?(.*)$/.exec(line)!;
    const lead = m[1]!, key = m[2] ?? '', value = m[3]!;
    if (/^[|>][-+]?\d*$/.test(value)) { blockIndent = key ? lead.length : lead.length - 2; out.push(line); continue; }
    if ([...line].length <= BEST_WIDTH || value === '' || /^[[{&*!|>]/.test(value)) { out.push(line); continue; }
    const style = value[0] === "'" ? 'single' : value[0] === '"' ? 'double' : 'plain';
    const contIndent = ' '.repeat(key ? lead.length + 2 : lead.length);
    const prefix = lead + key;
    const chars = [...value];
    let cur = prefix, column = [...prefix].length, spaces = false;
    // Scalar content spans chars[1..n-2] for quoted styles, everything for plain.
    const first = style === 'plain' ? 0 : 1, last = style === 'plain' ? chars.length - 1 : chars.length - 2;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]!;
      const inside = i >= first && i <= last;
      if (inside && c === ' ') {
        const next = chars[i + 1];
        const canBreak = !spaces && column > BEST_WIDTH && i !== first && i !== last
          && (style === 'double' || next !== ' ');
        if (canBreak) {
          out.push(cur);
          cur = contIndent; column = contIndent.length;
          if (style === 'double' && next === ' ') { cur += '\\'; column++; }
        } else { cur += c; column++; }
        spaces = true;
        continue;
      }
      cur += c; column++;
      if (inside) spaces = false;
    }
    out.push(cur);
  }
  return out.join('\n');
}

/** json.MarshalIndent: keys sorted (an unstructured map), or as given (`asIs`: a typed Go struct). */
export function toJson(obj: unknown, asIs = false): string {
  return `${JSON.stringify(asIs ? obj : sortKeys(obj), null, 4)
    .replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}\n`;
}
