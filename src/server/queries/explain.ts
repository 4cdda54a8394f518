// EXPLAIN QUERY PLAN for a Kysely query on SQLite: the plan lines, so the bench can print them
// and tests can check that the API's queries search indexes instead of scanning tables.
import { CompiledQuery, type Compilable } from "kysely";
import type { Db } from "../store-handle.js";

export async function explainSqlite(db: Db, query: Compilable): Promise<string[]> {
  const c = query.compile();
  const r = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${c.sql}`, [...c.parameters]));
  return r.rows.map((x) => x.detail);
}
