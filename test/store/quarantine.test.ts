// Quarantine is an upsert on (source, reason): re-ingesting the same bad file is one row whose
// count and last_seen rise; migration 005 folds duplicates an older database already holds.
import assert from "node:assert/strict";
import { Migrator } from "kysely";
import { forEachEngine } from "./engines.js";
import { openStore } from "../../src/store/index.js";
import { connect, parseDbUrl } from "../../src/store/connect.js";
import { migrationProvider } from "../../src/store/migrations/index.js";

forEachEngine("store: quarantine", (engine) => {
  engine.it("the same bad input twice is one row with count 2; another reason is another row", async (store) => {
    const reason = "النص فارغ بعد إزالة عناصر الصفحة";
    await store.quarantine({ source: "file:bad.html", reason, sample: "<html></html>", bytes: 13 });
    const first = (await store.listQuarantine())[0]!;
    await new Promise((r) => setTimeout(r, 5)); // a later last_seen
    await store.quarantine({ source: "file:bad.html", reason, sample: "<html> </html>", bytes: 14 });
    let rows = await store.listQuarantine();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.count, 2);
    assert.equal(rows[0]!.created_at, first.created_at, "first seen stays");
    assert.ok(rows[0]!.last_seen! > first.last_seen!, "last seen moves");
    assert.equal(rows[0]!.bytes, 14, "the latest sample is kept");
    assert.equal(rows[0]!.sample, "<html> </html>");

    await store.quarantine({ source: "file:bad.html", reason: "not UTF-8" });
    // long Arabic source and reason (beyond a PostgreSQL B-tree entry if indexed directly)
    const long = "تقرير ".repeat(400);
    await store.quarantine({ source: long, reason: long });
    await store.quarantine({ source: long, reason: long });
    rows = await store.listQuarantine();
    assert.equal(rows.length, 3);
    assert.equal((await store.counts()).quarantine, 3);
    assert.equal(rows.find((r) => r.source.startsWith("تقرير"))!.count, 2);
    assert.equal(rows[0]!.source.startsWith("تقرير"), true, "most recently seen first");
  });

  engine.it("migration 005 folds the duplicates of an older database", async () => {
    const url = await engine.newUrl();
    const target = parseDbUrl(url);
    const old = connect(target);
    const migrator = new Migrator({ db: old, provider: migrationProvider(target.dialect) });
    const r = await migrator.migrateTo("004_incident_overrides");
    assert.equal(r.error, undefined);
    const row = (at: string, source = "feed:x") => ({ source, reason: "malformed XML", sample: null, bytes: null, created_at: at });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await (old as any).insertInto("quarantine").values([row("2026-01-01T00:00:00Z"), row("2026-01-03T00:00:00Z"), row("2026-01-02T00:00:00Z"), row("2026-01-05T00:00:00Z", "feed:y")]).execute();
    await old.destroy();
    const store = await openStore(url);
    try {
      const rows = await store.db.selectFrom("quarantine").selectAll().orderBy("source").execute();
      assert.deepEqual(
        rows.map((x) => [x.source, x.count, x.created_at, x.last_seen]),
        [
          ["feed:x", 3, "2026-01-01T00:00:00Z", "2026-01-03T00:00:00Z"],
          ["feed:y", 1, "2026-01-05T00:00:00Z", "2026-01-05T00:00:00Z"],
        ],
      );
      await store.quarantine({ source: "feed:x", reason: "malformed XML" });
      assert.equal((await store.db.selectFrom("quarantine").select("count").where("source", "=", "feed:x").executeTakeFirstOrThrow()).count, 4);
    } finally {
      await store.close();
    }
  });
});
