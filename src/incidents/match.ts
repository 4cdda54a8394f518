// Does a new report's event describe an incident we already hold? Rules (all must hold):
// - compatible type: the same type, or two types reports confuse for one happening
//   (air strike / shelling / explosion are all "remote violence"; a clash and a change of
//   territory are the same fighting);
// - same place: the same gazetteer id or named place (town precision or finer), or points within
//   `maxKm` (default 5 km); two governorate-level places only match on the same day with a
//   shared actor name (otherwise every vague report of a province would collapse into one);
// - dates overlap allowing ±1 day (reports say "yesterday" from different days), and neither
//   spans more than a week (a "this month" report is too vague to merge);
// - compatible parties (see parties.ts);
// - the incident holds no event of the same report yet (the extractor already split them).
// Among the matches the best scored one wins: nearer, closer in time, more shared names.
import { VIOLENT_TYPES, type EventType, type HudnaEvent, type Place } from "../model/index.js";
import { dayNumber, distanceKm } from "./geo.js";
import { normName, partiesCompatible, sharedNames } from "./parties.js";
import type { IncidentCandidate } from "./types.js";

export interface MatchOptions {
  maxKm?: number;
  /** Report of the event (to refuse a second event of the same report). */
  reportId?: string;
  /** Stored ids of the events this report's denial disputes (resolved by the caller). */
  disputedEventIds?: string[];
}

const FAMILY: Partial<Record<EventType, string>> = {
  air_strike: "remote",
  shelling: "remote",
  explosion: "remote",
  chemical_attack: "remote",
  armed_clash: "ground",
  territory_change: "ground",
};

export function typesCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  const fa = FAMILY[a as EventType];
  return fa !== undefined && fa === FAMILY[b as EventType];
}

const FINE = new Set(["point", "town", "district"]);

export function isFine(precision: string | null | undefined): boolean {
  return precision != null && FINE.has(precision);
}

type PlaceMatch = { kind: "fine"; km: number } | { kind: "coarse" } | null;

function placeMatch(p: Place, c: IncidentCandidate, maxKm: number): PlaceMatch {
  const pf = isFine(p.precision);
  const cf = isFine(c.place_precision);
  if (pf && cf) {
    if (p.gid && c.place_gid && p.gid === c.place_gid) return { kind: "fine", km: 0 };
    if (p.lat != null && p.lon != null && c.lat != null && c.lon != null) {
      const km = distanceKm(p.lat, p.lon, c.lat, c.lon);
      if (km <= maxKm) return { kind: "fine", km };
    }
    const same =
      (normName(p.name) !== "" && normName(p.name) === normName(c.place)) ||
      (normName(p.name_ar) !== "" && normName(p.name_ar) === normName(c.place_ar));
    // Same name but far apart = two places sharing a name (there are several "Tal…"): no match.
    const farApart = p.lat != null && p.lon != null && c.lat != null && c.lon != null;
    if (same && !farApart) return { kind: "fine", km: maxKm };
    return null;
  }
  if (!pf && !cf) {
    const sameArea =
      (p.admin1 != null && p.admin1 === c.admin1) ||
      (normName(p.name) !== "" && normName(p.name) === normName(c.place));
    return sameArea ? { kind: "coarse" } : null;
  }
  return null;
}

function span(start: string | null, end: string | null): [number, number] | null {
  if (!start) return null;
  const s = dayNumber(start);
  const e = dayNumber(end ?? start);
  if (Number.isNaN(s) || Number.isNaN(e)) return null;
  return [Math.min(s, e), Math.max(s, e)];
}

/** Gap in days between two date ranges (0 when they overlap); null when a date is unknown or too vague. */
export function dateGap(aStart: string | null, aEnd: string | null, bStart: string | null, bEnd: string | null): number | null {
  const a = span(aStart, aEnd);
  const b = span(bStart, bEnd);
  if (!a || !b) return null;
  if (a[1] - a[0] > 7 || b[1] - b[0] > 7) return null;
  if (a[1] < b[0]) return b[0] - a[1];
  if (b[1] < a[0]) return a[0] - b[1];
  return 0;
}

export interface MatchResult {
  candidate: IncidentCandidate;
  score: number;
}

/**
 * The incident this event belongs to, or null. A denial matches the incident holding an event it
 * disputes; failing that, any violent incident at the same place and time whose actors include the
 * denying party (or name none).
 */
export function matchIncident(event: HudnaEvent, candidates: IncidentCandidate[], opts: MatchOptions = {}): MatchResult | null {
  const maxKm = opts.maxKm ?? 5;
  const disputed = new Set(opts.disputedEventIds ?? []);
  let best: MatchResult | null = null;
  for (const c of candidates) {
    if (opts.reportId && c.reportIds?.includes(opts.reportId) && !(event.type === "denial" && c.eventIds?.some((id) => disputed.has(id)))) continue;
    let score: number | null;
    if (event.type === "denial" && disputed.size && c.eventIds?.some((id) => disputed.has(id))) score = 100;
    else score = scoreCandidate(event, c, maxKm);
    // Ties go to the smaller id, so the result never depends on the order candidates come in.
    if (score !== null && (!best || score > best.score || (score === best.score && c.id < best.candidate.id))) best = { candidate: c, score };
  }
  return best;
}

/**
 * False when `event` can never match an incident of this type, dates and place precision through
 * scoring (a dispute link aside): the first checks of scoreCandidate, on fields a stored row
 * holds unparsed. Lets the store drop most candidates before building their full view.
 */
export function mayMatch(event: HudnaEvent, c: Pick<IncidentCandidate, "type" | "date_start" | "date_end" | "place_precision">): boolean {
  if (event.type === "denial" ? !VIOLENT_TYPES.has(c.type as EventType) : !typesCompatible(event.type, c.type)) return false;
  const gap = dateGap(event.date.start, event.date.end, c.date_start, c.date_end);
  if (gap === null || gap > 1) return false;
  // placeMatch pairs fine with fine and coarse with coarse only.
  const fine = isFine(c.place_precision);
  return event.locations.some((p) => isFine(p.precision) === fine);
}

function scoreCandidate(event: HudnaEvent, c: IncidentCandidate, maxKm: number): number | null {
  const isDenial = event.type === "denial";
  if (isDenial) {
    // Without an explicit `disputes` link a denial only attaches to an act of violence.
    if (!VIOLENT_TYPES.has(c.type as EventType)) return null;
  } else if (!typesCompatible(event.type, c.type)) return null;

  const gap = dateGap(event.date.start, event.date.end, c.date_start, c.date_end);
  if (gap === null || gap > 1) return null;

  let place: PlaceMatch = null;
  for (const p of event.locations) {
    const m = placeMatch(p, c, maxKm);
    if (m && (!place || (m.kind === "fine" && (place.kind !== "fine" || m.km < place.km)))) place = m;
  }
  if (!place) return null;

  // A denial's "actors" are the denying party: it disputes acts attributed to that party.
  if (isDenial) {
    if (!partiesCompatible(event.actors, c.actors)) return null;
  } else {
    const symmetric = event.type === "armed_clash";
    const mine = symmetric ? [...event.actors, ...event.targets] : event.actors;
    const theirs = symmetric ? [...c.actors, ...c.targets] : c.actors;
    if (!partiesCompatible(mine, theirs)) return null;
  }
  const shared = sharedNames([...event.actors, ...event.targets], [...c.actors, ...c.targets]);
  if (place.kind === "coarse" && (gap !== 0 || shared === 0)) return null;

  let score = 10;
  score += place.kind === "fine" ? 5 * (1 - place.km / Math.max(maxKm, 0.001)) : 0;
  score += gap === 0 ? 2 : 0;
  score += Math.min(shared, 3);
  score += event.type === c.type ? 1 : 0;
  return score;
}
