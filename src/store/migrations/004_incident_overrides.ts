// Analyst corrections that survive recomputation: `incidents.overrides` holds JSON
// {"status": "...", "killed_best": 12, …} written by the correction path (../overrides.ts) and
// applied after every reconciliation of that incident. Null = nothing corrected by hand.
import type { Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("incidents").addColumn("overrides", "text").execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable("incidents").dropColumn("overrides").execute();
}
