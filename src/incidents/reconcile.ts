// Casualty figures of one incident, reconciled UCDP-style into low / best / high.
//
// The rule (per measure, killed and injured separately):
// 1. Only credible figures count: not from a denial, and with at least one number ("large numbers"
//    with no figure carries none).
// 2. One figure per source: a source's later figure supersedes its earlier one (SOHR's "9 at
//    least" then "the toll reached 20" → 20). A source is the attributed source, else the outlet.
// 3. For each remaining figure: its low is `low ?? best`, its high is `high ?? best ?? low`, its
//    best is `best`, or its low when the qualifier is "at least"/"rising" (a floor is the best
//    estimate that source offers). Ranges with no best ("dozens": 20–99) give no best.
// 4. low  = the smallest low (the most conservative credible figure);
//    best = the median of the bests — with an even count the lower middle, so best is always a
//           figure some source actually gave and one inflated report cannot drag it up;
//    high = the largest high (the largest credible figure);
//    then best is clamped into [low, high]. No credible figure → all null.
import type { Count } from "../model/index.js";
import type { FigureInput, FigureOutput, Reconciled } from "./types.js";

function hasNumber(c: Count): boolean {
  return c.low != null || c.best != null || c.high != null;
}

function bounds(c: Count): { low: number | null; best: number | null; high: number | null } {
  const low = c.low ?? c.best ?? null;
  const high = c.high ?? c.best ?? c.low ?? null;
  const best = c.best ?? (c.qualifier === "at_least" || c.qualifier === "rising" ? c.low : null) ?? null;
  return { low, best, high };
}

function sourceKey(s: string): string {
  return s.trim().toLowerCase();
}

/** Which figures enter the reconciliation (see rules 1–2). */
export function selectFigures(figures: FigureInput[]): FigureOutput[] {
  const latest = new Map<string, FigureInput>();
  for (const f of figures) {
    if (f.stance === "denied" || !hasNumber(f.count)) continue;
    const k = `${f.measure}\u0000${sourceKey(f.source)}`;
    const prev = latest.get(k);
    if (!prev || f.order >= prev.order) latest.set(k, f);
  }
  const used = new Set(latest.values());
  return figures.map((f) => ({ ...f, used: used.has(f) }));
}

function lowerMedian(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
}

/** low/best/high of one measure from the figures marked `used`. */
export function reconcile(figures: Array<Pick<FigureOutput, "count" | "used">>): Reconciled {
  const picked = figures.filter((f) => f.used).map((f) => bounds(f.count));
  const lows = picked.map((b) => b.low).filter((x): x is number => x != null);
  const highs = picked.map((b) => b.high).filter((x): x is number => x != null);
  const bests = picked.map((b) => b.best).filter((x): x is number => x != null);
  const low = lows.length ? Math.min(...lows) : null;
  const high = highs.length ? Math.max(...highs) : null;
  let best = lowerMedian(bests);
  if (best != null && low != null && best < low) best = low;
  if (best != null && high != null && best > high) best = high;
  return { low, best, high };
}

/** Convenience: select and reconcile both measures at once. */
export function reconcileAll(figures: FigureInput[]): { killed: Reconciled; injured: Reconciled; figures: FigureOutput[] } {
  const out = selectFigures(figures);
  return {
    killed: reconcile(out.filter((f) => f.measure === "killed")),
    injured: reconcile(out.filter((f) => f.measure === "injured")),
    figures: out,
  };
}
