import { test } from "node:test";
import assert from "node:assert/strict";
import { firstChars, mayStartWith } from "../../src/extract/prefixes.js";
import { compile, findAll } from "../../src/extract/pattern.js";

test("firstChars: literal, optional and alternation prefixes (three characters)", () => {
  assert.deepEqual([...firstChars("قصف(?:ت)?")], ["قصف"]);
  assert.deepEqual(new Set(firstChars("(?:ال)?غاره")), new Set(["الغ", "غار"]));
  assert.deepEqual(new Set(firstChars("[يت]قصف")), new Set(["يقص", "تقص"]));
  // a short pattern may be followed by anything, or by nothing
  assert.ok(mayStartWith(firstChars("بل"), "بلد"));
  assert.ok(mayStartWith(firstChars("ب"), "ب"));
});

test("firstChars: unknown classes and repeats widen, never narrow", () => {
  assert.ok(mayStartWith(firstChars("شبك(?:ه|ات) (?:ال)?[\\p{L}]+"), "شبك"));
  assert.ok(mayStartWith(firstChars("[\\p{L}]+ه"), "سوا"));
  assert.ok(mayStartWith(firstChars("(?:مد){1,3}ني"), "مدم"));
  assert.ok(mayStartWith(firstChars("(?:مد){1,3}ني"), "مدن"));
  assert.equal(mayStartWith(firstChars("قصف"), "قصا"), false);
  assert.equal(mayStartWith(firstChars("قصف"), "قص"), false);
});

test("findAll: narrowed buckets keep the longest-pattern-first choice per word", () => {
  const lex = compile([
    { re: "قصف(?:ت)?", id: "strike" },
    { re: "قصف مدفعي(?:ه)?", id: "artillery" },
    { re: "قافل(?:ه|ات)", id: "convoy" },
    { re: "[يت]قصف", id: "strike-verb" },
  ]);
  const text = "وقصفت الطائرات البلده ثم قصف مدفعي وتقصف القوات قافله";
  const hits = findAll(lex, text).map((h) => [h.text, h.entry.id]);
  assert.deepEqual(hits, [["وقصفت", "strike"], ["قصف مدفعي", "artillery"], ["وتقصف", "strike-verb"], ["قافله", "convoy"]]);
});
