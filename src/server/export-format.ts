// Incident rows → export text chunks (GeoJSON, CSV, JSON Lines), as an async stream of strings.
// CSV: RFC 4180 quoting, and cells that a spreadsheet would run as a formula are prefixed with '.
import type { IncidentRow } from "../store/schema.js";
import { toItem, type IncidentItem } from "./queries/incidents.js";

export const EXPORT_FORMATS = ["geojson", "csv", "jsonl"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CSV_COLUMNS = [
  "id", "type", "date_start", "date_end", "place", "place_ar", "admin1", "lat", "lon", "precision", "zone",
  "killed_low", "killed_best", "killed_high", "injured_low", "injured_best", "injured_high",
  "status", "report_count", "source_count", "actors", "targets", "is_violation",
] as const;

export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s) && typeof v === "string") s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvRow(i: IncidentItem): string {
  const names = (ps: { name: string }[]) => ps.map((p) => p.name).join("; ");
  const cells = [
    i.id, i.type, i.date_start, i.date_end, i.place.name, i.place.name_ar, i.place.admin1, i.place.lat, i.place.lon,
    i.place.precision, i.zone, i.killed.low, i.killed.best, i.killed.high, i.injured.low, i.injured.best, i.injured.high,
    i.status, i.report_count, i.source_count, names(i.actors), names(i.targets), i.is_violation ? 1 : 0,
  ];
  return cells.map(csvCell).join(",") + "\r\n";
}

function feature(i: IncidentItem): object {
  const { place, ...rest } = i;
  const geometry = place.lat !== null && place.lon !== null ? { type: "Point", coordinates: [place.lon, place.lat] } : null;
  return { type: "Feature", id: i.id, geometry, properties: { ...rest, place } };
}

export async function* exportChunks(format: ExportFormat, rows: AsyncIterable<IncidentRow>): AsyncGenerator<string> {
  // Batch small strings: one write per ~100 rows keeps the stream cheap.
  let buf = "";
  let n = 0;
  if (format === "csv") buf = CSV_COLUMNS.join(",") + "\r\n";
  if (format === "geojson") buf = '{"type":"FeatureCollection","features":[';
  for await (const r of rows) {
    const item = toItem(r);
    if (format === "csv") buf += csvRow(item);
    else if (format === "jsonl") buf += JSON.stringify(item) + "\n";
    else buf += (n ? ",\n" : "\n") + JSON.stringify(feature(item));
    n++;
    if (n % 100 === 0) {
      yield buf;
      buf = "";
    }
  }
  if (format === "geojson") buf += "\n]}\n";
  if (buf) yield buf;
}
