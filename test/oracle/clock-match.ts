/**
 * Real kubectl reads the wall clock once per age it prints (time.Since at each call), so one
 * output can hold ages from two seconds when a run crosses a second boundary — more likely under
 * CPU load, and with many objects (`describe nodes -A`, `describe rs -A`). Its clock only moves
 * forward, so the output is explained by kubelab iff every line equals kubelab's line at some
 * candidate second, those seconds never going back as the lines go down. No line is normalised.
 */

/** The candidate index each line was proven at, or null when no forward-moving clock explains `real`. */
export function monotoneLineMatch(real: string, renders: string[]): number[] | null {
  const want = real.split('\n');
  const lines = renders.map((r) => r.split('\n'));
  if (lines.some((l) => l.length !== want.length)) return null;
  const at: number[] = [];
  let c = 0;
  for (let i = 0; i < want.length; i++) {
    // Greedy: the earliest candidate not before the previous line's is always the best choice.
    while (c < lines.length && lines[c]![i] !== want[i]) c++;
    if (c === lines.length) return null;
    at.push(c);
  }
  return at;
}

/** The render sharing the most lines with `real`: the one to show in a failing diff. */
export function closestRender(real: string, renders: string[]): number {
  const want = real.split('\n');
  let best = 0, bestScore = -1;
  renders.forEach((r, k) => {
    const score = r.split('\n').filter((l, i) => l === want[i]).length;
    if (score > bestScore) { best = k; bestScore = score; }
  });
  return best;
}
