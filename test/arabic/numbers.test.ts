import { test } from "node:test";
import assert from "node:assert/strict";
import { findNumbers, parseNumberWords, type NumberMention } from "../../src/arabic/numbers.js";

function one(text: string): NumberMention {
  const all = findNumbers(text);
  assert.equal(all.length, 1, `expected one number in «${text}», got ${JSON.stringify(all.map((m) => m.text))}`);
  const m = all[0]!;
  assert.equal(text.slice(m.start, m.end), m.text);
  return m;
}
const vals = (text: string) => findNumbers(text).map((m) => m.value);

test("digits in all scripts, with separators and scale words", () => {
  assert.deepEqual(vals("سقط 12 صاروخاً"), [12]);
  assert.deepEqual(vals("سقط ١٢ صاروخاً"), [12]);
  assert.deepEqual(vals("سقط ۱۲ صاروخاً"), [12]);
  assert.deepEqual(vals("عاد 1,250 لاجئاً"), [1250]);
  assert.deepEqual(vals("عاد ١٬٢٥٠ لاجئاً"), [1250]);
  assert.deepEqual(vals("نزح 80 ألف شخص"), [80000]);
  assert.deepEqual(vals("نزح ٨٠ ألف شخص"), [80000]);
  assert.deepEqual(vals("يحتاج 1.5 مليون إنسان"), [1500000]);
  assert.deepEqual(vals("يحتاج ١٫٥ مليون إنسان"), [1500000]);
  assert.deepEqual(vals("فر 3 آلاف مدني"), [3000]);
});

test("the counted noun follows the number", () => {
  const m = one("قُتل 7 عناصر من الشرطة");
  assert.equal(m.noun?.norm, "عناصر");
  const w = one("أصيب ثلاثة من المدنيين");
  assert.equal(w.noun?.norm, "المدنيين");
});

test("cardinal words in all genders and cases", () => {
  const cases: [string, number][] = [
    ["أصيب رجل واحد", 1], ["أصيبت سيدة واحدة", 1], ["قتل أحد العناصر", 1], ["قتلت إحدى النساء", 1],
    ["أصيب اثنان من الحراس", 2], ["اعتقل اثنين من الشبان", 2], ["جرحت اثنتان من الفتيات", 2],
    ["قتل ثلاثة رجال", 3], ["قتلت ثلاث نساء", 3], ["أربعة جنود", 4], ["خمس غارات", 5], ["ستة مسلحين", 6],
    ["سبع قذائف", 7], ["ثمانية عناصر", 8], ["تسع عائلات", 9], ["عشرة أطفال", 10], ["عشر سيارات", 10],
    ["أحد عشر مقاتلاً", 11], ["إحدى عشرة سيارة", 11], ["اثنا عشر جندياً", 12], ["اثني عشر مسلحاً", 12],
    ["ثلاثة عشر طفلاً", 13], ["تسعة عشر مدنياً", 19], ["عشرون جريحاً", 20], ["عشرين قتيلاً", 20],
    ["خمسة وعشرون شخصاً", 25], ["خمسة وعشرين مدنياً", 25], ["تسعة وتسعين برميلاً", 99],
    ["مئة عائلة", 100], ["مائة أسرة", 100], ["مئتا مقاتل", 200], ["مئتين من المسلحين", 200],
    ["ثلاثمئة شخص", 300], ["ثلاثمائة شخص", 300], ["ثلاث مئة شخص", 300], ["مئة وخمسة وعشرون نازحاً", 125],
    ["تسعمئة وتسعة وتسعون شخصاً", 999], ["ألف لاجئ", 1000], ["ألفا لاجئ", 1000], ["ألفان من اللاجئين", 2000],
    ["ثلاثة آلاف نازح", 3000], ["عشرة آلاف نازح", 10000], ["خمسة وعشرون ألف نازح", 25000],
    ["ألف ومئتان وخمسون عائلة", 1250], ["مليون شخص", 1000000],
  ];
  for (const [text, v] of cases) {
    const m = one(text);
    assert.equal(m.value, v, text);
    assert.equal(m.kind, "words", text);
    assert.equal(m.qualifier, "exact", text);
  }
});

test("number words with proclitics; the conjunction is outside the span", () => {
  const all = findNumbers("قتل رجلان وثلاثة أطفال بثلاثة صواريخ");
  assert.deepEqual(all.map((m) => [m.text, m.value]), [["رجلان", 2], ["ثلاثة", 3], ["بثلاثة", 3]]);
});

test("ordinals are not counts", () => {
  assert.deepEqual(findNumbers("للمرة الثالثة في الأسبوع الخامس من الحملة"), []);
  assert.deepEqual(findNumbers("في الذكرى الخامسة عشرة للثورة"), []);
});

test("weekday names are not numbers", () => {
  assert.deepEqual(findNumbers("وصل الوفد يوم الاثنين وغادر الأحد"), []);
});

test("duals count 2 with the dual word as noun", () => {
  for (const w of ["قذيفتين", "طفلين", "طفلان", "شخصان", "جنديين", "صاروخين", "غارتين", "مدنيان", "سيارتين"]) {
    const m = one(`سقطت ${w} هنا`);
    assert.equal(m.value, 2, w);
    assert.equal(m.kind, "dual", w);
    assert.equal(m.noun?.text, w);
  }
  const c = one("سقطت قذيفتا هاون");
  assert.equal(c.value, 2);
  const d = one("أطلق قذيفتي هاون على الحي");
  assert.equal(d.noun?.text, "قذيفتي");
});

test("sound plurals in ـين are duals only with a fatha or اثنين", () => {
  assert.deepEqual(findNumbers("أصيب مواطنين في القصف"), []);
  const f = one("أصيب مواطنَين في القصف");
  assert.equal(f.value, 2);
  const s = one("أصيب مدنيَّين اثنين بجروح");
  assert.equal(s.value, 2);
  assert.equal(s.text, "مدنيَّين اثنين");
});

test("false duals stay out", () => {
  assert.deepEqual(findNumbers("المسلحين الفلسطينيين في لبنان وعمان بين السكان حين وصل الحسين وياسين"), []);
  assert.deepEqual(findNumbers("سكان المدينة وطالبان"), []);
});

test("plurals of tens, hundreds and thousands", () => {
  const t = one("قتل عشرات المقاتلين");
  assert.deepEqual([t.value, t.low, t.high, t.kind], [null, 20, 99, "tens_plural"]);
  const t2 = one("سقط العشرات بين قتيل وجريح");
  assert.deepEqual([t2.low, t2.high], [20, 99]);
  const h = one("فر مئات العائلات");
  assert.deepEqual([h.low, h.high], [200, 999]);
  assert.deepEqual([one("نزح المئات").low, one("نزح المئات").high], [200, 999]);
  const k = one("نزح آلاف المدنيين");
  assert.deepEqual([k.low, k.high, k.kind], [2000, 9999, "tens_plural"]);
  const tk = one("نزح عشرات الآلاف من السكان");
  assert.deepEqual([tk.low, tk.high], [20000, 99999]);
  const w = one("وعشرات الجرحى");
  assert.equal(w.text, "عشرات");
});

test("vague amounts", () => {
  for (const text of ["سقط أعداد كبيرة من الضحايا", "أصيب العديد من المدنيين", "اعتقل عدد من الشبان"]) {
    const m = one(text);
    assert.equal(m.kind, "vague", text);
    assert.equal(m.qualifier, "unspecified", text);
    assert.deepEqual([m.value, m.low, m.high], [null, null, null]);
  }
});

test("qualifiers before the number", () => {
  const cases: [string, string][] = [
    ["قتل ما لا يقل عن 9 أشخاص", "at_least"], ["قتل لا يقل عن تسعة أشخاص", "at_least"],
    ["قتل على الأقل 9 أشخاص", "at_least"], ["قتل أكثر من 9 أشخاص", "at_least"],
    ["قتل ما يزيد عن 9 أشخاص", "at_least"], ["قتل ما يزيد على 9 أشخاص", "at_least"],
    ["عدد يزيد على 9 أشخاص", "at_least"], ["تجاوز 9 أشخاص", "at_least"], ["قد يتجاوز 9 أشخاص", "at_least"],
    ["فوق 9 أشخاص", "at_least"], ["قتل نحو 9 أشخاص", "about"], ["قتل حوالي 9 أشخاص", "about"],
    ["قتل قرابة 9 أشخاص", "about"], ["قتل زهاء 9 أشخاص", "about"], ["قتل ما يقارب 9 أشخاص", "about"],
    ["قتل تقريباً 9 أشخاص", "about"], ["قتل أقل من 9 أشخاص", "at_most"], ["قتل حتى 9 أشخاص", "at_most"],
    ["قتل ما لا يزيد عن 9 أشخاص", "at_most"], ["قتل وأكثر من 9 أشخاص", "at_least"],
  ];
  for (const [text, q] of cases) {
    const m = one(text);
    assert.equal(m.qualifier, q, text);
    assert.equal(m.value, 9, text);
    assert.ok(m.text.endsWith("9") || m.text.endsWith("تسعة"), text);
  }
  const al = one("قتل ما لا يقل عن ٥ مدنيين");
  assert.equal(al.low, 5);
  const ab = one("قتل نحو 20 مدنياً");
  assert.deepEqual([ab.value, ab.low, ab.high], [20, null, null]);
});

test("qualifiers after the number or its noun", () => {
  const m = one("قتل 94 مدنياً على الأقل");
  assert.equal(m.qualifier, "at_least");
  assert.equal(m.text, "94 مدنياً على الأقل");
  assert.equal(m.noun?.norm, "مدنيا");
  assert.equal(one("نزح 500 شخص تقريباً").qualifier, "about");
  assert.equal(one("نزح عشرون ونيف").qualifier, "at_least");
});

test("a qualifier governing a named count: تجاوز عدد المصابين ١٢", () => {
  const m = one("فيما تجاوز عدد المصابين ١٢ شخصاً");
  assert.equal(m.qualifier, "at_least");
  assert.equal(m.value, 12);
});

test("rising tolls", () => {
  const m = one("ارتفعت حصيلة القتلى إلى 17 مدنياً");
  assert.equal(m.qualifier, "rising");
  assert.equal(m.rising, true);
  assert.deepEqual([m.value, m.low, m.high], [17, 17, null]);
  const n = one("قتل 8 أشخاص والعدد مرشح للارتفاع");
  assert.equal(n.qualifier, "rising");
});

test("ranges", () => {
  const a = one("قتل بين 10 و15 شخصاً");
  assert.deepEqual([a.kind, a.low, a.high, a.value], ["range", 10, 15, null]);
  const b = one("قتل ما بين 10 و 15 شخصاً");
  assert.deepEqual([b.low, b.high], [10, 15]);
  assert.ok(b.text.startsWith("ما بين"));
  const c = one("قتل من 10 إلى 15 شخصاً");
  assert.deepEqual([c.low, c.high], [10, 15]);
  const d = one("قتل 10-15 شخصاً");
  assert.deepEqual([d.low, d.high], [10, 15]);
  const e = one("قتل ثلاثة أو أربعة أشخاص");
  assert.deepEqual([e.low, e.high], [3, 4]);
  const f = one("منطقة بعمق 15-20 كم");
  assert.deepEqual([f.low, f.high, f.noun?.norm], [15, 20, "كم"]);
});

test("numbers inside dates and clock times are not counts", () => {
  assert.deepEqual(vals("في 24 أغسطس قتل 3 أشخاص"), [3]);
  assert.deepEqual(vals("منذ عام 2017 نزح 5 آلاف"), [5000]);
  assert.deepEqual(vals("خلال 24 ساعة سجل 27 خرقاً"), [27]);
  assert.deepEqual(vals("خلال الساعات الأربع والعشرين الماضية سجل 27 خرقاً"), [27]);
  assert.deepEqual(vals("عند الساعة 10:30 صباحاً سقطت 4 قذائف"), [4]);
  assert.deepEqual(vals("في الخامس عشر من آذار قتل جنديان"), [2]);
});

test("percentages are flagged", () => {
  const [p] = findNumbers("تراجعت الخروقات بنسبة 40 بالمئة");
  assert.equal(p!.percent, true);
  assert.equal(p!.noun, undefined);
  const [q] = findNumbers("انخفضت بنسبة 30%");
  assert.equal(q!.percent, true);
});

test("mentions are in order and non-overlapping", () => {
  const text = "قتل ٥ مدنيين، ثم ارتفعت الحصيلة إلى ٨ قتلى بينهم طفلان، وأصيب عشرات آخرون، ونزح أكثر من ٨٠ ألفاً";
  const all = findNumbers(text);
  assert.deepEqual(all.map((m) => m.value ?? m.low), [5, 8, 2, 20, 80000]);
  for (let i = 1; i < all.length; i++) assert.ok(all[i]!.start >= all[i - 1]!.end);
});

test("parseNumberWords", () => {
  assert.equal(parseNumberWords("خمسة وعشرين"), 25);
  assert.equal(parseNumberWords("خمسة وعشرون"), 25);
  assert.equal(parseNumberWords("ثلاثمائة وخمسة"), 305);
  assert.equal(parseNumberWords("مئتين"), 200);
  assert.equal(parseNumberWords("اثنا عشر"), 12);
  assert.equal(parseNumberWords("ثلاثة آلاف وخمسمئة"), 3500);
  assert.equal(parseNumberWords("٢٥"), 25);
  assert.equal(parseNumberWords("مدينة"), null);
  assert.equal(parseNumberWords(""), null);
});

test("corpus-style phrasings", () => {
  const r = one("منطقة بعرض 15 إلى 20 كيلومتراً");
  assert.deepEqual([r.kind, r.low, r.high], ["range", 15, 20]);
  const rise = findNumbers("ارتفع عدد القتلى من 5 إلى 8 أشخاص");
  assert.deepEqual(rise.map((m) => [m.value, m.qualifier]), [[5, "exact"], [8, "rising"]]);
  assert.deepEqual(vals("بنود الاتفاق. 2- تسحب الفصائل أسلحتها"), []);
  assert.equal(one("قتل نحو مئة منهم").noun, undefined);
  assert.deepEqual(findNumbers("في القرن العشرين"), []);
  assert.deepEqual(findNumbers("لست أدري"), []);
  assert.deepEqual(findNumbers("كمية كبيرة"), []);
  assert.deepEqual(vals("قتل بين عامي 2010 و2012 نحو 40 شخصاً"), [40]);
  assert.deepEqual(vals("في بداية 2018 اندلع القتال"), []);
});

test("qualifiers with glued prepositions, 'up to', models, anniversaries, shares", () => {
  assert.equal(one("نزح لأكثر من 20 ألف شخص").qualifier, "at_least");
  assert.equal(one("قتل بنحو 30 شخصاً").qualifier, "about");
  const up = one("منطقة بعمق يصل إلى 30 كيلومتراً");
  assert.deepEqual([up.qualifier, up.high], ["at_most", 30]);
  assert.deepEqual(findNumbers("أسقطت طائرة F-16 بصاروخ إس-400"), []);
  assert.deepEqual(findNumbers("في الذكرى الـ70 للنكبة"), []);
  const p = one("تراجعت الخروقات بنسبة 12");
  assert.equal(p.percent, true);
});

test("temperatures are not counts", () => {
  assert.deepEqual(findNumbers("الطقس في اللاذقية ٢٤° مشمس"), []);
});

test("any dual-looking noun confirmed by اثنين counts 2 with that noun", () => {
  const m = one("قتل مستشارين اثنين في الهجوم");
  assert.deepEqual([m.kind, m.value, m.noun?.text, m.text], ["dual", 2, "مستشارين", "مستشارين اثنين"]);
});

test("halves and quarters of large numbers", () => {
  assert.deepEqual(vals("نزح نحو نصف مليون شخص"), [500000]);
  assert.deepEqual(vals("يعيش ربع مليون لاجئ"), [250000]);
  assert.deepEqual(vals("نزح مليون ونصف شخص"), [1500000]);
  assert.deepEqual(vals("نزح 2 مليون ونصف"), [2500000]);
  assert.deepEqual(findNumbers("في منتصف الطريق ونصف الساعة"), []);
});

test("واحد after its noun counts that noun", () => {
  const m = one("قتل شخص واحد وأصيب آخرون");
  assert.deepEqual([m.value, m.noun?.text, m.text], [1, "شخص", "شخص واحد"]);
  const f = one("نفذت الطائرات غارة واحدة على الأقل");
  assert.deepEqual([f.value, f.noun?.text, f.qualifier], [1, "غارة", "at_least"]);
});

test("bare year-like numbers are flagged", () => {
  const [y] = findNumbers("جميع الحقوق محفوظة 2018");
  assert.equal(y!.yearLike, true);
  assert.equal(one("قتل 1950 شخصاً").yearLike, true);
  assert.equal(one("قتل 195 شخصاً").yearLike, undefined);
});

test("a detached article between qualifier and number", () => {
  const m = one("قتل نحو الـ50 شخصاً");
  assert.deepEqual([m.qualifier, m.value, m.text], ["about", 50, "نحو الـ50"]);
});
