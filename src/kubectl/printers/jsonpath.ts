/**
 * Kubernetes JSONPath (client-go util/jsonpath): `{.a.b}`, `{.items[*].x}`, `[0]`, `[1:3]`,
 * `[-1:]`, `[*]`, `['key']`, `..name`, filters `[?(@.type=="Ready")]`, `{range ...}{end}`,
 * `{"\n"}` literals. Several results of one expression are joined by a space; strings print
 * raw, other values as JSON (maps/lists) or their literal.
 */
import { sortKeys } from './yaml-json.js';

export class JsonPathError extends Error {}

type Step =
  | { t: 'field'; name: string }          // name '*' = all values
  | { t: 'recursive'; name: string }
  | { t: 'index'; start?: number; end?: number; step?: number; single: boolean; all: boolean }
  | { t: 'filter'; left: Step[]; op?: string; right?: { path?: Step[]; lit?: unknown } };

type Node =
  | { t: 'text'; text: string }
  | { t: 'expr'; steps: Step[] }
  | { t: 'range'; steps: Step[]; body: Node[] };

function parseLiteral(s: string): unknown {
  s = s.trim();
  if (/^".*"$|^'.*'$/.test(s)) return s.slice(1, -1);
  if (s === 'true' || s === 'false') return s === 'true';
  if (s !== '' && !Number.isNaN(Number(s))) return Number(s);
  return s;
}

/** A field name runs to the next `.` or `[`; a backslash escapes one (`labels.kubernetes\.io/name`) and is dropped. */
const FIELD = /^(?:\\.|[^.[\\])*/;
const unescape = (name: string): string => name.replace(/\\(.)/g, '$1');

function parseSteps(expr: string): Step[] {
  const steps: Step[] = [];
  let i = 0;
  if (expr.startsWith('$')) i = 1;
  while (i < expr.length) {
    const c = expr[i]!;
    if (c === '.' && expr[i + 1] === '.') {
      i += 2;
      const m = FIELD.exec(expr.slice(i))![0];
      steps.push({ t: 'recursive', name: unescape(m) }); i += m.length;
    } else if (c === '.') {
      i++;
      const m = FIELD.exec(expr.slice(i))![0];
      if (m !== '') steps.push({ t: 'field', name: unescape(m) });
      i += m.length;
    } else if (c === '[') {
      const close = matchBracket(expr, i);
      const inner = expr.slice(i + 1, close).trim();
      i = close + 1;
      if (inner.startsWith('?(')) {
        const body = inner.slice(2, -1).trim();
        const m = /^(@[^=!<>\s]*)\s*(==|!=|<=|>=|<|>)?\s*(.*)$/.exec(body);
        if (!m) throw new JsonPathError(`unrecognized filter "${body}"`);
        const left = parseSteps(m[1]!.slice(1));
        const r = m[3]!.trim();
        // Go splits `left op right` at the operator characters and lexes the right side as an
        // action: `=~"x"` leaves `~"x"`, whose `~` no action may start with.
        const bad = /^[=!<>]*([^-+0-9"'@$.[\]a-zA-Z_ ])/.exec(r);
        if (bad) throw new JsonPathError(`unrecognized character in action: U+${bad[1]!.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${bad[1]}'`);
        if (!m[2]) { steps.push({ t: 'filter', left }); continue; }
        steps.push({ t: 'filter', left, op: m[2], right: r.startsWith('@') ? { path: parseSteps(r.slice(1)) } : { lit: parseLiteral(r) } });
      } else if (/^'[^']*'$/.test(inner)) {
        // A dict key: Go re-parses `['a.b']` as `{.a.b}` (dots still separate unless escaped).
        steps.push(...parseSteps(`.${inner.slice(1, -1)}`));
      } else if (inner === '*') {
        steps.push({ t: 'index', single: false, all: true });
      } else if (/^-?\d+$/.test(inner)) {
        steps.push({ t: 'index', start: Number(inner), single: true, all: false });
      } else if (/^(-?\d*):(-?\d*)(:(-?\d*))?$/.test(inner)) {
        const [a, b, , s] = /^(-?\d*):(-?\d*)(:(-?\d*))?$/.exec(inner)!.slice(1);
        steps.push({ t: 'index', start: a ? Number(a) : undefined, end: b ? Number(b) : undefined, step: s ? Number(s) : undefined, single: false, all: false });
      } else throw new JsonPathError(`invalid array index ${inner}`);
    } else if (c === ' ') { i++; } else {
      const m = /^[^.[]+/.exec(expr.slice(i))![0];
      steps.push({ t: 'field', name: m }); i += m.length;
    }
  }
  return steps;
}

function matchBracket(s: string, open: number): number {
  let depth = 0, quote = '';
  for (let i = open; i < s.length; i++) {
    const c = s[i]!;
    if (quote) { if (c === quote) quote = ''; continue; }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  throw new JsonPathError('unterminated array');
}

/** Parse a whole template into nodes. */
export function parseJsonPath(template: string): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) { stack[stack.length - 1]!.push({ t: 'text', text: template.slice(i) }); break; }
    if (open > i) stack[stack.length - 1]!.push({ t: 'text', text: template.slice(i, open) });
    let close = -1, quote = '';
    for (let j = open + 1; j < template.length; j++) {
      const c = template[j]!;
      if (quote) { if (c === '\\') j++; else if (c === quote) quote = ''; continue; }
      if (c === '"' || c === "'") quote = c; else if (c === '}') { close = j; break; }
    }
    if (close < 0) throw new JsonPathError('unclosed action');
    const body = template.slice(open + 1, close).trim();
    i = close + 1;
    const cur = stack[stack.length - 1]!;
    if (body.startsWith('range ')) {
      const node: Node = { t: 'range', steps: parseSteps(body.slice(6).trim()), body: [] };
      cur.push(node); stack.push(node.body);
    } else if (body === 'end') {
      if (stack.length === 1) throw new JsonPathError('not in range, nothing to end');
      stack.pop();
    } else if (/^["'][^]*\n/.test(body)) {
      throw new JsonPathError('unterminated quoted string'); // the lexer stops a quote at a newline
    } else if (/^".*"$|^'.*'$/s.test(body)) {
      cur.push({ t: 'text', text: JSON.parse(`"${body.slice(1, -1).replace(/"/g, '\\"').replace(/\\\\"/g, '\\"')}"`) as string });
    } else {
      cur.push({ t: 'expr', steps: parseSteps(body) });
    }
  }
  if (stack.length > 1) throw new JsonPathError('unclosed range');
  return root;
}

function evalSteps(values: unknown[], steps: Step[]): unknown[] {
  let cur = values;
  for (const s of steps) {
    const next: unknown[] = [];
    for (const v of cur) {
      if (s.t === 'field') {
        if (v && typeof v === 'object' && !Array.isArray(v)) {
          const o = v as Record<string, unknown>;
          if (s.name === '*') next.push(...Object.keys(o).sort().map((k) => o[k]));
          else if (s.name in o) next.push(o[s.name]);
        }
      } else if (s.t === 'recursive') {
        const walk = (x: unknown): void => {
          if (Array.isArray(x)) x.forEach(walk);
          else if (x && typeof x === 'object') {
            const o = x as Record<string, unknown>;
            if (s.name === '' || s.name === '*') next.push(...Object.values(o));
            else if (s.name in o) next.push(o[s.name]);
            Object.keys(o).sort().forEach((k) => walk(o[k]));
          }
        };
        walk(v);
      } else if (s.t === 'index') {
        if (!Array.isArray(v)) continue;
        if (s.all) { next.push(...v); continue; }
        const len = v.length;
        if (s.single) {
          const idx = s.start! < 0 ? len + s.start! : s.start!;
          if (idx < 0 || idx >= len) throw new JsonPathError(`array index out of bounds: index ${s.start}, length ${len}`);
          next.push(v[idx]); continue;
        }
        let a = s.start ?? 0, b = s.end ?? len;
        if (a < 0) a = Math.max(0, len + a);
        if (b < 0) b = len + b;
        b = Math.min(b, len);
        for (let k = a; k < b; k += s.step ?? 1) next.push(v[k]);
      } else {
        const items = Array.isArray(v) ? v : [v];
        for (const item of items) {
          const left = evalSteps([item], s.left);
          if (!s.op) { if (left.length) next.push(item); continue; }
          const right = s.right!.path ? evalSteps([item], s.right!.path) : [s.right!.lit];
          if (left.length && right.length && compare(left[0], s.op, right[0])) next.push(item);
        }
      }
    }
    cur = next;
  }
  return cur;
}

function compare(a: unknown, op: string, b: unknown): boolean {
  switch (op) {
    case '==': return a === b || String(a) === String(b);
    case '!=': return !(a === b || String(a) === String(b));
    case '<': return Number(a) < Number(b);
    case '>': return Number(a) > Number(b);
    case '<=': return Number(a) <= Number(b);
    default: return Number(a) >= Number(b);
  }
}

/** How a single result prints (evalToText): strings raw, maps and lists as JSON. */
function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return '';
  if (v === null) return 'null'; // a JSON null prints as `null` (real kubectl: `[{.x}]` of a null x is `[null]`)
  // Go's json.Marshal escapes HTML characters and writes a map's keys sorted.
  if (typeof v === 'object') return JSON.stringify(sortKeys(v)).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  return String(v);
}

function execNodes(nodes: Node[], data: unknown, out: string[]): void {
  for (const n of nodes) {
    if (n.t === 'text') out.push(n.text);
    else if (n.t === 'expr') {
      const results = evalSteps([data], n.steps);
      if (results.length === 0 && n.steps.length && n.steps[n.steps.length - 1]!.t === 'field') {
        const last = n.steps[n.steps.length - 1] as { name: string };
        // client-go: a missing key is an error unless allowMissingKeys (kubectl sets it true).
        void last;
      }
      out.push(results.map(text).join(' '));
    } else {
      for (const item of evalSteps([data], n.steps)) {
        const items = Array.isArray(item) && n.steps.length === 0 ? item : [item];
        for (const x of items) execNodes(n.body, x, out);
      }
    }
  }
}

/** Execute a JSONPath template against data (kubectl passes the object or the List). */
export function executeJsonPath(template: string, data: unknown): string {
  const out: string[] = [];
  execNodes(parseJsonPath(template), data, out);
  return out.join('');
}

/** Results of one path expression (custom-columns, --sort-by). */
export function evalPath(expr: string, data: unknown): unknown[] {
  const e = expr.trim().replace(/^\{|\}$/g, '');
  return evalSteps([data], parseSteps(e.startsWith('.') || e.startsWith('$') || e.startsWith('[') ? e : `.${e}`));
}

/** jsonpath-as-json: every value the template's expressions produce, as one list. */
export function jsonPathValues(template: string, data: unknown): unknown[] {
  const values: unknown[] = [];
  const walk = (nodes: Node[], d: unknown): void => {
    for (const n of nodes) {
      if (n.t === 'expr') values.push(...evalSteps([d], n.steps));
      else if (n.t === 'range') for (const x of evalSteps([d], n.steps)) walk(n.body, x);
    }
  };
  walk(parseJsonPath(template), data);
  return values;
}

/** Go's `%#v` of a decoded JSON value (map[string]interface {}{...}), for jsonpath error dumps. */
export function goSharpV(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') {
    return JSON.stringify(v).replace(/\\u00([0-1][0-9a-f])/g, (_m, h: string) => {
      const c = parseInt(h, 16);
      return c === 7 ? '\\a' : c === 8 ? '\\b' : c === 11 ? '\\v' : c === 12 ? '\\f' : `\\x${h}`;
    });
  }
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(', ')}}`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `map[string]interface {}{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${goSharpV(o[k])}`).join(', ')}}`;
  }
  return String(v);
}
