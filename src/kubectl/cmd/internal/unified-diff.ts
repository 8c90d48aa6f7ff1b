/** `diff -u` (GNU diffutils) hunks for two texts: 3 lines of context, LCS-based edit script. */

export type Op = { t: ' ' | '-' | '+'; line: string };

/** The LCS edit script, deletions before insertions within a change (as GNU diff orders them). */
export function editScript(a: string[], b: string[]): Op[] {
  const n = a.length, m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) {
    lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const ops: Op[] = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) { ops.push({ t: ' ', line: a[i]! }); i++; j++; }
    else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) { ops.push({ t: '+', line: b[j]! }); j++; }
    else { ops.push({ t: '-', line: a[i]! }); i++; }
  }
  // GNU diff prints deletions before insertions within a change.
  for (let k = 0; k < ops.length; k++) {
    if (ops[k]!.t === ' ') continue;
    let e = k;
    while (e < ops.length && ops[e]!.t !== ' ') e++;
    const run = ops.slice(k, e);
    ops.splice(k, e - k, ...run.filter((o) => o.t === '-'), ...run.filter((o) => o.t === '+'));
    k = e;
  }
  return ops;
}

function range(start: number, count: number): string {
  if (count === 0) return `${start - 1 < 0 ? 0 : start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

/** The hunks (without file headers); '' when the texts are equal. */
export function unifiedHunks(before: string, after: string, context = 3): string {
  const split = (s: string): string[] => (s === '' ? [] : s.replace(/\n$/, '').split('\n'));
  const ops = editScript(split(before), split(after));
  const changed = ops.map((o, k) => (o.t !== ' ' ? k : -1)).filter((k) => k >= 0);
  if (changed.length === 0) return '';
  let out = '';
  let k = 0;
  while (k < changed.length) {
    let start = Math.max(0, changed[k]! - context);
    let end = Math.min(ops.length, changed[k]! + context + 1);
    while (k + 1 < changed.length && changed[k + 1]! - context <= end) { k++; end = Math.min(ops.length, changed[k]! + context + 1); }
    k++;
    let aStart = 1, bStart = 1;
    for (let x = 0; x < start; x++) { if (ops[x]!.t !== '+') aStart++; if (ops[x]!.t !== '-') bStart++; }
    const hunk = ops.slice(start, end);
    const aCount = hunk.filter((o) => o.t !== '+').length, bCount = hunk.filter((o) => o.t !== '-').length;
    out += `@@ -${range(aStart, aCount)} +${range(bStart, bCount)} @@\n`;
    for (const o of hunk) out += `${o.t}${o.line}\n`;
    start = end;
  }
  return out;
}
