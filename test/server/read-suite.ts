// The read-route tests, as one suite run against any store (SQLite here, PostgreSQL in
// postgres.test.ts): filters, sorting, pagination, detail, zones, stats and exports.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { getJson, REPORTS, startWorld, type World } from "./fixture.js";

type Item = {
  id: string; type: string; date_start: string | null; zone: string | null; status: string;
  killed: { low: number | null; best: number | null; high: number | null }; actors: { name: string }[];
  place: { lat: number | null; lon: number | null; name: string | null }; is_violation: boolean;
};

export function readSuite(label: string, dbUrl: () => Promise<string | undefined | null>): void {
  let w: World | null = null;
  let all: Item[] = [];
  const list = async (q: string) => {
    const r = await getJson<{ items: Item[]; next_cursor: string | null; total: number | null }>(`${w!.base}/api/incidents?${q}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body;
  };
  const skip = () => w === null;

  before(async () => {
    const url = await dbUrl();
    if (url === null) return;
    w = await startWorld(url);
    all = (await list("limit=500")).items;
  });
  after(async () => {
    await w?.close();
  });

  test(`${label}: the list holds every incident once, newest first by default`, async (t) => {
    if (skip()) return t.skip("no database");
    const counts = await w!.store.counts();
    assert.equal(all.length, counts.incidents);
    assert.equal((await list("limit=500")).total, counts.incidents);
    assert.equal((await list("zone=idlib&limit=1")).total, all.filter((i) => i.zone === "idlib").length);
    assert.equal(new Set(all.map((i) => i.id)).size, all.length);
    const dated = all.filter((i) => i.date_start).map((i) => i.date_start!);
    assert.deepEqual(dated, [...dated].sort().reverse());
    // Undated incidents sort as the smallest date: last in -date.
    assert.equal(all[all.length - 1]!.date_start, null);
    const strike = all.find((i) => i.type === "air_strike")!;
    assert.equal(strike.zone, "idlib");
    assert.equal(strike.place.name, "Khan Shaykhun");
    assert.equal(strike.is_violation, true);
    assert.deepEqual(strike.actors.map((a) => a.name), ["Syrian Air Force"]);
    assert.equal(strike.status, "corroborated");
  });

  test(`${label}: filters narrow the list`, async (t) => {
    if (skip()) return t.skip("no database");
    const ids = async (q: string) => (await list(`limit=500&${q}`)).items;
    assert.ok((await ids("zone=idlib")).every((i) => i.zone === "idlib"));
    assert.equal((await ids("zone=idlib")).length, all.filter((i) => i.zone === "idlib").length);
    const types = await ids("type=air_strike,armed_clash");
    assert.deepEqual(new Set(types.map((i) => i.type)), new Set(["air_strike", "armed_clash"]));
    const aug = await ids("from=2017-08-01&to=2017-08-31");
    assert.deepEqual(aug.map((i) => i.date_start).sort(), ["2017-08-10", "2017-08-15"]);
    const box = await ids("bbox=36.3,33.4,36.6,33.7");
    assert.deepEqual(box.map((i) => i.place.name), ["Douma"]);
    assert.deepEqual((await ids("party=SDF")).map((i) => i.type), ["armed_clash"]);
    assert.deepEqual((await ids(`party=${encodeURIComponent("قوات سوريا الديمقراطية")}`)).map((i) => i.type), ["armed_clash"]);
    // A kind matches actors and targets alike: IS is the clash's target.
    assert.deepEqual((await ids("party=jihadist_group")).map((i) => i.type), ["armed_clash"]);
    assert.deepEqual((await ids("source=monitor")).map((i) => i.type).sort(), ["air_strike", "casualty_claim"]);
    assert.deepEqual((await ids("source=Syrian%20Observatory%20for%20Human%20Rights&type=air_strike")).map((i) => i.type), ["air_strike"]);
    assert.deepEqual(await ids("source=activists&type=casualty_claim"), []);
    assert.deepEqual((await ids("status=corroborated")).map((i) => i.type), ["air_strike"]);
    const heavy = await ids("min_killed=5");
    assert.ok(heavy.length >= 2 && heavy.every((i) => (i.killed.best ?? 0) >= 5));
    assert.deepEqual(await ids("zone=idlib&type=meeting"), []);
  });

  const walks: [string, string][] = [];
  for (const sort of ["date", "-date", "killed", "-killed"]) walks.push([sort, ""], [sort, "type=shelling,air_strike,explosion"]);
  for (const [sort, filter] of walks) {
    test(`${label}: walking every page (sort=${sort}${filter ? `, ${filter}` : ""}, 4 per page) sees each incident exactly once, in order`, async (t) => {
      if (skip()) return t.skip("no database");
      const expected = filter ? all.filter((i) => ["shelling", "air_strike", "explosion"].includes(i.type)) : all;
      const seen: Item[] = [];
      let cursor: string | null = null;
      let pages = 0;
      let firstTotal: number | null = null;
      do {
        const q: string = `sort=${sort}&limit=4${filter ? `&${filter}` : ""}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
        const page = await list(q);
        if (pages === 0) firstTotal = page.total;
        else assert.equal(page.total, null);
        seen.push(...page.items);
        cursor = page.next_cursor;
        assert.ok(++pages < 50, "pagination does not end");
      } while (cursor);
      assert.equal(seen.length, expected.length);
      assert.equal(firstTotal, expected.length, "the first page counts every match");
      assert.equal(new Set(seen.map((i) => i.id)).size, expected.length);
      const key = (i: Item) => (sort.endsWith("date") ? i.date_start : i.killed.best);
      const keys = seen.map(key);
      for (let k = 1; k < keys.length; k++) {
        const a = keys[k - 1]!, b = keys[k]!;
        // null is the smallest value
        const cmp = a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1;
        assert.ok(sort.startsWith("-") ? cmp >= 0 : cmp <= 0, `order broken at ${k}: ${a} then ${b}`);
      }
    });
  }

  test(`${label}: a cursor is stable when incidents are added before and after it`, async (t) => {
    if (skip()) return t.skip("no database");
    const first = await list("sort=date&limit=5");
    const expectedRest = all.length - 5;
    // Insert one incident sorting before the cursor and one after it.
    const now = new Date().toISOString();
    const base = {
      type: "shelling", date_precision: "day", status: "single_source", actors: "[]", targets: "[]", created_at: now, updated_at: now,
      lat: null, lon: null, place: null, place_ar: null, place_precision: null, place_gid: null, admin1: null, zone: null,
      killed_low: null, killed_best: null, killed_high: null, injured_low: null, injured_best: null, injured_high: null,
      report_count: 1, source_count: 1, event_count: 1, is_violation: 0, confidence: 0.5,
    };
    await w!.store.db
      .insertInto("incidents")
      .values([
        { ...base, id: "inc_zz_early", date_start: "2016-01-01", date_end: "2016-01-01" },
        { ...base, id: "inc_zz_late", date_start: "2018-01-01", date_end: "2018-01-01" },
      ])
      .execute();
    try {
      const rest: Item[] = [];
      let cursor = first.next_cursor;
      while (cursor) {
        const p = await list(`sort=date&limit=5&cursor=${encodeURIComponent(cursor)}`);
        rest.push(...p.items);
        cursor = p.next_cursor;
      }
      const firstIds = new Set(first.items.map((i) => i.id));
      assert.ok(rest.every((i) => !firstIds.has(i.id)), "no duplicates across the boundary");
      assert.equal(rest.filter((i) => i.id.startsWith("inc_zz")).map((i) => i.id).join(), "inc_zz_late");
      assert.equal(rest.length, expectedRest + 1);
    } finally {
      await w!.store.db.deleteFrom("incidents").where("id", "in", ["inc_zz_early", "inc_zz_late"]).execute();
    }
  });

  test(`${label}: a cached view changes as soon as the database does (write by another connection)`, async (t) => {
    if (skip()) return t.skip("no database");
    await getJson(`${w!.base}/api/stats`);
    const cached = await getJson(`${w!.base}/api/stats`);
    assert.equal(cached.headers.get("x-cache"), "hit");
    // A second connection, as another process (hudna watch) would write through.
    const { openStore } = await import("../../src/store/index.js");
    const other = await openStore(w!.dbUrl);
    try {
      await other.db.updateTable("incidents").set({ killed_best: 1000 }).where("type", "=", "armed_clash").execute();
      const fresh = await getJson(`${w!.base}/api/stats`);
      assert.equal(fresh.headers.get("x-cache"), "miss");
      assert.equal(fresh.body.killed_best, cached.body.killed_best - 20 + 1000);
    } finally {
      await other.db.updateTable("incidents").set({ killed_best: 20 }).where("type", "=", "armed_clash").execute();
      await other.close();
    }
  });

  test(`${label}: bad query parameters are 400 JSON`, async (t) => {
    if (skip()) return t.skip("no database");
    for (const q of ["limit=501", "limit=0", "sort=place", "from=2017-13", "bbox=1,2,3", "bbox=40,30,30,35", "cursor=notacursor", "min_killed=-1", "from=2017-09-01&to=2017-08-01"]) {
      const r = await getJson(`${w!.base}/api/incidents?${q}`);
      assert.equal(r.status, 400, q);
      assert.equal(r.body.error, "bad_request", q);
      assert.equal(typeof r.body.message, "string");
    }
    // A cursor of one sort order is refused by another.
    const c = (await list("sort=date&limit=2")).next_cursor!;
    assert.equal((await getJson(`${w!.base}/api/incidents?sort=killed&cursor=${encodeURIComponent(c)}`)).status, 400);
  });

  test(`${label}: one incident with its reports, evidence, figures and revisions`, async (t) => {
    if (skip()) return t.skip("no database");
    const strike = all.find((i) => i.type === "air_strike")!;
    const r = await getJson(`${w!.base}/api/incidents/${strike.id}`);
    assert.equal(r.status, 200);
    const d = r.body;
    assert.equal(d.id, strike.id);
    assert.equal(d.reports.length, 2);
    assert.equal(d.report_total, 2);
    for (const rep of d.reports) {
      const fixture = REPORTS.find((x) => x.url === rep.url)!;
      assert.equal(rep.text, fixture.text);
      assert.equal(rep.outlet, fixture.outlet);
      assert.equal(rep.events.length, 1);
      const ev = rep.events[0].evidence[0];
      assert.equal(rep.text.slice(ev.start, ev.end), fixture.sentence);
      assert.equal(ev.quote, fixture.sentence);
    }
    assert.deepEqual(d.figures.filter((f: { measure: string }) => f.measure === "killed").map((f: { best: number }) => f.best).sort(), [5, 7]);
    assert.ok(d.sources.some((s: { kind: string }) => s.kind === "monitor"));
    assert.ok(Array.isArray(d.revisions));
    const missing = await getJson(`${w!.base}/api/incidents/inc_does_not_exist`);
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error, "not_found");
  });

  test(`${label}: zones with violation totals and a violation time series`, async (t) => {
    if (skip()) return t.skip("no database");
    const z = await getJson(`${w!.base}/api/zones`);
    assert.equal(z.body.type, "FeatureCollection");
    const idlib = z.body.features.find((f: { id: string }) => f.id === "idlib");
    assert.equal(idlib.properties.name_ar, "إدلب");
    assert.deepEqual(idlib.properties.guarantors, ["Russia", "Turkey", "Iran"]);
    assert.equal(idlib.geometry.type, "Polygon");
    const idlibViolations = all.filter((i) => i.zone === "idlib" && i.is_violation).length;
    assert.equal(idlib.properties.violations, idlibViolations);
    assert.equal(idlib.properties.violations_by_party["Syrian Air Force"], 1);

    const day = await getJson(`${w!.base}/api/zones/idlib/violations?interval=day`);
    assert.equal(day.status, 200);
    assert.deepEqual(day.body.buckets.map((b: { start: string }) => b.start), ["2017-08-10", "2017-10-01"]);
    assert.equal(day.body.total, idlibViolations);
    assert.equal(day.body.buckets[0].by_party["Syrian Air Force"], 1);
    assert.equal(day.body.parties[0], "unknown");
    const week = await getJson(`${w!.base}/api/zones/idlib/violations?interval=week&from=2017-08-01&to=2017-08-31`);
    // 2017-08-10 was a Thursday: its ISO week starts Monday 2017-08-07.
    assert.deepEqual(week.body.buckets, [{ start: "2017-08-07", total: 1, by_party: { "Syrian Air Force": 1 } }]);
    assert.equal((await getJson(`${w!.base}/api/zones/nowhere/violations`)).status, 404);
    assert.equal((await getJson(`${w!.base}/api/zones/idlib/violations?interval=month`)).status, 400);
  });

  test(`${label}: stats`, async (t) => {
    if (skip()) return t.skip("no database");
    const s = (await getJson(`${w!.base}/api/stats`)).body;
    const c = await w!.store.counts();
    assert.equal(s.reports, c.reports);
    assert.equal(s.incidents, c.incidents);
    assert.equal(s.by_type.shelling, all.filter((i) => i.type === "shelling").length);
    // Aggregate claims ("3000 killed this year") are summed apart, never into the incidents' toll.
    const claim = (i: Item) => i.type === "casualty_claim";
    assert.equal(s.killed_best, all.filter((i) => !claim(i)).reduce((n, i) => n + (i.killed.best ?? 0), 0));
    assert.equal(s.killed_best_claims, 3000);
    assert.deepEqual(s.date_range, { from: "2017-08-10", to: "2017-10-01" });
    assert.equal(s.by_zone.none, all.filter((i) => i.zone === null).length);
  });

  test(`${label}: exports stream every matching incident as GeoJSON, CSV and JSON Lines`, async (t) => {
    if (skip()) return t.skip("no database");
    const geo = await getJson(`${w!.base}/api/export?format=geojson&zone=idlib`);
    assert.equal(geo.status, 200);
    assert.match(geo.headers.get("content-type")!, /geo\+json/);
    const idlib = all.filter((i) => i.zone === "idlib");
    assert.equal(geo.body.features.length, idlib.length);
    const f = geo.body.features.find((x: { properties: { type: string } }) => x.properties.type === "air_strike");
    assert.deepEqual(f.geometry, { type: "Point", coordinates: [36.6511, 35.4383] });

    const csv = await fetch(`${w!.base}/api/export?format=csv`);
    assert.match(csv.headers.get("content-type")!, /text\/csv/);
    const lines = (await csv.text()).trimEnd().split("\r\n");
    assert.match(lines[0]!, /^event_date,event_type,sub_event_type,actor1/);
    assert.equal(lines.length, all.length + 1);
    assert.ok(lines.some((l) => l.includes("خان شيخون")));

    const jl = await fetch(`${w!.base}/api/export?format=jsonl&type=shelling`);
    const rows = (await jl.text()).trim().split("\n").map((l) => JSON.parse(l) as Item);
    assert.equal(rows.length, all.filter((i) => i.type === "shelling").length);
    assert.ok(rows.every((r) => r.type === "shelling"));
    assert.equal((await getJson(`${w!.base}/api/export?format=xml`)).status, 400);
  });
}
