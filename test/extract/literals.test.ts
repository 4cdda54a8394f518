import { test } from "node:test";
import assert from "node:assert/strict";
import { CueGroups, LiteralSet } from "../../src/extract/literals.js";

test("LiteralSet: the words a text contains, in list order, as words.filter(includes)", () => {
  const words = ["في حال", "اذا", "لو", "سوف", "بهدف", "منذ ان", "بهدف", "x", "", "غدا"];
  const set = new LiteralSet(words);
  const texts = [
    "وقالت المصادر انها سوف ترد بهدف الردع اذا لزم",
    "لم يحدث شيء منذ ان بدات الهدنة",
    "غدا",
    "",
    "xyz لو",
    "مرحبا",
  ];
  for (const t of texts) assert.deepEqual(set.presentIn(t), words.filter((w) => t.includes(w)), t);
  assert.equal(new LiteralSet(["غدا"]).anyIn("سيعود غدا"), true);
  assert.equal(new LiteralSet(["غدا"]).anyIn("سيعود"), false);
});

test("LiteralSet: random texts over a small alphabet agree with includes", () => {
  const alphabet = ["ا", "ل", "م", "ن", " ", "ذ", "x"];
  let seed = 7;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
  const word = (len: number) => Array.from({ length: len }, () => alphabet[rnd(alphabet.length)]).join("");
  const words = Array.from({ length: 40 }, () => word(1 + rnd(4)));
  const set = new LiteralSet(words);
  for (let k = 0; k < 300; k++) {
    const t = word(rnd(30));
    assert.deepEqual(set.presentIn(t), words.filter((w) => t.includes(w)), t);
  }
});

test("CueGroups: each list's words in one pass, the same as filtering each list", () => {
  const groups = { modal: ["سوف", "اذا", "لو"], bg: ["منذ بدء", "لو"], none: [] as string[] };
  const cues = new CueGroups(groups);
  for (const t of ["سوف يعود لو", "منذ بدء الحرب", "", "كلام"]) {
    const got = cues.of(t);
    for (const k of ["modal", "bg", "none"] as const) assert.deepEqual(got[k], groups[k].filter((w) => t.includes(w)), `${k}: ${t}`);
    assert.equal(cues.of(t), got); // the last text's answer is kept
  }
});
