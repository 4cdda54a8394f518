import { test } from "node:test";
import assert from "node:assert/strict";
import { findDates, resolveDatePhrase, type DateMention } from "../../src/arabic/dates.js";

// Publication days used below (weekday in the comment).
const TUE = "2019-05-14"; // Tuesday
const WED = "2018-02-21"; // Wednesday
const MON = "2018-05-07"; // Monday

function one(text: string, published: string | null = TUE): DateMention {
  const all = findDates(text, published);
  assert.equal(all.length, 1, `expected one date in «${text}», got ${JSON.stringify(all.map((d) => d.text))}`);
  const d = all[0]!;
  assert.equal(text.slice(d.start, d.end), d.text);
  return d;
}
function day(text: string, published: string | null = TUE): string | null {
  const d = one(text, published);
  assert.equal(d.precision, "day", text);
  assert.equal(d.startDate, d.endDate, text);
  return d.startDate;
}

test("today and parts of today", () => {
  assert.equal(day("قصفت الطائرات البلدة اليوم"), TUE);
  for (const p of ["فجر اليوم", "صباح اليوم", "مساء اليوم", "ظهر اليوم", "اليوم الثلاثاء", "صباح اليوم الثلاثاء"]) {
    assert.equal(day(`سقطت قذائف ${p} على الحي`), TUE, p);
  }
  assert.equal(one("سقطت قذائف فجر اليوم على الحي").text, "فجر اليوم");
});

test("yesterday in its forms", () => {
  for (const p of ["أمس", "الأمس", "يوم أمس", "مساء أمس", "ليل أمس", "ليلة أمس", "بالأمس", "أمس الاثنين", "مساء أمس الاثنين", "الليلة الماضية"]) {
    assert.equal(day(`دارت اشتباكات ${p} في القرية`), "2019-05-13", p);
  }
});

test("the day before yesterday", () => {
  for (const p of ["أول أمس", "أول من أمس", "أمس الأول", "أول أمس الأحد"]) {
    assert.equal(day(`دارت اشتباكات ${p} في القرية`), "2019-05-12", p);
  }
});

test("weekdays: most recent not after publication; الماضي strictly before", () => {
  assert.equal(day("هاجم المسلحون الحاجز يوم الجمعة"), "2019-05-10");
  assert.equal(day("هاجم المسلحون الحاجز الأحد"), "2019-05-12");
  assert.equal(day("هاجم المسلحون الحاجز الثلاثاء"), TUE);
  assert.equal(day("هاجم المسلحون الحاجز الثلاثاء الماضي"), "2019-05-07");
  assert.equal(day("هاجم المسلحون الحاجز يوم الخميس الماضي", MON), "2018-05-03");
  assert.equal(day("هاجم المسلحون الحاجز مساء السبت"), "2019-05-11");
  assert.equal(day("تعقد الجولة يوم الخميس المقبل"), "2019-05-16");
});

test("ليلة + weekday is the eve of that day; ليل X - Y spans two days", () => {
  const n = one("قصف عنيف ليلة الاثنين");
  assert.deepEqual([n.startDate, n.endDate], ["2019-05-12", "2019-05-13"]);
  const r = one("قصف عنيف ليل الأحد - الاثنين");
  assert.deepEqual([r.startDate, r.endDate], ["2019-05-12", "2019-05-13"]);
});

test("weeks and days back", () => {
  for (const p of ["الأسبوع الماضي", "خلال الأسبوع الماضي"]) {
    const d = one(`وثق المرصد مقتل مدنيين ${p}`);
    assert.deepEqual([d.startDate, d.endDate, d.precision], ["2019-05-07", "2019-05-13", "week"], p);
  }
  const ds = one("نزحت عائلات خلال الأيام الماضية");
  assert.deepEqual([ds.startDate, ds.precision], ["2019-05-07", "week"]);
  const ws = one("تصاعد القصف خلال الأسابيع الماضية");
  assert.equal(ws.precision, "week");
  assert.ok(ws.startDate! < "2019-05-07");
  const two = one("تصاعد القصف خلال الأسبوعين الماضيين");
  assert.deepEqual([two.startDate, two.endDate], ["2019-04-30", "2019-05-13"]);
  const yd = one("نزحت عائلات خلال اليومين الماضيين");
  assert.equal(yd.startDate, "2019-05-12");
  const three = one("نزحت عائلات خلال الأيام الثلاثة الماضية");
  assert.equal(three.startDate, "2019-05-11");
});

test("24 hours = yesterday..today", () => {
  for (const p of ["خلال 24 ساعة", "خلال الـ24 ساعة الماضية", "خلال الساعات الأربع والعشرين الماضية", "خلال الساعات الماضية", "خلال ٢٤ ساعة"]) {
    const d = one(`سجل المركز خروقات ${p}`);
    assert.deepEqual([d.startDate, d.endDate, d.precision], ["2019-05-13", TUE, "day"], p);
  }
});

test("months and years relative to publication", () => {
  const m = one("تراجع القصف الشهر الماضي");
  assert.deepEqual([m.startDate, m.endDate, m.precision], ["2019-04-01", "2019-04-30", "month"]);
  const y = one("أعلن الاتفاق العام الماضي");
  assert.deepEqual([y.startDate, y.endDate, y.precision], ["2018-01-01", "2018-12-31", "year"]);
  const y2 = one("وقع الهجوم في العام 2017");
  assert.deepEqual([y2.startDate, y2.endDate, y2.precision, y2.relative], ["2017-01-01", "2017-12-31", "year", false]);
  assert.equal(one("منذ عام 2011 والحرب مستمرة").startDate, "2011-01-01");
  assert.equal(one("تغير الوضع خلال السنة الماضية").startDate, "2018-01-01");
});

test("explicit day and month (Egyptian and Levantine names)", () => {
  assert.equal(day("وقع الاتفاق في 24 أغسطس", "2017-08-30"), "2017-08-24");
  assert.equal(day("وقع الاتفاق في السادس من يونيو", "2017-08-30"), "2017-06-06");
  assert.equal(day("دخلت القافلة يوم 14 شباط", WED), "2018-02-14");
  assert.equal(one("دخلت القافلة يوم 14 شباط", WED).text, "يوم 14 شباط");
  assert.equal(day("اجتمعوا في 24 نوفمبر/تشرين الثاني", "2018-11-26"), "2018-11-24");
  assert.equal(day("اجتمعوا (24 أغسطس/آب) في أستانا", "2017-08-26"), "2017-08-24");
  assert.equal(day("وقع في 17 سبتمبر الماضي", "2018-11-26"), "2018-09-17");
  assert.equal(day("بدأت في العاشر من أيلول الماضي", "2018-12-11"), "2018-09-10");
  assert.equal(day("في 4 أيار/مايو 2017 وقعت الدول", "2019-01-01"), "2017-05-04");
  assert.equal(day("في الحادي والعشرين من كانون الثاني", "2019-02-10"), "2019-01-21");
  assert.equal(day("في الخامس عشر من تشرين الأول", "2019-11-10"), "2019-10-15");
  assert.equal(day("في 3 إبريل", "2019-05-10"), "2019-04-03");
  assert.equal(day("في 3 أبريل", "2019-05-10"), "2019-04-03");
  assert.equal(day("في 9 يوليه", "2019-08-10"), "2019-07-09");
  assert.equal(day("في 9 مارس", "2019-08-10"), "2019-03-09");
  for (const [name, m] of [["كانون الثاني", "01"], ["آذار", "03"], ["نيسان", "04"], ["حزيران", "06"], ["تموز", "07"], ["آب", "08"], ["أيلول", "09"], ["كانون الأول", "12"]] as const) {
    assert.equal(day(`في 2 ${name} 2016`, null), `2016-${m}-02`, name);
  }
});

test("a month without a year takes the last one not after publication", () => {
  assert.equal(day("في 25 ديسمبر", "2019-01-03"), "2018-12-25");
  assert.equal(day("في 25 كانون الأول", "2019-01-03"), "2018-12-25");
  assert.equal(day("في 5 أيار الماضي", "2019-05-20"), "2018-05-05");
  // an announced date within the next month stays in the publication year
  assert.equal(day("المهلة تنتهي في 15 تشرين الأول", "2018-09-19"), "2018-10-15");
});

test("weekday followed by an explicit date resolves to that date", () => {
  const d = one("عقدت القمة يوم الاثنين 17 أيلول/سبتمبر في سوتشي", "2018-09-19");
  assert.equal(d.text, "يوم الاثنين 17 أيلول/سبتمبر");
  assert.equal(d.startDate, "2018-09-17");
  const e = one("مساء السبت 24 نوفمبر/تشرين الثاني", "2018-11-26");
  assert.equal(e.startDate, "2018-11-24");
  const f = one("فجر اليوم الخميس (24 أغسطس/آب)", "2017-08-24");
  assert.equal(f.text, "فجر اليوم الخميس (24 أغسطس/آب)");
});

test("edges of months", () => {
  const n = one("بدأ التصعيد نهاية نيسان الماضي", "2019-06-10");
  assert.deepEqual([n.startDate, n.endDate, n.precision], ["2019-04-28", "2019-04-30", "month"]);
  const m = one("في منتصف آذار 2018", null);
  assert.deepEqual([m.startDate, m.endDate], ["2018-03-14", "2018-03-16"]);
  const b = one("في مطلع شهر تموز", "2018-07-20");
  assert.deepEqual([b.startDate, b.endDate], ["2018-07-01", "2018-07-03"]);
  const t = one("في تموز من العام الماضي", "2018-07-04");
  assert.deepEqual([t.startDate, t.endDate], ["2017-07-01", "2017-07-31"]);
});

test("numeric dates", () => {
  assert.equal(day("بتاريخ 2017-05-04 وقعت", null), "2017-05-04");
  assert.equal(day("بتاريخ 4/5/2017 وقعت", null), "2017-05-04");
  assert.equal(day("بتاريخ ٤/٥/٢٠١٧ وقعت", null), "2017-05-04");
  assert.equal(findDates("نسبة 4/5 من السكان", null).length, 0);
});

test("Hijri dates are recognized and never read as Gregorian", () => {
  const h = one("الموافق 12 ربيع الأول 1440 هـ", null);
  assert.equal(h.calendar, "hijri");
  assert.ok(h.startDate!.startsWith("2018-11"));
  const y = one("في عام 1440هـ", null);
  assert.equal(y.calendar, "hijri");
  assert.ok(y.text.includes("1440"));
  assert.ok(!findDates("سنة 1440 هـ", null).some((d) => d.startDate?.startsWith("1440")));
});

test("without a publication date relative phrases are reported with null dates", () => {
  for (const p of ["أمس", "الاثنين الماضي", "خلال الأسبوع الماضي", "24 أغسطس", "العام الماضي"]) {
    const d = one(`حدث ذلك ${p} هناك`, null);
    assert.equal(d.relative, true, p);
    assert.equal(d.startDate, null, p);
    assert.equal(d.endDate, null, p);
  }
  assert.equal(one("حدث ذلك العام 2017", null).startDate, "2017-01-01");
});

test("anaphoric days are marked and left unresolved", () => {
  const d = one("وفي اليوم ذاته قتل رجل");
  assert.equal(d.anaphoric, true);
  assert.equal(d.startDate, null);
  assert.equal(one("في اليوم نفسه").anaphoric, true);
});

test("things that are not dates", () => {
  assert.deepEqual(findDates("إدلب – «الشمال اليوم»", TUE), []);
  assert.deepEqual(findDates("قال الأب إن ابنه أصيب", TUE), []);
  assert.deepEqual(findDates("مارس الضغط على الفصائل", TUE), []);
  assert.deepEqual(findDates("قتل 5 أشخاص", TUE), []);
});

test("several mentions in order, non-overlapping", () => {
  const text = "قصفت الطائرات فجر اليوم البلدة بعد اشتباكات أمس الاثنين، فيما نزح الآلاف خلال الأسبوع الماضي";
  const all = findDates(text, TUE);
  assert.deepEqual(all.map((d) => d.text), ["فجر اليوم", "أمس الاثنين", "خلال الأسبوع الماضي"]);
  for (let i = 1; i < all.length; i++) assert.ok(all[i]!.start >= all[i - 1]!.end);
});

test("ago phrases", () => {
  assert.equal(day("قبل يومين"), "2019-05-12");
  assert.equal(day("منذ ثلاثة أيام"), "2019-05-11");
  assert.equal(day("قبل 5 أيام"), "2019-05-09");
  assert.equal(one("منذ أسبوعين").precision, "week");
});

test("resolveDatePhrase", () => {
  const d = resolveDatePhrase("أمس الأحد", "2018-11-26")!;
  assert.equal(d.startDate, "2018-11-25");
  assert.equal(resolveDatePhrase("خلال الأسبوع الماضي", TUE)!.precision, "week");
  assert.equal(resolveDatePhrase("لا شيء هنا", TUE), null);
  assert.equal(resolveDatePhrase("أمس", "not a date")!.startDate, null);
});

test("corpus-style phrasings", () => {
  const m = one("في مايو/ أيار عام 2003 دخلت القوات", "2018-04-16");
  assert.deepEqual([m.startDate, m.endDate, m.precision, m.relative], ["2003-05-01", "2003-05-31", "month", false]);
  assert.equal(one("وفي نفس اليوم قتل رجل").anaphoric, true);
  assert.deepEqual(findDates("هدنة يومية منذ الساعة التاسعة صباحاً", TUE).filter((d) => d.precision !== "unknown"), []);
  assert.equal(day("يوم 7 إبريل/نيسان من عام 2018", null), "2018-04-07");
  assert.equal(day("في 1 أكتوبر/تشرين أول", "2018-10-20"), "2018-10-01");
  assert.equal(day("في الثالث من أبريل / نيسان 2018", null), "2018-04-03");
});

test("year spans and periods with counts", () => {
  const r = one("قتل بين عامي 2010 و2012", null);
  assert.deepEqual([r.startDate, r.endDate, r.precision], ["2010-01-01", "2012-12-31", "year"]);
  const b = one("في بداية 2018 اندلع القتال", null);
  assert.deepEqual([b.startDate, b.endDate, b.precision], ["2018-01-01", "2018-03-31", "month"]);
  const s = one("خلال السنوات الأربع الأخيرة", "2019-05-14");
  assert.deepEqual([s.startDate, s.precision], ["2015-05-15", "year"]);
});

test("future periods and the start of this year", () => {
  const w = one("تعقد الجولة الأسبوع المقبل");
  assert.deepEqual([w.startDate, w.endDate, w.precision], ["2019-05-15", "2019-05-21", "week"]);
  const m = one("تنتهي المهلة الشهر المقبل");
  assert.deepEqual([m.startDate, m.endDate], ["2019-06-01", "2019-06-30"]);
  const y = one("تجرى الانتخابات العام المقبل");
  assert.deepEqual([y.startDate, y.precision], ["2020-01-01", "year"]);
  const e = one("قتل منذ مطلع العام مئات المدنيين");
  assert.deepEqual([e.startDate, e.endDate, e.precision], ["2019-01-01", "2019-03-31", "month"]);
});

test("منذ يوم + weekday is that weekday", () => {
  const d = one("سجلت 9 خروقات منذ يوم السبت", "2018-09-19");
  assert.equal(d.text, "يوم السبت");
  assert.equal(d.startDate, "2018-09-15");
});

test("day of the current, previous or next month", () => {
  assert.equal(day("في الخامس من الشهر الجاري", "2019-05-14"), "2019-05-05");
  assert.equal(day("في 24 من الشهر الماضي", "2019-01-10"), "2018-12-24");
  assert.equal(day("في 3 من الشهر المقبل", "2019-12-10"), "2020-01-03");
  assert.equal(one("في 24 من الشهر الماضي", null).startDate, null);
});

test("Hijri months without a year are recognized but not resolved", () => {
  const r = one("خلال شهر رمضان", "2019-05-14");
  assert.deepEqual([r.calendar, r.startDate, r.precision], ["hijri", null, "month"]);
  const b = one("في ربيع الأول", "2019-05-14");
  assert.equal(b.calendar, "hijri");
  const y = one("في ربيع الأول 1440", null);
  assert.equal(y.calendar, "hijri");
  assert.ok(y.startDate!.startsWith("2018-11"));
  assert.deepEqual(findDates("في رمضان قال", "2019-05-14").filter((d) => d.calendar !== "hijri"), []);
});

test("a date after publication is last year's unless announced as upcoming", () => {
  assert.equal(day("قتل في 24 أغسطس", "2017-08-20"), "2016-08-24");
  assert.equal(day("تنسحب القوات بحلول 15 تشرين الأول", "2018-09-19"), "2018-10-15");
  assert.equal(day("من المقرر أن تعقد الجولة في 30 أيلول", "2018-09-19"), "2018-09-30");
  const d = one("نزحت عائلات خلال الأيام الماضية");
  assert.equal(d.endDate, "2019-05-13");
});

test("a bare month after a preposition", () => {
  const m = one("بدأت الحملة في مارس", "2019-05-14");
  assert.deepEqual([m.startDate, m.endDate, m.precision], ["2019-03-01", "2019-03-31", "month"]);
  assert.equal(one("منذ آب", "2019-05-14").startDate, "2018-08-01");
  assert.deepEqual(findDates("مارس الجيش ضغوطاً على أبيه", "2019-05-14"), []);
});

test("edges of relative months", () => {
  const a = one("تصاعد القصف أواخر الشهر الماضي", "2019-05-14");
  assert.deepEqual([a.startDate, a.endDate, a.precision], ["2019-04-21", "2019-04-30", "month"]);
  const b = one("بدأت الهدنة مطلع الشهر الجاري", "2019-05-14");
  assert.deepEqual([b.startDate, b.endDate], ["2019-05-01", "2019-05-03"]);
});

test("more month spellings: slash after the day, two names without a slash, a year word after", () => {
  assert.equal(day("هجمات 11/ سبتمبر أيلول 2001", null), "2001-09-11");
  const a = one("هجوم وقع أبريل / نيسان العام الماضي", "2019-05-14");
  assert.deepEqual([a.startDate, a.endDate], ["2018-04-01", "2018-04-30"]);
  assert.equal(one("هجوم وقع أبريل / نيسان", "2019-05-14").startDate, "2019-04-01");
  assert.equal(day("بالأول من أبريل", "2019-05-14"), "2019-04-01");
});

test("the end of a relative month is its last days", () => {
  const n = one("تصاعد القصف نهاية الشهر الماضي", "2019-05-14");
  assert.deepEqual([n.startDate, n.endDate], ["2019-04-28", "2019-04-30"]);
});

test("hedged ago phrases", () => {
  assert.equal(one("وقع الهجوم قبل نحو أسبوع").startDate, "2019-05-07");
  assert.equal(one("بدأ الحصار منذ أكثر من شهر").precision, "month");
  assert.equal(one("سقطت خلال ما يقارب 24 ساعة").startDate, "2019-05-13");
});
