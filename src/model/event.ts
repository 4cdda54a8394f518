// The event model of ../shared/spec/event-model.md, as TypeScript types.
// Field names are the contract: add fields freely, never rename or drop these.

export const EVENT_TYPES = [
  "armed_clash",
  "air_strike",
  "shelling",
  "explosion",
  "chemical_attack",
  "attack_on_civilians",
  "abduction",
  "territory_change",
  "agreement",
  "meeting",
  "statement",
  "ceasefire_violation_report",
  "casualty_claim",
  "denial",
  "threat",
  "humanitarian",
  "other",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Types that count as a ceasefire violation when they happen inside a monitored zone. */
export const VIOLENT_TYPES: ReadonlySet<EventType> = new Set<EventType>([
  "armed_clash",
  "air_strike",
  "shelling",
  "explosion",
  "chemical_attack",
  "attack_on_civilians",
  "abduction",
  "territory_change",
]);

export type Stance = "asserted" | "claimed" | "denied";

export const PARTY_KINDS = [
  "state_force",
  "foreign_state_force",
  "coalition",
  "rebel_group",
  "jihadist_group",
  "kurdish_forces",
  "militia",
  "civilians",
  "government",
  "international_org",
  "unknown",
] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export interface Party {
  name: string;
  name_ar: string;
  kind: PartyKind;
  country?: string;
}

export type PlacePrecision = "point" | "town" | "district" | "governorate" | "country" | "region";

export type Bearing = "N" | "NE" | "E" | "SE" | "S" | "SW" | "W" | "NW";

export interface Relation {
  km: number | null;
  bearing: Bearing | null;
  from: string;
}

export interface Place {
  name: string;
  name_ar: string;
  admin1: string | null;
  lat: number | null;
  lon: number | null;
  precision: PlacePrecision;
  zone: string | null;
  relation?: Relation;
  /** Extensions: gazetteer id and the resolver's own confidence. */
  gid?: string;
  score?: number;
}

export type Qualifier = "exact" | "at_least" | "about" | "at_most" | "rising" | "unspecified";
export type CountGroup = "civilians" | "combatants" | "unknown";

export interface Revision {
  value: number | null;
  qualifier: Qualifier;
  text: string;
}

export interface Count {
  low: number | null;
  best: number | null;
  high: number | null;
  qualifier: Qualifier;
  group: CountGroup;
  text: string;
  revisions?: Revision[];
}

export const SOURCE_KINDS = ["state_media", "news_agency", "official", "activists", "monitor", "ngo", "outlet", "unknown"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface Source {
  name: string;
  kind: SourceKind;
  text: string;
}

export type DatePrecision = "day" | "week" | "month" | "year" | "unknown";

export interface EventDate {
  start: string | null;
  end: string | null;
  precision: DatePrecision;
  text: string;
}

/** Offsets are UTF-16 code units (JavaScript string indices) into the original input. */
export interface Evidence {
  start: number;
  end: number;
  /** Extension: the sentence itself, so a reader never needs to re-slice the input. */
  quote?: string;
  /** Extension: the same span in `report.text` (differs from start/end for HTML input). */
  text_start?: number;
  text_end?: number;
}

export interface HudnaEvent {
  id: string;
  type: EventType;
  stance: Stance;
  disputes: string[];
  date: EventDate;
  actors: Party[];
  targets: Party[];
  locations: Place[];
  fatalities: Count | null;
  injured: Count | null;
  sources: Source[];
  evidence: Evidence[];
  confidence: number;
  details: Record<string, unknown>;
}

export interface ReportMeta {
  /** sha256 (hex) of the normalized text. */
  id: string;
  published: string | null;
  outlet: string | null;
  language: "ar" | string;
  title: string | null;
  chars: number;
  url?: string | null;
}

/** What `hudna extract` prints for one report. */
export interface ExtractResult {
  report: ReportMeta;
  events: HudnaEvent[];
  warnings: string[];
}
