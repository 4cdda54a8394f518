// Types of the incident stage: an incident is one real-world happening told by one or more
// reports; each report's own event stays stored and linked to it (a "member").
import type { Count, EventType, HudnaEvent, Party } from "../model/index.js";

/** One report's event, as the incident logic sees it. */
export interface Member {
  /** The stored event id. */
  eventId: string;
  reportId: string;
  event: HudnaEvent;
  /** The publishing outlet of the report (null when unknown). */
  outlet: string | null;
  /** Report publication day; used only to order revisions. */
  published: string | null;
  /** Arrival order (larger = later). A source's later figure supersedes its earlier one. */
  order: number;
}

export type IncidentStatus = "single_source" | "corroborated" | "contested" | "confirmed_by_party";

/** What matching needs to know about an existing incident (a row of `incidents`). */
export interface IncidentCandidate {
  id: string;
  type: string;
  date_start: string | null;
  date_end: string | null;
  lat: number | null;
  lon: number | null;
  place: string | null;
  place_ar: string | null;
  place_gid?: string | null;
  place_precision: string | null;
  admin1: string | null;
  actors: Party[];
  targets: Party[];
  /** Reports already linked: an incident never takes a second event of the same report. */
  reportIds?: string[];
  /** Stored ids of the events already linked (a denial's `disputes` may name one). */
  eventIds?: string[];
}

export type Measure = "killed" | "injured";

/** One figure of one report's event, as reconciliation sees it. */
export interface FigureInput {
  eventId: string;
  reportId: string;
  source: string;
  measure: Measure;
  count: Count;
  stance: HudnaEvent["stance"];
  order: number;
}

export interface Reconciled {
  low: number | null;
  best: number | null;
  high: number | null;
}

export interface FigureOutput extends FigureInput {
  /** Whether the figure entered the reconciled low/best/high. */
  used: boolean;
}

export interface IncidentSourceRow {
  eventId: string;
  reportId: string;
  name: string;
  kind: string;
}

/** Every aggregate field of an incident, computed from its members. */
export interface IncidentSummary {
  type: EventType;
  date_start: string | null;
  date_end: string | null;
  date_precision: string;
  lat: number | null;
  lon: number | null;
  place: string | null;
  place_ar: string | null;
  place_precision: string | null;
  place_gid: string | null;
  admin1: string | null;
  zone: string | null;
  killed: Reconciled;
  injured: Reconciled;
  status: IncidentStatus;
  report_count: number;
  source_count: number;
  event_count: number;
  actors: Party[];
  targets: Party[];
  confidence: number;
  figures: FigureOutput[];
  sources: IncidentSourceRow[];
}

/** A monitored zone's ceasefire window (YYYY-MM-DD; null = open-ended). */
export interface ZoneWindow {
  id: string;
  start: string | null;
  end: string | null;
}

export interface ViolationRecord {
  zone_id: string;
  date: string;
  party: string;
  party_kind: string;
  type: string;
}
