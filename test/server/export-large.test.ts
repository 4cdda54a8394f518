// Exports larger than one page (500 rows) are complete: every incident once.
import { test } from "node:test";
import assert from "node:assert/strict";
import { startWorld } from "./fixture.js";

test("a 1,200-incident export streams every incident exactly once in every format", async (t) => {
  const w = await startWorld();
  t.after(() => w.close());
  const now = new Date().toISOString();
  const rows = Array.from({ length: 1200 }, (_, i) => ({
    id: `inc_bulk_${String(i).padStart(5, "0")}`, type: "shelling", date_start: i % 7 ? `2018-0${1 + (i % 9)}-1${i % 10}` : null,
    date_end: null, date_precision: "day", lat: 35 + (i % 50) / 100, lon: 36.5, place: `قرية ${i}`, place_ar: `قرية ${i}`,
    place_precision: "town", place_gid: null, admin1: "Idlib", zone: "idlib",
    killed_low: null, killed_best: i % 3 ? null : i % 11, killed_high: null, injured_low: null, injured_best: null, injured_high: null,
    status: "single_source", report_count: 1, source_count: 1, event_count: 1, actors: "[]", targets: "[]",
    is_violation: 0, confidence: 0.5, created_at: now, updated_at: now,
  }));
  for (let i = 0; i < rows.length; i += 200) await w.store.db.insertInto("incidents").values(rows.slice(i, i + 200)).execute();
  const total = (await w.store.counts()).incidents;

  const jl = (await (await fetch(`${w.base}/api/export?format=jsonl`)).text()).trim().split("\n");
  assert.equal(jl.length, total);
  assert.equal(new Set(jl.map((l) => (JSON.parse(l) as { id: string }).id)).size, total);
  const csv = (await (await fetch(`${w.base}/api/export?format=csv`)).text()).trimEnd().split("\r\n");
  assert.equal(csv.length, total + 1);
  const geo = (await (await fetch(`${w.base}/api/export?format=geojson&zone=idlib`)).json()) as { features: unknown[] };
  assert.equal(geo.features.length, 1200 + 7);
  // With a date filter, undated incidents are left out.
  const dated = (await (await fetch(`${w.base}/api/export?format=jsonl&from=2018-01-01&to=2018-12-31`)).text()).trim().split("\n");
  assert.equal(dated.length, rows.filter((r) => r.date_start).length);
});
