import { test } from "node:test";
import assert from "node:assert/strict";
import { normalizeSpans, segments } from "../../web/src/highlight.js";

const TEXT = "قصفت الطائرات بلدة كفرنبل أمس. وقتل ثلاثة مدنيين في القصف. وأصيب آخرون.";

test("evidence spans become marked segments, the rest stays plain, nothing is lost", () => {
  const start = TEXT.indexOf("وقتل");
  const end = TEXT.indexOf(" وأصيب");
  const segs = segments(TEXT, [{ start, end }]);
  assert.deepEqual(segs.map((s) => s.mark), [false, true, false]);
  assert.equal(segs[1]!.text, "وقتل ثلاثة مدنيين في القصف.");
  assert.equal(segs.map((s) => s.text).join(""), TEXT);
});

test("overlapping and adjacent spans merge; out-of-range spans are clamped; empty ones dropped", () => {
  assert.deepEqual(normalizeSpans([{ start: 5, end: 10 }, { start: 8, end: 12 }, { start: 12, end: 14 }], 100), [{ start: 5, end: 14 }]);
  assert.deepEqual(normalizeSpans([{ start: -4, end: 3 }, { start: 90, end: 500 }], 100), [{ start: 0, end: 3 }, { start: 90, end: 100 }]);
  assert.deepEqual(normalizeSpans([{ start: 7, end: 7 }, { start: 9, end: 2 }, { start: Number.NaN, end: 4 }], 100), []);
});

test("a text without evidence is one plain segment (also when empty)", () => {
  assert.deepEqual(segments(TEXT, []), [{ text: TEXT, mark: false }]);
  assert.deepEqual(segments("", [{ start: 0, end: 5 }]), [{ text: "", mark: false }]);
});

test("markup-looking text stays text: segments never interpret it", () => {
  const t = "<img src=x onerror=alert(1)> قتل مدني";
  const segs = segments(t, [{ start: 0, end: 28 }]);
  assert.equal(segs[0]!.text, "<img src=x onerror=alert(1)>");
  assert.equal(segs[0]!.mark, true);
});
