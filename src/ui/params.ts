/**
 * The page's URL parameters: part of the embedding contract (docs/embed.md), so names and
 * values here must not change. Pure: parses a query string.
 */
export type LayoutMode = 'full' | 'terminal' | 'terminal+lesson';
export type Theme = 'dark' | 'light';

export interface PageParams {
  lesson?: string;
  step?: string;
  seed?: number;
  theme?: Theme;
  layout: LayoutMode;
  autoplay: boolean;
  lang: string;
  /** Host origins allowed to drive the page by postMessage, besides the build-time default. */
  origins: string[];
}

const LAYOUTS: readonly LayoutMode[] = ['full', 'terminal', 'terminal+lesson'];

export function parseParams(search: string): PageParams {
  const q = new URLSearchParams(search);
  const str = (k: string): string | undefined => { const v = q.get(k); return v === null || v === '' ? undefined : v; };
  const seedText = str('seed');
  const seed = seedText !== undefined && /^\d{1,10}$/.test(seedText) ? Number(seedText) >>> 0 : undefined;
  const theme = str('theme');
  const layout = str('layout') as LayoutMode | undefined;
  const autoplay = str('autoplay');
  return {
    lesson: str('lesson'),
    step: str('step'),
    seed,
    theme: theme === 'dark' || theme === 'light' ? theme : undefined,
    layout: layout && LAYOUTS.includes(layout) ? layout : 'full',
    autoplay: autoplay === '1' || autoplay === 'true',
    lang: str('lang') ?? 'en',
    origins: (str('origins') ?? '').split(',').map((o) => normalizeOrigin(o.trim())).filter((o): o is string => o !== null),
  };
}

/** `https://host[:port]` with no path; anything else (including '*') is refused. */
export function normalizeOrigin(o: string): string | null {
  if (o === '') return null;
  try {
    const u = new URL(o);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.origin;
  } catch { return null; }
}

/** A link that opens the same lesson, step and seed (the share link). */
export function shareLink(base: string, p: { lesson?: string; step?: string; seed: number }): string {
  const u = new URL(base);
  u.search = '';
  u.hash = '';
  if (p.lesson) u.searchParams.set('lesson', p.lesson);
  if (p.step) u.searchParams.set('step', p.step);
  u.searchParams.set('seed', String(p.seed));
  return u.toString();
}
