/**
 * Which server program an image runs and on which ports it listens: the network's fallback
 * when the container runtime does not say. Keyed by image repository (no registry, no tag).
 */
import { productVersion, resolveImage } from '../cluster/images.js';
import type { HttpServer } from './http.js';
import { HttpdServer } from './servers/httpd.js';
import { NginxServer } from './servers/nginx.js';

export interface AppInfo { app: string; ports: number[]; version: string }

const APPS: Record<string, AppInfo> = {
  nginx: { app: 'nginx', ports: [80], version: '1.29.3' },
  'nginxinc/nginx-unprivileged': { app: 'nginx', ports: [8080], version: '1.29.3' },
  httpd: { app: 'httpd', ports: [80], version: '2.4.65' },
};

/** `docker.io/library/nginx:1.27` → `nginx`; `nginx:1.27.5` → version hint `1.27.5`. */
export function imageRepo(image: string): { repo: string; tag: string } {
  let s = image.replace(/@sha256:[0-9a-f]+$/, '');
  let tag = 'latest';
  const slash = s.lastIndexOf('/');
  const colon = s.lastIndexOf(':');
  if (colon > slash) { tag = s.slice(colon + 1); s = s.slice(0, colon); }
  s = s.replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '').replace(/^library\//, '');
  return { repo: s, tag };
}

export function appForImage(image: string): AppInfo | undefined {
  const { repo, tag } = imageRepo(image);
  const info = APPS[repo];
  if (!info) return undefined;
  // A pinned tag (nginx:1.27.5, nginx:1.27 → its last patch) is what the server reports.
  const version = productVersion(resolveImage(image)) ?? (/^\d+\.\d+\.\d+$/.test(tag) ? tag : info.version);
  return { ...info, version };
}

export function serverFor(app: string, version: string): HttpServer | undefined {
  if (app === 'nginx') return new NginxServer({ version });
  if (app === 'httpd') return new HttpdServer(version);
  return undefined;
}
