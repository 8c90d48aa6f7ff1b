import { describe, expect, it } from 'vitest';
import { formatLabelSelector, labelSelectorMatches, matchesLabels, parseLabelSelector } from '../../../src/cluster/api/selectors.js';
import { parseFieldSelector } from '../../../src/cluster/api/field-selectors.js';
import { apiError, newServer, nginxPod, PODS, NAMESPACES } from './helpers.js';

const parseErr = (s: string): string => { try { parseLabelSelector(s); } catch (e) { return (e as Error).message; } return 'no error'; };

describe('label selector parsing (apimachinery labels.Parse)', () => {
  it.each([
    ['app in (nginx', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['app=nginx,', "found '', expected: identifier after ','"],
    ['=nginx', "found '=', expected: !, identifier, or 'end of string'"],
    ['app nginx', "unable to parse requirement: found 'nginx', expected: in, notin, =, ==, !=, gt, lt"],
    ['app in nginx', "unable to parse requirement: found 'nginx' expected: '('"],
    ['app in (a b)', "unable to parse requirement: found 'b', expected: ',' or ')'"],
    ['app>x', `unable to parse requirement: values[0]: Invalid value: "x": for 'Gt', 'Lt' operators, the value must be an integer`],
    ['app:web=x', `unable to parse requirement: <nil>: Invalid value: "app:web": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`],
    ['!app=x', "found '=', expected: ',' or 'end of string'"],
  ])('%s', (sel, msg) => {
    expect(parseErr(sel)).toBe(msg);
  });

  it('parses every operator', () => {
    expect(parseLabelSelector('a=1, b==2,c!=3,d in (x, y),e notin (z),f,!g,h>5,i<7')).toEqual([
      { key: 'a', op: '=', values: ['1'] }, { key: 'b', op: '==', values: ['2'] }, { key: 'c', op: '!=', values: ['3'] },
      { key: 'd', op: 'in', values: ['x', 'y'] }, { key: 'e', op: 'notin', values: ['z'] }, { key: 'f', op: 'exists', values: [] },
      { key: 'g', op: '!', values: [] }, { key: 'h', op: 'gt', values: ['5'] }, { key: 'i', op: 'lt', values: ['7'] },
    ]);
    expect(parseLabelSelector('a=')).toEqual([{ key: 'a', op: '=', values: [''] }]);
    expect(parseLabelSelector('a in ()')).toEqual([{ key: 'a', op: 'in', values: [''] }]);
  });

  it('matches like the real server: != and notin match objects without the key', () => {
    const m = (s: string, l: Record<string, string>): boolean => matchesLabels(parseLabelSelector(s), l);
    expect(m('app=nginx', { app: 'nginx' })).toBe(true);
    expect(m('app!=nginx', {})).toBe(true);
    expect(m('app notin (a)', {})).toBe(true);
    expect(m('app in (a)', {})).toBe(false);
    expect(m('!pod-template-hash', { app: 'x' })).toBe(true);
    expect(m('n>3', { n: '4' })).toBe(true);
    expect(m('n>3', { n: 'x' })).toBe(false);
    expect(m('', { a: 'b' })).toBe(true);
  });
});

describe('LabelSelector objects', () => {
  it('matches matchLabels and matchExpressions and formats like kubectl', () => {
    const sel = { matchLabels: { app: 'nginx' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'api'] }] };
    expect(labelSelectorMatches(sel, { app: 'nginx', tier: 'web' })).toBe(true);
    expect(labelSelectorMatches(sel, { app: 'nginx' })).toBe(false);
    expect(formatLabelSelector(sel)).toBe('app=nginx,tier in (api,web)');
    expect(formatLabelSelector({})).toBe('<none>');
    expect(labelSelectorMatches({}, { any: 'thing' })).toBe(true);
    expect(labelSelectorMatches(undefined, {})).toBe(false);
  });
});

describe('field selectors', () => {
  it('parses terms and reports bad ones like fields.ParseSelector', () => {
    expect(parseFieldSelector('status.phase!=Running,spec.nodeName==n1')).toEqual([
      { field: 'spec.nodeName', op: '=', value: 'n1' }, { field: 'status.phase', op: '!=', value: 'Running' }]);
    expect(() => parseFieldSelector('foo')).toThrow("invalid selector: 'foo'; can't understand 'foo'");
    expect(() => parseFieldSelector('a=b\\x')).toThrow('invalid field selector: invalid escape sequence: \\x');
  });

  it('filters lists and rejects unsupported fields per kind', () => {
    const { api } = newServer();
    api.create(PODS, 'default', nginxPod('a'));
    api.create(PODS, 'default', nginxPod('b'));
    expect(api.list(PODS, 'default', { fieldSelector: 'metadata.name=b' }).items.map((p) => p.metadata?.name)).toEqual(['b']);
    expect(api.list(PODS, 'default', { fieldSelector: 'status.phase=Pending,spec.nodeName=' }).items).toHaveLength(2);
    const e = apiError(() => api.list(PODS, 'default', { fieldSelector: 'foo=bar' }));
    expect(e.code).toBe(400);
    expect(e.reason).toBe('BadRequest');
    expect(e.message).toBe('field label not supported: foo');
    expect(apiError(() => api.list(NAMESPACES, undefined, { fieldSelector: 'metadata.namespace=x' })).message).toBe('field label not supported: metadata.namespace');
    expect(api.list(NAMESPACES, undefined, { fieldSelector: 'status.phase=Active' }).items).toHaveLength(4);
  });

  it('turns label selector syntax errors into 400 BadRequest', () => {
    const { api } = newServer();
    const e = apiError(() => api.list(PODS, 'default', { labelSelector: 'app in (nginx' }));
    expect(e.code).toBe(400);
    expect(e.message).toBe("unable to parse requirement: found '', expected: ',' or ')'");
  });
});
