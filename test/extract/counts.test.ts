// Casualty figures: qualifiers, duals, tens-plurals, breakdowns, sums and revisions across sentences.
import { test } from "node:test";
import assert from "node:assert/strict";
import { run, one } from "./helpers.js";

test("at least / about / more than", () => {
  const a = one(run("قُتل ما لا يقل عن 6 مدنيين أمس بقصف مدفعي على بلدة التمانعة.").events, "shelling");
  assert.deepEqual([a.fatalities?.low, a.fatalities?.best, a.fatalities?.qualifier], [6, 6, "at_least"]);
  const b = one(run("أصيب نحو 40 شخصاً أمس بقصف صاروخي على مدينة إدلب.").events, "shelling");
  assert.equal(b.injured?.best, 40);
  assert.equal(b.injured?.qualifier, "about");
  const c = one(run("أصيب أكثر من 25 مدنياً أمس بغارات جوية على مدينة أريحا.").events, "air_strike");
  assert.equal(c.injured?.low, 25);
});

test("duals and singular victims", () => {
  const a = one(run("قُتل مدنيان وأصيبت امرأة أمس بقذيفة سقطت على حي الميدان.").events, "shelling");
  assert.equal(a.fatalities?.best, 2);
  assert.equal(a.injured?.best, 1);
  const b = one(run("قُتلت طفلة أمس برصاص قناص في بلدة مضايا.").events, "attack_on_civilians");
  assert.equal(b.fatalities?.best, 1);
});

test("a breakdown is not a second count; conjoined groups add up", () => {
  const a = one(run("قُتل عشرة مدنيين، بينهم ثلاثة أطفال، أمس بغارة جوية على قرية معرشورين.").events, "air_strike");
  assert.equal(a.fatalities?.best, 10);
  const b = one(run("اندلعت أمس اشتباكات في محيط تل العيس أسفرت عن مقتل ستة مقاتلين من المعارضة وخمسة عناصر من قوات النظام.").events, "armed_clash");
  assert.equal(b.fatalities?.best, 11);
  assert.equal(b.fatalities?.group, "combatants");
});

test("a rising toll in a later sentence revises the figure and keeps the history", () => {
  const r = run(
    "قُتل سبعة مدنيين فجر اليوم بغارات جوية على مدينة سرمين، بحسب الدفاع المدني.\n\nوبعد ساعات، ارتفعت الحصيلة إلى 13 قتيلاً، ولا تزال في ارتفاع بسبب وجود جرحى في حالة خطرة.",
  );
  const e = one(r.events, "air_strike");
  assert.equal(e.fatalities?.best, 13);
  assert.equal(e.fatalities?.group, "civilians");
  assert.ok((e.fatalities?.revisions ?? []).some((v) => v.value === 7));
  assert.equal(e.evidence.length, 2);
});

test("an initial toll inside the same sentence is history, the raised one is current", () => {
  const e = one(run("ارتفعت حصيلة القتلى جراء الغارات على بلدة حاس أمس إلى 15 مدنياً، بعد أن كانت الحصيلة الأولية تشير إلى مقتل 9 أشخاص.").events, "air_strike");
  assert.equal(e.fatalities?.best, 15);
  assert.ok((e.fatalities?.revisions ?? []).some((v) => v.value === 9));
});

test("Eastern Arabic digits and tens-plural words", () => {
  const e = one(run("قُتل ١٤ عنصراً من قوات النظام أمس في كمين نصبه مقاتلون معارضون قرب بلدة كباني.").events, "armed_clash");
  assert.equal(e.fatalities?.best, 14);
  assert.equal(e.fatalities?.group, "combatants");
});
