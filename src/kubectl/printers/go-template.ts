/**
 * -o go-template: the small subset of Go text/template learners use with kubectl:
 * `{{.a.b}}`, `{{range .items}}...{{end}}`, `{{if .x}}...{{else}}...{{end}}`, `{{"\n"}}`,
 * `{{index .metadata.labels "app"}}`, `{{len .items}}`, `{{- ... -}}` trimming.
 */
import { KubectlError } from '../errors.js';

type Tok = { t: 'text'; v: string } | { t: 'action'; v: string };

function tokenize(tpl: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < tpl.length) {
    const open = tpl.indexOf('{{', i);
    if (open < 0) { out.push({ t: 'text', v: tpl.slice(i) }); break; }
    let text = tpl.slice(i, open);
    const close = tpl.indexOf('}}', open);
    if (close < 0) throw new KubectlError(`error parsing template ${tpl}, template: output:1: unclosed action`);
    let body = tpl.slice(open + 2, close);
    // text/template's lexer: a quoted string may not span lines.
    if (/"(?:[^"\\\n]|\\.)*\n/.test(body)) throw new KubectlError(`error parsing template ${tpl}, template: output:1: unterminated quoted string`);
    if (body.startsWith('-')) { text = text.replace(/\s+$/, ''); body = body.slice(1); }
    let next = close + 2;
    if (body.endsWith('-')) { body = body.slice(0, -1); const m = /^\s*/.exec(tpl.slice(next))!; next += m[0].length; }
    if (text) out.push({ t: 'text', v: text });
    out.push({ t: 'action', v: body.trim() });
    i = next;
  }
  return out;
}

function lookup(path: string, dot: unknown, root: unknown): unknown {
  if (path === '.') return dot;
  let cur: unknown = path.startsWith('$') ? root : dot;
  for (const part of path.replace(/^\$/, '').split('.').filter((p) => p !== '')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function evalExpr(expr: string, dot: unknown, root: unknown): unknown {
  const words = expr.match(/"(?:[^"\\]|\\.)*"|\S+/g) ?? [];
  const val = (w: string): unknown => (w.startsWith('"') ? JSON.parse(w) as string : /^-?\d+$/.test(w) ? Number(w) : lookup(w, dot, root));
  if (words[0] === 'index') {
    let v = val(words[1]!);
    for (const k of words.slice(2)) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[String(val(k))] : undefined;
    return v;
  }
  if (words[0] === 'len') { const v = val(words[1]!); return Array.isArray(v) ? v.length : v && typeof v === 'object' ? Object.keys(v).length : typeof v === 'string' ? v.length : 0; }
  if (words[0] === 'printf' || words[0] === 'print') return words.slice(words[0] === 'printf' ? 2 : 1).map(val).map((v) => show(v)).join('');
  return val(words[0] ?? '.');
}

/**
 * Go's `%v` of a decoded JSON value: `map[k:v ...]` with sorted keys, `[a b]`; a template prints
 * `<no value>` for a missing or null value, fmt prints `<nil>` for a null inside a map or list.
 */
export function show(v: unknown, nested = false): string {
  if (v === undefined || v === null) return nested && v === null ? '<nil>' : '<no value>';
  const inner = (x: unknown): string => show(x, true);
  if (typeof v === 'object') return Array.isArray(v) ? `[${v.map(inner).join(' ')}]` : `map[${Object.keys(v).sort().map((k) => `${k}:${inner((v as Record<string, unknown>)[k])}`).join(' ')}]`;
  return String(v);
}

const truthy = (v: unknown): boolean => !(v === undefined || v === null || v === false || v === 0 || v === '' || (Array.isArray(v) && v.length === 0));

function run(toks: Tok[], start: number, dot: unknown, root: unknown, out: string[], exec: boolean): { end: number; stop: string } {
  let i = start;
  while (i < toks.length) {
    const tk = toks[i]!;
    if (tk.t === 'text') { if (exec) out.push(tk.v); i++; continue; }
    const a = tk.v;
    if (a === 'end' || a === 'else') return { end: i, stop: a };
    if (a.startsWith('range ') || a.startsWith('if ') || a.startsWith('with ')) {
      const kw = a.slice(0, a.indexOf(' ')), v = evalExpr(a.slice(kw.length + 1), dot, root);
      const items = kw === 'range' ? (Array.isArray(v) ? v : v && typeof v === 'object' ? Object.keys(v).sort().map((k) => (v as Record<string, unknown>)[k]) : []) : [];
      let r: { end: number; stop: string };
      if (kw === 'range') {
        r = run(toks, i + 1, dot, root, out, false);
        if (exec) for (const x of items) run(toks, i + 1, x, root, out, true);
      } else {
        const ok = exec && truthy(v);
        r = run(toks, i + 1, kw === 'with' ? v : dot, root, out, ok);
      }
      if (r.stop === 'else') {
        const cond = kw === 'range' ? items.length === 0 : !truthy(v);
        r = run(toks, r.end + 1, dot, root, out, exec && cond);
      }
      if (r.stop !== 'end') throw new KubectlError('error parsing template: unexpected EOF');
      i = r.end + 1;
      continue;
    }
    if (exec) out.push(show(evalExpr(a, dot, root)));
    i++;
  }
  return { end: i, stop: '' };
}

export function executeGoTemplate(tpl: string, data: unknown): string {
  const toks = tokenize(tpl);
  const out: string[] = [];
  const r = run(toks, 0, data, data, out, true);
  if (r.stop) throw new KubectlError(`error parsing template ${tpl}, template: output:1: unexpected {{${r.stop}}}`);
  return out.join('');
}
