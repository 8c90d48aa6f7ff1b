// Builds dist/ with `vite build` when it is missing or older than the sources it comes from.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const e of readdirSync(path)) m = Math.max(m, newest(join(path, e)));
  return m;
}

export function ensureBuilt(root) {
  const built = join(root, 'dist/index.html');
  const sources = ['src', 'public', 'lessons', 'index.html', 'vite.config.ts', 'package.json'].map((p) => newest(join(root, p)));
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources)) return;
  const b = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (b.status !== 0) throw new Error('vite build failed');
}

/** Bytes fetched before the first prompt: index.html's scripts, styles and preloads. */
export function initialBytes(root) {
  const dist = join(root, 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = [...new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]))];
  let raw = 0, gz = 0;
  for (const r of refs) {
    const buf = readFileSync(join(dist, r));
    raw += buf.length;
    gz += gzipSync(buf, { level: 9 }).length;
  }
  return { files: refs.length, raw, gz };
}
