/**
 * Command-line parsing with kubectl's rules: cobra finds the command, pflag parses flags
 * (interspersed with arguments, `--flag=value`, `--flag value`, `-abc` clusters, `-nvalue`,
 * `-n=value`, `--` ends flags). Error texts are pflag's, returned as FlagError so checkErr
 * can add cobra's `See 'kubectl <cmd> --help' for usage.` line.
 * Follows github.com/spf13/pflag flag.go (parseLongArg, parseShortArg) and cobra command.go.
 */
export type FlagType = 'bool' | 'string' | 'stringArray' | 'stringSlice' | 'int' | 'duration';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  /** Value when the flag is absent (as pflag would show it). */
  default?: string | boolean | number | string[];
  /** Value used for `--flag` with no `=value` (pflag NoOptDefVal), e.g. `--dry-run` → 'unchanged'. */
  noOptDefault?: string;
  usage?: string;
  hidden?: boolean;
}

export class FlagError extends Error {
  constructor(message: string) { super(message); this.name = 'FlagError'; }
}

export type FlagValue = string | boolean | number | string[];

/** Parsed flags of one invocation. Accessors fall back to the spec default. */
export class ParsedFlags {
  private readonly values = new Map<string, FlagValue>();
  private readonly specs = new Map<string, FlagSpec>();
  constructor(specs: readonly FlagSpec[]) { for (const s of specs) this.specs.set(s.name, s); }

  /** True when the user set the flag (cobra's Flags().Changed). */
  has(name: string): boolean { return this.values.has(name); }
  set(name: string, v: FlagValue): void { this.values.set(name, v); }
  raw(name: string): FlagValue | undefined { return this.values.get(name) ?? this.specs.get(name)?.default; }
  string(name: string): string {
    const v = this.raw(name);
    return typeof v === 'string' ? v : v === undefined ? '' : Array.isArray(v) ? v.join(',') : String(v);
  }
  bool(name: string): boolean { return this.raw(name) === true; }
  int(name: string): number { const v = this.raw(name); return typeof v === 'number' ? v : 0; }
  strings(name: string): string[] { const v = this.raw(name); return Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? [v] : []; }
  /** Every set flag name, for diagnostics. */
  names(): string[] { return [...this.values.keys()]; }
}

export interface ParseResult { args: string[]; flags: ParsedFlags; argsLenAtDash: number; help: boolean }

function flagUsageName(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
}

/** Go strconv messages pflag wraps in `invalid argument "x" for "-f, --flag" flag: ...`. */
function convert(spec: FlagSpec, value: string, prev: FlagValue | undefined): FlagValue {
  const bad = (why: string): never => {
    throw new FlagError(`invalid argument "${value}" for "${flagUsageName(spec)}" flag: ${why}`);
  };
  switch (spec.type) {
    case 'bool': {
      const t = ['1', 't', 'T', 'TRUE', 'true', 'True'], f = ['0', 'f', 'F', 'FALSE', 'false', 'False'];
      if (t.includes(value)) return true;
      if (f.includes(value)) return false;
      return bad(`strconv.ParseBool: parsing "${value}": invalid syntax`);
    }
    case 'int': {
      if (!/^[+-]?\d+$/.test(value)) return bad(`strconv.ParseInt: parsing "${value}": invalid syntax`);
      const n = Number(value);
      if (!Number.isSafeInteger(n)) return bad(`strconv.ParseInt: parsing "${value}": value out of range`);
      return n;
    }
    case 'duration': {
      if (/^[+-]?0*$/.test(value) && value !== '' && value !== '+' && value !== '-') return value;
      if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value)) return bad(`time: missing unit in duration "${value}"`);
      if (!/^[+-]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$/.test(value)) return bad(`time: invalid duration "${value}"`);
      return value;
    }
    case 'stringArray': return [...(Array.isArray(prev) ? prev : []), value];
    case 'stringSlice': {
      // pflag reads a slice value as CSV; quoting is rare in practice, a plain split suffices.
      const parts = value === '' ? [] : value.split(',');
      return [...(Array.isArray(prev) ? prev : []), ...parts];
    }
    default: return value;
  }
}

/**
 * Parse argv (everything after the command path) against `specs`. pflag semantics:
 * a bool flag takes a value only with `=`; other flags take `=value` or the next token;
 * `-h`/`--help` are recognised everywhere.
 */
export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): ParseResult {
  const byLong = new Map<string, FlagSpec>(), byShort = new Map<string, FlagSpec>();
  for (const s of specs) { byLong.set(s.name, s); if (s.short) byShort.set(s.short, s); }
  const flags = new ParsedFlags(specs);
  const args: string[] = [];
  let argsLenAtDash = -1, help = false;
  const setValue = (spec: FlagSpec, value: string): void => { flags.set(spec.name, convert(spec, value, flags.has(spec.name) ? flags.raw(spec.name) : undefined)); };

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') { argsLenAtDash = args.length; args.push(...argv.slice(i + 1)); break; }
    if (!a.startsWith('-') || a === '-') { args.push(a); continue; }
    if (a.startsWith('--')) {
      const body = a.slice(2);
      if (body.startsWith('-') || body.startsWith('=')) throw new FlagError(`bad flag syntax: ${a}`);
      const eq = body.indexOf('=');
      // pflag normalises `_` to `-` in names (kubectl's WordSepNormalizeFunc).
      const name = (eq >= 0 ? body.slice(0, eq) : body).replace(/_/g, '-');
      const spec = byLong.get(name);
      if (!spec) {
        if (name === 'help') { help = true; continue; }
        throw new FlagError(`unknown flag: --${name}`);
      }
      if (eq >= 0) setValue(spec, body.slice(eq + 1));
      else if (spec.type === 'bool') setValue(spec, 'true');
      else if (spec.noOptDefault !== undefined) setValue(spec, spec.noOptDefault);
      else if (i + 1 < argv.length) setValue(spec, argv[++i]!);
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    // Short flags: a cluster like -it, or -nNAME / -n=NAME / -n NAME.
    let rest = a.slice(1);
    while (rest.length > 0) {
      const c = [...rest][0]!;
      const after = rest.slice(c.length);
      const spec = byShort.get(c);
      if (!spec) {
        if (c === 'h') { help = true; rest = after; continue; }
        throw new FlagError(`unknown shorthand flag: '${c}' in -${rest}`);
      }
      if (after.startsWith('=')) { setValue(spec, after.slice(1)); rest = ''; break; }
      if (spec.type === 'bool') { setValue(spec, 'true'); rest = after; continue; }
      if (spec.noOptDefault !== undefined) { setValue(spec, spec.noOptDefault); rest = after; continue; }
      if (after.length > 0) { setValue(spec, after); rest = ''; break; }
      if (i + 1 < argv.length) { setValue(spec, argv[++i]!); rest = ''; break; }
      throw new FlagError(`flag needs an argument: '${c}' in -${rest}`);
    }
  }
  return { args, flags, argsLenAtDash, help };
}
