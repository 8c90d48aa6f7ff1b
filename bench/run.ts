/**
 * `npm run bench`: speed and size numbers, printed, never asserted. Each area contributes a
 * module exporting `bench*(): Promise<Record<string, number | string>>`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const suites: { file: string; fn: string; title: string }[] = [
  { file: 'cluster.ts', fn: 'benchCluster', title: 'cluster (API server + controllers)' },
  { file: 'kubectl.ts', fn: 'benchKubectl', title: 'kubectl on the article cluster' },
  { file: 'page.mjs', fn: 'benchPage', title: 'page (production build, headless Chromium)' },
];

const only = process.argv.slice(2);
for (const s of suites) {
  if (only.length && !only.some((o) => s.file.startsWith(o))) continue;
  if (!existsSync(here + s.file)) { console.log(`\n## ${s.title}\n(missing bench/${s.file})`); continue; }
  console.log(`\n## ${s.title}`);
  const mod = (await import(here + s.file)) as Record<string, () => Promise<Record<string, number | string>>>;
  const fn = mod[s.fn];
  if (!fn) { console.log(`(bench/${s.file} exports no ${s.fn})`); continue; }
  const result = await fn();
  const width = Math.max(...Object.keys(result).map((k) => k.length));
  for (const [k, v] of Object.entries(result)) console.log(`${k.padEnd(width)}  ${typeof v === 'number' ? formatNumber(v) : v}`);
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 3 : 1);
}
