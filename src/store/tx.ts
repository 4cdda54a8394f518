// One write transaction, the same guarantees on both engines: all of a report's writes commit
// together or not at all, and writers are serialized (incident merging reads then writes, so two
// concurrent writers could otherwise open the same incident twice).
// - SQLite: BEGIN IMMEDIATE takes the write lock up front (a deferred transaction that reads then
//   writes can fail with SQLITE_BUSY instead of waiting on busy_timeout).
// - PostgreSQL: a transaction-scoped advisory lock, released by COMMIT/ROLLBACK.
import { PostgresAdapter, sql, type Kysely } from "kysely";
import type { Database } from "./schema.js";
import type { Dialect } from "./dialect.js";

const PG_WRITE_LOCK = 0x48756468; // "Hudh"

export async function withWriteTransaction<T>(db: Kysely<Database>, dialect: Dialect, fn: (tx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (dialect === "postgres") {
    return db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${PG_WRITE_LOCK})`.execute(trx);
      return fn(trx);
    });
  }
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const out = await fn(conn);
      await sql`commit`.execute(conn);
      return out;
    } catch (err) {
      await sql`rollback`.execute(conn).catch(() => {});
      throw err;
    }
  });
}

/**
 * For a transaction opened elsewhere (the API's corrections): take the same write lock, so it
 * never interleaves with an ingest's batch. SQLite's database lock already does that.
 */
export async function takeWriteLock(trx: Kysely<Database>): Promise<void> {
  if (trx.getExecutor().adapter instanceof PostgresAdapter) await sql`select pg_advisory_xact_lock(${PG_WRITE_LOCK})`.execute(trx);
}
