import { test } from "node:test";
import assert from "node:assert/strict";
import { foldChar, foldRange, normalizeKey, normalizeKeyViaMap, normalizeWithMap } from "../../src/arabic/normalize.js";

test("foldChar folds alef forms, ya, ta marbuta and drops marks", () => {
  assert.equal(foldChar("أ"), "ا");
  assert.equal(foldChar("إ"), "ا");
  assert.equal(foldChar("آ"), "ا");
  assert.equal(foldChar("ٱ"), "ا");
  assert.equal(foldChar("ى"), "ي");
  assert.equal(foldChar("ة"), "ه");
  assert.equal(foldChar("\u064e"), ""); // fatha
  assert.equal(foldChar("\u0651"), ""); // shadda
  assert.equal(foldChar("ـ"), ""); // tatweel
  assert.equal(foldChar("\u200c"), "");
  assert.equal(foldChar("ب"), "ب");
});

test("foldChar keeps hamza carriers ؤ ئ ء as they are", () => {
  assert.equal(foldChar("ؤ"), "ؤ");
  assert.equal(foldChar("ئ"), "ئ");
  assert.equal(foldChar("ء"), "ء");
});

test("foldChar maps Persian/Urdu letters and all digit scripts", () => {
  assert.equal(foldChar("ک"), "ك");
  assert.equal(foldChar("ی"), "ي");
  assert.equal(foldChar("ے"), "ي");
  assert.equal(foldChar("ە"), "ه");
  assert.equal(foldChar("٣"), "3");
  assert.equal(foldChar("۷"), "7");
  assert.equal(foldChar("٫"), ".");
  assert.equal(foldChar("٬"), ",");
});

test("normalizeKey strips harakat, tatweel, zero-width and collapses spaces", () => {
  assert.equal(normalizeKey("  قُتِلَ   مَدَنِيّونَ  "), "قتل مدنيون");
  assert.equal(normalizeKey("الـــرقة"), "الرقه");
  assert.equal(normalizeKey("إدلب\u200f"), "ادلب");
  assert.equal(normalizeKey("مستشفى الأطفال"), "مستشفي الاطفال");
  assert.equal(normalizeKey("٢٠١٧"), "2017");
  assert.equal(normalizeKey("SANA News"), "sana news");
  assert.equal(normalizeKey("ﻻ"), "لا");
  assert.equal(normalizeKey(""), "");
});

test("normalizeWithMap maps every normalized char back to the original", () => {
  const text = "قُتِلَ  ٥ مدنيين\n\nفي الـرقة";
  const { text: norm, map } = normalizeWithMap(text);
  assert.equal(norm, "قتل 5 مدنيين\nفي الرقه");
  assert.equal(map.length, norm.length + 1);
  assert.equal(map[norm.length], text.length);
  const a = norm.indexOf("5");
  assert.equal(text.slice(map[a], map[a + 1]), "٥");
  const r = norm.indexOf("الرقه");
  assert.equal(text.slice(map[r], map[r + 5]), "الـرقة");
  for (let i = 1; i < map.length; i++) assert.ok(map[i]! >= map[i - 1]!);
});

test("normalizeWithMap handles presentation forms that expand", () => {
  const { text, map } = normalizeWithMap("ﻻ بأس");
  assert.equal(text, "لا باس");
  assert.equal(map.length, text.length + 1);
  assert.equal(map[0], 0);
  assert.equal(map[1], 0);
  assert.equal(map[2], 1);
});

test("normalizeWithMap on empty text", () => {
  const { text, map } = normalizeWithMap("");
  assert.equal(text, "");
  assert.deepEqual([...map], [0]);
});

test("normalizeKeyViaMap equals normalizeKey (whitespace runs, marks inside runs, expansions, edges)", () => {
  const pieces = [" ", "\n", "\r\n", "\t", "\u00a0", "\u200b", "\u064e", "ـ", "أ", "ة", "ﷺ", "ﻻ", "٣", "A", "b", "\u2003", "قصف", " \u064b ", "\n\n", "\ud83d\ude00", "\ud800"];
  let seed = 11;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
  const samples = ["", " ", "\n", "  قصف  \n\n غارة ", "ﷺ قصف", "\u064e"];
  for (let k = 0; k < 400; k++) samples.push(Array.from({ length: rnd(12) }, () => pieces[rnd(pieces.length)]).join(""));
  for (const t of samples) assert.equal(normalizeKeyViaMap(t), normalizeKey(t), JSON.stringify(t));
});

test("foldRange folds any stretch without whitespace as normalizeKey does (short and long words, expansions)", () => {
  // letters, hamza forms, harakat, tatweel, zero-width joiners, presentation forms (one becomes two), Latin, a surrogate pair
  const pool = ["ا", "أ", "إ", "آ", "ة", "ى", "ق", "ت", "ل", "\u064f", "\u0650", "\u0640", "\u200d", "\ufefb", "\ufdf2", "ﻻ", "B", "x", "٣", "😀"];
  let seed = 11;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
  for (let k = 0; k < 3000; k++) {
    const s = Array.from({ length: 1 + rnd(14) }, () => pool[rnd(pool.length)]).join("");
    const pre = "و ";
    const text = pre + s + " ف";
    assert.equal(foldRange(text, pre.length, pre.length + s.length), normalizeKey(s), JSON.stringify(s));
  }
});
