// Bulk INSERTs (bulk.ts): on PostgreSQL one array per column (`unnest`), so every value must
// survive the array literal; the column types it casts to must be the schema's; the long texts
// are lz4-compressed where the server can (migration 007).
import assert from "node:assert/strict";
import { sql } from "kysely";
import { forEachEngine } from "./engines.js";
import { bulkInsert } from "../../src/store/bulk.js";
import { PG_NON_TEXT } from "../../src/store/pg-columns.js";

// Texts an array literal must escape or could misread: quotes, backslashes, braces, commas,
// the word NULL, blanks, an empty string, Arabic, emoji, a JSON document.
const AWKWARD = ['say "hi"', "back\\slash\\", "{a,b}", "NULL", "null", " padded ", "", "غارة على أريحا، ٣ قتلى", "🙂", '{"k":[1,"\\"x\\""]}', "a\nb\tc", ","];

forEachEngine("store: bulk inserts", (engine) => {
  engine.it("rows come back exactly as given: awkward texts, nulls, integers (several batches' worth)", async (store) => {
    const rows = AWKWARD.flatMap((text, i) => [
      { incident_id: `inc_${i}`, at: "2026-01-01T00:00:00.000Z", field: text, old_value: i % 2 ? null : text, new_value: text, report_id: null },
    ]);
    // More rows than SQLite's largest chunk, so both engines split or not as they do.
    const many = Array.from({ length: 150 }, (_, i) => ({ ...rows[i % rows.length]!, incident_id: `inc_${String(i).padStart(3, "0")}` }));
    await bulkInsert(store.db, store.dialect, "incident_revisions", many);
    const back = await store.db.selectFrom("incident_revisions").select(["incident_id", "field", "old_value", "new_value", "report_id"]).orderBy("id").execute();
    assert.deepEqual(
      back,
      many.map(({ incident_id, field, old_value, new_value, report_id }) => ({ incident_id, field, old_value, new_value, report_id })),
    );
    // Serial ids follow the rows' order.
    const ids = (await store.db.selectFrom("incident_revisions").select(["id", "incident_id"]).orderBy("incident_id").execute()).map((r) => r.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
  });

  engine.it("an upsert of several rows updates the listed columns only", async (store) => {
    const base = { name: "z", name_ar: null, guarantors: "[]", start_date: null, end_date: null, geometry: "{}" };
    await bulkInsert(store.db, store.dialect, "zones", [
      { id: "a", ...base, name: "A" },
      { id: "b", ...base, name: "B" },
    ]);
    await bulkInsert(
      store.db,
      store.dialect,
      "zones",
      [
        { id: "b", ...base, name: "B2", geometry: '{"x":1}' },
        { id: "c", ...base, name: "C" },
      ],
      { upsertKey: "id", update: ["name"] },
    );
    const zones = await store.db.selectFrom("zones").select(["id", "name", "geometry"]).orderBy("id").execute();
    assert.deepEqual(zones, [
      { id: "a", name: "A", geometry: "{}" },
      { id: "b", name: "B2", geometry: "{}" },
      { id: "c", name: "C", geometry: "{}" },
    ]);
  });

  if (engine.name === "postgres") {
    engine.it("the array types bulk.ts casts to are the schema's column types", async (store) => {
      for (const table of Object.keys(PG_NON_TEXT)) {
        const cols = (
          await sql<{ column_name: string; data_type: string }>`select column_name, data_type from information_schema.columns
            where table_schema = current_schema() and table_name = ${table}`.execute(store.db)
        ).rows;
        assert.ok(cols.length > 0, table);
        const actual = Object.fromEntries(cols.filter((c) => c.data_type !== "text").map((c) => [c.column_name, c.data_type]));
        assert.deepEqual(actual, PG_NON_TEXT[table], table);
      }
    });

    engine.it("report texts and event JSON are lz4-compressed when the server has lz4 (migration 007)", async (store) => {
      const lz4 = (await sql<{ ok: boolean }>`select exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals)) as ok`.execute(store.db)).rows[0]!.ok;
      const rows = (
        await sql<{ rel: string; attname: string; attcompression: string }>`select attrelid::regclass::text as rel, attname, attcompression::text from pg_attribute
          where (attrelid = 'reports'::regclass and attname in ('text', 'original')) or (attrelid = 'events'::regclass and attname = 'json') order by 1, 2`.execute(store.db)
      ).rows;
      assert.equal(rows.length, 3);
      for (const r of rows) assert.equal(r.attcompression, lz4 ? "l" : "", `${r.rel}.${r.attname}`);
    });
  }
});
