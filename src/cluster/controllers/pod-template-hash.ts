/**
 * pod-template-hash (pkg/controller/controller_utils.go ComputeHash): FNV-32a over a stable
 * dump of the pod template plus the collision count, printed in decimal and passed through
 * rand.SafeEncodeString (digits → "bcdfghjklmnpqrstvwxz2456789"[digit]). We dump the template
 * as key-sorted JSON instead of Go's spew format, so values differ from a real cluster's but
 * have the same shape and stability (same template ⇒ same hash).
 */
const SAFE = 'bcdfghjklmnpqrstvwxz2456789';

function stableJSON(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJSON).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${stableJSON(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

export function fnv32a(s: string): number {
  let h = 0x811c9dc5;
  const bytes = new TextEncoder().encode(s);
  for (const b of bytes) { h ^= b; h = Math.imul(h, 0x01000193) >>> 0; }
  return h >>> 0;
}

export function safeEncodeString(s: string): string {
  let out = '';
  for (const ch of s) out += SAFE[ch.charCodeAt(0) % SAFE.length];
  return out;
}

export function computeHash(template: unknown, collisionCount?: number): string {
  let src = stableJSON(template);
  if (collisionCount !== undefined && collisionCount !== null) src += `#${collisionCount}`;
  return safeEncodeString(String(fnv32a(src)));
}
