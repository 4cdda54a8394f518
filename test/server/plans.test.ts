// The API's hot queries search indexes (EXPLAIN QUERY PLAN on a real SQLite file), never scan.
import { test } from "node:test";
import assert from "node:assert/strict";
import { startWorld } from "./fixture.js";
import { parseFilters } from "../../src/server/queries/filters.js";
import { incidentPageQuery } from "../../src/server/queries/incidents.js";
import { violationQueries } from "../../src/server/queries/zones.js";
import { explainSqlite } from "../../src/server/queries/explain.js";

test("zone + month incidents and a zone's violation series use indexes", async (t) => {
  const w = await startWorld();
  t.after(() => w.close());
  const filters = parseFilters({ zone: "idlib", from: "2017-08-01", to: "2017-08-31" });
  const inc = await explainSqlite(w.store.db, incidentPageQuery(w.store.db, { filters, sort: "-date", limit: 100 }));
  assert.match(inc.join(" | "), /SEARCH incidents USING (COVERING )?INDEX incidents_(zone_)?date/);
  assert.doesNotMatch(inc.join(" | "), /SCAN incidents\b(?! USING)/);
  const v = violationQueries(w.store.db, "idlib", "2017-08-01", "2017-12-31");
  for (const q of [v.byParty, v.totals]) {
    const plan = (await explainSqlite(w.store.db, q)).join(" | ");
    assert.match(plan, /SEARCH violations USING (COVERING )?INDEX violations_zone_date/, plan);
  }
});
