/** date [-u] [+FORMAT] on the virtual clock, in UTC (the simulated machines' zone). */
import type { Command } from '../command.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

export function strftime(fmt: string, ms: number): string {
  const d = new Date(ms);
  const map: Record<string, () => string> = {
    Y: () => String(d.getUTCFullYear()), m: () => p2(d.getUTCMonth() + 1), d: () => p2(d.getUTCDate()),
    e: () => String(d.getUTCDate()).padStart(2), H: () => p2(d.getUTCHours()), M: () => p2(d.getUTCMinutes()),
    S: () => p2(d.getUTCSeconds()), s: () => String(Math.floor(ms / 1000)), Z: () => 'UTC', z: () => '+0000',
    a: () => DAYS[d.getUTCDay()]!, b: () => MONTHS[d.getUTCMonth()]!, h: () => MONTHS[d.getUTCMonth()]!,
    A: () => ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][d.getUTCDay()]!,
    T: () => `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`,
    F: () => `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`,
    N: () => String(ms % 1000).padStart(3, '0') + '000000', n: () => '\n', '%': () => '%',
    y: () => p2(d.getUTCFullYear() % 100), j: () => String(Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000) + 1).padStart(3, '0'),
  };
  return fmt.replace(/%([A-Za-z%])/g, (m, c: string) => (map[c] ? map[c]!() : m));
}

/** GNU date's default output: `Thu Nov 26 23:01:05 UTC 2026`. */
export function defaultDate(ms: number): string { return strftime('%a %b %e %H:%M:%S %Z %Y', ms); }

export function makeDate(now: () => number): Command {
  return async (args, io) => {
    let fmt: string | undefined;
    for (const a of args) {
      if (a.startsWith('+')) fmt = a.slice(1);
      else if (a === '-u' || a === '--utc' || a === '-R') { if (a === '-R') fmt = '%a, %d %b %Y %H:%M:%S %z'; }
      else if (a === '-I' || a === '--iso-8601') fmt = '%F';
      else {
        io.stderr(`date: invalid date ‘${a}’\n`);
        return 1;
      }
    }
    io.stdout((fmt !== undefined ? strftime(fmt, now()) : defaultDate(now())) + '\n');
    return 0;
  };
}
