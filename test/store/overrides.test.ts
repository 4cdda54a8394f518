// Analyst corrections stick: a later report merging into a corrected incident is recorded (its
// figures in incident_figures, other fields recomputed, revisions written) but the corrected
// status and figures hold.
import { test } from "node:test";
import { sql } from "kysely";
import assert from "node:assert/strict";
import { forEachEngine } from "./engines.js";
import { count, event, PLACES, result, SOURCES, TEXTS } from "../incidents/fixtures.js";
import type { HudnaEvent } from "../../src/model/index.js";
import { recordOverrides, parseOverrides, type Store } from "../../src/store/index.js";
import { correctIncident, type CorrectionInput } from "../../src/server/queries/corrections.js";
import { getJson, startWorld } from "../server/fixture.js";

async function save(store: Store, id: string, text: string, events: HudnaEvent[], outlet: string | null = null) {
  return store.saveExtraction({ report: { id, text, outlet, published: "2017-09-21" }, result: result(id, events, { outlet }), extractorVersion: "1" });
}

/** What PATCH /api/incidents/:id does: the correction and its pin, in one transaction. */
async function correct(store: Store, id: string, input: CorrectionInput) {
  return correctIncident(store.db, id, input, "tok_test");
}

forEachEngine("store: analyst overrides", (engine) => {
  engine.it("the correction and its pin commit together: a failing pin leaves no half correction", async (store) => {
    const a = await save(store, "sana-1", TEXTS.sanaStrike, [event({ id: "sana-1-e0", actors: [], sources: [SOURCES.sana], fatalities: count(5) })], "SANA");
    const id = a.incidents[0]!;
    // the pin is the write of incidents.overrides: make exactly that write fail
    if (engine.name === "sqlite") {
      await sql`create trigger fail_pin before update of overrides on incidents begin select raise(abort, 'pin failed'); end`.execute(store.db);
    } else {
      await sql`create function fail_pin() returns trigger language plpgsql as $$ begin raise exception 'pin failed'; end $$`.execute(store.db);
      await sql`create trigger fail_pin before update of overrides on incidents for each row execute function fail_pin()`.execute(store.db);
    }
    await assert.rejects(correct(store, id, { status: "contested", killed: { best: 9, high: 14 }, note: "تصحيح" }), /pin failed/);
    const inc = await store.db.selectFrom("incidents").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    assert.equal(inc.status, "single_source", "the correction rolled back with its pin");
    assert.deepEqual([inc.killed_best, inc.killed_high, inc.overrides], [5, 5, null]);
    const hand = await store.db.selectFrom("incident_revisions").select("field").where("incident_id", "=", id).where("report_id", "is", null).execute();
    assert.deepEqual(hand, [], "no revision or note of a correction that did not happen");
    assert.deepEqual(await store.db.selectFrom("audit_log").select("id").execute(), []);
  });

  engine.it("a correction pins its fields by itself (no second call, no second transaction)", async (store) => {
    const a = await save(store, "sana-1", TEXTS.sanaStrike, [event({ id: "sana-1-e0", actors: [], sources: [SOURCES.sana], fatalities: count(5) })], "SANA");
    const id = a.incidents[0]!;
    await correctIncident(store.db, id, { killed: { high: 8 }, note: "تصحيح" }, "tok_test");
    const pinned = parseOverrides((await store.db.selectFrom("incidents").select("overrides").where("id", "=", id).executeTakeFirstOrThrow()).overrides);
    assert.deepEqual(pinned, { killed_low: 5, killed_best: 5, killed_high: 8 });
  });

  engine.it("a corrected incident keeps its correction when another report of it arrives", async (store) => {
    const a = await save(store, "sana-1", TEXTS.sanaStrike, [event({ id: "sana-1-e0", actors: [], sources: [SOURCES.sana], fatalities: count(5) })], "SANA");
    const id = a.incidents[0]!;
    const changes = await correct(store, id, { status: "contested", killed: { best: 9, high: 14 }, note: "تصحيح بعد مراجعة شهادات الأهالي" });
    assert.deepEqual(changes?.map((c) => c.field), ["status", "killed_best", "killed_high"]);
    const pinned = parseOverrides((await store.db.selectFrom("incidents").select("overrides").where("id", "=", id).executeTakeFirstOrThrow()).overrides);
    assert.deepEqual(pinned, { status: "contested", killed_low: 5, killed_best: 9, killed_high: 14 });

    const b = await save(
      store,
      "sohr-1",
      TEXTS.sohrStrike,
      [event({ id: "sohr-1-e0", locations: [PLACES.arihaEast], sources: [SOURCES.sohr], fatalities: count(12), injured: count(20) })],
      "Orient News",
    );
    assert.deepEqual(b.incidents, [id], "the second report merged into the corrected incident");
    const inc = await store.db.selectFrom("incidents").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    assert.equal(inc.status, "contested", "the corrected status holds (recomputation says corroborated)");
    assert.deepEqual([inc.killed_low, inc.killed_best, inc.killed_high], [5, 9, 14]);
    // what was not corrected follows the reports
    assert.deepEqual([inc.injured_low, inc.injured_best, inc.injured_high], [20, 20, 20]);
    assert.equal(inc.report_count, 2);
    // the new figure is recorded all the same
    const figs = await store.db.selectFrom("incident_figures").select(["report_id", "best"]).where("incident_id", "=", id).where("measure", "=", "killed").orderBy("report_id").execute();
    assert.deepEqual(figs, [
      { report_id: "sana-1", best: 5 },
      { report_id: "sohr-1", best: 12 },
    ]);
    // revisions: the hand-made ones, then the report's real changes (no phantom revert of the pinned fields)
    const revs = await store.db.selectFrom("incident_revisions").select(["field", "report_id"]).where("incident_id", "=", id).orderBy("id").execute();
    assert.deepEqual(
      revs.map((r) => [r.field, r.report_id]),
      [
        ["created", "sana-1"],
        ["status", null],
        ["killed_best", null],
        ["killed_high", null],
        ["note", null],
        ["injured_low", "sohr-1"],
        ["injured_best", "sohr-1"],
        ["injured_high", "sohr-1"],
      ],
    );

    // A second correction adds to the first; a reprocess of a member report still keeps both.
    await correct(store, id, { injured: { low: 18 }, note: "الحصيلة الدنيا للجرحى من المشفى" });
    await store.saveExtraction({
      report: { id: "sohr-1", text: TEXTS.sohrStrike, outlet: "Orient News", published: "2017-09-21" },
      result: result("sohr-1", [event({ id: "sohr-1-e0", locations: [PLACES.arihaEast], sources: [SOURCES.sohr], fatalities: count(30), injured: count(25) })], { outlet: "Orient News" }),
      extractorVersion: "2",
    });
    const after = await store.db.selectFrom("incidents").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    assert.equal(after.status, "contested");
    assert.deepEqual([after.killed_low, after.killed_best, after.killed_high], [5, 9, 14]);
    assert.deepEqual([after.injured_low, after.injured_best, after.injured_high], [18, 20, 20]);
    const best = await store.db.selectFrom("incident_figures").select("best").where("incident_id", "=", id).where("report_id", "=", "sohr-1").where("measure", "=", "killed").execute();
    assert.deepEqual(best, [{ best: 30 }]);
  });

  engine.it("recordOverrides on a missing incident is false; garbage overrides are ignored", async (store) => {
    assert.equal(await recordOverrides(store.db, "inc_missing", { status: "contested" }), false);
    assert.deepEqual(parseOverrides("not json"), {});
    assert.deepEqual(parseOverrides('{"status": 3, "killed_best": "x", "type": "chemical_attack", "injured_low": null}'), { injured_low: null });
  });
});

test("PATCH /api/incidents/:id over HTTP, then a new report of the incident: the correction holds", async (t) => {
  const w = await startWorld();
  t.after(() => w.close());
  const list = await getJson(`${w.base}/api/incidents?type=air_strike`);
  const inc = list.body.items[0] as { id: string; status: string };
  const r = await getJson(`${w.base}/api/incidents/${inc.id}`, {
    method: "PATCH",
    headers: { "content-type": "application/json", authorization: `Bearer ${w.analyst}` },
    body: JSON.stringify({ status: "confirmed_by_party", killed: { low: 3, best: 4, high: 6 }, note: "أكد الطرف المنفذ الغارة في بيان رسمي" }),
  });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  // Another report of the same strike: the stored event, told by a new outlet with another toll.
  const ev = await w.store.db.selectFrom("events").select(["json", "report_id"]).where("incident_id", "=", inc.id).executeTakeFirstOrThrow();
  const e = JSON.parse(ev.json) as HudnaEvent;
  const text = "نقلت شبكة محلية عن مسعفين أن عدد القتلى في الغارة على البلدة ارتفع إلى أحد عشر مدنياً.";
  const again: HudnaEvent = { ...e, id: "late-e0", sources: [{ name: "local medics", kind: "ngo", text: "مسعفين" }], fatalities: count(11) };
  const out = await w.store.saveExtraction({ report: { id: "late-1", text, outlet: "Late Outlet", published: e.date.start }, result: result("late-1", [again], { outlet: "Late Outlet" }), extractorVersion: "9" });
  assert.deepEqual(out.incidents, [inc.id]);
  const detail = (await getJson(`${w.base}/api/incidents/${inc.id}`)).body;
  assert.equal(detail.status, "confirmed_by_party");
  assert.deepEqual(detail.killed, { low: 3, best: 4, high: 6 });
  const fig = await w.store.db.selectFrom("incident_figures").select("best").where("incident_id", "=", inc.id).where("report_id", "=", "late-1").executeTakeFirstOrThrow();
  assert.equal(fig.best, 11);
});
