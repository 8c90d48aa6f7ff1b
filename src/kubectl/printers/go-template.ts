/**
 * -o go-template: the small subset of Go text/template learners use with kubectl:
 * `{{.a.b}}`, `{{range .items}}...{{end}}`, `{{if .x}}...{{else}}...{{end}}`, `{{"\n"}}`,
 * `{{index .metadata.labels "app"}}`, `{{len .items}}`, `{{- ... -}}` trimming, pipelines
 * (`{{.data.token | base64decode}}`), variables (`{{range $i, $p := .items}}`), `(...)`, and the
 * comparison/logic functions and printf verbs (%s %v %d %q) of text/template.
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

type Vars = Map<string, unknown>;

function field(cur: unknown, path: string): unknown {
  for (const part of path.split('.').filter((p) => p !== '')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Splits a pipeline at `|` and a command at spaces, outside quotes and parentheses. */
function split(expr: string, sep: 'pipe' | 'space'): string[] {
  const out: string[] = [];
  let cur = '', depth = 0, quote = '';
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i]!;
    if (quote) { cur += c; if (c === '\\' && quote === '"') cur += expr[++i] ?? ''; else if (c === quote) quote = ''; continue; }
    if (c === '"' || c === '`') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    if (depth === 0 && (sep === 'pipe' ? c === '|' : /\s/.test(c))) { if (cur.trim()) out.push(cur.trim()); cur = ''; continue; }
    cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

const b64 = (s: string): string => new TextDecoder().decode(Uint8Array.from(atob(s), (ch) => ch.charCodeAt(0)));

/** fmt's verbs learners use in printf: %s %v %d %q %%. */
function sprintf(format: string, args: unknown[]): string {
  let k = 0;
  return format.replace(/%([svdq%])/g, (_m, verb: string) => {
    if (verb === '%') return '%';
    if (k >= args.length) return `%!${verb}(MISSING)`;
    const v = args[k++];
    if (verb === 'q') return JSON.stringify(typeof v === 'string' ? v : show(v, true));
    return show(v, true);
  });
}

function eq(a: unknown, b: unknown): boolean { return a === b; }

const FUNCS: Record<string, (args: unknown[]) => unknown> = {
  index: ([v, ...keys]) => keys.reduce((acc, k) => (acc && typeof acc === 'object' ? (acc as Record<string, unknown>)[String(k)] : undefined), v),
  len: ([v]) => (Array.isArray(v) ? v.length : v && typeof v === 'object' ? Object.keys(v).length : typeof v === 'string' ? v.length : 0),
  print: (args) => args.map((v, i) => (i > 0 && typeof v !== 'string' && typeof args[i - 1] !== 'string' ? ' ' : '') + show(v, true)).join(''),
  println: (args) => `${args.map((v) => show(v, true)).join(' ')}\n`,
  printf: ([f, ...args]) => sprintf(String(f), args),
  eq: ([a, ...bs]) => bs.some((b) => eq(a, b)),
  ne: ([a, b]) => !eq(a, b),
  lt: ([a, b]) => (a as number) < (b as number), le: ([a, b]) => (a as number) <= (b as number),
  gt: ([a, b]) => (a as number) > (b as number), ge: ([a, b]) => (a as number) >= (b as number),
  not: ([a]) => !truthy(a),
  and: (args) => args.find((a) => !truthy(a)) ?? args[args.length - 1],
  or: (args) => args.find((a) => truthy(a)) ?? args[args.length - 1],
  base64decode: ([s]) => b64(String(s)),
  exists: ([v, ...keys]) => keys.every((k) => { const ok = v !== null && typeof v === 'object' && String(k) in (v as object); v = ok ? (v as Record<string, unknown>)[String(k)] : undefined; return ok; }),
};

/** One operand: a literal, `.a.b`, `$x.a`, or `(pipeline)` followed by fields. */
function operand(w: string, dot: unknown, vars: Vars): unknown {
  if (w.startsWith('"')) return JSON.parse(w) as string;
  if (w.startsWith('`')) return w.slice(1, -1);
  if (/^-?\d+(\.\d+)?$/.test(w)) return Number(w);
  if (w === 'true' || w === 'false') return w === 'true';
  if (w === 'nil') return null;
  if (w.startsWith('(')) {
    const close = w.lastIndexOf(')');
    return field(pipeline(w.slice(1, close), dot, vars), w.slice(close + 1));
  }
  if (w.startsWith('$')) { const m = /^\$\w*/.exec(w)![0]; return field(vars.get(m), w.slice(m.length)); }
  if (w.startsWith('.')) return field(dot, w);
  throw new KubectlError(`template: output:1: function "${w}" not defined`);
}

function command(words: string[], dot: unknown, vars: Vars, piped: unknown[]): unknown {
  const fn = FUNCS[words[0]!];
  if (fn) return fn([...words.slice(1).map((w) => operand(w, dot, vars)), ...piped]);
  return operand(words[0] ?? '.', dot, vars);
}

function pipeline(expr: string, dot: unknown, vars: Vars): unknown {
  let piped: unknown[] = [];
  for (const cmd of split(expr, 'pipe')) piped = [command(split(cmd, 'space'), dot, vars, piped)];
  return piped[0];
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

function run(toks: Tok[], start: number, dot: unknown, vars: Vars, out: string[], exec: boolean): { end: number; stop: string } {
  let i = start;
  while (i < toks.length) {
    const tk = toks[i]!;
    if (tk.t === 'text') { if (exec) out.push(tk.v); i++; continue; }
    const a = tk.v;
    if (a === 'end' || a === 'else') return { end: i, stop: a };
    if (a.startsWith('range ') || a.startsWith('if ') || a.startsWith('with ')) {
      const kw = a.slice(0, a.indexOf(' '));
      const decl = /^(\$\w+)(?:\s*,\s*(\$\w+))?\s*:=\s*([^]*)$/.exec(a.slice(kw.length + 1).trim());
      const v = exec ? pipeline(decl ? decl[3]! : a.slice(kw.length + 1), dot, vars) : undefined;
      const entries: [unknown, unknown][] = kw !== 'range' ? [] : Array.isArray(v) ? v.map((x, k) => [k, x])
        : v && typeof v === 'object' ? Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]) : [];
      let r: { end: number; stop: string };
      if (kw === 'range') {
        r = run(toks, i + 1, dot, vars, out, false);
        if (exec) {
          for (const [k, x] of entries) {
            const inner = new Map(vars);
            if (decl) { if (decl[2]) { inner.set(decl[1]!, k); inner.set(decl[2], x); } else inner.set(decl[1]!, x); }
            run(toks, i + 1, x, inner, out, true);
          }
        }
      } else {
        const inner = new Map(vars);
        if (decl) inner.set(decl[1]!, v);
        r = run(toks, i + 1, kw === 'with' ? v : dot, inner, out, exec && truthy(v));
      }
      if (r.stop === 'else') {
        const cond = kw === 'range' ? entries.length === 0 : !truthy(v);
        r = run(toks, r.end + 1, dot, vars, out, exec && cond);
      }
      if (r.stop !== 'end') throw new KubectlError('error parsing template: unexpected EOF');
      i = r.end + 1;
      continue;
    }
    const assign = /^(\$\w+)\s*:=\s*([^]*)$/.exec(a);
    if (assign) { if (exec) vars.set(assign[1]!, pipeline(assign[2]!, dot, vars)); i++; continue; }
    if (exec) out.push(show(pipeline(a, dot, vars)));
    i++;
  }
  return { end: i, stop: '' };
}

export function executeGoTemplate(tpl: string, data: unknown): string {
  const toks = tokenize(tpl);
  const out: string[] = [];
  const r = run(toks, 0, data, new Map([['$', data]]), out, true);
  if (r.stop) throw new KubectlError(`error parsing template ${tpl}, template: output:1: unexpected {{${r.stop}}}`);
  return out.join('');
}
