/**
 * JSON text exactly as Go's encoding/json writes it for map[string]interface{} values:
 * object keys sorted, `<`, `>`, `&`, U+2028 and U+2029 escaped. kubectl stores the
 * last-applied annotation and prints patches in this form, so byte fidelity needs it.
 */
export function goJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? goNumber(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort(compareGoStrings);
    return `{${keys.map((k) => `${goString(k)}:${goJson(o[k])}`).join(',')}}`;
  }
  return 'null';
}

/** Go sorts map keys by byte order of their UTF-8 encoding; for BMP text code unit order matches. */
function compareGoStrings(a: string, b: string): number { return a < b ? -1 : a > b ? 1 : 0; }

function goNumber(n: number): string {
  // Go formats float64 like JS for the integers and decimals manifests hold; exponents use e+21 style in both.
  return String(n);
}

function goString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) {
      out += '\\u' + c.toString(16).padStart(4, '0');
    } else out += ch;
  }
  return out + '"';
}
