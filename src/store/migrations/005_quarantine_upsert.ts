// Quarantine as an upsert: the same bad input refused for the same reason is one row whose
// `count` and `last_seen` rise on every repeat. Uniqueness is on `key` = sha256(source, reason)
// rather than on the two texts: they may hold 2000 Arabic characters, beyond PostgreSQL's B-tree
// entry limit (~2.7 kB). Existing duplicates fold into their oldest row.
import type { Kysely } from "kysely";
import { quarantineKey } from "../quarantine-key.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("quarantine").addColumn("key", "text").execute();
  await db.schema.alterTable("quarantine").addColumn("count", "integer", (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable("quarantine").addColumn("last_seen", "text").execute();
  const rows = (await db.selectFrom("quarantine").select(["id", "source", "reason", "created_at"]).orderBy("id").execute()) as Array<{
    id: number;
    source: string;
    reason: string;
    created_at: string;
  }>;
  const first = new Map<string, { id: number; count: number; last: string }>();
  const drop: number[] = [];
  for (const r of rows) {
    const key = quarantineKey(r.source, r.reason);
    const f = first.get(key);
    if (f) {
      f.count++;
      if (r.created_at > f.last) f.last = r.created_at;
      drop.push(r.id);
    } else first.set(key, { id: r.id, count: 1, last: r.created_at });
  }
  for (const [key, f] of first) await db.updateTable("quarantine").set({ key, count: f.count, last_seen: f.last }).where("id", "=", f.id).execute();
  for (let i = 0; i < drop.length; i += 500) await db.deleteFrom("quarantine").where("id", "in", drop.slice(i, i + 500)).execute();
  await db.schema.createIndex("quarantine_key").on("quarantine").columns(["key"]).unique().execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("quarantine_key").ifExists().execute();
  await db.schema.alterTable("quarantine").dropColumn("last_seen").execute();
  await db.schema.alterTable("quarantine").dropColumn("count").execute();
  await db.schema.alterTable("quarantine").dropColumn("key").execute();
}
