// Our incidents in ACLED's vocabulary, so an export opens in tools built for ACLED data.
// event_type / sub_event_type follow ACLED's codebook; geo_precision 1 = the exact town or site,
// 2 = near it / a district, 3 = only the governorate or wider; time_precision 1 = day, 2 = week,
// 3 = month or vaguer.
import type { Party } from "../../model/index.js";
import type { ExportIncident } from "./query.js";
import { parseParties } from "../parties-json.js";

export function acledType(type: string, actors: Party[]): { event_type: string; sub_event_type: string } {
  switch (type) {
    case "armed_clash":
      return { event_type: "Battles", sub_event_type: "Armed clash" };
    case "territory_change":
      return {
        event_type: "Battles",
        sub_event_type: actors.some((a) => a.kind === "state_force" || a.kind === "government")
          ? "Government regains territory"
          : "Non-state actor overtakes territory",
      };
    case "air_strike":
      return { event_type: "Explosions/Remote violence", sub_event_type: "Air/drone strike" };
    case "shelling":
      return { event_type: "Explosions/Remote violence", sub_event_type: "Shelling/artillery/missile attack" };
    case "explosion":
      return { event_type: "Explosions/Remote violence", sub_event_type: "Remote explosive/landmine/IED" };
    case "chemical_attack":
      return { event_type: "Explosions/Remote violence", sub_event_type: "Chemical weapon" };
    case "attack_on_civilians":
      return { event_type: "Violence against civilians", sub_event_type: "Attack" };
    case "abduction":
      return { event_type: "Violence against civilians", sub_event_type: "Abduction/forced disappearance" };
    case "agreement":
      return { event_type: "Strategic developments", sub_event_type: "Agreement" };
    default:
      return { event_type: "Strategic developments", sub_event_type: "Other" };
  }
}

export function geoPrecision(precision: string | null): number | null {
  if (precision === "point" || precision === "town") return 1;
  if (precision === "district") return 2;
  if (precision) return 3;
  return null;
}

export function timePrecision(precision: string): number {
  return precision === "day" ? 1 : precision === "week" ? 2 : 3;
}

const SCALE: Record<string, string> = {
  state_media: "National",
  official: "National",
  outlet: "National",
  news_agency: "International",
  monitor: "Other",
  ngo: "Other",
  activists: "New media",
};

export function sourceScale(kinds: string[]): string {
  const scales = [...new Set(kinds.map((k) => SCALE[k]).filter((s): s is string => !!s))];
  return scales.join("-");
}

export const CSV_COLUMNS = [
  "event_date",
  "event_type",
  "sub_event_type",
  "actor1",
  "actor2",
  "admin1",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "time_precision",
  "source",
  "source_scale",
  "notes",
  "fatalities",
  "low",
  "best",
  "high",
  "injured_low",
  "injured_best",
  "injured_high",
  "status",
  "zone",
  "is_violation",
  "report_ids",
  "incident_id",
  "hudna_type",
] as const;

export type CsvRecord = Record<(typeof CSV_COLUMNS)[number], string | number | null>;

export function toAcledRecord(x: ExportIncident): CsvRecord {
  const r = x.row;
  const actors = parseParties(r.actors);
  const targets = parseParties(r.targets);
  const { event_type, sub_event_type } = acledType(r.type, actors);
  const killed = r.killed_low === null && r.killed_high === null ? "no figure" : `killed ${r.killed_low ?? "?"}–${r.killed_high ?? "?"} (best ${r.killed_best ?? "?"})`;
  return {
    event_date: r.date_start,
    event_type,
    sub_event_type,
    actor1: actors.map((a) => a.name).join("; "),
    actor2: targets.map((a) => a.name).join("; "),
    admin1: r.admin1,
    location: r.place,
    latitude: r.lat,
    longitude: r.lon,
    geo_precision: geoPrecision(r.place_precision),
    time_precision: timePrecision(r.date_precision),
    source: x.sources.map((s) => s.name).join("; "),
    source_scale: sourceScale(x.sources.map((s) => s.kind)),
    notes: `${r.type.replace(/_/g, " ")}${r.place ? ` in ${r.place}` : ""}${r.place_ar ? ` (${r.place_ar})` : ""}; ${r.report_count} report(s), ${r.source_count} source(s); ${killed}; status ${r.status}.`,
    // ACLED writes 0 when no figure is known.
    fatalities: r.killed_best ?? r.killed_low ?? 0,
    low: r.killed_low,
    best: r.killed_best,
    high: r.killed_high,
    injured_low: r.injured_low,
    injured_best: r.injured_best,
    injured_high: r.injured_high,
    status: r.status,
    zone: r.zone,
    is_violation: r.is_violation,
    report_ids: x.reportIds.join(";"),
    incident_id: r.id,
    hudna_type: r.type,
  };
}
