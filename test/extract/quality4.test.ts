// Round-4 extraction rules, each on our own Arabic sentences (none taken from a report).
import { test } from "node:test";
import assert from "node:assert/strict";
import { run, only, one } from "./helpers.js";

const killed = (text: string) => run(text).events.find((e) => e.fatalities)?.fatalities ?? null;

test("feminine duals count two: 'امرأتان'، 'امرأتين'، 'ضحيتان'، 'سيدتين'", () => {
  assert.equal(killed("وقُتلت امرأتان أمس بقصف مدفعي على بلدة كفرنبل.")?.best, 2);
  assert.equal(killed("وأسفر القصف عن مقتل سيدتين في بلدة التمانعة اليوم.")?.best, 2);
  assert.equal(killed("وسقطت ضحيتان اليوم بقصف على مدينة معرة النعمان.")?.best, 2);
  assert.equal(killed("وأسفر القصف عن مقتل امرأتين في بلدة التمانعة اليوم.")?.group, "civilians");
});

test("victims joined by و add up: a lone victim and a count, in either order, and chains", () => {
  assert.equal(killed("وأسفر القصف عن مقتل امرأة وطفلين في بلدة حاس اليوم.")?.best, 3);
  assert.equal(killed("وأسفر القصف عن مقتل طفلين وامرأة في بلدة حاس اليوم.")?.best, 3);
  assert.equal(killed("وقُتل رجل وامرأة بقصف على بلدة حاس أمس.")?.best, 2);
  assert.equal(killed("وقُتل 4 مدنيين وطفل وامرأة بغارة على بلدة حاس أمس.")?.best, 6);
  assert.equal(killed("وقُتل قيادي وعنصر من الفصيل بغارة على ريف إدلب أمس.")?.best, 2);
  // a victim of another clause is not added ("وأُصيب آخر" counts the injured)
  const r = run("وقُتل مدني وأُصيب آخر بقصف على بلدة حاس أمس.").events[0]!;
  assert.equal(r.fatalities?.best, 1);
  assert.equal(r.injured?.best, 1);
});

test("the counted dead 'من قوات X' make X the side hit, also in a clash with no named attacker", () => {
  const e = run("وقُتل عنصران من قوات النظام أمس بهجوم على حاجز في ريف درعا الغربي.").events[0]!;
  assert.ok(e.targets.some((p) => p.name === "Syrian Arab Army"));
  assert.ok(!e.actors.some((p) => p.name === "Syrian Arab Army"));
});

test("'لقي … حتفهم' marks victims; a party named by the attack phrase does not swallow the victims' side", () => {
  const e = one(run("ولقي خمسة مقاتلين من فصائل المعارضة حتفهم بغارة روسية على ريف إدلب أمس.").events, "air_strike");
  assert.ok(e.targets.some((p) => p.name === "Armed opposition"));
  assert.ok(e.actors.some((p) => /Russia/.test(p.name)));
  const f = one(run("وقُتل خمسة مقاتلين من فصائل المعارضة بغارة روسية على ريف إدلب أمس.").events, "air_strike");
  assert.ok(f.targets.some((p) => p.name === "Armed opposition"));
  // a word that merely contains لقو/لقي (القوات، للقيادة) marks nothing
  const g = one(run("وقصفت القوات الحكومية بالمدفعية أمس بلدة اللطامنة في ريف حماة.").events, "shelling");
  assert.ok(g.actors.some((p) => p.name === "Syrian Arab Army"));
});

test("sniping or gunfire that hits only fighters is a clash; on civilians it stays violence against civilians", () => {
  assert.deepEqual(run("وقُتل عنصر من قوات سوريا الديمقراطية برصاص قناص قرب منبج أمس.").events.map((e) => e.type), ["armed_clash"]);
  assert.deepEqual(run("وقُتل شاب برصاص قناص في بلدة كفرلاها أمس.").events.map((e) => e.type), ["attack_on_civilians"]);
  // an execution of fighters is still not a clash
  assert.equal(only(run("وأعدم التنظيم ثلاثة عناصر من الفصائل رمياً بالرصاص في ريف دير الزور أمس.").events, "armed_clash").length, 0);
});

test("an attack launched on a position or a town is a clash even without casualties; an abstract 'attack' is not", () => {
  const e = one(run("وشن تنظيم داعش فجر اليوم هجوماً على حاجز لقوات النظام في ريف حمص الشرقي.").events, "armed_clash");
  assert.ok(e.actors.some((p) => p.name === "Islamic State"));
  assert.ok(e.targets.some((p) => p.name === "Syrian Arab Army"));
  assert.equal(run("وشن الوزير هجوماً حاداً على سياسة الحكومة في مؤتمر صحفي اليوم.").events.length, 0);
  assert.equal(run("وهاجم وزير الخارجية سياسة واشنطن في سوريا خلال مؤتمر صحفي.").events.length, 0);
});

test("named groups: an affiliate is not the army ('جيش خالد بن الوليد'), and a place inside a group's name is not where it happened", () => {
  const a = run("وقُتل عنصران من جيش خالد بن الوليد أمس بقصف على بلدة حيط في ريف درعا الغربي.").events[0]!;
  assert.ok(a.targets.some((p) => p.name === "Jaysh Khalid ibn al-Walid"));
  assert.ok(![...a.actors, ...a.targets].some((p) => p.name === "Syrian Arab Army"));
  const b = one(run("وتبنت قوات تحرير عفرين أمس تفجير عبوة ناسفة بدورية للفصائل في بلدة جنديرس.").events, "explosion");
  assert.ok(b.actors.some((p) => p.name === "Afrin Liberation Forces"));
  assert.deepEqual(b.locations.map((l) => l.name), ["Jandairis"]);
  const c = run("وقُتل ثلاثة عناصر من لواء القدس أمس باشتباكات مع تنظيم داعش قرب مدينة السخنة.").events[0]!;
  assert.ok(!c.locations.some((l) => /Jerusalem/.test(l.name)));
  assert.ok(c.targets.some((p) => p.name === "Liwa al-Quds"));
  // a capital named alone still is a place ("في موسكو")
  const d = run("وعقد في موسكو أمس اجتماع ثلاثي بين وزراء خارجية روسيا وتركيا وإيران لبحث الوضع في إدلب.").events[0];
  assert.ok(d?.locations.some((l) => l.name === "Moscow"));
});

test("health authorities are a source, and the side a source belongs to ('التابعة للمعارضة') is no party to the event", () => {
  const e = run("وقالت السلطات الصحية التابعة للمعارضة اليوم إن 12 مدنياً قتلوا بالقصف على مدينة دوما.").events[0]!;
  assert.ok(e.sources.some((s) => s.name === "health authorities" && s.kind === "official"));
  assert.ok(!e.actors.some((p) => p.name === "Armed opposition"));
  assert.equal(e.fatalities?.best, 12);
  // a vehicle "تابعة لقوات النظام" with no source before it still makes the army the side hit
  const f = run("واستهدفت عبوة ناسفة أمس سيارة تابعة لقوات النظام في مدينة درعا.").events[0]!;
  assert.ok(f.targets.some((p) => p.name === "Syrian Arab Army"));
});

test("two incidents in one sentence ('…، في حين …'، 'بينما'، 'فيما'), each with its own attack and place, are two events", () => {
  const a = run("وقُتل ثلاثة مدنيين أمس بقصف مدفعي على بلدة كفرنبل، في حين قُتل طفل بغارة جوية على مدينة معرة النعمان.").events;
  assert.deepEqual(a.map((e) => e.type), ["shelling", "air_strike"]);
  assert.deepEqual(a.map((e) => e.fatalities?.best), [3, 1]);
  assert.deepEqual(a.map((e) => e.locations.map((l) => l.name)), [["Kafr Nabl"], ["Ma'arrat Nu'man"]]);
  const b = run("وقُتل ثلاثة مدنيين أمس بقصف مدفعي على بلدة كفرنبل، بينما أُصيب خمسة مدنيين بغارة على مدينة سراقب.").events;
  assert.deepEqual(b.map((e) => [e.fatalities?.best ?? null, e.injured?.best ?? null]), [[3, null], [null, 5]]);
  // the same incident told on: no second attack or place of its own
  const c = run("وقُتل ثلاثة مدنيين أمس بقصف مدفعي على بلدة كفرنبل، فيما أُصيب خمسة آخرون.").events;
  assert.equal(c.length, 1);
  assert.equal(c[0]!.injured?.best, 5);
});

test("a meeting, deal or strike dated after the report has not happened; a threat is dated when it is made", () => {
  const pub = "2018-03-07"; // a Wednesday
  assert.equal(only(run("وأعرب المبعوث الأممي اليوم عن أمله في أن يعود الوفد الحكومي إلى طاولة المحادثات في جنيف يوم الثلاثاء المقبل.", pub).events, "meeting").length, 0);
  assert.equal(run("ومن المقرر أن تعقد الجولة المقبلة من محادثات أستانا حول سوريا يوم الاثنين المقبل بحضور الدول الضامنة.", pub).events.length, 0);
  // told in the present tense, dated by the coming days
  assert.equal(run("وتُعقد الجولة الجديدة من محادثات أستانا حول سوريا يومي 14 و15 آذار الجاري.", pub).events.length, 0);
  assert.equal(run("وتعقد الدول الضامنة اجتماعاً في طهران حول سوريا يوم الجمعة المقبل.", pub).events.length, 0);
  // the same meeting told as past is one
  assert.equal(only(run("وعقدت أمس في أستانا جولة جديدة من المحادثات حول سوريا بحضور الدول الضامنة الثلاث.", pub).events, "meeting").length, 1);
  assert.equal(only(run("وهدد الجيش التركي اليوم بشن عملية عسكرية على مدينة تل رفعت خلال الأيام المقبلة.", pub).events, "threat").length, 1);
});

test("talks are placed where they are held ('محادثات جنيف'), not where a delegation returns; a round planned for next month is no event", () => {
  const e = one(run("وغادر وفد الحكومة السورية محادثات جنيف اليوم عائداً إلى دمشق للتشاور.", "2017-12-01").events, "meeting");
  assert.equal(e.locations[0]?.name, "Geneva");
  assert.ok(!e.locations.some((l) => l.name === "Damascus"));
  const r = run("واتفقت الدول الضامنة على عقد الجولة المقبلة من المحادثات حول سوريا في مدينة سوتشي خلال تموز المقبل.", "2018-05-16").events;
  assert.equal(r.filter((x) => x.type === "meeting" || x.type === "agreement").length, 0);
});

test("a body the lexicon does not know, named after the attribution, is the source under its own name; its words are no party or place", () => {
  const e = run("ولقي راعيان مصرعهما أمس إثر انفجار لغم أرضي جنوب مدينة الطبقة، بحسب ما أفاد مجلس الطبقة المدني.").events[0]!;
  assert.deepEqual(e.sources.map((s) => [s.text, s.kind]), [["مجلس الطبقة المدني", "official"]]);
  assert.equal(e.stance, "claimed");
  assert.ok(!e.targets.some((p) => p.kind === "civilians"), "'المدني' in the council's name names no civilians");
  const f = run("وقال مركز إدلب الإعلامي في بيان إن خمسة مدنيين قتلوا أمس بقصف على مدينة سراقب.").events[0]!;
  assert.deepEqual(f.sources.map((s) => [s.text, s.kind]), [["مركز إدلب الإعلامي", "ngo"]]);
  assert.deepEqual(f.locations.map((l) => l.name), ["Saraqib"]);
  const g = run("واختطف مسلحون سبعة مدنيين في ناحية راجو أمس، وفق منظمة حقوق الإنسان في عفرين.").events[0]!;
  assert.ok(g.sources.some((s) => s.text === "منظمة حقوق الإنسان في عفرين"));
  // "المنظمة" alone refers back to a body named before: no new source of that name
  const h = run("وقالت المنظمة في بيانها إن خمسة مدنيين قتلوا أمس بقصف على مدينة سراقب.").events[0]!;
  assert.ok(!h.sources.some((s) => /^المنظمة/.test(s.text ?? "")));
});

test("kin named by a possessive add up ('امرأة وطفلاها' = 3, 'رجل وابنته' = 2); figures after 'هم' break the toll down", () => {
  assert.equal(killed("وقُتلت امرأة وطفلاها بقصف على بلدة حاس أمس.")?.best, 3);
  assert.equal(killed("وقُتل رجل وابنته بغارة على مدينة سراقب أمس.")?.best, 2);
  assert.equal(killed("وأسفر القصف عن مقتل عشرة مدنيين، هم امرأة وثلاثة أطفال وستة رجال، في بلدة حاس أمس.")?.best, 10);
  assert.equal(killed("وقُتل 3 مدنيين و4 عناصر بقصف على بلدة حاس أمس.")?.best, 7);
});

test("an analysis piece keeps the incident it tells with a source and a day, not the writer's remarks", () => {
  const text = "تحليل: اتفاق سوتشي على الورق\n\nويرى مراقبون أن القصف المتقطع على ريف حماة يضغط على السكان دون أن ينسف التفاهمات.\n\nوفي أحدث مثال، قُتل ثلاثة مدنيين مساء السبت جراء قصف مدفعي لقوات النظام استهدف قرية الناجية في ريف جسر الشغور، بحسب ما أفاد الدفاع المدني.";
  const r = run(text, "2018-11-26").events;
  assert.deepEqual(r.map((e) => e.type), ["shelling"]);
  assert.equal(r[0]!.fatalities?.best, 3);
  // an opinion column's own remarks still make no events
  assert.equal(run("رأي: لماذا تفشل الهدن؟\n\nقُصفت المدن مرة بعد مرة، واحترقت الحقول، ولم يتعلم أحد شيئاً.", "2018-11-26").events.length, 0);
});
