// `hudna export`: incidents, filtered, streamed in pages to CSV (ACLED-compatible), GeoJSON or JSONL.
import type { Writable } from "node:stream";
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";
import { iterateIncidents, type ExportFilter } from "./query.js";
import { writeExport, type ExportFormat } from "./formats.js";

export { EXPORT_FORMATS, csvField, csvLine, incidentFields, incidentJson, parseJsonArray, writeExport } from "./formats.js";
export type { ExportFormat } from "./formats.js";
export { CSV_COLUMNS, acledType, toAcledRecord } from "./acled.js";
export { iterateIncidents, withSources } from "./query.js";
export type { ExportFilter, ExportIncident } from "./query.js";

export async function exportIncidents(db: Kysely<Database>, format: ExportFormat, filter: ExportFilter, out: Writable, pageSize?: number): Promise<number> {
  return writeExport(format, iterateIncidents(db, filter, pageSize), out);
}
