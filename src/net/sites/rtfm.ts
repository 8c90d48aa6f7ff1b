/**
 * rtfm.co.ua, the seed article's author's blog, at the IP the article's Endpoints use
 * (139.59.205.180, DigitalOcean). nginx in front of WordPress: every plain-HTTP request is
 * redirected to https://rtfm.co.ua (the default server too, so `Host: external-svc` works
 * after `curl -L`, as the article observed); HTTPS serves the blog for its own names only.
 */
import { httpDate, byteLength, header, requestPath, type HttpRequest, type HttpResponse, type ServerContext } from '../http.js';
import type { Site } from '../internet.js';
import { hostOnly, nginxFrontResponse } from './redirect.js';

export const RTFM_IP = '139.59.205.180';
export const RTFM_TITLE = 'RTFM: Linux, DevOps, and system administration';

export const RTFM_HOME_HTML = `<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="profile" href="https://gmpg.org/xfn/11">
<title>${RTFM_TITLE}</title>
<meta name="description" content="Linux, DevOps, Kubernetes, AWS and system administration notes" />
<link rel="canonical" href="https://rtfm.co.ua/en/" />
<link rel="alternate" type="application/rss+xml" title="RTFM &raquo; Feed" href="https://rtfm.co.ua/en/feed/" />
<link rel="stylesheet" id="wp-block-library-css" href="https://rtfm.co.ua/wp-includes/css/dist/block-library/style.min.css" type="text/css" media="all" />
</head>
<body class="home blog">
<div id="page" class="site">
<header id="masthead" class="site-header">
<p class="site-title"><a href="https://rtfm.co.ua/en/" rel="home">RTFM</a></p>
<p class="site-description">Linux, DevOps, and system administration</p>
</header>
<main id="main" class="site-main">
<article class="post type-post status-publish format-standard">
<h2 class="entry-title"><a href="https://rtfm.co.ua/en/kubernetes-what-are-endpoints/" rel="bookmark">Kubernetes: what are Endpoints</a></h2>
<div class="entry-summary"><p>Usually, we don&#8217;t see Endpoints objects when using Kubernetes Services, as they are working under the hood&#8230;</p></div>
</article>
<article class="post type-post status-publish format-standard">
<h2 class="entry-title"><a href="https://rtfm.co.ua/en/kubernetes-clusterip-vs-nodeport-vs-loadbalancer-services-and-ingress-an-overview-with-examples/" rel="bookmark">Kubernetes: ClusterIP vs NodePort vs LoadBalancer, Services, and Ingress &#8211; an overview with examples</a></h2>
<div class="entry-summary"><p>Kubernetes Services and Ingress, how they work and how traffic gets to a pod&#8230;</p></div>
</article>
</main>
<footer id="colophon" class="site-footer">
<div class="site-info">RTFM &copy; Arseny Zinchenko</div>
</footer>
</div>
</body>
</html>
`;

const OWN_NAMES = ['rtfm.co.ua', 'www.rtfm.co.ua'];

function handle(req: HttpRequest, ctx: ServerContext): HttpResponse {
  const host = hostOnly(header(req.headers, 'Host'));
  const res = ctx.tls && host === 'rtfm.co.ua' ? page(req, ctx)
    // default_server and www: one canonical https name.
    : nginxFrontResponse(301, ctx.now, [['Location', `https://rtfm.co.ua${req.target}`]]);
  if (req.method === 'HEAD') res.body = '';
  return res;
}

function page(req: HttpRequest, ctx: ServerContext): HttpResponse {
  const path = requestPath(req.target);
  if (path !== '/' && path !== '/en/' && path !== '/index.php') return nginxFrontResponse(404, ctx.now);
  return {
    version: 'HTTP/1.1', status: 200, reason: 'OK',
    headers: [
      ['Server', 'nginx'], ['Date', httpDate(ctx.now)], ['Content-Type', 'text/html; charset=UTF-8'],
      ['Content-Length', String(byteLength(RTFM_HOME_HTML))], ['Connection', 'keep-alive'],
      ['Vary', 'Accept-Encoding'],
      ['Link', '<https://rtfm.co.ua/wp-json/>; rel="https://api.w.org/"'],
      ['Strict-Transport-Security', 'max-age=31536000'],
    ],
    body: RTFM_HOME_HTML,
  };
}

export function rtfmSite(): Site {
  return {
    names: OWN_NAMES, ips: [RTFM_IP], ports: [80, 443], closedPorts: 'drop',
    certNames: OWN_NAMES, icmp: true, latencyMs: 19, server: { handle },
  };
}
