// recognize keeps what it learned about each token string per gazetteer: a second gazetteer (a
// user overlay builds a new one) must not reuse the first one's answers, and asking twice must
// give the same mentions.
import { test } from "node:test";
import assert from "node:assert/strict";
import { buildIndex } from "../../src/geo/gazetteer.js";
import { recognize } from "../../src/geo/recognize.js";
import { geoTokens } from "../../src/geo/text.js";
import { normalizeWithMap } from "../../src/arabic/normalize.js";
import type { GazetteerFile, GazPlace } from "../../src/geo/types.js";

const place = (id: string, name_ar: string, lat: number): GazPlace => ({
  id, kind: "city", name: id, name_ar, lat, lon: 37, admin1: "Aleppo", cc: "SY", pop: 100_000, src: "test",
});
const file = (places: GazPlace[]): GazetteerFile => ({ version: 1, built: "test", counts: {}, cues: {}, places });

function keysIn(gaz: ReturnType<typeof buildIndex>, text: string): string[] {
  const { text: norm, map } = normalizeWithMap(text);
  return recognize(gaz, geoTokens(norm), text, map).map((m) => m.key);
}

test("recognize: each gazetteer answers for itself, the same way every time", () => {
  const text = "وصل الوفد إلى الزهراء الكبرى ثم إلى وبستانة مساء.";
  const small = buildIndex([file([place("a", "الزهراء الكبرى", 36)])]);
  const big = buildIndex([file([place("a", "الزهراء الكبرى", 36), place("b", "بستانة", 36.2)])]);
  assert.deepEqual(keysIn(small, text), ["الزهراء الكبري"]);
  // "وبستانة" (with و) is a name only in the second gazetteer
  assert.deepEqual(keysIn(big, text), ["الزهراء الكبري", "بستانه"]);
  assert.deepEqual(keysIn(small, text), ["الزهراء الكبري"]);
  assert.deepEqual(keysIn(big, text), ["الزهراء الكبري", "بستانه"]);
});

test("recognize: ريفي … و… still gives two rural areas after the fast path", () => {
  const gaz = buildIndex([file([
    { ...place("r1", "ريف حلب", 36.3), kind: "rural" },
    { ...place("r2", "ريف ادلب", 35.8), kind: "rural", admin1: "Idlib" },
  ])]);
  assert.deepEqual(keysIn(gaz, "قصف على ريفي حلب وإدلب ليلا."), ["ريف حلب", "ريف ادلب"]);
  assert.deepEqual(keysIn(gaz, "قصف على وريفي حلب وإدلب ليلا."), ["ريف حلب", "ريف ادلب"]);
});
