// Multi-row INSERT (optionally an upsert) written directly as SQL text and run through Kysely's
// executeQuery. Kysely's builder turns every value into an operation node, which for the few
// hundred rows a report writes cost more than the database did. Table and column names are our
// own constants (checked below); every value is a bound parameter.
import { CompiledQuery, type Kysely } from "kysely";
import type { Database } from "./schema.js";
import type { Dialect } from "./dialect.js";

const IDENT = /^[a-z_][a-z0-9_]*$/;
// On SQLite a statement's text is its prepared-statement cache key (connect.ts): a multi-row
// INSERT of n rows is a new text for every n, and preparing a 15-row × 24-column INSERT costs more
// than running it. So SQLite rows go in power-of-two chunks (n = 13 → 8 + 4 + 1): a handful of
// texts per table, each prepared once per connection. PostgreSQL parses every statement anyway
// and pays per round trip, so it keeps one statement per chunk of MAX_PARAMS.
const SQLITE_MAX_CHUNK = 64;

/** Chunk sizes for n rows: powers of two, largest first (SQLite), or plain chunks (PostgreSQL). */
export function chunkSizes(n: number, perStatement: number, dialect: Dialect): number[] {
  const out: number[] = [];
  if (dialect === "postgres") {
    for (let left = n; left > 0; left -= perStatement) out.push(Math.min(left, perStatement));
    return out;
  }
  let cap = 1;
  while (cap * 2 <= Math.min(SQLITE_MAX_CHUNK, perStatement)) cap *= 2;
  let left = n;
  while (left > 0) {
    let size = cap;
    while (size > left) size /= 2;
    out.push(size);
    left -= size;
  }
  return out;
}

/**
 * An `IN (…)` list padded to a power-of-two length by repeating its last value (same meaning),
 * so the statement text — the prepared-statement cache key — takes few distinct forms.
 */
export function padList<T>(list: readonly T[]): T[] {
  if (list.length < 2) return [...list];
  let size = 1;
  while (size < list.length) size *= 2;
  const out = [...list];
  while (out.length < size) out.push(list[list.length - 1]!);
  return out;
}

// SQLite binds at most 32766 parameters per statement, PostgreSQL 65535.
const MAX_PARAMS = 30_000;

function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`bad identifier: ${name}`);
  return `"${name}"`;
}

export interface BulkOptions {
  /** ON CONFLICT (key) DO UPDATE SET each of `update` = excluded value. */
  upsertKey?: string;
  update?: readonly string[];
}

/** The text and parameters of one multi-row INSERT of `rows` (parameters numbered after `offset` on PostgreSQL). */
export function insertSql(
  dialect: Dialect,
  table: keyof Database,
  rows: ReadonlyArray<Record<string, unknown>>,
  opts: BulkOptions = {},
  offset = 0,
): { text: string; params: unknown[] } {
  const columns = Object.keys(rows[0]!);
  const head = `insert into ${ident(table)} (${columns.map(ident).join(", ")}) values `;
  const tail =
    opts.upsertKey && opts.update?.length
      ? ` on conflict (${ident(opts.upsertKey)}) do update set ${opts.update.map((c) => `${ident(c)} = excluded.${ident(c)}`).join(", ")}`
      : "";
  const params: unknown[] = [];
  const tuples: string[] = [];
  for (const row of rows) {
    const marks: string[] = [];
    for (const c of columns) {
      const v = row[c];
      params.push(v === undefined ? null : v);
      marks.push(dialect === "postgres" ? `$${offset + params.length}` : "?");
    }
    tuples.push(`(${marks.join(", ")})`);
  }
  return { text: head + tuples.join(", ") + tail, params };
}

/** Parameters one statement may bind (both engines). */
export const STATEMENT_PARAMS = MAX_PARAMS;

export async function bulkInsert(
  db: Kysely<Database>,
  dialect: Dialect,
  table: keyof Database,
  rows: ReadonlyArray<Record<string, unknown>>,
  opts: BulkOptions = {},
): Promise<void> {
  if (!rows.length) return;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(rows[0]!).length));
  let start = 0;
  for (const size of chunkSizes(rows.length, perStatement, dialect)) {
    const { text, params } = insertSql(dialect, table, rows.slice(start, start + size), opts);
    start += size;
    await db.executeQuery(CompiledQuery.raw(text, params));
  }
}
