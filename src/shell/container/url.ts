/** URL parsing as curl and wget accept URLs on the command line (scheme optional). */

export interface ParsedUrl {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  /** Path plus query, at least '/'. */
  target: string;
  /** The port was written explicitly (Host header then carries it). */
  explicitPort: boolean;
}

export type UrlError = { error: 'unsupported'; scheme: string } | { error: 'malformed' } | { error: 'bad-port' };

export function parseUrl(input: string, base?: ParsedUrl): ParsedUrl | UrlError {
  let s = input.trim();
  if (base && !/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) {
    // A relative Location: absolute path, or relative to the base's directory.
    if (s.startsWith('//')) s = `${base.scheme}:${s}`;
    else {
      const dir = base.target.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
      const path = s.startsWith('/') ? s : dir + s;
      return { ...base, target: path || '/' };
    }
  }
  let scheme = 'http';
  const m = /^([a-z][a-z0-9+.-]*):\/\//i.exec(s);
  if (m) { scheme = m[1]!.toLowerCase(); s = s.slice(m[0].length); }
  if (scheme !== 'http' && scheme !== 'https') return { error: 'unsupported', scheme };
  const slash = s.search(/[/?#]/);
  const authority = slash >= 0 ? s.slice(0, slash) : s;
  let target = slash >= 0 ? s.slice(slash) : '/';
  if (target.startsWith('?')) target = '/' + target;
  target = target.replace(/#.*$/, '') || '/';
  const hostPort = authority.replace(/^.*@/, '');
  const pm = /^(.*?)(?::(\d*))?$/.exec(hostPort)!;
  const host = pm[1]!.toLowerCase();
  if (!host || /[\s<>"{}|\\^`]/.test(host)) return { error: 'malformed' };
  const explicitPort = pm[2] !== undefined && pm[2] !== '';
  const port = explicitPort ? Number(pm[2]) : scheme === 'https' ? 443 : 80;
  if (!(port > 0 && port < 65536)) return { error: 'bad-port' };
  return { scheme: scheme as 'http' | 'https', host, port, target, explicitPort };
}

export function formatUrl(u: ParsedUrl): string {
  const def = u.scheme === 'https' ? 443 : 80;
  return `${u.scheme}://${u.host}${u.port !== def ? `:${u.port}` : ''}${u.target}`;
}

export function hostHeader(u: ParsedUrl): string {
  const def = u.scheme === 'https' ? 443 : 80;
  return u.port !== def ? `${u.host}:${u.port}` : u.host;
}
