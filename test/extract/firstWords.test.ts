import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { firstWordsOf } from "../../src/extract/firstWords.js";
import { foldPattern } from "../../src/extract/pattern.js";
import { normalizeWithMap } from "../../src/arabic/normalize.js";
import { TRIGGERS } from "../../src/extract/lexicon/triggers.js";
import { PARTIES, FORCE_NOUNS, GOV_NOUNS } from "../../src/extract/lexicon/parties.js";
import { SOURCES, ATTRIBUTION_CUES, CONTINUATION_CUES } from "../../src/extract/lexicon/sources.js";
import { KILLED, INJURED } from "../../src/extract/lexicon/cues.js";

const set = (xs: string[]) => new Set(xs);

test("first words of phrase patterns: groups, options, classes; a one-word match may take a final ا", () => {
  assert.deepEqual(firstWordsOf("(?:ال)?مصدر (?:ذاته|نفسه)"), set(["المصدر", "مصدر"]));
  assert.deepEqual(firstWordsOf("قصف"), set(["قصف", "قصفا"]));
  assert.deepEqual(firstWordsOf("[يت]رتفع"), set(["يرتفع", "يرتفعا", "ترتفع", "ترتفعا"]));
  // an optional second word: the match may be the first word alone
  assert.deepEqual(firstWordsOf("دفاع(?: مدني)?"), set(["دفاع", "دفاعا"]));
  // what follows the first space is never read, whatever its syntax
  assert.deepEqual(firstWordsOf("محافظ [\\p{L}]+"), set(["محافظ"]));
  // a lookahead is zero-width: skipped
  assert.deepEqual(firstWordsOf("هلال(?! كردي) احمر"), set(["هلال"]));
});

test("unknown syntax before the first space, or a match that may be empty: no filter", () => {
  assert.equal(firstWordsOf("[\\p{L}]+ه"), null);
  assert.equal(firstWordsOf("قصف\\S*"), null);
  assert.equal(firstWordsOf("(?:ال)?"), null);
  assert.equal(firstWordsOf("s-?300"), null);
  assert.equal(firstWordsOf("(قصف)"), null);
});

// Soundness on real text: wherever an entry's bucket regex matches at a word start (or after a
// proclitic), the letter run there is one of the entry's first words.
test("every lexicon entry's matches in the dev reports begin with one of its first words", () => {
  const dir = "test/fixtures/reports";
  const texts = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().slice(0, 12).map((f) => normalizeWithMap(readFileSync(`${dir}/${f}`, "utf8")).text);
  const patterns = [
    ...TRIGGERS.map((e) => e.re), ...PARTIES.map((e) => e.re), ...SOURCES.map((e) => e.re), ...ATTRIBUTION_CUES.map((e) => e.re),
    ...CONTINUATION_CUES.map((e) => e.re), ...KILLED, ...INJURED, FORCE_NOUNS, GOV_NOUNS,
  ];
  const isLetter = (c: string | undefined) => !!c && /\p{L}/u.test(c);
  let checked = 0;
  let filtered = 0;
  for (const p of patterns) {
    const folded = foldPattern(p);
    const first = firstWordsOf(folded);
    if (!first) continue;
    filtered++;
    const re = new RegExp(`(?:${folded})(?:ا)?(?![\\p{L}])`, "uy");
    for (const text of texts) {
      for (let i = 0; i < text.length; i++) {
        if (!isLetter(text[i])) continue;
        // word starts and the starts of a word's first letters after a proclitic
        let w = i;
        while (w > 0 && isLetter(text[w - 1]) && i - w < 4) w--;
        if (w > 0 && isLetter(text[w - 1])) continue;
        re.lastIndex = i;
        if (!re.test(text)) continue;
        let e = i;
        while (e < text.length && isLetter(text[e])) e++;
        checked++;
        assert.ok(first.has(text.slice(i, e)), `${p} matched at «${text.slice(i, i + 30)}» but «${text.slice(i, e)}» is not a first word`);
      }
    }
  }
  assert.ok(filtered > 100, `only ${filtered} entries have first words`);
  assert.ok(checked > 200, `only ${checked} matches checked`);
});
