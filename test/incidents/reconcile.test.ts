import { test } from "node:test";
import assert from "node:assert/strict";
import { reconcileAll, type FigureInput } from "../../src/incidents/index.js";
import { count } from "./fixtures.js";

let n = 0;
function fig(source: string, c: ReturnType<typeof count>, over: Partial<FigureInput> = {}): FigureInput {
  n++;
  return { eventId: `e${n}`, reportId: `r${n}`, source, measure: "killed", count: c, stance: "asserted", order: n, ...over };
}

test("two sources with different tolls: low = smaller, high = larger, best = lower median", () => {
  const r = reconcileAll([fig("SANA", count(5)), fig("SOHR", count(12))]);
  assert.deepEqual(r.killed, { low: 5, best: 5, high: 12 });
  assert.deepEqual(r.injured, { low: null, best: null, high: null });
});

test("three sources: best is the median", () => {
  const r = reconcileAll([fig("A", count(5)), fig("B", count(12)), fig("C", count(9))]);
  assert.deepEqual(r.killed, { low: 5, best: 9, high: 12 });
});

test("a source's later figure supersedes its earlier one", () => {
  const r = reconcileAll([
    fig("SOHR", count(9, "at_least", { high: null })),
    fig("SANA", count(7)),
    fig("sohr", count(20, "rising", { high: null })),
  ]);
  assert.deepEqual(r.killed, { low: 7, best: 7, high: 20 });
  assert.deepEqual(
    r.figures.map((f) => f.used),
    [false, true, true],
  );
});

test("'at least' gives a floor that is also that source's best", () => {
  const r = reconcileAll([fig("A", count(10, "at_least", { high: null }))]);
  assert.deepEqual(r.killed, { low: 10, best: 10, high: 10 });
});

test("'dozens' (20–99, no best) gives a range and no best", () => {
  const r = reconcileAll([fig("A", { low: 20, best: null, high: 99, qualifier: "about", group: "unknown", text: "عشرات" })]);
  assert.deepEqual(r.killed, { low: 20, best: null, high: 99 });
});

test("a denied figure and a figure without numbers are ignored", () => {
  const r = reconcileAll([
    fig("MoD", count(0), { stance: "denied" }),
    fig("A", { low: null, best: null, high: null, qualifier: "unspecified", group: "unknown", text: "أعداد كبيرة" }),
    fig("B", count(4)),
  ]);
  assert.deepEqual(r.killed, { low: 4, best: 4, high: 4 });
});

test("injured figures reconcile separately from killed", () => {
  const r = reconcileAll([fig("A", count(3)), fig("A", count(15), { measure: "injured" }), fig("B", count(25), { measure: "injured" })]);
  assert.deepEqual(r.killed, { low: 3, best: 3, high: 3 });
  assert.deepEqual(r.injured, { low: 15, best: 15, high: 25 });
});

test("no figures → all null", () => {
  assert.deepEqual(reconcileAll([]).killed, { low: null, best: null, high: null });
});
