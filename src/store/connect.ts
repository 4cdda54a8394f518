// Turns a database URL into a Kysely instance on the right engine and runs the migrations.
// url: undefined → $HUDNA_DB or ./data/hudna.db; "sqlite:PATH" or a plain path → SQLite
// (better-sqlite3, WAL); "postgres://…" / "postgresql://…" → a pg Pool.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from "kysely";
import type { Database } from "./schema.js";
import type { Dialect } from "./dialect.js";
import { migrationProvider } from "./migrations/index.js";

export const DEFAULT_DB = "./data/hudna.db";

export interface DbTarget {
  dialect: Dialect;
  /** SQLite file path (or ":memory:") / PostgreSQL connection string. */
  location: string;
}

export function parseDbUrl(url?: string): DbTarget {
  const raw = (url ?? process.env.HUDNA_DB ?? DEFAULT_DB).trim();
  if (!raw) throw new Error("empty database URL");
  if (/^postgres(ql)?:\/\//i.test(raw)) return { dialect: "postgres", location: raw };
  if (/^sqlite:/i.test(raw)) {
    const path = raw.replace(/^sqlite:(\/\/)?/i, "");
    if (!path) throw new Error(`no file in database URL: ${raw}`);
    return { dialect: "sqlite", location: path };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) throw new Error(`unsupported database URL (use a path, sqlite:PATH or postgres://…): ${raw}`);
  return { dialect: "sqlite", location: raw };
}

/**
 * Kysely prepares every query anew; preparing costs more than running a small indexed query. Keep
 * prepared statements by SQL text, least recently used evicted first (bounded: varying texts would
 * otherwise grow it forever; the store keeps its texts few, see bulk.ts).
 */
function cachedStatements(sqlite: BetterSqlite3.Database) {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let stmt = cache.get(text);
      if (stmt) {
        // least recently used goes first: re-insert marks this one as just used
        cache.delete(text);
      } else {
        if (cache.size >= 1000) cache.delete(cache.keys().next().value!);
        stmt = sqlite.prepare(text);
      }
      cache.set(text, stmt);
      return stmt;
    },
  };
}

let pgParsersSet = false;
function setPgTypeParsers(): void {
  if (pgParsersSet) return;
  // int8 (COUNT, SUM of integers) and numeric arrive as strings by default; our figures and
  // counts fit in a double, so parse them to numbers on both engines alike.
  pg.types.setTypeParser(20, (v) => (v === null ? null : Number.parseInt(v, 10)));
  pg.types.setTypeParser(1700, (v) => (v === null ? null : Number.parseFloat(v)));
  pgParsersSet = true;
}

/** A Kysely over the target, without migrations. */
export function connect(target: DbTarget): Kysely<Database> {
  if (target.dialect === "sqlite") {
    if (target.location !== ":memory:") mkdirSync(dirname(resolve(target.location)), { recursive: true });
    const sqlite = new BetterSqlite3(target.location);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    // Another process (watch + ingest) may hold the write lock for a moment: wait, don't fail.
    sqlite.pragma("busy_timeout = 10000");
    // WAL + NORMAL: a commit survives a process crash (SIGKILL); only an OS crash may lose the last
    // commits, never corrupt the file.
    sqlite.pragma("synchronous = NORMAL");
    // Each report's commit touches ~100 pages (events, incidents, their indexes and child rows);
    // checkpointing every 1000 pages (the default) meant an fsync every ~10 reports. Every 10000
    // pages (≤ 40 MB of WAL) rewrites the hot index pages once instead of ten times.
    sqlite.pragma("wal_autocheckpoint = 10000");
    sqlite.pragma("cache_size = -32768"); // 32 MB of page cache (the default is 2 MB)
    return new Kysely<Database>({ dialect: new SqliteDialect({ database: cachedStatements(sqlite) }) });
  }
  setPgTypeParsers();
  const pool = new pg.Pool({ connectionString: target.location, max: 8 });
  // An idle client's error (server restart) must not crash the process.
  pool.on("error", () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

export async function migrate(db: Kysely<Database>, dialect: Dialect): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error");
    const msg = error instanceof Error ? error.message : String(error);
    throw new Error(`database migration ${failed?.migrationName ?? ""} failed: ${msg}`);
  }
}
