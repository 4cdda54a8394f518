import { test } from "node:test";
import assert from "node:assert/strict";
import { splitSentences } from "../../src/arabic/sentences.js";

test("splits on Arabic and Latin terminators and keeps spans exact", () => {
  const text = "سقطت قذيفة على الحي. هل من ضحايا؟ نعم؛ أصيب رجل! انتهى";
  const s = splitSentences(text);
  assert.deepEqual(s.map((x) => x.text), ["سقطت قذيفة على الحي.", "هل من ضحايا؟", "نعم؛", "أصيب رجل!", "انتهى"]);
  for (const x of s) assert.equal(text.slice(x.start, x.end), x.text);
});

test("line breaks end sentences and start paragraphs", () => {
  const text = "عنوان الخبر\n\nالفقرة الأولى هنا. وجملة ثانية.\n\n  الفقرة الثانية  ";
  const s = splitSentences(text);
  assert.deepEqual(s.map((x) => [x.paragraph, x.text]), [
    [0, "عنوان الخبر"],
    [1, "الفقرة الأولى هنا."],
    [1, "وجملة ثانية."],
    [2, "الفقرة الثانية"],
  ]);
});

test("does not split inside quotes, numbers, abbreviations or domains", () => {
  const text = "قال د. سامر إن «الوضع صعب. والقصف مستمر» وإن 2.5 مليون بحاجة لمساعدة عبر www.example.org اليوم.";
  const s = splitSentences(text);
  assert.equal(s.length, 1);
  assert.equal(s[0]!.text, text);
});

test("a quote that closes after a terminator ends the sentence", () => {
  const s = splitSentences("وأضاف: «لن نقبل بذلك.» ثم غادر القاعة.");
  assert.deepEqual(s.map((x) => x.text), ["وأضاف: «لن نقبل بذلك.»", "ثم غادر القاعة."]);
});

test("ellipsis-like runs stay with their sentence", () => {
  const s = splitSentences("غارات على البلدة.. ونزوح جديد");
  assert.deepEqual(s.map((x) => x.text), ["غارات على البلدة..", "ونزوح جديد"]);
});

test("an unclosed quote does not swallow the paragraph forever", () => {
  const long = "كلام ".repeat(200);
  const s = splitSentences(`قال: «${long}. جملة أخرى.`);
  assert.ok(s.length >= 2);
});

test("empty text gives no sentences", () => {
  assert.deepEqual(splitSentences(""), []);
  assert.deepEqual(splitSentences("\n \n"), []);
});

test("spelled-out acronyms and post-box abbreviations do not split", () => {
  const t = "قال لشبكة (سي.بي.إس) إن المفاوضات مستمرة. وكتب أ. خالد إلى ص.ب 1234 في دمشق.";
  assert.deepEqual(splitSentences(t).map((x) => x.text), ["قال لشبكة (سي.بي.إس) إن المفاوضات مستمرة.", "وكتب أ. خالد إلى ص.ب 1234 في دمشق."]);
});

test("invisible bidi marks are trimmed and never a sentence alone", () => {
  const s = splitSentences("\u202bقصف عنيف.\u202c\n\u202c\u202c\nانتهى");
  assert.deepEqual(s.map((x) => x.text), ["قصف عنيف.", "انتهى"]);
});
