import { test } from "node:test";
import assert from "node:assert/strict";
import { findDates, dateSpans } from "../../src/arabic/dates.js";
import { findNumbers } from "../../src/arabic/numbers.js";

// findNumbers skips numbers inside the date phrases read WITHOUT a publication day. Extraction reads
// the dates with the publication day first and findNumbers reuses those spans when they are provably
// the same; these tests hold dateSpans to findDates(text, null) in both cases.
const spansOf = (text: string) => findDates(text, null).map((d) => [d.start, d.end]);
const fresh = (s: string) => (" " + s).slice(1); // a distinct string: no memo of the last text applies

test("dateSpans after a run with the publication day equals a run without it", () => {
  const texts = [
    "قتل 5 مدنيين أمس الاثنين في قصف على إدلب، وأصيب 12 آخرون يوم 14 أيار الماضي.",
    "ونزح أكثر من 3 آلاف شخص خلال الأسبوع الماضي، بحسب تقرير صدر في 2 حزيران 2019.",
    "وفي 10 و15 تشرين الأول من العام الماضي قتل 7 عناصر، ومنذ مطلع العام 40 مدنياً.",
  ];
  for (const t of texts) {
    const text = fresh(t);
    findDates(text, "2019-05-14");
    assert.deepEqual(dateSpans(text).map((s) => [...s]), spansOf(fresh(t)), t);
  }
});

test("a day the month does not have: spans differ with the publication day, dateSpans keeps the run without it", () => {
  const t = "وقتل 31 شخصاً، في 31 نيسان الماضي، بحسب المرصد.";
  const withPub = findDates(fresh(t), "2019-05-14").map((d) => [d.start, d.end]);
  const without = spansOf(fresh(t));
  assert.notDeepEqual(withPub, without); // "31 نيسان الماضي" is refused once the year is known
  const text = fresh(t);
  findDates(text, "2019-05-14");
  assert.deepEqual(dateSpans(text).map((s) => [...s]), without);
});

test("findNumbers gives the same counts whether or not the dates were read first", () => {
  const texts = [
    "وقتل 31 شخصاً، في 31 نيسان الماضي، بحسب المرصد، وأصيب 4 آخرون يوم 3 أيار.",
    "قتل 5 مدنيين أمس الاثنين 13 أيار 2019 في قصف على بلدة كفرنبل، وأصيب 12 آخرون.",
  ];
  for (const t of texts) {
    const alone = findNumbers(fresh(t));
    const text = fresh(t);
    findDates(text, "2019-05-14");
    assert.deepEqual(findNumbers(text), alone, t);
  }
});
