// Attribution, stance, denials with disputes, negation, hypotheticals, background, furniture, opinion.
import { test } from "node:test";
import assert from "node:assert/strict";
import { run, one, only } from "./helpers.js";

test("attributed → claimed with the source kind; the outlet's own voice → asserted", () => {
  const a = one(run("قُتل خمسة مدنيين أمس بقصف على بلدة الغدفة، وفق ما أفاد المرصد السوري لحقوق الإنسان.").events, "shelling");
  assert.equal(a.stance, "claimed");
  assert.equal(a.sources[0]?.kind, "monitor");
  const b = one(run("سقطت قذائف هاون صباح اليوم على حي القصاع في دمشق وأصابت ثلاثة مدنيين.").events, "shelling");
  assert.equal(b.stance, "asserted");
  assert.equal(b.sources[0]?.kind, "outlet");
});

test("source kinds: state media, news agency, activists, official", () => {
  const k = (t: string) => run(t).events[0]?.sources.map((s) => s.kind) ?? [];
  assert.ok(k("ذكرت وكالة سانا أن قذيفتين سقطتا أمس على حي السليمانية في حلب وأصابتا طفلين.").includes("state_media"));
  assert.ok(k("قال ناشطون إن غارة جوية استهدفت أمس سوق بلدة كفرتخاريم وأوقعت قتيلين.").includes("activists"));
  assert.ok(k("أفاد مصدر عسكري بأن وحدات الجيش سيطرت أمس على تلة استراتيجية قرب بلدة اللطامنة.").includes("official"));
  assert.ok(k("نقلت وكالة رويترز عن سكان أن انفجاراً هز أمس مدينة الباب وأوقع أربعة قتلى.").includes("news_agency"));
});

test("a source carries over to a continuation sentence", () => {
  const r = run("قُتل ثلاثة مدنيين أمس بغارة على قرية البارة، بحسب الدفاع المدني السوري.\nوأضاف المصدر ذاته أن مدنيَّين أصيبا أمس بقصف مدفعي على بلدة احسم.");
  const s = one(r.events, "shelling");
  assert.equal(s.stance, "claimed");
  assert.ok(s.sources.some((x) => x.name.includes("Civil Defence")));
});

test("a denial is its own event and disputes the claim it rejects", () => {
  const r = run("اتهم ناشطون قوات النظام باعتقال ثلاثين شاباً أمس في مدينة التل.\nفي المقابل، نفى مصدر أمني في تصريح لوكالة سانا اعتقال أي شخص في المدينة.");
  const claim = one(r.events, "abduction");
  const denial = one(r.events, "denial");
  assert.equal(denial.stance, "denied");
  assert.deepEqual(denial.disputes, [claim.id]);
});

test("negated, hypothetical and future events are not incidents", () => {
  assert.equal(run("أكد المركز أن الطيران الروسي لم ينفذ أي غارات في المنطقة خلال اليوم الماضي.").events.filter((e) => e.type === "air_strike").length, 0);
  assert.equal(run("وفي حال استمرت الخروقات فإن الجيش سيقصف مواقع المسلحين في ريف حماة.").events.filter((e) => e.type === "shelling").length, 0);
  assert.equal(only(run("ويأتي هذا القصف بعد أسابيع من الهدوء النسبي الذي شهدته المنطقة.").events, "shelling").length, 0);
});

test("site furniture and related links give no event", () => {
  const text = [
    "برنامج جديد عن الزراعة في سهل الغاب",
    "شارك: فيسبوك | تويتر | واتساب",
    "يعرض البرنامج مساء الجمعة المقبل حلقة عن موسم القطن في سهل الغاب وحكايات المزارعين مع مواسم الحصاد الطويلة والصعبة.",
    "اقرأ أيضاً:",
    "- مقتل أربعة مدنيين بغارة على ريف إدلب",
    "- اشتباكات عنيفة في محيط مدينة الباب",
    "اترك تعليقاً",
    "جميع الحقوق محفوظة © 2020",
    "زر الذهاب إلى الأعلى",
  ].join("\n");
  assert.deepEqual(run(text).events, []);
});

test("an opinion piece about truces gives no events", () => {
  const text = "رأي: هل تصمد الهدنة هذه المرة؟\n\nبقلم: كاتب من الاختبار\n\nكل هدنة في سوريا تبدأ بوعود كبيرة وتنتهي بقصف جديد، والخروقات اليومية تؤكد أن الاتفاق لم يعد يعني شيئاً للأطراف المتحاربة في إدلب.";
  assert.deepEqual(run(text).events, []);
});

test("relative dates without a publication date stay null with a warning", () => {
  const r = run("قُتل ثلاثة مدنيين أمس بقصف مدفعي على بلدة الهبيط.", null);
  const e = one(r.events, "shelling");
  assert.equal(e.date.start, null);
  assert.ok(r.warnings.some((w) => w.includes("published")));
});
