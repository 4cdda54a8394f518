// Multi-row INSERT (optionally an upsert) written directly as SQL text and run through Kysely's
// executeQuery. Kysely's builder turns every value into an operation node, which for the few
// hundred rows a report writes cost more than the database did. Table and column names are our
// own constants (checked below); every value is a bound parameter.
import { CompiledQuery, type Kysely } from "kysely";
import type { Database } from "./schema.js";
import type { Dialect } from "./dialect.js";
import { pgArrayType } from "./pg-columns.js";

const IDENT = /^[a-z_][a-z0-9_]*$/;
// On SQLite a statement's text is its prepared-statement cache key (connect.ts): a multi-row
// INSERT of n rows is a new text for every n, and preparing a 15-row × 24-column INSERT costs more
// than running it. So SQLite rows go in power-of-two chunks (n = 13 → 8 + 4 + 1): a handful of
// texts per table, each prepared once per connection. PostgreSQL gets one statement for all the
// rows, one array parameter per column (insertSql).
const SQLITE_MAX_CHUNK = 64;

/** Chunk sizes for n rows on SQLite: powers of two, largest first. */
export function chunkSizes(n: number, perStatement: number): number[] {
  const out: number[] = [];
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

// SQLite binds at most 32766 parameters per statement (PostgreSQL binds one array per column).
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

const ESCAPES = /["\\]/g;

/**
 * One column of `rows` as a PostgreSQL array literal, `{"a","b\\"c",NULL}`: what the pg driver
 * would make of a JS array, built in one join instead of its element-by-element concatenation
 * (for a dense batch's thousands of rows that was a tenth of the client's time).
 */
function arrayLiteral(rows: ReadonlyArray<Record<string, unknown>>, column: string): string {
  const parts = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const v = rows[i]![column];
    if (v === null || v === undefined) {
      parts[i] = "NULL";
      continue;
    }
    // As the driver turns a single value into text: objects as JSON, the rest as String().
    const text = typeof v === "string" ? v : typeof v === "object" ? JSON.stringify(v) : String(v);
    parts[i] = text.indexOf('"') < 0 && text.indexOf("\\") < 0 ? `"${text}"` : `"${text.replace(ESCAPES, "\\$&")}"`;
  }
  return `{${parts.join(",")}}`;
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
  const head = `insert into ${ident(table)} (${columns.map(ident).join(", ")}) `;
  const tail =
    opts.upsertKey && opts.update?.length
      ? ` on conflict (${ident(opts.upsertKey)}) do update set ${opts.update.map((c) => `${ident(c)} = excluded.${ident(c)}`).join(", ")}`
      : "";
  if (dialect === "postgres") {
    // One array per column: the statement binds as many parameters as the table has columns,
    // whatever the number of rows, so its text is the same for every batch and the server parses
    // a short statement instead of a VALUES list of thousands of parameters.
    const params = columns.map((c) => arrayLiteral(rows, c));
    const arrays = columns.map((c, k) => `$${offset + k + 1}::${pgArrayType(table, c)}`);
    return { text: `${head}select * from unnest(${arrays.join(", ")})${tail}`, params };
  }
  const params: unknown[] = [];
  const tuples: string[] = [];
  for (const row of rows) {
    const marks: string[] = [];
    for (const c of columns) {
      const v = row[c];
      params.push(v === undefined ? null : v);
      marks.push("?");
    }
    tuples.push(`(${marks.join(", ")})`);
  }
  return { text: `${head}values ${tuples.join(", ")}${tail}`, params };
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
  if (dialect === "postgres") {
    const { text, params } = insertSql(dialect, table, rows, opts);
    await db.executeQuery(CompiledQuery.raw(text, params));
    return;
  }
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(rows[0]!).length));
  let start = 0;
  for (const size of chunkSizes(rows.length, perStatement)) {
    const { text, params } = insertSql(dialect, table, rows.slice(start, start + size), opts);
    start += size;
    await db.executeQuery(CompiledQuery.raw(text, params));
  }
}
