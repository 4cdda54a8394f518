import { test } from "node:test";
import assert from "node:assert/strict";
import { firstTwo, mayStartWith } from "../../src/extract/prefix2.js";
import { compile, findAll } from "../../src/extract/pattern.js";

test("firstTwo: literal, optional and alternation prefixes", () => {
  assert.deepEqual([...firstTwo("قصف(?:ت)?")], ["قص"]);
  assert.deepEqual(new Set(firstTwo("(?:ال)?غاره")), new Set(["ال", "غا"]));
  assert.deepEqual(new Set(firstTwo("[يت]قصف")), new Set(["يق", "تق"]));
  // a one-letter pattern may be followed by anything
  assert.ok(mayStartWith(firstTwo("ب"), "ب", "ل"));
  assert.ok(mayStartWith(firstTwo("ب"), "ب", ""));
});

test("firstTwo: unknown classes widen, never narrow", () => {
  assert.ok(mayStartWith(firstTwo("شبك(?:ه|ات) (?:ال)?[\\p{L}]+"), "ش", "ب"));
  assert.ok(mayStartWith(firstTwo("[\\p{L}]+ه"), "س", "و"));
  assert.ok(mayStartWith(firstTwo("(?:مدني){1,2}"), "م", "د"));
  assert.equal(mayStartWith(firstTwo("قصف"), "ق", "ا"), false);
  assert.equal(mayStartWith(firstTwo("قصف"), "ق", ""), false);
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
