// Incidents an incoming report's events could join, fetched for the whole report in one query:
// for each event, incidents whose dates overlap its own (±2 days; spans longer than a week never
// merge, so the start is bounded on both sides) in the grid cells its 5 km box touches (or, for a
// governorate-level place, the same governorate), or carrying the same place name — each an
// index range on (cell | place, date_start).
// The predicate is `(cell IN cells OR place IN names) AND date_start BETWEEN earliest AND latest
// AND date_end >= endFrom`, answered by the writer's in-memory index (incident-cache.ts), which
// reads those index ranges month by month and keeps them.
import type { Kysely } from "kysely";
import type { HudnaEvent } from "../model/index.js";
import { addDays, isFine, mayMatch, type IncidentCandidate } from "../incidents/index.js";
import { cellsAround } from "./cell.js";
import type { Database, IncidentRow } from "./schema.js";
import type { IncidentCache } from "./incident-cache.js";

type Tx = Kysely<Database>;

export const MAX_KM = 5;

export interface Candidates {
  list: IncidentCandidate[];
  rows: Map<string, IncidentRow>;
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

/**
 * Candidates for all of a report's events, from the writer's incident cache (same predicate as
 * the SQL it replaced, answered from memory once a slot is loaded). `extraIds`: incidents of events
 * the report's denials dispute.
 */
export async function fetchCandidates(tx: Tx, cache: IncidentCache, events: HudnaEvent[], extraIds: string[]): Promise<Candidates> {
  const rows = new Map<string, IncidentRow>();
  for (const t of mergeTerms(events.map(termOf).filter((t): t is Term => t !== null))) {
    for (const r of await cache.candidates(tx, t)) rows.set(r.id, r);
  }
  const extra = [...new Set(extraIds)].filter((id) => !rows.has(id));
  if (extra.length) for (const [id, r] of await cache.rows(tx, extra)) rows.set(id, r);
  // The search window is a superset: as the store fills, most rows it returns can match none of
  // the report's events (other type family, dates too far apart, fine vs governorate place).
  // Those are left out of the list matching scans; disputed incidents (extraIds) always stay, a
  // denial matches them by its dispute link whatever their fields. `rows` keeps them all.
  const keep = new Set(extraIds);
  // reportIds / eventIds start empty: a new report has no stored event yet, and a reprocessed
  // one lost its old events before matching; the caller adds the disputed events it knows of.
  const list = [...rows.values()].filter((row) => keep.has(row.id) || events.some((e) => mayMatch(e, row))).map((row) => cache.candidateOf(row));
  return { list, rows };
}
