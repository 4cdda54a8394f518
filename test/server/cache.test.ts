// The GET response cache: hits while the data is unchanged, fresh answers after any write — by
// this server or straight into the database (as another process would).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { getJson, startWorld, type World } from "./fixture.js";

let w: World;
before(async () => {
  w = await startWorld(undefined, { cache: { maxEntries: 3 } });
});
after(async () => {
  await w.close();
});

test("a repeated view is served from the cache, identical", async () => {
  const a = await getJson(`${w.base}/api/stats`);
  const b = await getJson(`${w.base}/api/stats`);
  assert.equal(a.headers.get("x-cache"), "miss");
  assert.equal(b.headers.get("x-cache"), "hit");
  assert.deepEqual(b.body, a.body);
  assert.match(b.headers.get("content-type")!, /^application\/json/);
  assert.equal(b.headers.get("x-content-type-options"), "nosniff");
});

test("a row written straight into the database (another process) is seen at once", async () => {
  const before = (await getJson(`${w.base}/api/stats`)).body;
  const listBefore = (await getJson(`${w.base}/api/incidents?type=humanitarian`)).body.items;
  assert.equal(listBefore.length, 0);
  const now = new Date().toISOString();
  await w.store.db
    .insertInto("incidents")
    .values({
      id: "inc_cache_probe", type: "humanitarian", date_start: "2017-09-05", date_end: "2017-09-05", date_precision: "day",
      lat: null, lon: null, place: null, place_ar: null, place_precision: null, place_gid: null, admin1: null, zone: null,
      killed_low: null, killed_best: null, killed_high: null, injured_low: null, injured_best: null, injured_high: null,
      status: "single_source", report_count: 1, source_count: 1, event_count: 1, actors: "[]", targets: "[]",
      is_violation: 0, confidence: 0.5, created_at: now, updated_at: now,
    })
    .execute();
  try {
    const after = await getJson(`${w.base}/api/stats`);
    assert.equal(after.headers.get("x-cache"), "miss");
    assert.equal(after.body.incidents, before.incidents + 1);
    const list = (await getJson(`${w.base}/api/incidents?type=humanitarian`)).body.items;
    assert.deepEqual(list.map((i: { id: string }) => i.id), ["inc_cache_probe"]);
  } finally {
    await w.store.db.deleteFrom("incidents").where("id", "=", "inc_cache_probe").execute();
  }
});

test("a correction through the API is visible in the next list", async () => {
  const first = (await getJson(`${w.base}/api/incidents?type=armed_clash`)).body.items[0];
  await getJson(`${w.base}/api/incidents?type=armed_clash`); // now cached
  const r = await fetch(`${w.base}/api/incidents/${first.id}`, {
    method: "PATCH",
    headers: { "content-type": "application/json", authorization: `Bearer ${w.analyst}` },
    body: JSON.stringify({ status: "confirmed_by_party", note: "أكد الطرفان وقوع الاشتباك" }),
  });
  assert.equal(r.status, 200);
  const again = await getJson(`${w.base}/api/incidents?type=armed_clash`);
  assert.equal(again.headers.get("x-cache"), "miss");
  assert.equal(again.body.items[0].status, "confirmed_by_party");
});

test("the cache keeps at most maxEntries views (least recently used go first)", async () => {
  const urls = ["/api/incidents?limit=1", "/api/incidents?limit=2", "/api/incidents?limit=3", "/api/incidents?limit=4"];
  for (const u of urls) await getJson(w.base + u);
  // limit=1 was evicted by the fourth view; limit=4 is still there.
  assert.equal((await getJson(`${w.base}${urls[3]}`)).headers.get("x-cache"), "hit");
  assert.equal((await getJson(`${w.base}${urls[0]}`)).headers.get("x-cache"), "miss");
});

test("with the cache off every answer is computed", async (t) => {
  const local = await startWorld(undefined, { cache: false });
  t.after(() => local.close());
  await getJson(`${local.base}/api/stats`);
  const r = await getJson(`${local.base}/api/stats`);
  assert.equal(r.status, 200);
  assert.equal(r.headers.get("x-cache"), null);
});

test("concurrent first requests for one view all get the same full answer", async () => {
  const url = `${w.base}/api/zones/idlib/violations?interval=week`;
  const all = await Promise.all(Array.from({ length: 20 }, () => getJson(url)));
  for (const r of all) {
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, all[0]!.body);
  }
  assert.ok(all[0]!.body.total > 0);
});
