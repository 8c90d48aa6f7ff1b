/**
 * Go's sort.Sort (pdqsort, Go ≥ 1.19: src/sort/zsortinterface.go, sort.go), ported so that
 * outputs kubectl sorts with an unstable sort (kubectl events, describe events) keep Go's order
 * for equal keys. Sorts `data` in place with `less`.
 */
type Less = (i: number, j: number) => boolean;
type Swap = (i: number, j: number) => void;

const bitsLen = (n: number): number => (n <= 0 ? 0 : Math.floor(Math.log2(n)) + 1);

function insertionSort(less: Less, swap: Swap, a: number, b: number): void {
  for (let i = a + 1; i < b; i++) for (let j = i; j > a && less(j, j - 1); j--) swap(j, j - 1);
}

function siftDown(less: Less, swap: Swap, lo: number, hi: number, first: number): void {
  let root = lo;
  for (;;) {
    let child = 2 * root + 1;
    if (child >= hi) return;
    if (child + 1 < hi && less(first + child, first + child + 1)) child++;
    if (!less(first + root, first + child)) return;
    swap(first + root, first + child);
    root = child;
  }
}

function heapSort(less: Less, swap: Swap, a: number, b: number): void {
  const first = a, hi = b - a;
  for (let i = Math.trunc((hi - 1) / 2); i >= 0; i--) siftDown(less, swap, i, hi, first);
  for (let i = hi - 1; i >= 0; i--) { swap(first, first + i); siftDown(less, swap, 0, i, first); }
}

const enum Hint { Unknown, Increasing, Decreasing }

function pdqsort(less: Less, swap: Swap, a: number, b: number, limit: number): void {
  let wasBalanced = true, wasPartitioned = true;
  for (;;) {
    const length = b - a;
    if (length <= 12) { insertionSort(less, swap, a, b); return; }
    if (limit === 0) { heapSort(less, swap, a, b); return; }
    if (!wasBalanced) { breakPatterns(swap, a, b); limit--; }
    let [pivot, hint] = choosePivot(less, a, b);
    if (hint === Hint.Decreasing) {
      reverseRange(swap, a, b);
      pivot = (b - 1) - (pivot - a);
      hint = Hint.Increasing;
    }
    if (wasBalanced && wasPartitioned && hint === Hint.Increasing && partialInsertionSort(less, swap, a, b)) return;
    if (a > 0 && !less(a - 1, pivot)) { a = partitionEqual(less, swap, a, b, pivot); continue; }
    const [mid, alreadyPartitioned] = partition(less, swap, a, b, pivot);
    wasPartitioned = alreadyPartitioned;
    const leftLen = mid - a, rightLen = b - mid, balanceThreshold = Math.trunc(length / 8);
    if (leftLen < rightLen) { wasBalanced = leftLen >= balanceThreshold; pdqsort(less, swap, a, mid, limit); a = mid + 1; }
    else { wasBalanced = rightLen >= balanceThreshold; pdqsort(less, swap, mid + 1, b, limit); b = mid; }
  }
}

function partition(less: Less, swap: Swap, a: number, b: number, pivot: number): [number, boolean] {
  swap(a, pivot);
  let i = a + 1, j = b - 1;
  while (i <= j && less(i, a)) i++;
  while (i <= j && !less(j, a)) j--;
  if (i > j) { swap(j, a); return [j, true]; }
  swap(i, j); i++; j--;
  for (;;) {
    while (i <= j && less(i, a)) i++;
    while (i <= j && !less(j, a)) j--;
    if (i > j) break;
    swap(i, j); i++; j--;
  }
  swap(j, a);
  return [j, false];
}

function partitionEqual(less: Less, swap: Swap, a: number, b: number, pivot: number): number {
  swap(a, pivot);
  let i = a + 1, j = b - 1;
  for (;;) {
    while (i <= j && !less(a, i)) i++;
    while (i <= j && less(a, j)) j--;
    if (i > j) break;
    swap(i, j); i++; j--;
  }
  return i;
}

function partialInsertionSort(less: Less, swap: Swap, a: number, b: number): boolean {
  let i = a + 1;
  for (let step = 0; step < 5; step++) {
    while (i < b && !less(i, i - 1)) i++;
    if (i === b) return true;
    if (b - a < 50) return false;
    swap(i, i - 1);
    if (i - a >= 2) for (let j = i - 1; j >= 1; j--) { if (!less(j, j - 1)) break; swap(j, j - 1); }
    if (b - i >= 2) for (let j = i + 1; j < b; j++) { if (!less(j, j - 1)) break; swap(j, j - 1); }
  }
  return false;
}

function breakPatterns(swap: Swap, a: number, b: number): void {
  const length = b - a;
  if (length < 8) return;
  const mask = (1n << 64n) - 1n;
  let r = BigInt(length);
  const next = (): bigint => { r ^= (r << 13n) & mask; r ^= r >> 7n; r ^= (r << 17n) & mask; return r; };
  const modulus = 2 ** bitsLen(length);
  const base = a + Math.trunc(length / 4) * 2;
  for (let idx = base - 1; idx <= base + 1; idx++) {
    let other = Number(next() & BigInt(modulus - 1));
    if (other >= length) other -= length;
    swap(idx, a + other);
  }
}

function choosePivot(less: Less, a: number, b: number): [number, Hint] {
  const l = b - a;
  const swaps = { n: 0 };
  let i = a + Math.trunc(l / 4), j = a + Math.trunc(l / 4) * 2, k = a + Math.trunc(l / 4) * 3;
  if (l >= 8) {
    if (l >= 50) { i = medianAdjacent(less, i, swaps); j = medianAdjacent(less, j, swaps); k = medianAdjacent(less, k, swaps); }
    j = median(less, i, j, k, swaps);
  }
  return [j, swaps.n === 0 ? Hint.Increasing : swaps.n === 12 ? Hint.Decreasing : Hint.Unknown];
}

function order2(less: Less, a: number, b: number, swaps: { n: number }): [number, number] {
  if (less(b, a)) { swaps.n++; return [b, a]; }
  return [a, b];
}

function median(less: Less, a: number, b: number, c: number, swaps: { n: number }): number {
  [a, b] = order2(less, a, b, swaps);
  [b, c] = order2(less, b, c, swaps);
  [a, b] = order2(less, a, b, swaps);
  void c;
  return b;
}

function medianAdjacent(less: Less, a: number, swaps: { n: number }): number { return median(less, a - 1, a, a + 1, swaps); }

function reverseRange(swap: Swap, a: number, b: number): void {
  for (let i = a, j = b - 1; i < j; i++, j--) swap(i, j);
}

/** sort.Sort over an array: unstable, exactly Go's element order. */
export function goSort<T>(data: T[], less: (x: T, y: T) => boolean): T[] {
  const n = data.length;
  if (n <= 1) return data;
  const lessIdx: Less = (i, j) => less(data[i]!, data[j]!);
  const swap: Swap = (i, j) => { const t = data[i]!; data[i] = data[j]!; data[j] = t; };
  pdqsort(lessIdx, swap, 0, n, bitsLen(n));
  return data;
}
