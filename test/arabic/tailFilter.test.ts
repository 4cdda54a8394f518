import { test } from "node:test";
import assert from "node:assert/strict";
import { TailFilter } from "../../src/arabic/tailFilter.js";

test("TailFilter never rules out a word of the set, nor a word a suffix of which is in the set", () => {
  const words = ["اليوم", "امس", "الاسبوع", "خلال", "قبل", "منذ", "يوم"];
  const f = new TailFilter(words);
  for (const w of words) {
    assert.equal(f.mayEndWord(w), true, w);
    assert.equal(f.mayEndWord("و" + w), true, "و" + w);
    assert.equal(f.mayEndWord("ب" + w), true, "ب" + w);
  }
});

test("TailFilter rules out words ending unlike every word of the set (only a quick no)", () => {
  const f = new TailFilter(["اليوم", "امس"]);
  assert.equal(f.mayEndWord("قصف"), false);
  assert.equal(f.mayEndWord("مدينه"), false);
  assert.equal(f.mayEndWord("م"), true); // shorter than two characters: never ruled out
});

test("TailFilter with a one-letter word rules out nothing", () => {
  const f = new TailFilter(["و", "اليوم"]);
  assert.equal(f.mayEndWord("قصف"), true);
});

test("TailFilter agrees with the set on random words: no false no", () => {
  const letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
  let seed = 7;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
  const word = () => Array.from({ length: 2 + rnd(5) }, () => letters[rnd(letters.length)]).join("");
  const set = new Set(Array.from({ length: 200 }, word));
  const f = new TailFilter(set);
  for (let k = 0; k < 20000; k++) {
    const w = word();
    const pre = ["", "و", "ف", "ب", "وب"][rnd(5)]! + w;
    const anySuffix = [...set].some((x) => pre.endsWith(x));
    if (anySuffix) assert.equal(f.mayEndWord(pre), true, pre);
  }
});
