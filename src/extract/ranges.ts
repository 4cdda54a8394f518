// Mentions of one sentence without scanning every mention of the report per sentence (that was
// O(sentences × mentions) filtering in the engine, counts and attribution). Mention arrays are
// almost always sorted by position: then a binary search + slice returns exactly what
// `xs.filter(x => a <= pos(x) < b)` would; an unsorted array falls back to that filter.
const sortedByStart = new WeakMap<readonly object[], boolean>();
const sortedByNs = new WeakMap<readonly object[], boolean>();

function isSorted<T>(xs: readonly T[], pos: (x: T) => number, cache: WeakMap<readonly object[], boolean>): boolean {
  let ok = cache.get(xs as readonly object[]);
  if (ok === undefined) {
    ok = true;
    for (let i = 1; i < xs.length; i++) if (pos(xs[i - 1]!) > pos(xs[i]!)) { ok = false; break; }
    cache.set(xs as readonly object[], ok);
  }
  return ok;
}

function lowerBound<T>(xs: readonly T[], v: number, pos: (x: T) => number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pos(xs[mid]!) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const byStart = (x: { start: number }) => x.start;
const byNs = (x: { ns: number }) => x.ns;

/** Items whose `start` is in [a, b), in array order. Do not mutate the array after the first call. */
export function startsIn<T extends { start: number }>(xs: T[], a: number, b: number): T[] {
  if (!isSorted(xs, byStart, sortedByStart)) return xs.filter((x) => x.start >= a && x.start < b);
  if (b <= a) return [];
  return xs.slice(lowerBound(xs, a, byStart), lowerBound(xs, b, byStart));
}

/** Items whose `ns` (normalized start) is in [a, b), in array order. */
export function nsIn<T extends { ns: number }>(xs: T[], a: number, b: number): T[] {
  if (!isSorted(xs, byNs, sortedByNs)) return xs.filter((x) => x.ns >= a && x.ns < b);
  if (b <= a) return [];
  return xs.slice(lowerBound(xs, a, byNs), lowerBound(xs, b, byNs));
}
