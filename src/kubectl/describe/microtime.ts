/**
 * metav1.MicroTime decoding as client-go does it (time.Parse with RFC3339Micro): a value without
 * exactly six fractional digits fails to decode, and kubectl reports that error instead of the
 * object (describe node: `Lease: Failed to get lease: parsing time ...`).
 */
const LAYOUT = '2006-01-02T15:04:05.000000Z07:00';

/** The Go error text for a MicroTime string that does not decode, or null when it does. */
export function microTimeError(value: unknown): string | null {
  if (value === undefined || value === null || typeof value !== 'string') return null;
  const m = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.exec(value);
  if (!m) return null; // other malformations are not modelled
  const rest = value.slice(m[0].length);
  if (!/^[.,]\d{6}/.test(rest)) return `parsing time "${value}" as "${LAYOUT}": cannot parse "${rest}" as ".000000"`;
  const tz = rest.slice(7);
  if (tz === 'Z' || /^[+-]\d\d:\d\d$/.test(tz)) return null;
  return `parsing time "${value}" as "${LAYOUT}": cannot parse "${tz}" as "Z07:00"`;
}
