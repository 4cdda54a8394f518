import assert from "node:assert/strict";
import { sql } from "kysely";
import { forEachEngine } from "./engines.js";
import { count, event, PARTIES, PLACES, result, SOURCES, TEXTS } from "../incidents/fixtures.js";
import type { Store } from "../../src/store/index.js";
import type { HudnaEvent } from "../../src/model/index.js";

async function save(store: Store, id: string, text: string, events: Parameters<typeof result>[1], opts: { outlet?: string; version?: string } = {}) {
  return store.saveExtraction({
    report: { id, text, outlet: opts.outlet ?? null, published: "2017-09-21" },
    result: result(id, events, { outlet: opts.outlet ?? null }),
    source: "test",
    extractorVersion: opts.version ?? "1.0.0",
  });
}

forEachEngine("store: save, idempotency, reprocess", (engine) => {
  engine.it("migrations are idempotent: opening the same database twice works", async (store, url) => {
    const { openStore } = await import("../../src/store/index.js");
    const again = await openStore(url);
    assert.deepEqual(await again.counts(), { reports: 0, events: 0, incidents: 0, violations: 0, quarantine: 0 });
    await again.close();
    assert.equal(store.dialect, engine.name);
  });

  engine.it("a report saved twice with the same version is a duplicate (no writes)", async (store) => {
    const ev = event({ id: "r1-e0", sources: [SOURCES.sana], fatalities: count(5) });
    const first = await save(store, "r1", TEXTS.sanaStrike, [ev]);
    assert.equal(first.status, "new");
    assert.equal(first.events, 1);
    assert.equal(first.incidents.length, 1);
    const before = await store.db.selectFrom("reports").select("updated_at").where("id", "=", "r1").executeTakeFirstOrThrow();
    assert.equal(await store.reportVersion("r1"), "1.0.0");
    assert.equal(await store.reportVersion("nope"), null);
    const second = await save(store, "r1", TEXTS.sanaStrike, [ev]);
    assert.deepEqual(second, { reportId: "r1", status: "duplicate", events: 0, incidents: [] });
    const afterRow = await store.db.selectFrom("reports").select("updated_at").where("id", "=", "r1").executeTakeFirstOrThrow();
    assert.equal(afterRow.updated_at, before.updated_at);
    const c = await store.counts();
    assert.equal(c.reports, 1);
    assert.equal(c.events, 1);
    assert.equal(c.incidents, 1);
  });

  engine.it("the report row keeps text, meta and the event JSON round-trips", async (store) => {
    const ev = event({ id: "r1-e0", sources: [SOURCES.sana], fatalities: count(5), details: { munitions: ["صواريخ"] } });
    await store.saveExtraction({
      report: { id: "r1", text: TEXTS.sanaStrike, outlet: "SANA", url: "https://example.org/a", title: "غارة على أريحا", format: "html", published: "2017-09-21" },
      result: result("r1", [ev]),
      original: `<html><body>${TEXTS.sanaStrike}</body></html>`,
      source: "feed:https://example.org/rss",
      extractorVersion: "1.0.0",
    });
    const r = await store.db.selectFrom("reports").selectAll().where("id", "=", "r1").executeTakeFirstOrThrow();
    assert.equal(r.text, TEXTS.sanaStrike);
    assert.equal(r.outlet, "SANA");
    assert.equal(r.format, "html");
    assert.ok(r.original?.includes("<body>"));
    assert.equal(r.extractor_version, "1.0.0");
    const e = await store.db.selectFrom("events").selectAll().where("report_id", "=", "r1").executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(e.json), ev);
    assert.equal(e.killed_best, 5);
    assert.equal(e.zone, "idlib");
    assert.equal(e.lat, PLACES.ariha.lat);
  });

  engine.it("an older extractor version is reprocessed in place, never duplicated", async (store) => {
    await save(store, "r1", TEXTS.sohrStrike, [event({ id: "r1-e0", sources: [SOURCES.sohr], fatalities: count(9, "at_least", { high: null }) })], { version: "1.0.0" });
    const seen: string[] = [];
    for await (const r of store.reportsNeedingReprocess("1.1.0")) seen.push(r.id);
    assert.deepEqual(seen, ["r1"]);
    const out = await save(
      store,
      "r1",
      TEXTS.sohrStrike,
      [event({ id: "r1-e0", sources: [SOURCES.sohr], fatalities: count(12) }), event({ id: "r1-e1", type: "shelling", locations: [PLACES.douma], actors: [PARTIES.syrianArmy] })],
      { version: "1.1.0" },
    );
    assert.equal(out.status, "reprocessed");
    assert.equal(out.events, 2);
    const c = await store.counts();
    assert.equal(c.reports, 1);
    assert.equal(c.events, 2);
    assert.equal(c.incidents, 2);
    const inc = await store.db.selectFrom("incidents").selectAll().where("type", "=", "air_strike").executeTakeFirstOrThrow();
    assert.equal(inc.killed_best, 12);
    // the figure change is in the history
    const revs = await store.db.selectFrom("incident_revisions").selectAll().where("incident_id", "=", inc.id).where("field", "=", "killed_best").orderBy("id").execute();
    assert.deepEqual(revs.map((r) => [r.old_value, r.new_value]), [["9", "12"]]);
    const created = await store.db.selectFrom("incident_revisions").selectAll().where("incident_id", "=", inc.id).where("field", "=", "created").execute();
    assert.equal(created.length, 1);
    assert.equal(JSON.parse(created[0]!.new_value!).killed_best, 9);
    const none: string[] = [];
    for await (const r of store.reportsNeedingReprocess("1.1.0")) none.push(r.id);
    assert.deepEqual(none, []);
    // an older extractor never overwrites a newer one
    const older = await save(store, "r1", TEXTS.sohrStrike, [], { version: "1.0.5" });
    assert.equal(older.status, "duplicate");
    assert.equal((await store.counts()).events, 2);
  });

  engine.it("reprocessing that drops an event deletes its now-empty incident", async (store) => {
    await save(store, "r1", TEXTS.shelling, [event({ id: "r1-e0", type: "shelling", locations: [PLACES.douma] })], { version: "1" });
    assert.equal((await store.counts()).incidents, 1);
    await save(store, "r1", TEXTS.shelling, [], { version: "2" });
    const c = await store.counts();
    assert.equal(c.incidents, 0);
    assert.equal(c.events, 0);
    const del = await store.db.selectFrom("incident_revisions").select("field").where("field", "=", "deleted").execute();
    assert.equal(del.length, 1);
  });

  engine.it("a failure mid-report rolls the whole report back", async (store) => {
    const good = event({ id: "r1-e0" });
    // BigInt cannot be serialized: the second event fails after the report row and first event were written
    const bad = event({ id: "r1-e1", details: { n: 1n } as unknown as Record<string, unknown> });
    await assert.rejects(save(store, "r1", TEXTS.sanaStrike, [good, bad]));
    assert.deepEqual(await store.counts(), { reports: 0, events: 0, incidents: 0, violations: 0, quarantine: 0 });
    // and the store still works afterwards
    assert.equal((await save(store, "r1", TEXTS.sanaStrike, [good])).status, "new");
  });

  engine.it("bad input is a clear error, not a crash", async (store) => {
    await assert.rejects(store.saveExtraction({ report: { text: "نص" }, result: { events: [] } as never }), /invalid report id/);
    await assert.rejects(
      store.saveExtraction({ report: { id: "x'; drop table reports; --", text: "نص" }, result: result("x", []) }),
      /invalid report id/,
    );
    await assert.rejects(store.saveExtraction({ report: { id: "r9", text: "نص" }, result: { report: result("r9", []).report } as never }), /no events list/);
  });

  engine.it("malformed events from a hand-made file are stored safely", async (store) => {
    const odd = {
      id: "m-e0",
      type: "bombardment",
      stance: "maybe",
      date: { start: "2017-09-20" },
      actors: [{ kind: "rebel_group" }, { name: "Some brigade", kind: "???" }, null],
      targets: "civilians",
      locations: [PLACES.ariha, 7],
      fatalities: { best: "12" },
      sources: [{ name: "x", kind: "monitor" }, "SOHR"],
      confidence: Number.NaN,
    } as unknown as HudnaEvent;
    const out = await save(store, "m", TEXTS.sohrStrike, [odd]);
    assert.equal(out.status, "new");
    const e = await store.db.selectFrom("events").selectAll().executeTakeFirstOrThrow();
    assert.equal(e.type, "other");
    assert.equal(e.stance, "asserted");
    assert.equal(e.killed_best, null);
    const parties = await store.db.selectFrom("incident_parties").select(["name", "kind"]).execute();
    assert.deepEqual(parties, [{ name: "Some brigade", kind: "unknown" }]);
  });

  engine.it("event ids reused by another report are kept apart", async (store) => {
    await save(store, "r1", TEXTS.sanaStrike, [event({ id: "e0" })]);
    await save(store, "r2", TEXTS.shelling, [event({ id: "e0", type: "shelling", locations: [PLACES.douma] })]);
    const rows = await store.db.selectFrom("events").select(["id", "report_id"]).orderBy("report_id").execute();
    assert.equal(rows.length, 2);
    assert.notEqual(rows[0]!.id, rows[1]!.id);
  });

  engine.it("concurrent saves in one process: each report once, merges intact", async (store) => {
    const jobs = [];
    for (let i = 0; i < 12; i++) {
      const id = `c${i % 6}`; // every report twice
      jobs.push(save(store, id, `${TEXTS.sohrStrike} ${i % 6}`, [event({ id: `${id}-e0`, sources: [{ name: `source ${i % 6}`, kind: "monitor", text: "" }], fatalities: count(i % 6) })]));
    }
    const outs = await Promise.all(jobs);
    assert.equal(outs.filter((o) => o.status === "new").length, 6);
    assert.equal(outs.filter((o) => o.status === "duplicate").length, 6);
    const c = await store.counts();
    assert.equal(c.reports, 6);
    assert.equal(c.incidents, 1, "six reports of one strike are one incident");
    const inc = await store.db.selectFrom("incidents").selectAll().executeTakeFirstOrThrow();
    assert.equal(inc.report_count, 6);
    assert.deepEqual([inc.killed_low, inc.killed_best, inc.killed_high], [0, 2, 5]);
  });

  engine.it("quarantine and feed state", async (store) => {
    await store.quarantine({ source: "feed:x", reason: "not UTF-8", sample: "\u0000".repeat(10_000), bytes: 10_000 });
    await store.quarantine({ source: "file:y", reason: "empty" });
    const q = await store.listQuarantine({ limit: 10 });
    assert.equal(q.length, 2);
    assert.equal(q[0]!.source, "file:y");
    assert.ok((q[1]!.sample ?? "").length <= 4000);
    assert.equal(q[1]!.bytes, 10_000);

    assert.equal(await store.getFeedState("https://example.org/rss"), undefined);
    await store.setFeedState("https://example.org/rss", { etag: '"abc"', last_polled: "2026-01-01T00:00:00Z" });
    await store.setFeedState("https://example.org/rss", { failures: 2, next_poll: "2026-01-01T01:00:00Z" });
    const f = await store.getFeedState("https://example.org/rss");
    assert.equal(f?.etag, '"abc"');
    assert.equal(f?.failures, 2);
    assert.equal(f?.next_poll, "2026-01-01T01:00:00Z");
    const n = await store.db.selectFrom("feeds").select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
    assert.equal(n.n, 1); // a number on both engines (pg int8 parser)
  });
});

forEachEngine("store: zones", (engine) => {
  engine.it("seedZones fills an empty zones table from the geo stage's zones, once", async (_store, url) => {
    const { openStore } = await import("../../src/store/index.js");
    const seeded = await openStore(url, { seedZones: true });
    try {
      const ids = (await seeded.listZones()).map((z) => z.id);
      for (const id of ["idlib", "northern-homs", "eastern-ghouta", "south"]) assert.ok(ids.includes(id), id);
      const again = await openStore(url, { seedZones: true });
      assert.equal((await again.listZones()).length, ids.length);
      await again.close();
    } finally {
      await seeded.close();
    }
  });
});
