// Group commit (store.saveMany): several reports in one transaction, each in its own savepoint,
// and the writer's in-memory incidents (incident-cache.ts) kept honest across transactions.
import assert from "node:assert/strict";
import { sql } from "kysely";
import { forEachEngine } from "./engines.js";
import { count, event, PLACES, result, SOURCES } from "../incidents/fixtures.js";
import type { HudnaEvent } from "../../src/model/index.js";
import { openStore, type SaveInput, type Store } from "../../src/store/index.js";
import { correctIncident } from "../../src/server/queries/corrections.js";
import { generateReports } from "../../bench/generate-reports.js";
import { generateNewsReports } from "../../bench/generate-news.js";
import { extractReport } from "../../src/extract/index.js";

function input(id: string, events: HudnaEvent[], outlet = "بوابة الشام"): SaveInput {
  return { report: { id, text: `تقرير ${id}: غارة على أريحا.`, outlet, published: "2017-09-21" }, result: result(id, events, { outlet }), extractorVersion: "1" };
}

/** A report with one strike on Ariha on 2017-09-20 (they all merge into one incident). */
const strike = (id: string, killed: number, source = SOURCES.sohr) => input(id, [event({ id: `${id}-e0`, sources: [source], fatalities: count(killed) })], `outlet ${id}`);

/** Generated reports, extracted, as the store's inputs. */
function extracted(reports: Array<{ text: string; published: string; outlet: string }>): SaveInput[] {
  return reports.map((r) => {
    const report = { text: r.text, published: r.published, outlet: r.outlet };
    return { report, result: extractReport(report, { published: r.published, outlet: r.outlet }), extractorVersion: "1" } as SaveInput;
  });
}

/** Saves reports in batches of `size` (saveMany), none failing. */
async function saveInBatches(store: Store, reports: SaveInput[], size: number): Promise<void> {
  for (let i = 0; i < reports.length; i += size) {
    for (const o of await store.saveMany(reports.slice(i, i + size))) assert.ok(!(o instanceof Error), String(o));
  }
}

/** Every table an incident writes, as comparable data (timestamps and row ids left out). */
async function everything(store: Store) {
  const q = (table: "incident_parties" | "incident_sources" | "incident_figures" | "violations", cols: string[]) =>
    store.db.selectFrom(table).select(cols as never[]).execute().then((rows) => rows.map((r) => JSON.stringify(Object.values(r as object))).sort());
  return {
    incidents: await incidents(store),
    events: await store.db.selectFrom("events").select(["id", "report_id", "incident_id", "seq"]).orderBy("id").execute(),
    parties: await q("incident_parties", ["incident_id", "side", "name", "kind"]),
    sources: await q("incident_sources", ["incident_id", "report_id", "event_id", "name", "kind"]),
    figures: await q("incident_figures", ["incident_id", "event_id", "report_id", "source", "measure", "low", "best", "high", "used"]),
    violations: await q("violations", ["zone_id", "date", "incident_id", "party", "type"]),
    // history in the order it was written
    revisions: await store.db.selectFrom("incident_revisions").select(["incident_id", "field", "old_value", "new_value", "report_id"]).orderBy("id").execute(),
  };
}

/** Incidents as comparable data (timestamps left out). */
async function incidents(store: Store) {
  return store.db
    .selectFrom("incidents")
    .select(["id", "type", "date_start", "date_end", "lat", "lon", "place", "zone", "killed_low", "killed_best", "killed_high", "status", "report_count", "source_count", "event_count", "actors", "targets", "is_violation"])
    .orderBy("id")
    .execute();
}

/** Fails the insert of one report id (a database-level failure inside that report's savepoint). */
async function failReport(store: Store, engine: string, id: string): Promise<void> {
  if (engine === "sqlite") {
    await sql.raw(`create trigger fail_report before insert on reports when new.id = '${id}' begin select raise(abort, 'boom'); end`).execute(store.db);
    return;
  }
  await sql.raw(`create function fail_report() returns trigger language plpgsql as $$ begin if new.id = '${id}' then raise exception 'boom'; end if; return new; end $$`).execute(store.db);
  await sql`create trigger fail_report before insert on reports for each row execute function fail_report()`.execute(store.db);
}

forEachEngine("store: group commit (saveMany)", (engine) => {
  engine.it("a failing report rolls back alone; the others of its batch are stored", async (store) => {
    await failReport(store, engine.name, "r-2");
    const out = await store.saveMany([strike("r-1", 3), strike("r-2", 5), strike("r-3", 7)]);
    assert.equal((out[0] as { status: string }).status, "new");
    assert.ok(out[1] instanceof Error && /boom/.test(out[1].message), String(out[1]));
    assert.equal((out[2] as { status: string }).status, "new");
    const c = await store.counts();
    assert.deepEqual([c.reports, c.events, c.incidents], [2, 2, 1]);
    const [inc] = await incidents(store);
    assert.equal(inc!.report_count, 2);
    assert.equal(inc!.event_count, 2);
    // nothing of r-2 anywhere
    assert.deepEqual(await store.db.selectFrom("incident_sources").select("report_id").where("report_id", "=", "r-2").execute(), []);
    // once the cause is gone it is stored, into the same incident
    await sql`drop trigger fail_report ${sql.raw(engine.name === "postgres" ? "on reports" : "")}`.execute(store.db);
    const again = await store.saveMany([strike("r-2", 5)]);
    assert.equal((again[0] as { status: string }).status, "new");
    const [after] = await incidents(store);
    assert.equal(after!.report_count, 3);
    assert.equal(after!.id, inc!.id);
  });

  engine.it("malformed inputs come back as errors in place; duplicates inside a batch are duplicates", async (store) => {
    const bad = { ...strike("x", 1), report: { id: "no spaces allowed", text: "نص" } };
    const out = await store.saveMany([strike("d-1", 2), bad, strike("d-1", 2), strike("d-2", 4)]);
    assert.deepEqual(
      out.map((o) => (o instanceof Error ? "error" : o.status)),
      ["new", "error", "duplicate", "new"],
    );
    assert.equal((await store.counts()).reports, 2);
    // a batch of known reports takes no write transaction and changes nothing
    const again = await store.saveMany([strike("d-1", 2), strike("d-2", 4)]);
    assert.deepEqual(
      again.map((o) => (o instanceof Error ? "error" : o.status)),
      ["duplicate", "duplicate"],
    );
  });

  engine.it("batched and one-by-one saves give the same incidents", async (store) => {
    const reports = extracted(generateReports(60, 5));
    for (const r of reports) await store.saveExtraction(r);
    const other = await openStore(await engine.newUrl());
    try {
      await saveInBatches(other, reports, 16);
      assert.deepEqual(await everything(other), await everything(store));
    } finally {
      await other.close();
    }
  });

  engine.it("another writer's changes between two batches are seen (no stale incident in memory)", async (store, url) => {
    await store.saveMany([strike("w-1", 3)]);
    // a second process (here: a second store on the same database) adds a report to the incident
    const other = await openStore(url);
    try {
      await other.saveMany([strike("w-2", 4, SOURCES.sana)]);
    } finally {
      await other.close();
    }
    await store.saveMany([strike("w-3", 6, SOURCES.activists)]);
    const list = await incidents(store);
    assert.equal(list.length, 1);
    assert.equal(list[0]!.report_count, 3, "the incident counts the other writer's report too");
    assert.equal(list[0]!.event_count, 3);
    const srcs = await store.db.selectFrom("incident_sources").select("report_id").where("incident_id", "=", list[0]!.id).orderBy("report_id").execute();
    assert.deepEqual(
      srcs.map((s) => s.report_id),
      ["w-1", "w-2", "w-3"],
    );
  });

  engine.it("an analyst's correction between two batches holds against the next report", async (store) => {
    const [a] = await store.saveMany([strike("c-1", 3)]);
    const id = (a as { incidents: string[] }).incidents[0]!;
    await correctIncident(store.db, id, { status: "contested", killed: { best: 9, high: 9 }, note: "مراجعة" }, "tok_test");
    await store.saveMany([strike("c-2", 4, SOURCES.sana)]);
    const inc = await store.db.selectFrom("incidents").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    assert.equal(inc.status, "contested");
    assert.equal(inc.killed_best, 9);
    assert.equal(inc.report_count, 2);
  });

  engine.it("news-like reports (stories retold in the same batch, revised tolls): batched equals one-by-one, every table", async (store) => {
    // Timestamps order members (arrival); the two stores must see the same arrival order, which
    // they do: one report at a time in both, in input order.
    const reports = extracted(generateNewsReports(90, 3));
    for (const r of reports) await store.saveExtraction(r);
    const other = await openStore(await engine.newUrl());
    try {
      await saveInBatches(other, reports, 30);
      const a = await everything(store);
      const b = await everything(other);
      assert.ok(a.incidents.some((x) => x.report_count > 1), "some incidents merge reports");
      assert.deepEqual(b, a);
    } finally {
      await other.close();
    }
  });

  engine.it("one batch: a report joins an incident opened earlier in it, a denial disputes an event of it, a reprocessed report replaces its events", async (store) => {
    // stored before, by an older extractor: reprocessed by the batch
    const old = { ...strike("p-1", 2), extractorVersion: "0" };
    await store.saveExtraction(old);
    const denial = input("p-4", [event({ id: "p-4-e0", type: "denial", stance: "denied", disputes: ["p-2-e0"], actors: [], sources: [SOURCES.russianMoD] })], "outlet p-4");
    const batch = [strike("p-2", 3), strike("p-3", 5, SOURCES.sana), strike("p-1", 4), denial];
    const out = await store.saveMany(batch);
    assert.deepEqual(
      out.map((o) => (o instanceof Error ? o.message : o.status)),
      ["new", "new", "reprocessed", "new"],
    );
    // the same, one report per transaction, on a fresh database
    const other = await openStore(await engine.newUrl());
    try {
      await other.saveExtraction(old);
      for (const r of batch) await other.saveExtraction(r);
      const a = await everything(store);
      assert.deepEqual(await everything(other), a);
      assert.equal(a.incidents.length, 1, "all four reports tell one incident");
      assert.equal(a.incidents[0]!.status, "contested");
      assert.equal(a.incidents[0]!.report_count, 4);
      assert.equal(a.events.filter((e) => e.report_id === "p-1").length, 1, "the reprocessed report's old event is gone");
    } finally {
      await other.close();
    }
  });

  engine.it("a writer that keeps few incidents in memory (it forgets old slots) stores the same as one that keeps them all", async (store) => {
    const reports = extracted(generateNewsReports(150, 8));
    const small = await openStore(await engine.newUrl(), { cacheRows: 20 });
    try {
      for (let i = 0; i < reports.length; i += 25) {
        const batch = reports.slice(i, i + 25);
        for (const o of await store.saveMany(batch)) assert.ok(!(o instanceof Error), String(o));
        for (const o of await small.saveMany(batch)) assert.ok(!(o instanceof Error), String(o));
      }
      const a = await everything(store);
      assert.ok(a.incidents.length > 40, "well past the small writer's 20 incidents");
      assert.ok(a.incidents.some((x) => x.report_count > 1), "some incidents merge reports");
      assert.deepEqual(await everything(small), a);
    } finally {
      await small.close();
    }
  });

  engine.it("the writer's cache keeps its starting size on reports in date order, and grows when reports keep revisiting days it forgot", async (store) => {
    // one strike a day for 300 days, a town each day: 300 incidents, no two alike
    const towns = Object.values(PLACES).filter((p) => p.precision === "town");
    const day = (i: number) => new Date(Date.UTC(2017, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const daily = Array.from({ length: 300 }, (_, i) => {
      const id = `day-${i}`;
      return input(id, [event({ id: `${id}-e0`, date: { start: day(i), end: day(i), precision: "day", text: "أمس" }, locations: [towns[i % towns.length]!], fatalities: count(1 + (i % 5)) })], `outlet ${i % 3}`);
    });
    // the same reports on shuffled days (a fixed permutation): each report asks for days long forgotten
    const shuffled = daily.map((_, i) => daily[(i * 7919) % daily.length]!);
    const inOrder = await openStore(await engine.newUrl(), { cacheStartRows: 40, cacheRows: 5000 });
    const revisiting = await openStore(await engine.newUrl(), { cacheStartRows: 40, cacheRows: 5000 });
    try {
      await saveInBatches(inOrder, daily, 20);
      assert.equal((await inOrder.counts()).incidents, 300);
      assert.deepEqual(inOrder.cacheSize().cap, 40, "date order never asks again for what it forgot");
      assert.ok(inOrder.cacheSize().rows <= 40);
      await saveInBatches(revisiting, shuffled, 20);
      assert.ok(revisiting.cacheSize().cap > 40, `shuffled days make the cap grow (cap ${revisiting.cacheSize().cap})`);
      // either way the store holds what a writer that forgets nothing holds
      await saveInBatches(store, shuffled, 20);
      assert.deepEqual(await everything(revisiting), await everything(store));
    } finally {
      await inOrder.close();
      await revisiting.close();
    }
  });
});
