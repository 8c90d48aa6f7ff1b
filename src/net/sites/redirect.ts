/** Helpers for sites behind an nginx front end: `return 301 https://$host$request_uri;`. */
import { byteLength, httpDate, type Header, type HttpResponse } from '../http.js';
import { nginxErrorPage } from '../servers/nginx.js';

/** nginx with `server_tokens off` (Server: nginx) answering a redirect or an error page. */
export function nginxFrontResponse(status: number, now: number, extra: Header[] = []): HttpResponse {
  const body = nginxErrorPage(status, 'nginx');
  const reason = body.slice(body.indexOf('<title>') + 7, body.indexOf('</title>')).replace(/^\d+ /, '');
  return {
    version: 'HTTP/1.1', status, reason,
    headers: [
      ['Server', 'nginx'], ['Date', httpDate(now)], ['Content-Type', 'text/html'],
      ['Content-Length', String(byteLength(body))], ['Connection', 'keep-alive'], ...extra,
    ],
    body,
  };
}

export function hostOnly(hostHeader: string | undefined): string {
  return (hostHeader ?? '').toLowerCase().replace(/:\d+$/, '');
}
