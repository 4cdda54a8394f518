// Round-3 extraction rules, each on our own Arabic sentences (none taken from a report).
import { test } from "node:test";
import assert from "node:assert/strict";
import { run, only, one } from "./helpers.js";

test("a situation that 'threatens' something is no threat; a party's threat still is", () => {
  assert.equal(only(run("ويقول محللون إن التصعيد الجاري يهدد الهدنة الهشة في ريف حماة.").events, "threat").length, 0);
  assert.equal(only(run("وتهدد الأزمة المعيشية الخانقة حياة آلاف الأسر في مدينة دير الزور.").events, "threat").length, 0);
  assert.equal(only(run("واستمرار القصف على الأحياء يهدد ما تبقى من التفاهمات بين الضامنين.").events, "threat").length, 0);
  assert.equal(only(run("وهدد الجيش التركي اليوم بشن عملية عسكرية على مدينة تل رفعت.").events, "threat").length, 1);
});

test("a conditional 'we will do it ourselves' is a threat, with the speaker as source", () => {
  const r = run('وقال أردوغان اليوم: "إذا لم يخرج المسلحون من تل رفعت فسنقوم بذلك بأنفسنا".');
  const t = one(r.events, "threat");
  assert.ok(t.sources.some((s) => /أردوغان/.test(s.text ?? "") || /Erdogan/.test(s.name)));
  // doing a visit is not a threat
  assert.equal(only(run("وسيقوم الوزير بزيارة إلى أنقرة الأسبوع المقبل.").events, "threat").length, 0);
});

test("drones shot down: 'أسقطت، مساء أمس، طائرتين مسيّرتين', the passive after the noun, and a stopped drone attack", () => {
  const a = run("وأسقطت الدفاعات الجوية في مطار حماة العسكري، مساء أمس، طائرتين مسيّرتين قادمتين من الشمال.");
  assert.deepEqual(a.events.map((e) => e.type), ["armed_clash"]);
  const b = run("وقالت مصادر عسكرية إن ثلاث طائرات مسيّرة أُسقطت فوق قاعدة حميميم فجر اليوم.");
  assert.deepEqual(b.events.map((e) => e.type), ["armed_clash"]);
  // drones downed during their own attack are that attack, one event
  const c = run("وقالت مصادر عسكرية إن ثلاث طائرات مسيّرة أُسقطت فوق قاعدة حميميم فجر اليوم، وإن الهجوم لم يوقع خسائر.");
  assert.deepEqual(c.events.map((e) => e.type), ["air_strike"]);
  // aircraft that dropped barrels or leaflets did not get shot down
  const d = run("وأسقطت مروحيات النظام أمس عشرات البراميل المتفجرة على بلدة الهبيط.");
  assert.equal(only(d.events, "armed_clash").length, 0);
  const e = run("وقالت مصادر إن طائرات النظام أسقطت منشورات على قرى جبل شحشبو أمس.");
  assert.equal(only(e.events, "armed_clash").length, 0);
});

test("roles: the opposition that shells 'مواقع لقوات النظام' acts; the army is the target", () => {
  const e = one(run('وقصفت الفصائل بصواريخ "غراد" أمس مواقع لقوات النظام في مدينة السقيلبية.').events, "shelling");
  assert.ok(e.targets.some((p) => p.name === "Syrian Arab Army"));
  assert.ok(!e.actors.some((p) => p.name === "Syrian Arab Army"));
});

test("roles and sources: a vehicle 'تابعة لقوات النظام' hit by a bomb is the target, and 'تابعة' attributes nothing", () => {
  const e = one(run("انفجرت عبوة ناسفة صباح اليوم بسيارة عسكرية تابعة لقوات النظام قرب بلدة داعل، ما أدى إلى إصابة عنصرين.").events, "explosion");
  assert.ok(e.targets.some((p) => p.name === "Syrian Arab Army"));
  assert.ok(!e.actors.some((p) => p.name === "Syrian Arab Army"));
  assert.ok(!e.sources.some((s) => s.name === "Syrian Arab Army"));
});

test("figures: a second source's figure in the same sentence bounds a range instead of replacing", () => {
  const e = one(run("قُتل تسعة أشخاص أمس بانفجار سيارة مفخخة في مدينة إعزاز بحسب المجلس المحلي، في حين قال المرصد السوري إن عدد القتلى بلغ اثني عشر.").events, "explosion");
  assert.equal(e.fatalities?.low, 9);
  assert.equal(e.fatalities?.high, 12);
  // a rise is still a revision
  const r = one(run("قُتل تسعة أشخاص أمس بانفجار سيارة مفخخة في مدينة إعزاز، قبل أن ترتفع الحصيلة إلى اثني عشر.").events, "explosion");
  assert.equal(r.fatalities?.best, 12);
});

test("figures: a single named victim ('القيادي فارق الحياة') counts one", () => {
  const e = one(run("اغتال مسلحون مجهولون أمس قيادياً سابقاً في بلدة نوى، وقال ناشطون إن القيادي فارق الحياة في المستشفى.").events, "attack_on_civilians");
  assert.equal(e.fatalities?.best, 1);
});

test("'لاذوا بالفرار' (the attackers fled) is no displacement", () => {
  assert.equal(only(run("أطلق مسلحون النار أمس على رجل أمام منزله في بلدة طفس ولاذوا بالفرار.").events, "humanitarian").length, 0);
});

test("'باتت تسيطر' and 'التي تسيطر عليها' describe who holds ground, not a takeover", () => {
  assert.equal(only(run('وقال الوزير أمس إن "هيئة تحرير الشام" باتت تسيطر على معظم محافظة إدلب.').events, "territory_change").length, 0);
  assert.equal(only(run("وقصفت الطائرات أمس بلدات في ريف إدلب التي تسيطر عليها الفصائل.").events, "territory_change").length, 0);
  assert.equal(only(run("وسيطرت قوات النظام أمس على بلدة كفرنبودة بعد معارك عنيفة.").events, "territory_change").length, 1);
});

test("sources: a group's media officer speaks for it", () => {
  const e = one(run('وقال مسؤول الإعلام في "الجبهة الوطنية للتحرير" إن قوات النظام قصفت أمس بلدة كفرنبل بقذائف الهاون.').events, "shelling");
  assert.equal(e.stance, "claimed");
  assert.ok(e.sources.some((s) => /National Front/.test(s.name) || /الجبهة الوطنية/.test(s.text ?? "")));
});

test("a toll over 'مناطق متفرقة' is a casualty claim; the town-by-town breakdown after it carries the incidents", () => {
  const r = run("وثّق ناشطون مقتل 12 مدنياً اليوم جراء القصف الجوي على مناطق متفرقة من ريف إدلب الجنوبي.\nوقُتل خمسة منهم في غارات على بلدة كفرنبل.");
  assert.equal(one(r.events, "casualty_claim").fatalities?.best, 12);
  assert.equal(one(r.events, "air_strike").fatalities?.best, 5);
});

test("'وأسفرت المعارك عن مقتل…' after a takeover is that takeover's fighting, and the side it hit stays a target", () => {
  const r = run("استعادت فصائل المعارضة فجر اليوم السيطرة على بلدة كفرنبودة بعد هجوم على مواقع قوات النظام.\nوقال المرصد إن المعارك أسفرت عن مقتل 20 عنصراً من قوات النظام.");
  const t = one(r.events, "territory_change");
  assert.equal(only(r.events, "armed_clash").length, 0);
  assert.equal(t.fatalities?.best, 20);
  assert.ok(!t.actors.some((p) => p.name === "Syrian Arab Army"));
});

test("'في المقابل، ذكرت X أن القصف طال قرى…' is the other side's version of the shelling just told, not a second one", () => {
  const r = run("قصف الجيش التركي مساء أمس بالمدفعية محيط بلدة تل رفعت في ريف حلب الشمالي.\nفي المقابل، ذكرت مصادر كردية أن القصف طال قرى شوارغة وأم الحوش، ما أدى إلى إصابة ثلاثة مدنيين.");
  const e = one(r.events, "shelling");
  assert.equal(e.injured?.best, 3);
  // a reply by the other side is an action of its own, not a version
  const q = run("قصفت الفصائل أمس مواقع لقوات النظام في بلدة جورين.\nفي المقابل، ردت قوات النظام بقصف مدفعي على بلدة كفرنبل.");
  assert.equal(only(q.events, "shelling").length, 2);
});

test("sources: 'بحسب ما ذكرت شبكة محلية' names a source", () => {
  const e = one(run("خطف مسلحون مجهولون صباح اليوم سائقاً من بلدة القريا، بحسب ما ذكرت شبكة محلية.").events, "abduction");
  assert.equal(e.stance, "claimed");
  assert.ok(e.sources.some((s) => /شبكة محلية/.test(s.text ?? "")));
});

test("barrels after a number are accusative ('عشرين برميلاً متفجراً') and still an air strike", () => {
  const e = one(run("وألقت مروحيات النظام صباح اليوم أكثر من عشرين برميلاً متفجراً على بلدة الهبيط.").events, "air_strike");
  assert.ok(e.locations.some((l) => /Hbit|Habit/.test(l.name)));
});

test("'متأثراً بجروح أصيب بها أمس' dates the wounding, not the sentence's event", () => {
  const e = one(run("وقُتل رجلان اليوم في قصف مدفعي على بلدة كفرزيتا، وقضى طفل متأثراً بجروح أصيب بها أمس.").events, "shelling");
  assert.equal(e.date.start, "2020-03-11");
  const f = one(run("وقُتل رجلان في قصف مدفعي على بلدة كفرزيتا، وقضى طفل متأثراً بجروح أصيب بها أمس.").events, "shelling");
  assert.notEqual(f.date.start, "2020-03-10");
});
