// Property tests: for arbitrary Unicode (and Arabic-heavy) strings nothing throws, every span lies
// inside the text and matches it, and normalizeWithMap's map is monotonic with the documented length.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { normalizeWithMap, normalizeKey, foldChar } from "../../src/arabic/normalize.js";
import { tokenize, stripClitics } from "../../src/arabic/tokenize.js";
import { splitSentences } from "../../src/arabic/sentences.js";
import { findNumbers, parseNumberWords } from "../../src/arabic/numbers.js";
import { findDates, resolveDatePhrase } from "../../src/arabic/dates.js";

// Arabic-ish pieces so the generators reach the interesting code paths, mixed with any Unicode.
const PIECES = [
  "قتل", "ما لا يقل عن", "٥", "12", "1,500", "٨٠٬٠٠٠", "ألف", "آلاف", "مليون", "خمسة", "وعشرون", "عشر", "عشرات",
  "قذيفتين", "مواطنَين", "اثنين", "بين", "و", "إلى", "-", "/", ".", "؟", "«", "»", "\"", "\n", " ", "أمس",
  "الاثنين", "الماضي", "اليوم", "فجر", "ليلة", "يوم", "أغسطس", "آب", "كانون", "الثاني", "2017", "عام", "هـ",
  "ربيع", "الأول", "1440", "خلال", "الأسبوع", "الساعات", "الأربع", "والعشرين", "السادس", "من", "على", "الأقل",
  "نحو", "ـ", "\u064e", "\u0651", "\u200f", "ﻻ", "د.", "3.5", "%", "مئة", "ثلاث", "بالمئة", "منذ", "قبل", "يومين",
];
const arabicText = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(" ", "", " ", "،")), { maxLength: 40 })
  .map((parts) => parts.map(([p, sep]) => p + sep).join(""));
const anyText = fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), fc.string({ unit: "grapheme", maxLength: 120 }), arabicText);
const published = fc.oneof(fc.constant(null), fc.constant("2019-05-14"), fc.constant("2016-02-29"), fc.string({ maxLength: 12 }));

function checkSpans(text: string, spans: { start: number; end: number; text: string }[]): void {
  let prevEnd = 0;
  for (const s of spans) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end));
    assert.ok(0 <= s.start && s.start <= s.end && s.end <= text.length);
    assert.equal(text.slice(s.start, s.end), s.text);
    assert.ok(s.start >= prevEnd, "in order, non-overlapping");
    prevEnd = s.end;
  }
}

test("normalizeWithMap: map monotonic, length = normalized + 1, last = original length", () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const { text: norm, map } = normalizeWithMap(text);
      assert.equal(map.length, norm.length + 1);
      assert.equal(map[norm.length], text.length);
      for (let i = 1; i < map.length; i++) assert.ok(map[i]! >= map[i - 1]!);
      for (let i = 0; i < norm.length; i++) assert.ok(map[i]! < text.length);
      // normalizeKey = the same folding with whitespace runs collapsed and trimmed
      assert.equal(normalizeKey(text), norm.replace(/[ \n]+/g, " ").replace(/^ | $/g, ""));
      for (const ch of text.slice(0, 20)) assert.equal(typeof foldChar(ch), "string");
    }),
    { numRuns: 300 },
  );
});

test("tokenize and splitSentences: spans inside the text", () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const toks = tokenize(text);
      checkSpans(text, toks);
      for (const t of toks.slice(0, 10)) assert.ok(Array.isArray(stripClitics(t.norm)));
      checkSpans(text, splitSentences(text));
    }),
    { numRuns: 300 },
  );
});

test("findNumbers, findDates, parsers: never throw, spans inside, in order", () => {
  fc.assert(
    fc.property(anyText, published, (text, pub) => {
      const nums = findNumbers(text);
      checkSpans(text, nums);
      for (const n of nums) {
        if (n.noun) assert.equal(text.slice(n.noun.start, n.noun.end), n.noun.text);
        if (n.low !== null && n.high !== null) assert.ok(n.low <= n.high);
      }
      const dates = findDates(text, pub);
      checkSpans(text, dates);
      for (const d of dates) {
        if (d.startDate && d.endDate) assert.ok(d.startDate <= d.endDate, `${d.text}: ${d.startDate} > ${d.endDate}`);
      }
      resolveDatePhrase(text, pub);
      parseNumberWords(text);
    }),
    { numRuns: 400 },
  );
});

test("non-string input from untyped callers gives empty results, not a crash", () => {
  const bad = [undefined, null, 42, {}] as unknown as string[];
  for (const b of bad) {
    assert.equal(normalizeKey(b), "");
    assert.equal(normalizeWithMap(b).text, "");
    assert.equal(foldChar(b), "");
    assert.deepEqual(tokenize(b), []);
    assert.deepEqual(stripClitics(b), []);
    assert.deepEqual(splitSentences(b), []);
    assert.deepEqual(findNumbers(b), []);
    assert.deepEqual(findDates(b, "2019-01-01"), []);
    assert.equal(resolveDatePhrase(b), null);
    assert.equal(parseNumberWords(b), null);
  }
});
