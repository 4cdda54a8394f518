// Property: extractText never throws, and every evidence span lies inside the text, for any input.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { extractText, extractReport } from "../../src/extract/index.js";

const arabicish = fc.array(
  fc.oneof(
    fc.constantFrom("قُتل ", "غارات ", "قصف ", "أمس ", "٥ ", "مدنيين ", "، ", ". ", "\n", "بحسب المرصد ", "نفى ", "«", "»", "إدلب ", "ـ", "\u200f", "ﻻ"),
    fc.string({ unit: "grapheme", maxLength: 8 }),
    fc.string({ unit: "binary", maxLength: 8 }),
  ),
  { maxLength: 60 },
).map((xs) => xs.join(""));

test("extractText never throws and evidence lies inside the text", () => {
  fc.assert(
    fc.property(fc.oneof(arabicish, fc.string({ unit: "binary", maxLength: 300 })), fc.option(fc.constantFrom("2019-01-01", "bad", "2020-02-30")), (text, published) => {
      const r = extractText(text, { published });
      assert.equal(typeof r.report.id, "string");
      for (const e of r.events) {
        assert.ok(e.confidence >= 0 && e.confidence <= 1);
        for (const ev of e.evidence) {
          assert.ok(Number.isInteger(ev.start) && Number.isInteger(ev.end));
          assert.ok(ev.start >= 0 && ev.start <= ev.end && ev.end <= text.length, `${ev.start}-${ev.end} of ${text.length}`);
        }
      }
    }),
    { numRuns: 300 },
  );
});

test("extractReport maps evidence through report.offsets into the original input", () => {
  const original = "<p>قُتل ثلاثة مدنيين أمس بغارة جوية على بلدة حيش.</p>";
  const text = "قُتل ثلاثة مدنيين أمس بغارة جوية على بلدة حيش.";
  const offsets = Array.from({ length: text.length + 1 }, (_, i) => i + 3);
  const r = extractReport({ text, offsets, originalLength: original.length }, { published: "2020-01-05" });
  assert.ok(r.events.length >= 1);
  const ev = r.events[0]!.evidence[0]!;
  assert.equal(original.slice(ev.start, ev.end), text);
});

test("non-string and hostile inputs do not throw", () => {
  for (const bad of [undefined, null, 42, {}, "\u0000".repeat(1000), "ا".repeat(50000), "«".repeat(2000)]) {
    const r = extractText(bad as unknown as string);
    assert.ok(Array.isArray(r.events));
  }
});
