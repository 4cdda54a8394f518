// Incidents an incoming report's events could join, fetched for the whole report in one query:
// for each event, incidents whose dates overlap its own (±2 days; spans longer than a week never
// merge, so the start is bounded on both sides) in the grid cells its 5 km box touches (or, for a
// governorate-level place, the same governorate), or carrying the same place name — each an
// index range on (cell | place, date_start).
// With them, their member events (one more query), so matching and recomputation need no
// further reads.
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from "kysely";
import type { HudnaEvent, Party } from "../model/index.js";
import { addDays, isFine, type IncidentCandidate } from "../incidents/index.js";
import { cellsAround } from "./cell.js";
import { padList } from "./bulk.js";
import type { Database, IncidentRow } from "./schema.js";

type Tx = Kysely<Database>;

export const MAX_KM = 5;
const CANDIDATE_LIMIT = 2000;

/** A stored event of an incident, with what ordering and recomputation need. */
export interface StoredMember {
  id: string;
  report_id: string;
  incident_id: string;
  seq: number;
  json: string;
  outlet: string | null;
  published: string | null;
  ingested_at: string;
}

export interface Candidates {
  list: IncidentCandidate[];
  rows: Map<string, IncidentRow>;
  members: Map<string, StoredMember[]>;
}

function parseParties(json: string): Party[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? (v as Party[]) : [];
  } catch {
    return [];
  }
}

interface Term {
  earliest: string;
  latest: string;
  endFrom: string;
  cells: string[];
  names: string[];
}

/** The search window of one event, or null when it cannot match anything (no date or no place). */
function termOf(e: HudnaEvent): Term | null {
  if (!e.date.start) return null;
  const names = [...new Set(e.locations.map((p) => p.name).filter((n) => n))].sort();
  const cells = new Set<string>();
  for (const p of e.locations) {
    if (isFine(p.precision)) {
      if (p.lat != null && p.lon != null && Number.isFinite(p.lat) && Number.isFinite(p.lon)) for (const c of cellsAround(p.lat, p.lon, MAX_KM)) cells.add(c);
    } else if (p.admin1) cells.add(`a:${p.admin1}`);
  }
  if (!names.length && !cells.size) return null;
  return {
    // An incident spans one account's dates, at most a week (longer never merges).
    earliest: addDays(e.date.start, -8),
    latest: addDays(e.date.end ?? e.date.start, 2),
    endFrom: addDays(e.date.start, -2),
    cells: [...cells].sort(),
    names,
  };
}

// Two index ranges per term: (cell, date_start) and (place, date_start).
function termSql(eb: ExpressionBuilder<Database, "incidents">, t: Term): Expression<SqlBool> {
  const where: Expression<SqlBool>[] = [];
  if (t.cells.length) where.push(eb("cell", "in", padList(t.cells)));
  if (t.names.length) where.push(eb("place", "in", padList(t.names)));
  return eb.and([eb.or(where), eb("date_start", ">=", t.earliest), eb("date_start", "<=", t.latest), eb("date_end", ">=", t.endFrom)]);
}

/**
 * One term per group of overlapping date windows (merged while the group spans at most MERGE_DAYS),
 * with the union of its events' cells and names: a bounded superset of the candidates
 * (matchIncident decides). Each group is one query of a fixed shape — `(cell IN … OR place IN …)`
 * with lists padded to powers of two (padList) — so the statement text, SQLite's
 * prepared-statement cache key, repeats from report to report; one OR branch per event made nearly
 * every report's query a new text to prepare.
 */
const MERGE_DAYS = 20;
function mergeTerms(terms: Term[]): Term[] {
  const sorted = [...terms].sort((a, b) => (a.earliest < b.earliest ? -1 : a.earliest > b.earliest ? 1 : 0));
  const out: Array<{ t: Term; cells: Set<string>; names: Set<string> }> = [];
  for (const t of sorted) {
    const cur = out[out.length - 1];
    if (cur && t.earliest <= cur.t.latest && t.latest <= addDays(cur.t.earliest, MERGE_DAYS)) {
      if (t.latest > cur.t.latest) cur.t.latest = t.latest;
      if (t.endFrom < cur.t.endFrom) cur.t.endFrom = t.endFrom;
      for (const c of t.cells) cur.cells.add(c);
      for (const n of t.names) cur.names.add(n);
    } else out.push({ t: { ...t }, cells: new Set(t.cells), names: new Set(t.names) });
  }
  return out.map(({ t, cells, names }) => ({ ...t, cells: [...cells].sort(), names: [...names].sort() }));
}

export async function loadMembers(tx: Tx, incidentIds: string[]): Promise<Map<string, StoredMember[]>> {
  const out = new Map<string, StoredMember[]>();
  for (let i = 0; i < incidentIds.length; i += 500) {
    const rows = await tx
      .selectFrom("events")
      .innerJoin("reports", "reports.id", "events.report_id")
      .select([
        "events.id as id",
        "events.report_id as report_id",
        "events.incident_id as incident_id",
        "events.seq as seq",
        "events.json as json",
        "reports.outlet as outlet",
        "reports.published as published",
        "reports.ingested_at as ingested_at",
      ])
      .where("events.incident_id", "in", padList(incidentIds.slice(i, i + 500)))
      .execute();
    for (const r of rows) {
      const list = out.get(r.incident_id!) ?? [];
      list.push(r as StoredMember);
      out.set(r.incident_id!, list);
    }
  }
  return out;
}

export async function fetchCandidates(tx: Tx, events: HudnaEvent[], extraIds: string[]): Promise<Candidates> {
  const rows = new Map<string, IncidentRow>();
  const terms = mergeTerms(events.map(termOf).filter((t): t is Term => t !== null));
  for (const t of terms) {
    if (rows.size >= CANDIDATE_LIMIT) break;
    const found = await tx
      .selectFrom("incidents")
      .selectAll()
      .where((eb) => termSql(eb, t))
      .limit(CANDIDATE_LIMIT)
      .execute();
    for (const r of found) rows.set(r.id, r);
  }
  const extra = [...new Set(extraIds)].filter((id) => !rows.has(id));
  if (extra.length) for (const r of await tx.selectFrom("incidents").selectAll().where("id", "in", padList(extra)).execute()) rows.set(r.id, r);
  const members = rows.size ? await loadMembers(tx, [...rows.keys()]) : new Map<string, StoredMember[]>();
  const list = [...rows.values()].map((row): IncidentCandidate => {
    const ms = members.get(row.id) ?? [];
    return {
      id: row.id,
      type: row.type,
      date_start: row.date_start,
      date_end: row.date_end,
      lat: row.lat,
      lon: row.lon,
      place: row.place,
      place_ar: row.place_ar,
      place_gid: row.place_gid,
      place_precision: row.place_precision,
      admin1: row.admin1,
      actors: parseParties(row.actors),
      targets: parseParties(row.targets),
      reportIds: [...new Set(ms.map((m) => m.report_id))],
      eventIds: ms.map((m) => m.id),
    };
  });
  return { list, rows, members };
}
