// Events as the store keeps them: malformed parts of hand-made input dropped or defaulted
// (normalizeEvent), and the flat row of the events table (eventRow).
import { EVENT_TYPES, PARTY_KINDS, type Count, type HudnaEvent, type Party, type PartyKind, type Place, type Source } from "../model/index.js";

function num(n: number | null | undefined): number | null {
  return typeof n === "number" && Number.isFinite(n) ? n : null;
}

export function eventRow(id: string, reportId: string, seq: number, e: HudnaEvent, incidentId: string | null) {
  const p = e.locations[0];
  return {
    id,
    report_id: reportId,
    incident_id: incidentId,
    seq,
    type: e.type,
    stance: e.stance,
    date_start: e.date?.start ?? null,
    date_end: e.date?.end ?? null,
    date_precision: e.date?.precision ?? "unknown",
    lat: num(p?.lat),
    lon: num(p?.lon),
    admin1: p?.admin1 ?? null,
    place_name: p?.name ?? null,
    place_name_ar: p?.name_ar ?? null,
    place_precision: p?.precision ?? null,
    zone: e.locations.find((l) => l.zone)?.zone ?? null,
    killed_low: num(e.fatalities?.low),
    killed_best: num(e.fatalities?.best),
    killed_high: num(e.fatalities?.high),
    injured_low: num(e.injured?.low),
    injured_best: num(e.injured?.best),
    injured_high: num(e.injured?.high),
    confidence: num(e.confidence) ?? 0,
    json: JSON.stringify(e),
  };
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const str = (x: unknown): string | null => (typeof x === "string" ? x : null);
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

function party(p: unknown): Party | null {
  if (!isObj(p)) return null;
  const name = str(p.name) || str(p.name_ar);
  if (!name) return null;
  const kind = (PARTY_KINDS as readonly string[]).includes(p.kind as string) ? (p.kind as PartyKind) : "unknown";
  return { ...(p as unknown as Party), name, name_ar: str(p.name_ar) ?? "", kind };
}

function countOf(c: unknown): Count | null {
  if (!isObj(c)) return null;
  const n = (x: unknown) => (typeof x === "number" && Number.isFinite(x) ? x : null);
  return { ...(c as unknown as Count), low: n(c.low), best: n(c.best), high: n(c.high), qualifier: (str(c.qualifier) ?? "unspecified") as Count["qualifier"], group: (str(c.group) ?? "unknown") as Count["group"], text: str(c.text) ?? "" };
}

/**
 * Fill what a hand-made or older-shape event may lack, and drop malformed parts (a party without
 * a name, a source that is not an object), so the incident logic and the NOT NULL columns can
 * trust it. Well-formed extractor output passes through unchanged.
 */
export function normalizeEvent(e: HudnaEvent, i: number): HudnaEvent {
  if (!isObj(e)) throw new Error(`event ${i} is not an object`);
  const date = isObj(e.date) ? e.date : null;
  return {
    ...e,
    type: (EVENT_TYPES as readonly string[]).includes(e.type) ? e.type : "other",
    stance: e.stance === "claimed" || e.stance === "denied" ? e.stance : "asserted",
    disputes: list(e.disputes).filter((d): d is string => typeof d === "string"),
    date: {
      start: str(date?.start) ?? null,
      end: str(date?.end) ?? null,
      precision: (str(date?.precision) ?? "unknown") as HudnaEvent["date"]["precision"],
      text: str(date?.text) ?? "",
    },
    actors: list(e.actors).map(party).filter((p): p is Party => p !== null),
    targets: list(e.targets).map(party).filter((p): p is Party => p !== null),
    locations: list(e.locations).filter(isObj) as unknown as Place[],
    sources: list(e.sources).filter((s) => isObj(s) && typeof s.name === "string") as unknown as Source[],
    evidence: list(e.evidence) as HudnaEvent["evidence"],
    fatalities: countOf(e.fatalities),
    injured: countOf(e.injured),
    confidence: typeof e.confidence === "number" && Number.isFinite(e.confidence) ? e.confidence : 0,
    details: isObj(e.details) ? e.details : {},
  };
}

