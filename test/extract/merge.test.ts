// One incident told twice is one event: headline + body, and elaborations in later sentences.
import { test } from "node:test";
import assert from "node:assert/strict";
import { run, only } from "./helpers.js";

const REPORT = [
  "مقتل ستة مدنيين بغارات على بلدة كفرروما",
  "",
  "إدلب – «نشرة الاختبار»",
  "",
  "قُتل ستة مدنيين، بينهم طفلان، صباح اليوم جراء غارات جوية استهدفت بلدة كفرروما في ريف إدلب الجنوبي، بحسب ما أفاد الدفاع المدني.",
  "",
  "وقال مسؤول في الدفاع المدني إن الطائرات الحربية نفذت ثلاث غارات متتالية على وسط البلدة.",
  "",
  "وفي بلدة أخرى، أصيب رجلان أمس بقصف مدفعي على قرية الدير الشرقي.",
].join("\n");

test("headline and body sentences of one strike are one event with several evidence spans", () => {
  const r = run(REPORT);
  const strikes = only(r.events, "air_strike");
  assert.equal(strikes.length, 1);
  assert.equal(strikes[0]!.fatalities?.best, 6);
  assert.ok(strikes[0]!.evidence.length >= 3);
  assert.equal(only(r.events, "shelling").length, 1);
});

test("evidence offsets point into the original text", () => {
  const r = run(REPORT);
  for (const e of r.events) {
    for (const ev of e.evidence) {
      assert.ok(ev.start >= 0 && ev.end <= REPORT.length && ev.start <= ev.end);
      assert.equal(REPORT.slice(ev.start, ev.end), ev.quote);
    }
  }
});

test("ids are stable for the same text and options", () => {
  const a = run(REPORT).events.map((e) => e.id);
  const b = run(REPORT).events.map((e) => e.id);
  assert.deepEqual(a, b);
  assert.equal(new Set(a).size, a.length);
});

test("a headline saying قصف retells a body air strike at the same place", () => {
  const r = run("مقتل خمسة مدنيين بقصف على بلدة سرمين\n\nقُتل خمسة مدنيين صباح اليوم بغارات جوية استهدفت بلدة سرمين بريف إدلب.");
  assert.equal(r.events.length, 1);
  assert.equal(r.events[0]!.type, "air_strike");
  assert.equal(r.events[0]!.evidence.length, 2);
});

test("an attack answered in the same sentence is its own event when it has its own date", () => {
  const r = run("أعلن الجيش الإسرائيلي أن طائراته قصفت فجر اليوم موقعاً عسكرياً قرب القنيطرة، رداً على سقوط قذيفة صاروخية في الجولان مساء أمس.");
  assert.equal(only(r.events, "air_strike").length, 1);
  const shell = only(r.events, "shelling");
  assert.equal(shell.length, 1);
  assert.equal(shell[0]!.date.start, "2020-03-10");
});
