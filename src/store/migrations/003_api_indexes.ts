// Indexes the API's read queries asked for (src/server/queries/):
// - violations(zone_id, date, party, incident_id): a zone's violation series (grouped by date and
//   party, count of distinct incidents) reads this index alone, never the table;
// - incidents(killed_best, id): the `sort=killed` / `-killed` pages walk it in order and stop at
//   the limit instead of sorting every incident;
// - incidents(zone, date_start, id): a zone's incidents of a month, ordered by (date_start, id),
//   come out of one index range already in page order (zone_date alone needs a temp B-tree for id).
// The indexes they supersede (and violations_date, which nothing reads) are dropped: each index
// costs every ingest page writes.
import type { Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.createIndex("violations_zone_date_party").on("violations").columns(["zone_id", "date", "party", "incident_id"]).execute();
  // Its prefix (zone_id, date) makes the old index redundant: one less index to write per ingest.
  await db.schema.dropIndex("violations_zone_date").ifExists().execute();
  // No query reads violations by date without a zone (src/server/queries/): an index every ingest
  // paid for and nothing used.
  await db.schema.dropIndex("violations_date").ifExists().execute();
  await db.schema.createIndex("incidents_killed").on("incidents").columns(["killed_best", "id"]).execute();
  await db.schema.createIndex("incidents_zone_date_id").on("incidents").columns(["zone", "date_start", "id"]).execute();
  await db.schema.dropIndex("incidents_zone_date").ifExists().execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.createIndex("incidents_zone_date").on("incidents").columns(["zone", "date_start"]).execute();
  await db.schema.dropIndex("incidents_zone_date_id").ifExists().execute();
  await db.schema.dropIndex("incidents_killed").ifExists().execute();
  await db.schema.createIndex("violations_date").on("violations").columns(["date"]).execute();
  await db.schema.createIndex("violations_zone_date").on("violations").columns(["zone_id", "date"]).execute();
  await db.schema.dropIndex("violations_zone_date_party").ifExists().execute();
}
