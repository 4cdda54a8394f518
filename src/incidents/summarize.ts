// All aggregate fields of one incident, recomputed from its members every time one joins or
// leaves (a reprocessed report): type, when, where, parties, figures, sources, status.
import type { Count, EventType, HudnaEvent, Place } from "../model/index.js";
import { mergeParties } from "./parties.js";
import { reconcileAll } from "./reconcile.js";
import { accountSources, independentSourceCount, statusOf } from "./status.js";
import type { FigureInput, IncidentSourceRow, IncidentSummary, Member } from "./types.js";

const PLACE_RANK: Record<string, number> = { point: 0, town: 1, district: 2, governorate: 3, region: 4, country: 5 };
const DATE_RANK: Record<string, number> = { day: 0, week: 1, month: 2, year: 3, unknown: 4 };

function placeRank(p: Place | undefined): number {
  if (!p) return 99;
  return (PLACE_RANK[p.precision] ?? 6) + (p.lat == null || p.lon == null ? 10 : 0);
}

function mostCommonType(members: Member[]): EventType {
  const counts = new Map<EventType, number>();
  for (const m of members) counts.set(m.event.type, (counts.get(m.event.type) ?? 0) + 1);
  let best: EventType = members[0]!.event.type;
  for (const [t, n] of counts) if (n > (counts.get(best) ?? 0)) best = t;
  return best;
}

/** The first named source of a member: whom its figures are attributed to. */
export function figureSource(m: Member): string {
  return accountSources(m)[0]!.name;
}

function figuresOf(m: Member): FigureInput[] {
  const out: FigureInput[] = [];
  const add = (measure: "killed" | "injured", count: Count | null) => {
    if (count) out.push({ eventId: m.eventId, reportId: m.reportId, source: figureSource(m), measure, count, stance: m.event.stance, order: m.order });
  };
  add("killed", m.event.fatalities);
  add("injured", m.event.injured);
  return out;
}

export function summarizeIncident(members: Member[]): IncidentSummary {
  if (!members.length) throw new Error("an incident needs at least one event");
  // A denial never defines the incident; it only disputes it.
  const acts = members.filter((m) => m.event.type !== "denial");
  const core = acts.length ? acts : members;
  const type = mostCommonType(core);

  // Where: the most precise located place any account gives (first account wins ties).
  let place: Place | undefined;
  for (const m of core) {
    const p = [...m.event.locations].sort((a, b) => placeRank(a) - placeRank(b))[0];
    if (p && placeRank(p) < placeRank(place)) place = p;
  }
  const zone = place?.zone ?? core.flatMap((m) => m.event.locations).find((p) => p.zone)?.zone ?? null;

  // When: among the accounts with the finest date precision, the date most of them give (ties:
  // the earliest). Not their union: a union would widen with every "yesterday" counted from a
  // later day, and a widening incident would chain-merge a week of separate strikes.
  const dated = core.filter((m) => m.event.date.start);
  const finest = Math.min(...dated.map((m) => DATE_RANK[m.event.date.precision] ?? 4), 99);
  const precise = dated.filter((m) => (DATE_RANK[m.event.date.precision] ?? 4) === finest);
  const votes = new Map<string, { start: string; end: string; n: number }>();
  for (const m of precise) {
    const start = m.event.date.start!;
    const end = m.event.date.end ?? start;
    const k = `${start}/${end}`;
    const v = votes.get(k) ?? { start, end, n: 0 };
    v.n++;
    votes.set(k, v);
  }
  const when = [...votes.values()].sort((a, b) => b.n - a.n || (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))[0];

  const { killed, injured, figures } = reconcileAll(members.flatMap(figuresOf));

  const sources: IncidentSourceRow[] = [];
  const seen = new Set<string>();
  for (const m of members) for (const s of accountSources(m)) {
    const k = `${m.eventId}\u0000${s.name}`;
    if (seen.has(k)) continue;
    seen.add(k);
    sources.push({ eventId: m.eventId, reportId: m.reportId, name: s.name, kind: s.kind });
  }

  return {
    type,
    date_start: when?.start ?? null,
    date_end: when?.end ?? null,
    date_precision: precise[0]?.event.date.precision ?? "unknown",
    lat: place?.lat ?? null,
    lon: place?.lon ?? null,
    place: place?.name ?? null,
    place_ar: place?.name_ar ?? null,
    place_precision: place?.precision ?? null,
    place_gid: place?.gid ?? null,
    admin1: place?.admin1 ?? null,
    zone,
    killed,
    injured,
    status: statusOf(members),
    report_count: new Set(members.map((m) => m.reportId)).size,
    source_count: independentSourceCount(members),
    event_count: members.length,
    actors: mergeParties(core.map((m) => m.event.actors)),
    targets: mergeParties(core.map((m) => m.event.targets)),
    confidence: Math.max(...members.map((m) => (Number.isFinite(m.event.confidence) ? m.event.confidence : 0))),
    figures,
    sources,
  };
}

/** The event as a candidate's reference: whether it can open an incident of its own. */
export function opensIncident(e: HudnaEvent): boolean {
  return e.type !== "denial";
}
