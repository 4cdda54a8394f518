// Properties of findPlaces over generated text: never throws, spans are real slices of the input,
// mentions do not overlap, every place has coordinates, a precision and a zone field.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { findPlaces } from "../../src/geo/index.js";

const WORDS = [
  "في", "بلدة", "قرية", "مدينة", "ريف", "إدلب", "الجنوبي", "حماة", "الشمالي", "وحلب", "على", "بعد", "40", "كم",
  "جنوب", "شرقي", "الرقة", "حي", "الوعر", "مخيم", "اليرموك", "قصف", "الحرية", "محمد", "،", ".", "\n", "ـــ",
  "كفرنبل", "ريفي", "شمال", "بـ", "15", "كيلومتراً", "المدينة", "غرب", "أرياف", "واللاذقية", "دوما", "مَدِينَةُ",
  "Khan", "Shaykhun", "٤٠", "الغوطة", "الشرقية", "معبر", "نصيب", "سوريا", "وروسيا", "الروسية", "\u200f", "،،",
];

const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 60 }).map((ws) => ws.join(" "));
const anyString = fc.string({ maxLength: 200 });

test("spans are exact slices, ordered and non-overlapping; places are complete", () => {
  fc.assert(
    fc.property(fc.oneof(text, anyString), (t) => {
      const ms = findPlaces(t, { date: "2017-09-01" });
      let last = -1;
      for (const m of ms) {
        assert.ok(m.start >= 0 && m.end <= t.length && m.start < m.end);
        assert.equal(t.slice(m.start, m.end), m.text);
        assert.ok(m.start >= last, "ordered, no overlap");
        last = m.end;
        for (const p of [m.best, ...m.alternatives]) {
          assert.ok(Number.isFinite(p.lat) && Number.isFinite(p.lon));
          assert.ok(["point", "town", "district", "governorate", "country", "region"].includes(p.precision));
          assert.ok(p.zone === null || typeof p.zone === "string");
          assert.ok(p.score >= 0 && p.score <= 1);
        }
      }
    }),
    { numRuns: 300 },
  );
});

test("the same text gives the same mentions (deterministic)", () => {
  fc.assert(
    fc.property(text, (t) => {
      assert.deepEqual(findPlaces(t), findPlaces(t));
    }),
    { numRuns: 100 },
  );
});
