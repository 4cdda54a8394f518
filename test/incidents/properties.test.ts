// Invariants of reconciliation and matching, over random inputs (fast-check).
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { matchIncident, reconcileAll, type FigureInput, type IncidentCandidate } from "../../src/incidents/index.js";
import type { Count } from "../../src/model/index.js";
import { event, PLACES } from "./fixtures.js";

const countArb: fc.Arbitrary<Count> = fc
  .record({
    a: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
    b: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
    q: fc.constantFrom("exact", "at_least", "about", "at_most", "rising", "unspecified") as fc.Arbitrary<Count["qualifier"]>,
  })
  .map(({ a, b, q }) => {
    const lo = a !== null && b !== null ? Math.min(a, b) : a;
    const hi = a !== null && b !== null ? Math.max(a, b) : null;
    return { low: lo, best: q === "exact" ? lo : null, high: hi, qualifier: q, group: "unknown", text: "" };
  });

const figuresArb = fc.array(
  fc.record({ source: fc.constantFrom("A", "B", "C", "D"), count: countArb, denied: fc.boolean() }),
  { maxLength: 12 },
);

function toFigures(xs: Array<{ source: string; count: Count; denied: boolean }>): FigureInput[] {
  return xs.map((x, i) => ({ eventId: `e${i}`, reportId: `r${i}`, source: x.source, measure: "killed", count: x.count, stance: x.denied ? "denied" : "asserted", order: i }));
}

test("reconciled figures are ordered: low ≤ best ≤ high", () => {
  fc.assert(
    fc.property(figuresArb, (xs) => {
      const { killed } = reconcileAll(toFigures(xs));
      if (killed.low !== null && killed.high !== null) assert.ok(killed.low <= killed.high);
      if (killed.best !== null) {
        if (killed.low !== null) assert.ok(killed.low <= killed.best);
        if (killed.high !== null) assert.ok(killed.best <= killed.high);
      }
    }),
  );
});

test("denied figures never change the result", () => {
  fc.assert(
    fc.property(figuresArb, (xs) => {
      const all = reconcileAll(toFigures(xs)).killed;
      const kept = reconcileAll(toFigures(xs).filter((f) => f.stance !== "denied")).killed;
      assert.deepEqual(all, kept);
    }),
  );
});

test("each source's latest figure alone decides (earlier ones are superseded)", () => {
  fc.assert(
    fc.property(figuresArb, (xs) => {
      const figs = toFigures(xs).filter((f) => f.stance !== "denied" && (f.count.low !== null || f.count.best !== null || f.count.high !== null));
      const latest = new Map(figs.map((f) => [f.source, f]));
      assert.deepEqual(reconcileAll(figs).killed, reconcileAll([...latest.values()]).killed);
    }),
  );
});

test("matching is independent of the order of candidates", () => {
  const cand = (id: string, dLat: number, day: number): IncidentCandidate => ({
    id,
    type: "air_strike",
    date_start: `2017-09-${String(day).padStart(2, "0")}`,
    date_end: `2017-09-${String(day).padStart(2, "0")}`,
    lat: PLACES.ariha.lat! + dLat,
    lon: PLACES.ariha.lon,
    place: `P${id}`,
    place_ar: "",
    place_precision: "town",
    admin1: "Idlib",
    actors: [],
    targets: [],
  });
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.record({ dLat: fc.double({ min: -0.08, max: 0.08, noNaN: true }), day: fc.integer({ min: 17, max: 23 }) }), { minLength: 1, maxLength: 6, selector: (x) => x.dLat }),
      (specs) => {
        const cands = specs.map((s, i) => cand(String(i), s.dLat, s.day));
        const ev = event({ id: "x" });
        const a = matchIncident(ev, cands)?.candidate.id ?? null;
        const b = matchIncident(ev, [...cands].reverse())?.candidate.id ?? null;
        assert.equal(a, b);
        if (a !== null) {
          const c = cands.find((x) => x.id === a)!;
          assert.ok(Math.abs(c.lat! - PLACES.ariha.lat!) * 111 <= 5.01, "within 5 km");
        }
      },
    ),
  );
});
