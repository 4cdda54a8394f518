import { test } from "node:test";
import assert from "node:assert/strict";
import { tokenize, stripClitics } from "../../src/arabic/tokenize.js";

test("tokenize splits words, numbers and punctuation with original offsets", () => {
  const text = "قصفَت الطائراتُ «بلدةَ» كفرزيتا، وقُتل ٣ أشخاص (1,500 نازح) Reuters.";
  const toks = tokenize(text);
  for (const t of toks) assert.equal(text.slice(t.start, t.end), t.text);
  const texts = toks.map((t) => t.text);
  assert.deepEqual(texts, ["قصفَت", "الطائراتُ", "«", "بلدةَ", "»", "كفرزيتا", "،", "وقُتل", "٣", "أشخاص", "(", "1,500", "نازح", ")", "Reuters", "."]);
  const num = toks.find((t) => t.text === "1,500")!;
  assert.equal(num.kind, "number");
  assert.equal(toks.find((t) => t.text === "Reuters")!.norm, "reuters");
});

test("tokenize keeps tatweel and harakat inside words, norm folds them", () => {
  const text = "الـــرَّقة";
  const [t] = tokenize(text);
  assert.equal(t!.text, text);
  assert.equal(t!.norm, "الرقه");
  assert.equal(t!.stem, "رقه");
  assert.deepEqual(t!.prefixes, ["ال"]);
});

test("tokenize: stems with proclitics and enclitics", () => {
  const toks = tokenize("وبالمدينة والقوات لقواتها ومسلحين وزير");
  const byText = Object.fromEntries(toks.map((t) => [t.text, t]));
  assert.equal(byText["وبالمدينة"]!.stem, "مدينه");
  assert.deepEqual(byText["وبالمدينة"]!.prefixes, ["و", "ب", "ال"]);
  assert.equal(byText["والقوات"]!.stem, "قوات");
  assert.equal(byText["لقواتها"]!.stem, "قوات");
  assert.deepEqual(byText["لقواتها"]!.suffixes, ["ها"]);
  assert.equal(byText["ومسلحين"]!.stem, "مسلحين");
  assert.equal(byText["وزير"]!.stem, "وزير"); // the و belongs to the word
});

test("tokenize: numbers in every digit script with inner separators", () => {
  const toks = tokenize("٨٠٬٠٠٠ و۱۲ و3.5 و٣٫٥");
  assert.deepEqual(toks.filter((t) => t.kind === "number").map((t) => t.norm), ["80,000", "12", "3.5", "3.5"]);
});

test("tokenize: empty and whitespace-only input", () => {
  assert.deepEqual(tokenize(""), []);
  assert.deepEqual(tokenize("  \n\t "), []);
});

test("stripClitics lists candidate bases, most stripped first", () => {
  const c = stripClitics("وبالمدينه");
  assert.equal(c[0], "مدينه");
  assert.ok(c.includes("بالمدينه"));
  assert.equal(c[c.length - 1], "وبالمدينه");
  assert.ok(stripClitics("مدينتها").includes("مدينه"));
  assert.ok(stripClitics("للجيش").includes("جيش"));
  assert.ok(stripClitics("وسيقصفون").includes("يقصفون"));
  assert.ok(stripClitics("قواتهم").includes("قوات"));
  assert.deepEqual(stripClitics("في"), ["في"]);
});
