// PostgreSQL: the long texts (a report's text and original page, an event's JSON) compressed with
// lz4 instead of the default pglz. A report's text is ~3.5 K Arabic characters (~6.5 kB), past the
// 2 kB at which PostgreSQL compresses a row's values; pglz compressing them was a third of the
// time of the reports INSERT (news bench: 770 → 520 ms per 10 000 reports), and lz4 also reads
// back faster. Only new values use it (old ones stay readable as they are). Servers without lz4
// (built without it, or before PostgreSQL 14) keep pglz. SQLite: nothing to do.
import { sql, type Kysely } from "kysely";
import type { Dialect } from "../dialect.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const COLUMNS: Array<[string, string]> = [
  ["reports", "text"],
  ["reports", "original"],
  ["events", "json"],
];

export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  if (dialect !== "postgres") return;
  const r = await sql<{ ok: boolean }>`select exists (
      select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals)
    ) as ok`.execute(db);
  if (!r.rows[0]?.ok) return;
  for (const [table, column] of COLUMNS) await sql.raw(`alter table "${table}" alter column "${column}" set compression lz4`).execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  // pglz is every server's default; SQLite has no such columns setting (ignore its error).
  for (const [table, column] of COLUMNS) await sql.raw(`alter table "${table}" alter column "${column}" set compression pglz`).execute(db).catch(() => {});
}
