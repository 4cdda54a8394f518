// Migration 003's indexes serve the API's queries: EXPLAIN QUERY PLAN on a filled SQLite file, and
// the same indexes present on PostgreSQL.
import { test } from "node:test";
import assert from "node:assert/strict";
import { sql } from "kysely";
import { forEachEngine } from "./engines.js";
import { startWorld } from "../server/fixture.js";
import { parseFilters } from "../../src/server/queries/filters.js";
import { incidentPageQuery } from "../../src/server/queries/incidents.js";
import { violationQueries } from "../../src/server/queries/zones.js";
import { explainSqlite } from "../../src/server/queries/explain.js";

test("zone + month pages, killed-sorted pages and violation series read indexes without sorting (SQLite)", async (t) => {
  const w = await startWorld();
  t.after(() => w.close());
  const db = w.store.db;
  const month = parseFilters({ zone: "idlib", from: "2017-08-01", to: "2017-08-31" });
  for (const sort of ["-date", "date"] as const) {
    const plan = (await explainSqlite(db, incidentPageQuery(db, { filters: month, sort, limit: 50 }))).join(" | ");
    assert.match(plan, /SEARCH incidents USING INDEX incidents_zone_date_id \(zone=\? AND date_start>\? AND date_start<\?\)/, plan);
    assert.doesNotMatch(plan, /TEMP B-TREE/, plan);
  }
  for (const sort of ["-killed", "killed"] as const) {
    const plan = (await explainSqlite(db, incidentPageQuery(db, { filters: parseFilters({}), sort, limit: 50 }))).join(" | ");
    assert.match(plan, /incidents USING INDEX incidents_killed/, plan);
    assert.doesNotMatch(plan, /TEMP B-TREE/, plan);
  }
  const v = violationQueries(db, "idlib", "2017-08-01", "2017-12-31");
  for (const q of [v.byParty, v.totals]) {
    const plan = (await explainSqlite(db, q)).join(" | ");
    assert.match(plan, /SEARCH violations USING COVERING INDEX violations_zone_date_party \(zone_id=\? AND date>\? AND date<\?\)/, plan);
  }
});

forEachEngine("store: API indexes", (engine) => {
  engine.it("migration 003's indexes exist and replace the narrower ones", async (store) => {
    const names =
      store.dialect === "sqlite"
        ? (await sql<{ name: string }>`select name from sqlite_master where type = 'index'`.execute(store.db)).rows.map((r) => r.name)
        : (await sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = current_schema()`.execute(store.db)).rows.map((r) => r.name);
    for (const n of ["violations_zone_date_party", "incidents_killed", "incidents_zone_date_id", "quarantine_key"]) assert.ok(names.includes(n), `${n} in ${names.join(",")}`);
    for (const n of ["violations_zone_date", "violations_date", "incidents_zone_date"]) assert.ok(!names.includes(n), `${n} dropped`);
  });
});
