// Multi-row INSERT (optionally an upsert) written directly as SQL text and run through Kysely's
// executeQuery. Kysely's builder turns every value into an operation node, which for the few
// hundred rows a report writes cost more than the database did. Table and column names are our
// own constants (checked below); every value is a bound parameter.
import { CompiledQuery, type Kysely } from "kysely";
import type { Database } from "./schema.js";
import type { Dialect } from "./dialect.js";

const IDENT = /^[a-z_][a-z0-9_]*$/;
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

export async function bulkInsert(
  db: Kysely<Database>,
  dialect: Dialect,
  table: keyof Database,
  rows: ReadonlyArray<Record<string, unknown>>,
  opts: BulkOptions = {},
): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]!);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const head = `insert into ${ident(table)} (${columns.map(ident).join(", ")}) values `;
  const tail =
    opts.upsertKey && opts.update?.length
      ? ` on conflict (${ident(opts.upsertKey)}) do update set ${opts.update.map((c) => `${ident(c)} = excluded.${ident(c)}`).join(", ")}`
      : "";
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const params: unknown[] = [];
    const tuples: string[] = [];
    for (const row of chunk) {
      const marks: string[] = [];
      for (const c of columns) {
        const v = row[c];
        params.push(v === undefined ? null : v);
        marks.push(dialect === "postgres" ? `$${params.length}` : "?");
      }
      tuples.push(`(${marks.join(", ")})`);
    }
    await db.executeQuery(CompiledQuery.raw(head + tuples.join(", ") + tail, params));
  }
}
