/** IPv4 helpers shared by DNS, the service proxy and the internet registry. */

export function ipToInt(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

export function isIPv4(s: string): boolean { return ipToInt(s) !== undefined; }

export function inCIDR(ip: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const a = ipToInt(ip);
  const b = ipToInt(base ?? '');
  const bits = Number(bitsText ?? '32');
  if (a === undefined || b === undefined || !(bits >= 0 && bits <= 32)) return false;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return ((a & mask) >>> 0) === ((b & mask) >>> 0);
}

/** `10.244.0.7` → `10-244-0-7` (pod A records and hostname-less headless records). */
export function dashed(ip: string): string { return ip.replace(/\./g, '-'); }

/** `10-244-0-7` → `10.244.0.7` when it is a valid dashed IPv4, else undefined. */
export function undashed(label: string): string | undefined {
  const ip = label.replace(/-/g, '.');
  return isIPv4(ip) ? ip : undefined;
}

/** `10.96.0.10` → `10.0.96.10.in-addr.arpa`. */
export function reverseName(ip: string): string { return ip.split('.').reverse().join('.') + '.in-addr.arpa'; }
