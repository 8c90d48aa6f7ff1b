/** Go time.ParseDuration for flag values (`30s`, `1m30s`, `500ms`, `0`), in milliseconds. */
export function parseDuration(s: string): number {
  if (s === '' || s === '0') return 0;
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  const re = /([0-9]*\.?[0-9]+)(ns|us|µs|ms|s|m|h)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) total += Number(m[1]) * units[m[2]!]!;
  return s.startsWith('-') ? -total : total;
}
