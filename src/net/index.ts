/** The network layer's public surface. */
export { Network, networkFor, networkForApi, type NetworkHost, type NetworkDeps, type RuntimeView, type RuntimeProcess, type Listener, type Client, type Peer, type ConnectResult, type PingResult } from './network.js';
export { ClusterDns, type DnsResponse, type RR, type RRType, type Rcode, type LookupResult } from './dns.js';
export { ServiceProxy, type Route } from './proxy.js';
export { ApiView, type Backend } from './api-view.js';
export { Internet, certMatches, type Site } from './internet.js';
export { defaultInternet, RTFM_IP, RTFM_TITLE } from './sites/index.js';
export {
  type HttpRequest, type HttpResponse, type HttpServer, type ServerContext, type Header,
  header, httpDate, formatResponseHead, byteLength, reasonPhrase,
} from './http.js';
export { NginxServer, NGINX_INDEX_HTML, nginxErrorPage } from './servers/nginx.js';
export { HttpdServer, HTTPD_INDEX_HTML } from './servers/httpd.js';
export { appForImage, imageRepo } from './apps.js';
export { dashed, isIPv4, inCIDR, reverseName } from './ip.js';
