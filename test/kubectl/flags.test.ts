/** pflag rules and messages: clusters, `=` forms, `--`, typed values. */
import { describe, expect, it } from 'vitest';
import { FlagError, parseFlags, type FlagSpec } from '../../src/kubectl/flags.js';

const specs: FlagSpec[] = [
  { name: 'interactive', short: 'i', type: 'bool' }, { name: 'tty', short: 't', type: 'bool' },
  { name: 'namespace', short: 'n', type: 'string', default: '' }, { name: 'replicas', type: 'int', default: 0 },
  { name: 'label-columns', short: 'L', type: 'stringSlice', default: [] }, { name: 'timeout', type: 'duration', default: '0s' },
  { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged' },
];
const parse = (...argv: string[]) => parseFlags(argv, specs);
const error = (...argv: string[]): string => { try { parse(...argv); return ''; } catch (e) { return (e as FlagError).message; } };

describe('flag parsing', () => {
  it('reads clusters, attached values and = forms anywhere among the arguments', () => {
    const p = parse('run', '-it', 'x', '-nkube-system', '--replicas=3', '-L', 'a,b', '-L=c', '--dry-run', '--', 'bash', '-c');
    expect(p.args).toEqual(['run', 'x', 'bash', '-c']);
    expect(p.argsLenAtDash).toBe(2);
    expect([p.flags.bool('interactive'), p.flags.bool('tty'), p.flags.string('namespace'), p.flags.int('replicas')]).toEqual([true, true, 'kube-system', 3]);
    expect(p.flags.strings('label-columns')).toEqual(['a', 'b', 'c']);
    expect(p.flags.string('dry-run')).toBe('unchanged');
  });

  it('gives pflag\'s messages', () => {
    expect(error('--nope')).toBe('unknown flag: --nope');
    expect(error('-ix')).toBe("unknown shorthand flag: 'x' in -x");
    expect(error('-n')).toBe("flag needs an argument: 'n' in -n");
    expect(error('--namespace')).toBe('flag needs an argument: --namespace');
    expect(error('--replicas=two')).toBe('invalid argument "two" for "--replicas" flag: strconv.ParseInt: parsing "two": invalid syntax');
    expect(error('-i=maybe')).toBe('invalid argument "maybe" for "-i, --interactive" flag: strconv.ParseBool: parsing "maybe": invalid syntax');
    expect(error('--timeout=5')).toBe('invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"');
    expect(error('--timeout=5x')).toBe('invalid argument "5x" for "--timeout" flag: time: invalid duration "5x"');
    expect(error('---x')).toBe('bad flag syntax: ---x');
  });

  it('accepts --help and -h anywhere and leaves a lone - as an argument', () => {
    expect(parse('get', '-h').help).toBe(true);
    expect(parse('--help').help).toBe(true);
    expect(parse('apply', '-').args).toEqual(['apply', '-']);
    expect(parse('-n', '-').flags.string('namespace')).toBe('-');
  });
});
