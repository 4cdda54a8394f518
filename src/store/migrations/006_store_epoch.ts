// `store_epoch`: a counter every change of `incidents` advances (triggers, so every writer counts:
// the store, the API's corrections, another process, a hand-run UPDATE). A writer that keeps
// incidents in memory between its transactions (../incident-cache.ts) compares it with the value
// its own last commit left: any other value means someone else changed incidents in between.
// SQLite: row triggers; PostgreSQL: statement triggers (one bump per statement, not per row).
import { sql, type Kysely } from "kysely";
import type { Dialect } from "../dialect.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("store_epoch")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("n", "bigint", (c) => c.notNull())
    .execute();
  await sql`insert into store_epoch (id, n) values (1, 0)`.execute(db);
  if (dialect === "postgres") {
    await sql`create function hudna_bump_epoch() returns trigger language plpgsql as $$
      begin update store_epoch set n = n + 1 where id = 1; return null; end $$`.execute(db);
    await sql`create trigger incidents_epoch after insert or update or delete on incidents
      for each statement execute function hudna_bump_epoch()`.execute(db);
    return;
  }
  for (const op of ["insert", "update", "delete"]) {
    await sql
      .raw(`create trigger incidents_epoch_${op} after ${op} on incidents begin update store_epoch set n = n + 1 where id = 1; end`)
      .execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const op of ["insert", "update", "delete"]) await sql.raw(`drop trigger if exists incidents_epoch_${op}`).execute(db);
  await sql`drop table if exists store_epoch cascade`.execute(db).catch(() => sql`drop table if exists store_epoch`.execute(db));
}
