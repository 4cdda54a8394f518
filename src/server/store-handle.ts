// What the server needs from a store: the Kysely handle and which engine is behind it. The store's
// own `Store` object satisfies this structurally, so tests and tools can also pass a bare Kysely.
import type { Kysely } from "kysely";
import type { Database } from "../store/schema.js";
import type { Dialect } from "../store/dialect.js";

export interface DbHandle {
  db: Kysely<Database>;
  dialect: Dialect;
}

export type Db = Kysely<Database>;
