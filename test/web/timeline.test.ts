import { test } from "node:test";
import assert from "node:assert/strict";
import { stack, weekStart } from "../../web/src/timeline.js";
import { partyNameAr } from "../../web/src/i18n.js";

test("stack: days in order, parties ranked by total, the tail folded into 'other'", () => {
  const buckets = [
    { date: "2017-09-12", party: "A", count: 5 },
    { date: "2017-09-10", party: "B", count: 2 },
    { date: "2017-09-12", party: "C", count: 1 },
    { date: "2017-09-11", party: "D", count: 1 },
  ];
  const s = stack(buckets, 2);
  assert.deepEqual(s.parties, ["A", "B", "other"]);
  assert.equal(s.first, "2017-09-10");
  assert.equal(s.last, "2017-09-12");
  assert.equal(s.days.get("2017-09-12")!.get("other"), 1);
  assert.equal(s.days.get("2017-09-11")!.get("other"), 1);
});

test("stack of nothing has no range", () => {
  const s = stack([]);
  assert.equal(s.first, null);
  assert.deepEqual(s.parties, []);
});

test("weekStart is the Monday of the ISO week", () => {
  assert.equal(weekStart("2017-09-14"), "2017-09-11"); // Thursday
  assert.equal(weekStart("2017-09-11"), "2017-09-11"); // Monday
  assert.equal(weekStart("2017-09-17"), "2017-09-11"); // Sunday
  assert.equal(weekStart("2018-01-02"), "2018-01-01");
});

test("party names in Arabic: the canonical parties have a fixed Arabic name", () => {
  assert.equal(partyNameAr("Syrian Arab Army"), "الجيش السوري");
  assert.equal(partyNameAr("Russian Air Force"), "الطيران الروسي");
  assert.equal(partyNameAr("Hayat Tahrir al-Sham (HTS)"), "هيئة تحرير الشام");
  assert.equal(partyNameAr("islamic state"), "تنظيم الدولة");
  assert.equal(partyNameAr("SDF"), "قوات سوريا الديمقراطية");
  assert.equal(partyNameAr("International Coalition"), "التحالف الدولي");
  assert.equal(partyNameAr("Turkish Armed Forces"), "الجيش التركي");
  assert.equal(partyNameAr("Armed opposition"), "المعارضة المسلحة");
  assert.equal(partyNameAr("unknown"), "غير معروف");
  assert.equal(partyNameAr("Some New Brigade"), null);
});
