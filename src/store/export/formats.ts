// Writers for `hudna export`: CSV (RFC 4180: CRLF, fields with , " CR LF quoted, quotes doubled;
// cells a spreadsheet would run as a formula get a leading '), GeoJSON (one FeatureCollection,
// written feature by feature), JSON Lines. Each writes as it reads and waits on backpressure.
import { once } from "node:events";
import type { Writable } from "node:stream";
import { CSV_COLUMNS, toAcledRecord } from "./acled.js";
import type { ExportIncident } from "./query.js";
import type { Party } from "../../model/index.js";
import type { IncidentRow } from "../schema.js";

export const EXPORT_FORMATS = ["geojson", "csv", "jsonl"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function csvField(v: unknown): string {
  if (v === null || v === undefined) return "";
  let s = String(v);
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: unknown[]): string {
  return values.map(csvField).join(",") + "\r\n";
}

/** A JSON array column as an array; anything else (null, broken JSON) as []. */
export function parseJsonArray<T>(s: string | null): T[] {
  if (!s) return [];
  try {
    const v = JSON.parse(s) as unknown;
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}

/** An incident row's own fields as JSON: the API's list items and the exports share this shape. */
export function incidentFields(r: IncidentRow) {
  return {
    id: r.id,
    type: r.type,
    date_start: r.date_start,
    date_end: r.date_end,
    date_precision: r.date_precision,
    place: { name: r.place, name_ar: r.place_ar, admin1: r.admin1, lat: r.lat, lon: r.lon, precision: r.place_precision },
    zone: r.zone,
    killed: { low: r.killed_low, best: r.killed_best, high: r.killed_high },
    injured: { low: r.injured_low, best: r.injured_best, high: r.injured_high },
    status: r.status,
    report_count: r.report_count,
    source_count: r.source_count,
    actors: parseJsonArray<Party>(r.actors),
    targets: parseJsonArray<Party>(r.targets),
    // PostgreSQL and SQLite may hand the flag back as 1 or true
    is_violation: Boolean(r.is_violation),
    confidence: r.confidence,
    updated_at: r.updated_at,
  };
}

/** The full incident as one JSON object (JSONL lines and GeoJSON properties). */
export function incidentJson(x: ExportIncident): Record<string, unknown> {
  return { ...incidentFields(x.row), sources: x.sources, report_ids: x.reportIds };
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, "drain");
}

/** Writes every incident in `format`; returns how many were written. */
export async function writeExport(format: ExportFormat, rows: AsyncIterable<ExportIncident>, out: Writable): Promise<number> {
  let n = 0;
  if (format === "csv") await write(out, csvLine([...CSV_COLUMNS]));
  if (format === "geojson") await write(out, '{"type":"FeatureCollection","features":[');
  for await (const x of rows) {
    if (format === "csv") {
      const rec = toAcledRecord(x);
      await write(out, csvLine(CSV_COLUMNS.map((c) => rec[c])));
    } else if (format === "jsonl") {
      await write(out, JSON.stringify(incidentJson(x)) + "\n");
    } else {
      const r = x.row;
      const geometry = r.lat !== null && r.lon !== null ? { type: "Point", coordinates: [r.lon, r.lat] } : null;
      await write(out, (n ? ",\n" : "\n") + JSON.stringify({ type: "Feature", id: r.id, geometry, properties: incidentJson(x) }));
    }
    n++;
  }
  if (format === "geojson") await write(out, "\n]}\n");
  return n;
}
