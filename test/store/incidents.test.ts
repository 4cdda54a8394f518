import assert from "node:assert/strict";
import { forEachEngine } from "./engines.js";
import { count, event, PARTIES, PLACES, result, SOURCES, TEXTS } from "../incidents/fixtures.js";
import type { HudnaEvent } from "../../src/model/index.js";
import type { Store } from "../../src/store/index.js";

async function save(store: Store, id: string, text: string, events: HudnaEvent[], outlet: string | null = null) {
  return store.saveExtraction({ report: { id, text, outlet, published: "2017-09-21" }, result: result(id, events, { outlet }), extractorVersion: "1" });
}

const IDLIB_ZONE = {
  id: "idlib",
  name: "Idlib",
  name_ar: "إدلب",
  guarantors: ["Russia", "Turkey", "Iran"],
  start: "2017-09-15",
  end: "2018-09-17",
  geometry: { type: "Polygon", coordinates: [[[36, 35], [37, 35], [37, 36.5], [36, 36.5], [36, 35]]] },
};

forEachEngine("store: incidents", (engine) => {
  engine.it("the same strike told by SANA and SOHR with different tolls → one incident, low/best/high, corroborated", async (store) => {
    const a = await save(store, "sana-1", TEXTS.sanaStrike, [event({ id: "sana-1-e0", actors: [], sources: [SOURCES.sana], fatalities: count(5) })], "SANA");
    const b = await save(
      store,
      "sohr-1",
      TEXTS.sohrStrike,
      [event({ id: "sohr-1-e0", locations: [PLACES.arihaEast], sources: [SOURCES.sohr], fatalities: count(12), injured: count(20) })],
      "Orient News",
    );
    assert.deepEqual(a.incidents, b.incidents);
    const incs = await store.db.selectFrom("incidents").selectAll().execute();
    assert.equal(incs.length, 1);
    const inc = incs[0]!;
    assert.deepEqual([inc.killed_low, inc.killed_best, inc.killed_high], [5, 5, 12]);
    assert.deepEqual([inc.injured_low, inc.injured_best, inc.injured_high], [20, 20, 20]);
    assert.equal(inc.status, "corroborated");
    assert.equal(inc.report_count, 2);
    assert.equal(inc.source_count, 2);
    assert.equal(inc.event_count, 2);
    assert.equal(inc.place, "Ariha east"); // the more precise place
    // every report's own event kept and linked
    const evs = await store.db.selectFrom("events").select(["id", "incident_id", "killed_best"]).orderBy("id").execute();
    assert.deepEqual(evs.map((e) => [e.id, e.incident_id, e.killed_best]), [
      ["sana-1-e0", inc.id, 5],
      ["sohr-1-e0", inc.id, 12],
    ]);
    // figures with their source and report
    const figs = await store.db.selectFrom("incident_figures").select(["source", "report_id", "measure", "best"]).where("measure", "=", "killed").orderBy("report_id").execute();
    assert.deepEqual(figs, [
      { source: "SANA", report_id: "sana-1", measure: "killed", best: 5 },
      { source: "Syrian Observatory for Human Rights", report_id: "sohr-1", measure: "killed", best: 12 },
    ]);
    const srcs = await store.db.selectFrom("incident_sources").select(["name", "kind"]).where("incident_id", "=", inc.id).orderBy("name").execute();
    assert.deepEqual(srcs.map((s) => s.name), ["SANA", "Syrian Observatory for Human Rights"]);
    const parties = await store.db.selectFrom("incident_parties").select(["side", "name"]).where("incident_id", "=", inc.id).orderBy("side").execute();
    assert.deepEqual(parties, [
      { side: "actor", name: "Russian Air Force" },
      { side: "target", name: "civilians" },
    ]);
    const revs = await store.db.selectFrom("incident_revisions").select(["field", "old_value", "new_value", "report_id"]).where("incident_id", "=", inc.id).orderBy("id").execute();
    assert.deepEqual(
      revs.map((r) => [r.field, r.report_id]),
      [["created", "sana-1"], ["killed_high", "sohr-1"], ["injured_low", "sohr-1"], ["injured_best", "sohr-1"], ["injured_high", "sohr-1"], ["status", "sohr-1"]],
    );
    const created = JSON.parse(revs[0]!.new_value!) as Record<string, unknown>;
    assert.equal(created.status, "single_source");
    assert.equal(created.killed_best, 5);
    assert.deepEqual(revs.find((r) => r.field === "status"), { field: "status", old_value: "single_source", new_value: "corroborated", report_id: "sohr-1" });
  });

  engine.it("a later denial makes the incident contested without changing its figures", async (store) => {
    await save(store, "sohr-1", TEXTS.sohrStrike, [event({ id: "sohr-1-e0", sources: [SOURCES.sohr], fatalities: count(12) })]);
    await save(store, "mod-1", TEXTS.denial, [
      event({ id: "mod-1-e0", type: "denial", stance: "denied", actors: [PARTIES.russianMoD], targets: [], sources: [SOURCES.russianMoD] }),
    ]);
    const incs = await store.db.selectFrom("incidents").selectAll().execute();
    assert.equal(incs.length, 1);
    assert.equal(incs[0]!.status, "contested");
    assert.equal(incs[0]!.type, "air_strike");
    assert.equal(incs[0]!.killed_best, 12);
    const denial = await store.db.selectFrom("events").select("incident_id").where("id", "=", "mod-1-e0").executeTakeFirstOrThrow();
    assert.equal(denial.incident_id, incs[0]!.id);
  });

  engine.it("a denial in the same report follows its disputes link; an unmatched denial opens nothing", async (store) => {
    const claim = event({ id: "x-e0", sources: [SOURCES.activists], fatalities: count(3) });
    const denial = event({ id: "x-e1", type: "denial", stance: "denied", actors: [PARTIES.russianMoD], sources: [SOURCES.russianMoD], disputes: ["x-e0"] });
    const out = await save(store, "x", `${TEXTS.sohrStrike} ${TEXTS.denial}`, [denial, claim]);
    assert.equal(out.incidents.length, 1);
    const inc = await store.db.selectFrom("incidents").selectAll().executeTakeFirstOrThrow();
    assert.equal(inc.status, "contested");
    assert.equal(inc.event_count, 2);

    await save(store, "y", TEXTS.denial, [event({ id: "y-e0", type: "denial", stance: "denied", actors: [PARTIES.russianMoD], locations: [PLACES.raqqa] })]);
    assert.equal((await store.counts()).incidents, 1);
    const lone = await store.db.selectFrom("events").select("incident_id").where("id", "=", "y-e0").executeTakeFirstOrThrow();
    assert.equal(lone.incident_id, null);
  });

  engine.it("the acting party's own announcement → confirmed_by_party", async (store) => {
    await save(store, "mod-2", TEXTS.moDClaim, [event({ id: "mod-2-e0", targets: [PARTIES.hts], sources: [SOURCES.russianMoD] })]);
    const inc = await store.db.selectFrom("incidents").select("status").executeTakeFirstOrThrow();
    assert.equal(inc.status, "confirmed_by_party");
  });

  engine.it("different places or days stay separate incidents", async (store) => {
    await save(store, "a", TEXTS.sanaStrike, [event({ id: "a-e0" })]);
    await save(store, "b", TEXTS.sanaStrike + " ", [event({ id: "b-e0", locations: [PLACES.saraqib] })]);
    await save(store, "c", TEXTS.sanaStrike + "  ", [event({ id: "c-e0", date: { start: "2017-09-25", end: "2017-09-25", precision: "day", text: "" } })]);
    assert.equal((await store.counts()).incidents, 3);
  });

  engine.it("violations: one per zone, date and acting party, within the zone's ceasefire window", async (store) => {
    await store.upsertZones([IDLIB_ZONE]);
    // inside the window, two acting parties
    await save(store, "v1", TEXTS.sohrStrike, [event({ id: "v1-e0", actors: [PARTIES.russianAF, PARTIES.syrianAF], sources: [SOURCES.sohr] })]);
    // before the truce began: not a violation
    await save(store, "v2", TEXTS.sohrStrike + " ", [event({ id: "v2-e0", date: { start: "2017-09-10", end: "2017-09-10", precision: "day", text: "" } })]);
    // not violent
    await save(store, "v3", TEXTS.sohrStrike + "  ", [event({ id: "v3-e0", type: "humanitarian", actors: [], date: { start: "2017-09-22", end: "2017-09-22", precision: "day", text: "" } })]);
    // outside any zone
    await save(store, "v4", TEXTS.sohrStrike + "   ", [event({ id: "v4-e0", locations: [PLACES.raqqa] })]);
    const v = await store.db.selectFrom("violations").select(["zone_id", "date", "party", "type"]).orderBy("party").execute();
    assert.deepEqual(v, [
      { zone_id: "idlib", date: "2017-09-20", party: "Russian Air Force", type: "air_strike" },
      { zone_id: "idlib", date: "2017-09-20", party: "Syrian Air Force", type: "air_strike" },
    ]);
    const flagged = await store.db.selectFrom("incidents").select(["date_start", "place", "is_violation"]).orderBy("date_start").orderBy("place").execute();
    assert.deepEqual(flagged.map((f) => [f.date_start, f.place, f.is_violation]), [
      ["2017-09-10", "Ariha", 0],
      ["2017-09-20", "Ariha", 1],
      ["2017-09-20", "Raqqa", 0],
      ["2017-09-22", "Ariha", 0],
    ]);
    const zones = await store.listZones();
    assert.equal(zones[0]!.start_date, "2017-09-15");
    assert.deepEqual(JSON.parse(zones[0]!.guarantors), ["Russia", "Turkey", "Iran"]);
    // a second report of the same incident adds no second count
    await save(store, "v5", TEXTS.sanaStrike, [event({ id: "v5-e0", actors: [PARTIES.syrianAF], sources: [SOURCES.sana] })], "SANA");
    assert.equal((await store.counts()).violations, 2);
  });
});
