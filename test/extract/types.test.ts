// Each event type from our own Arabic sentences: the trigger word, its morphology, and the type.
import { test } from "node:test";
import assert from "node:assert/strict";
import { run, one, only } from "./helpers.js";

test("air strike: غارات with a killed count and a hedged Russian actor", () => {
  const r = run("قُتل أربعة مدنيين صباح اليوم في غارتين نفذتهما طائرات حربية يُرجح أنها روسية على بلدة سراقب، بحسب الدفاع المدني.");
  const e = one(r.events, "air_strike");
  assert.equal(e.fatalities?.best, 4);
  assert.equal(e.fatalities?.group, "civilians");
  assert.ok(e.actors.some((a) => a.country === "RU"));
  assert.equal(e.details.hedged, true);
  assert.equal(e.date.start, "2020-03-11");
});

test("air strike: barrel bombs from helicopters", () => {
  const r = run("ألقت مروحيات النظام براميل متفجرة على قرية الهبيط أمس، ما أدى إلى مقتل رجل وإصابة ثلاثة آخرين.");
  const e = one(r.events, "air_strike");
  assert.equal(e.date.start, "2020-03-10");
  assert.equal(e.fatalities?.best, 1);
  assert.equal(e.injured?.best, 3);
});

test("shelling: verb forms قصفت / تقصف and mortar duals", () => {
  const a = run("قصفت قوات النظام بلدة كفرنبل بقذيفتي هاون مساء أمس، ما أسفر عن إصابة طفلين.");
  const e = one(a.events, "shelling");
  assert.equal(e.injured?.best, 2);
  assert.ok(e.actors.some((p) => p.name === "Syrian Arab Army"));
  const b = run("وتعرضت بلدة اللطامنة أمس لقصف صاروخي عنيف مصدره مواقع الجيش السوري.");
  assert.equal(only(b.events, "shelling").length, 1);
});

test("explosion: car bomb and landmine", () => {
  const a = run("انفجرت سيارة مفخخة ظهر اليوم قرب سوق شعبي في مدينة إعزاز، ما أدى إلى مقتل سبعة أشخاص.");
  assert.equal(one(a.events, "explosion").fatalities?.best, 7);
  const b = run("قُتل طفلان أمس بانفجار لغم أرضي من مخلفات الحرب في أطراف بلدة معدان.");
  assert.equal(one(b.events, "explosion").fatalities?.best, 2);
});

test("chemical attack wins over shelling when toxic gas is named", () => {
  const r = run("أصيب 30 مدنياً بحالات اختناق مساء أمس جراء قذائف تحمل غازات سامة سقطت على حي سكني في مدينة حلب، وفق مصادر طبية.");
  const e = one(r.events, "chemical_attack");
  assert.equal(e.injured?.best, 30);
  assert.equal(only(r.events, "shelling").length, 0);
});

test("armed clash with both sides and a tens-plural toll", () => {
  const r = run("دارت اشتباكات عنيفة أمس بين هيئة تحرير الشام وقوات النظام على محور بلدة الحويز، أسفرت عن مقتل عشرات المقاتلين من الطرفين.");
  const e = one(r.events, "armed_clash");
  assert.deepEqual([e.fatalities?.low, e.fatalities?.best, e.fatalities?.high], [20, null, 99]);
  assert.equal(e.fatalities?.group, "combatants");
  const names = [...e.actors, ...e.targets].map((p) => p.name);
  assert.ok(names.some((n) => n.includes("HTS")) && names.includes("Syrian Arab Army"));
});

test("attack on civilians (execution) and abduction (detention campaign)", () => {
  const a = run("أعدم عناصر تنظيم داعش خمسة مدنيين أمس في بلدة الشحيل بتهمة التعامل مع قسد.");
  assert.equal(one(a.events, "attack_on_civilians").fatalities?.best, 5);
  const b = run("اعتقلت قوات النظام عشرين شاباً أمس خلال حملة دهم في بلدة ببيلا، بحسب ناشطين.");
  const e = one(b.events, "abduction");
  assert.equal(e.stance, "claimed");
});

test("territory change with gained_by", () => {
  const r = run("سيطرت قوات سوريا الديمقراطية أمس الثلاثاء على قرية الباغوز بعد انسحاب عناصر التنظيم منها.");
  const e = one(r.events, "territory_change");
  assert.equal(e.details.gained_by, "SDF");
  assert.equal(e.date.start, "2020-03-10");
});

test("agreement needs a reach verb; a background mention is no event", () => {
  const a = run("توصلت فصائل المعارضة والجانب الروسي أمس إلى اتفاق لوقف إطلاق النار في ريف درعا الغربي.");
  assert.equal(only(a.events, "agreement").length, 1);
  const b = run("وتتواصل الخروقات منذ توقيع الاتفاق قبل عامين دون أن يتغير شيء.");
  assert.equal(only(b.events, "agreement").length, 0);
});

test("meeting, and a future visit that is not one", () => {
  const a = run("عقد وفد من المعارضة اجتماعاً مع ضباط روس أمس في مدينة بصرى الشام لبحث ترتيبات التسوية.");
  assert.equal(only(a.events, "meeting").length, 1);
  const b = run("ومن المقرر أن يزور وفد تركي العاصمة الروسية الأسبوع المقبل لإجراء محادثات.");
  assert.equal(only(b.events, "meeting").length, 0);
});

test("threat: a stated intention to attack, not an attack", () => {
  const r = run("هدد وزير الدفاع التركي أمس بشن عملية عسكرية جديدة ضد وحدات حماية الشعب الكردية في منبج.");
  const e = one(r.events, "threat");
  assert.ok(e.actors.some((p) => p.country === "TR"));
  assert.equal(r.events.filter((x) => x.type === "armed_clash" || x.type === "shelling").length, 0);
  const f = run("وقال قائد ميداني إن قواته ستقصف مواقع المسلحين في حال تقدموا نحو البلدة.");
  assert.equal(only(f.events, "shelling").length, 0);
});

test("humanitarian: displacement with a count and period; aid convoy", () => {
  const a = run("نزح أكثر من 12 ألف شخص خلال الأسبوع الماضي من قرى سهل الغاب باتجاه المخيمات الحدودية، بحسب منسقو استجابة سوريا.");
  const e = one(a.events, "humanitarian");
  assert.equal(e.date.precision, "week");
  assert.ok(e.sources.some((s) => s.kind === "ngo"));
  const b = run("دخلت قافلة مساعدات أممية تضم 20 شاحنة أمس إلى مخيم الركبان.");
  assert.equal(only(b.events, "humanitarian").length, 1);
});

test("violation report and casualty claim are aggregates", () => {
  const a = run("أعلن مركز المصالحة الروسي أنه رصد 15 خرقاً لنظام وقف الأعمال القتالية خلال الساعات الأربع والعشرين الماضية.");
  const v = one(a.events, "ceasefire_violation_report");
  assert.equal(v.stance, "claimed");
  const b = run("ووثّق المرصد السوري لحقوق الإنسان مقتل 120 مدنياً خلال الشهر الماضي جراء الغارات الجوية والقصف المدفعي.");
  const c = one(b.events, "casualty_claim");
  assert.equal(c.fatalities?.best, 120);
  assert.equal(only(b.events, "air_strike").length, 0);
});

test("statement by an official body", () => {
  const r = run("رحبت وزارة الخارجية السورية أمس بالبيان الختامي للاجتماع.");
  assert.equal(one(r.events, "statement").actors[0]?.name, "Syrian Foreign Ministry");
});

test("displacement caused by shelling is one humanitarian event, not a shelling", () => {
  const r = run("نزح أكثر من 9 آلاف شخص خلال الأسبوع الماضي من قرى جبل الزاوية جراء القصف المتواصل، بحسب منسقو استجابة سوريا.");
  assert.equal(only(r.events, "humanitarian").length, 1);
  assert.equal(only(r.events, "shelling").length, 0);
});

test("two parties' own tolls are two casualty claims", () => {
  const r = run(
    "وثقت الشبكة السورية لحقوق الإنسان مقتل 180 مدنياً خلال الشهر الماضي في محافظة إدلب.\nفي المقابل، قالت وزارة الدفاع الروسية إن أكثر من 200 مسلح قُتلوا في المنطقة خلال الشهر ذاته.",
  );
  assert.equal(only(r.events, "casualty_claim").length, 2);
});
