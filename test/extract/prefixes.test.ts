import { test } from "node:test";
import assert from "node:assert/strict";
import { firstChars, mayStartWith } from "../../src/extract/prefixes.js";
import { compile, findAll, matchesAtWordStarts, scanWords } from "../../src/extract/pattern.js";

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

test("findAll: a word's hit does not depend on the other lexicons compiled or the scan shared", () => {
  const a = compile([{ re: "قصف(?:ت)?", id: "a" }]);
  const text = "وقصفت 5قصف بالقصف zقصف قصفَ";
  const before = findAll(a, text).map((h) => [h.start, h.text]);
  const scan = scanWords(text);
  // a lexicon with new letters compiled after the scan: the stale scan is redone, same hits
  const b = compile([{ re: "zقصف", id: "b" }, { re: "پ", id: "c" }]);
  assert.deepEqual(findAll(a, text, 0, text.length, scan).map((h) => [h.start, h.text]), before);
  // "5قصف" is glued to a digit and "zقصف" is one word: neither is a hit of a
  assert.deepEqual(before, [[0, "وقصفت"], [11, "بالقصف"], [23, "قصف"]]);
  assert.deepEqual(findAll(b, text).map((h) => h.text), ["zقصف"]);
});

test("matchesAtWordStarts: the matches of the global regex, tried at gated word starts only", () => {
  const gate = compile([{ re: "قوات|جيش" }]);
  const src = "(?<![\\p{L}])(?:[وف])?(?:ال)?(قوات|جيش)(?: [\\p{L}]+){0,2}? (روسي|تركي)(?![\\p{L}])";
  const texts = [
    "قصفت قوات النظام الروسي ثم الجيش التركي وقوات روسي 5قوات تركي",
    "والجيش السوري الحر تركي، فقوات روسي",
    "لا شيء هنا",
    "قواتروسي جيش  تركي",
  ];
  for (const t of texts) {
    const all = [...t.matchAll(new RegExp(src, "gu"))].map((m) => [m.index, m[0], m[1], m[2]]);
    const fast = matchesAtWordStarts(new RegExp(src, "uy"), gate, t).map((m) => [m.index, m[0], m[1], m[2]]);
    assert.deepEqual(fast, all, t);
  }
});

test("findAll: a long text (scan buffers grow) finds what its pieces find", () => {
  const lex = compile([{ re: "قصف(?:ت)?", id: "a" }, { re: "غار(?:ه|ات)", id: "b" }]);
  const piece = "وقصفت الطائرات 3غارات ثم بالغارات ";
  const text = piece.repeat(5000);
  const one = findAll(lex, piece).map((h) => [h.start, h.text]);
  const all = findAll(lex, text).map((h) => [h.start, h.text]);
  assert.equal(all.length, one.length * 5000);
  assert.deepEqual(all.slice(-one.length), one.map(([s, t]) => [(s as number) + piece.length * 4999, t]));
});

test("findAll: answers kept by word give what the regex gives, in any context and order", () => {
  // letter-only entries (answers kept by the rest of the word) next to a two-word one (regex each time)
  const lex = compile([
    { re: "قصف(?:ت)?", id: "strike" },
    { re: "قصفه", id: "his-strike", article: false },
    { re: "قصف مدفعي", id: "shelling" },
    { re: "غار(?:ه|ات)", id: "raid" },
  ]);
  const texts = [
    "والقصف مستمر، قصفت الطائرات و غارات على البلده.",
    "قصفه العنيف. بالقصفه لا. قصف مدفعي ثم قصفت؛ غاره.",
    "قصفتها غارهم قصف\u{1D400} غارات", // no hit inside longer words; a supplementary letter after a word
    "قصف مدفعي قصف مدفعي قصف",
  ];
  const hits = (t: string) => findAll(lex, t).map((h) => `${h.start}-${h.end}:${h.entry.id}`);
  const first = texts.map(hits);
  // again, in reverse order, with every answer kept from the first round
  for (let k = texts.length - 1; k >= 0; k--) assert.deepEqual(hits(texts[k]!), first[k]);
  // the same as the regex alone gives (checked against the matcher before answers were kept):
  // "بالقصفه" takes no article, "قصف𝐀" is no word end, equal-length patterns keep list order
  assert.deepEqual(first[0], ["0-6:strike", "14-18:strike", "30-35:raid"]);
  assert.deepEqual(first[1], ["0-4:his-strike", "25-28:strike", "38-42:strike", "44-48:raid"]);
  assert.deepEqual(first[2], ["19-24:raid"]);
});
