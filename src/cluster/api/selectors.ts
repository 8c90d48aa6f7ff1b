/**
 * Label selectors as k8s.io/apimachinery/pkg/labels/selector.go parses them (Parse), with its
 * error strings, plus metav1.LabelSelector matching. Field selectors live in field-selectors.ts.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { formatValue, goQuote } from './errors.js';
import { isQualifiedName, isValidLabelValue } from './validation.js';

export type LabelOperator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';
export interface Requirement { key: string; op: LabelOperator; values: string[] }
export type LabelSelectorParsed = Requirement[];

/** Thrown with the apimachinery message; the API server turns it into a 400. */
export class SelectorParseError extends Error {}

type Tok = 'End' | 'Error' | 'Identifier' | 'ClosedPar' | 'Comma' | 'DoesNotExist' | 'DoubleEquals' | 'Equals'
  | 'GreaterThan' | 'In' | 'LessThan' | 'NotEquals' | 'NotIn' | 'OpenPar';
interface Item { tok: Tok; lit: string }

const STRING2TOKEN: Record<string, Tok> = {
  ')': 'ClosedPar', ',': 'Comma', '!': 'DoesNotExist', '==': 'DoubleEquals', '=': 'Equals', '>': 'GreaterThan',
  'in': 'In', '<': 'LessThan', '!=': 'NotEquals', 'notin': 'NotIn', '(': 'OpenPar',
};
const isSpecial = (c: string): boolean => '=!(),><'.includes(c);
const isWhite = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';

function lex(s: string): Item[] {
  const out: Item[] = [];
  let pos = 0;
  // Go's lexer reads bytes and stops at a NUL byte as at the end of the string.
  const at = (i: number): string => (i < s.length && s[i] !== '\0' ? s[i]! : '');
  for (;;) {
    while (at(pos) !== '' && isWhite(at(pos))) pos++;
    const ch = at(pos);
    if (ch === '') { out.push({ tok: 'End', lit: '' }); return out; }
    if (isSpecial(ch)) {
      let buf = '';
      let last: Item | undefined;
      for (;;) {
        const c = at(pos);
        if (c === '' || !isSpecial(c)) break;
        buf += c; pos++;
        const t = STRING2TOKEN[buf];
        if (t) last = { tok: t, lit: buf };
        else if (last) { pos--; break; }
      }
      out.push(last ?? { tok: 'Error', lit: `error expected: keyword found '${buf}'` });
      if (!last) { out.push({ tok: 'End', lit: '' }); return out; }
      continue;
    }
    let buf = '';
    while (at(pos) !== '' && !isSpecial(at(pos)) && !isWhite(at(pos))) buf += at(pos++);
    const kw = buf === 'in' || buf === 'notin' ? STRING2TOKEN[buf]! : 'Identifier';
    out.push({ tok: kw, lit: buf });
  }
}

class Parser {
  private pos = 0;
  constructor(private readonly items: Item[]) {}
  look(values: boolean): Item {
    const it = this.items[Math.min(this.pos, this.items.length - 1)]!;
    if (values && (it.tok === 'In' || it.tok === 'NotIn')) return { tok: 'Identifier', lit: it.lit };
    return it;
  }
  consume(values: boolean): Item { const it = this.look(values); if (this.pos < this.items.length - 1) this.pos++; return it; }

  parse(): Requirement[] {
    const reqs: Requirement[] = [];
    for (;;) {
      const t = this.look(true);
      if (t.tok === 'Identifier' || t.tok === 'DoesNotExist') {
        let r: Requirement;
        try { r = this.requirement(); } catch (e) {
          throw new SelectorParseError(`unable to parse requirement: ${(e as Error).message}`);
        }
        reqs.push(r);
        const after = this.consume(true);
        if (after.tok === 'End') return reqs;
        if (after.tok === 'Comma') {
          const t2 = this.look(true);
          if (t2.tok !== 'Identifier' && t2.tok !== 'DoesNotExist') throw new SelectorParseError(`found '${t2.lit}', expected: identifier after ','`);
          continue;
        }
        throw new SelectorParseError(`found '${after.lit}', expected: ',' or 'end of string'`);
      }
      if (t.tok === 'End') return reqs;
      throw new SelectorParseError(`found '${t.lit}', expected: !, identifier, or 'end of string'`);
    }
  }

  private requirement(): Requirement {
    let op: LabelOperator | undefined;
    let t = this.consume(true);
    if (t.tok === 'DoesNotExist') { op = '!'; t = this.consume(true); }
    if (t.tok !== 'Identifier') throw new Error(`found '${t.lit}', expected: identifier`);
    const key = t.lit;
    const keyErrs = isQualifiedName(key);
    if (keyErrs.length) throw new Error(`<nil>: Invalid value: ${goQuote(key)}: ${keyErrs.join('; ')}`);
    const n = this.look(true).tok;
    if ((n === 'End' || n === 'Comma') && op !== '!') op = 'exists';
    if (op === 'exists' || op === '!') return newRequirement(key, op, []);
    const o = this.consume(false);
    const OPS: Partial<Record<Tok, LabelOperator>> = { In: 'in', Equals: '=', DoubleEquals: '==', GreaterThan: 'gt', LessThan: 'lt', NotIn: 'notin', NotEquals: '!=' };
    const operator = OPS[o.tok];
    if (!operator) throw new Error(`found '${o.lit}', expected: in, notin, =, ==, !=, gt, lt`);
    const values = operator === 'in' || operator === 'notin' ? this.setValues() : this.exactValue();
    return newRequirement(key, operator, [...new Set(values)].sort());
  }

  private setValues(): string[] {
    const open = this.consume(true);
    if (open.tok !== 'OpenPar') throw new Error(`found '${open.lit}' expected: '('`);
    const first = this.look(true);
    if (first.tok === 'ClosedPar') { this.consume(true); return ['']; }
    if (first.tok !== 'Identifier' && first.tok !== 'Comma') throw new Error(`found '${first.lit}', expected: ',', ')' or identifier`);
    const s = new Set<string>();
    for (let done = false; !done;) {
      const it = this.consume(true);
      if (it.tok === 'Identifier') {
        s.add(it.lit);
        const n = this.look(true);
        if (n.tok === 'Comma') continue;
        if (n.tok === 'ClosedPar') { done = true; continue; }
        throw new Error(`found '${n.lit}', expected: ',' or ')'`);
      } else if (it.tok === 'Comma') {
        if (s.size === 0) s.add('');
        const n = this.look(true);
        if (n.tok === 'ClosedPar') { s.add(''); done = true; continue; }
        if (n.tok === 'Comma') { this.consume(true); s.add(''); }
      } else {
        throw new Error(`found '${it.lit}', expected: ',', or identifier`);
      }
    }
    if (this.consume(true).tok !== 'ClosedPar') throw new Error(`found '${first.lit}', expected: ')'`);
    return [...s];
  }

  private exactValue(): string[] {
    const t = this.look(true);
    if (t.tok === 'End' || t.tok === 'Comma') return [''];
    const v = this.consume(true);
    if (v.tok === 'Identifier') return [v.lit];
    throw new Error(`found '${v.lit}', expected: identifier`);
  }
}

/** labels.NewRequirement's checks, with the messages of its field errors (aggregated). */
function newRequirement(key: string, op: LabelOperator, values: string[]): Requirement {
  const errs: string[] = [];
  const inv = (field: string, v: unknown, detail: string): void => { errs.push(`${field}: Invalid value: ${formatValue(v)}: ${detail}`); };
  if (op === 'gt' || op === 'lt') {
    values.forEach((v, i) => { if (!/^[-+]?\d+$/.test(v) || !Number.isSafeInteger(Number(v))) inv(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"); });
  }
  values.forEach((v, i) => {
    const m = isValidLabelValue(v);
    if (m.length) inv(`values[${i}][${key}]`, v, m.join('; '));
  });
  if (errs.length) throw new Error(errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`);
  return { key, op, values };
}

/** Parses a `-l` string; throws SelectorParseError with apimachinery's text. */
export function parseLabelSelector(selector: string): LabelSelectorParsed {
  return new Parser(lex(selector)).parse();
}

export function matchesLabels(sel: LabelSelectorParsed, labels: Record<string, string> | undefined): boolean {
  const ls = labels ?? {};
  const has = (k: string): boolean => Object.prototype.hasOwnProperty.call(ls, k);
  return sel.every((r) => {
    switch (r.op) {
      case 'in': case '=': case '==': return has(r.key) && r.values.includes(ls[r.key]!);
      case 'notin': case '!=': return !has(r.key) || !r.values.includes(ls[r.key]!);
      case 'exists': return has(r.key);
      case '!': return !has(r.key);
      case 'gt': case 'lt': {
        const v = ls[r.key];
        if (v === undefined || !/^[-+]?\d+$/.test(v)) return false;
        const a = Number(v), b = Number(r.values[0]);
        return r.op === 'gt' ? a > b : a < b;
      }
    }
  });
}

/**
 * metav1.LabelSelectorAsSelector: matchLabels AND matchExpressions. An empty selector ({})
 * matches everything; a null one matches nothing (callers decide which they hold).
 */
export function labelSelectorAsRequirements(s: LabelSelector): LabelSelectorParsed {
  const reqs: Requirement[] = [];
  for (const [k, v] of Object.entries(s.matchLabels ?? {})) reqs.push({ key: k, op: '=', values: [v] });
  for (const e of s.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort();
    switch (e.operator) {
      case 'In': reqs.push({ key: e.key, op: 'in', values }); break;
      case 'NotIn': reqs.push({ key: e.key, op: 'notin', values }); break;
      case 'Exists': reqs.push({ key: e.key, op: 'exists', values: [] }); break;
      case 'DoesNotExist': reqs.push({ key: e.key, op: '!', values: [] }); break;
      default: throw new SelectorParseError(`${goQuote(e.operator)} is not a valid label selector operator`);
    }
  }
  return reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function labelSelectorMatches(s: LabelSelector | undefined | null, labels: Record<string, string> | undefined): boolean {
  if (!s) return false;
  return matchesLabels(labelSelectorAsRequirements(s), labels);
}

/** The string form kubectl shows (`app=nginx,tier in (web)`): metav1.FormatLabelSelector. */
export function formatLabelSelector(s: LabelSelector | undefined | null): string {
  if (!s) return '<none>';
  const parts = labelSelectorAsRequirements(s).map(requirementString);
  const out = parts.join(',');
  return out === '' ? '<none>' : out;
}

export function requirementString(r: Requirement): string {
  switch (r.op) {
    case 'exists': return r.key;
    case '!': return `!${r.key}`;
    case 'in': return `${r.key} in (${r.values.join(',')})`;
    case 'notin': return `${r.key} notin (${r.values.join(',')})`;
    case 'gt': return `${r.key}>${r.values[0]}`;
    case 'lt': return `${r.key}<${r.values[0]}`;
    default: return `${r.key}${r.op}${r.values[0]}`;
  }
}
