// Build-time helpers: English → Arabic transliteration of Syrian names and the consonant skeleton
// that cross-checks an English name against Arabic ones.
import { test } from "node:test";
import assert from "node:assert/strict";
import { transliterate, skeletonAr, skeletonEn, skeletonsMatch, stripUcdpSuffix } from "../../scripts/geo-translit.js";
import { normalizeKey } from "../../src/arabic/normalize.js";

test("dictionary words and articles", () => {
  assert.equal(transliterate("Khan Shaykhun")[0], "خان شيخون");
  assert.equal(transliterate("Tall as Sawwan")[0], "تل السوان");
  assert.ok(transliterate("Kafr Nabudah").includes("كفرنبودة"), "كفر is also written joined");
  assert.equal(transliterate("Umm Al Mayadin")[0], "أم الميدين");
  assert.equal(transliterate("Khirbet Ghazaleh")[0]!.startsWith("خربة "), true);
});

test("syllable rules: short vowels in closed syllables, long in the last one, feminine endings", () => {
  assert.equal(transliterate("Kissin")[0], "كسين");
  assert.equal(transliterate("Mishmishan")[0], "مشمشان");
  assert.equal(transliterate("Taftanaz")[0], "تفتناز");
  assert.equal(normalizeKey(transliterate("Harasta")[0]!), normalizeKey("حرستا"));
  assert.equal(normalizeKey(transliterate("Hamouriyah")[0]!), normalizeKey("حمورية"));
  assert.equal(transliterate("East Farahaniah")[0], "فرحانية شرقي");
});

test("English words and unit names are not transliterated", () => {
  assert.deepEqual(transliterate("Panorama Army"), []);
  assert.deepEqual(transliterate("National Hospital"), []);
  assert.deepEqual(transliterate(""), []);
});

test("consonant skeletons agree across scripts", () => {
  assert.ok(skeletonsMatch(skeletonAr("خان شيخون"), skeletonEn("Khan Sheikhoun")));
  assert.ok(skeletonsMatch(skeletonAr("معرة النعمان"), skeletonEn("Maarat al-Numan")));
  assert.ok(skeletonsMatch(skeletonAr("دوما"), skeletonEn("Douma")));
  assert.ok(!skeletonsMatch(skeletonAr("حرستا"), skeletonEn("Douma")));
});

test("UCDP suffixes give the kind", () => {
  assert.deepEqual(stripUcdpSuffix("Teir Maaleh village"), { name: "Teir Maaleh", kind: "town" });
  assert.deepEqual(stripUcdpSuffix("Deir ez Zor airport"), { name: "Deir ez Zor", kind: "airport" });
  assert.equal(stripUcdpSuffix("Idlib Governorate").kind, null);
});
