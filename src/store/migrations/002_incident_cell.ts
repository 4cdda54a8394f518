// Candidate search by index: a `cell` key on incidents (see ../cell.ts) and (cell, date_start) /
// (place, date_start) indexes, so finding the incidents a new event may join reads a few index
// ranges however large the table grows. Existing rows get their cell computed here.
import type { Kysely } from "kysely";
import { cellOf } from "../cell.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("incidents").addColumn("cell", "text").execute();
  const rows = (await db.selectFrom("incidents").select(["id", "lat", "lon", "place_precision", "admin1"]).execute()) as Array<{
    id: string;
    lat: number | null;
    lon: number | null;
    place_precision: string | null;
    admin1: string | null;
  }>;
  for (const r of rows) {
    const cell = cellOf(r.lat, r.lon, r.place_precision, r.admin1);
    if (cell) await db.updateTable("incidents").set({ cell }).where("id", "=", r.id).execute();
  }
  await db.schema.createIndex("incidents_cell_date").on("incidents").columns(["cell", "date_start"]).execute();
  await db.schema.createIndex("incidents_place_date").on("incidents").columns(["place", "date_start"]).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("incidents_place_date").ifExists().execute();
  await db.schema.dropIndex("incidents_cell_date").ifExists().execute();
  await db.schema.alterTable("incidents").dropColumn("cell").execute();
}
