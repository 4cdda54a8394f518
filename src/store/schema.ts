// The Kysely `Database` interface: every table and column of Hudna's store, identical on SQLite and
// PostgreSQL. Conventions chosen so one query works on both engines unchanged:
// - dates are TEXT "YYYY-MM-DD" and timestamps TEXT ISO-8601 (UTC, "…Z"): they sort as strings;
// - booleans are INTEGER 0/1 (SQLite has no boolean; pg would return true/false otherwise);
// - JSON is TEXT holding JSON (parse it in code; no engine-specific JSON operators);
// - numeric ids of log-like tables are auto-increment integers; everything else has a TEXT id;
// - pg's int8/COUNT come back as strings unless cast: openStore installs an int8 parser, so
//   `count(*)` arrives as a number on both engines.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** Auto-increment integer primary key. */
type Serial = Generated<number>;

export interface ReportsTable {
  /** sha256 (hex) of the normalized text. */
  id: string;
  url: string | null;
  outlet: string | null;
  /** YYYY-MM-DD */
  published: string | null;
  title: string | null;
  /** The article text as read (after HTML/furniture removal). */
  text: string;
  /** The original input (HTML page) when it differs from `text`; null otherwise. */
  original: string | null;
  /** "text" | "html" */
  format: string | null;
  language: string | null;
  /** Version of the extractor that produced the stored events (see reprocess). */
  extractor_version: string;
  /** Where the report came from: file path, feed URL, "jsonl:FILE", … */
  source: string | null;
  /** JSON string[]: the extractor's warnings. */
  warnings: string;
  event_count: number;
  ingested_at: string;
  updated_at: string;
}

export interface EventsTable {
  /** The event id from extraction (stable per text + options). */
  id: string;
  report_id: string;
  /** Null when the event joined no incident (e.g. a denial whose claim is unknown). */
  incident_id: string | null;
  /** Position of the event in its report's list. */
  seq: number;
  type: string;
  /** asserted | claimed | denied */
  stance: string;
  date_start: string | null;
  date_end: string | null;
  date_precision: string;
  /** Coordinates and names of the first (most specific) location. */
  lat: number | null;
  lon: number | null;
  admin1: string | null;
  place_name: string | null;
  place_name_ar: string | null;
  place_precision: string | null;
  zone: string | null;
  killed_low: number | null;
  killed_best: number | null;
  killed_high: number | null;
  injured_low: number | null;
  injured_best: number | null;
  injured_high: number | null;
  confidence: number;
  /** JSON of the whole HudnaEvent, exactly as extracted. */
  json: string;
}

export interface IncidentsTable {
  /** "inc_" + 16 hex: derived from the first event that opened it (deterministic on rerun). */
  id: string;
  type: string;
  date_start: string | null;
  date_end: string | null;
  /** day | week | month | year | unknown — the finest precision among its events. */
  date_precision: string;
  lat: number | null;
  lon: number | null;
  /** English and Arabic name of the place, its precision (point/town/…), gazetteer id. */
  place: string | null;
  place_ar: string | null;
  place_precision: string | null;
  place_gid: string | null;
  admin1: string | null;
  zone: string | null;
  /** Candidate-search key (src/store/cell.ts): "g:<lat*10>:<lon*10>" or "a:<admin1>"; migration 002. */
  cell: string | null;
  killed_low: number | null;
  killed_best: number | null;
  killed_high: number | null;
  injured_low: number | null;
  injured_best: number | null;
  injured_high: number | null;
  /** single_source | corroborated | contested | confirmed_by_party */
  status: string;
  report_count: number;
  /** Independent sources (distinct attributed source names, or outlets when unattributed). */
  source_count: number;
  event_count: number;
  /** JSON Party[] (deduplicated by name). */
  actors: string;
  targets: string;
  /** 0 | 1: counted as a ceasefire violation of `zone`. */
  is_violation: number;
  /** Highest event confidence. */
  confidence: number;
  created_at: string;
  updated_at: string;
  /**
   * JSON of an analyst's corrections ({"status": …, "killed_best": …}), applied after every
   * reconciliation so a later report cannot undo them (../overrides.ts); null = none. Migration 004.
   */
  overrides: string | null;
}

export interface IncidentPartiesTable {
  incident_id: string;
  /** actor | target */
  side: string;
  name: string;
  name_ar: string | null;
  kind: string;
}

export interface IncidentSourcesTable {
  incident_id: string;
  report_id: string;
  event_id: string;
  /** Source name as attributed in the text (or the outlet when the report cites nobody). */
  name: string;
  /** SourceKind: state_media, news_agency, official, activists, monitor, ngo, outlet, unknown */
  kind: string;
}

export interface IncidentFiguresTable {
  id: Serial;
  incident_id: string;
  event_id: string;
  report_id: string;
  /** The source the figure is attributed to (or the outlet). */
  source: string;
  /** killed | injured */
  measure: string;
  low: number | null;
  best: number | null;
  high: number | null;
  qualifier: string;
  /** civilians | combatants | unknown */
  count_group: string;
  text: string;
  /** 1 when this figure entered the reconciled low/best/high (latest of its source, not denied). */
  used: number;
}

export interface IncidentRevisionsTable {
  id: Serial;
  incident_id: string;
  at: string;
  /**
   * The changed column (killed_low, killed_best, …, status, is_violation, zone, type, date_start);
   * "created" (new_value = JSON of those fields' first values); "deleted" (its last report left).
   */
  field: string;
  /** Values as text (null when absent). */
  old_value: string | null;
  new_value: string | null;
  /** The report whose ingest caused the change (null for maintenance). */
  report_id: string | null;
}

export interface ZonesTable {
  id: string;
  name: string;
  name_ar: string | null;
  /** JSON string[] */
  guarantors: string;
  /** Ceasefire period, YYYY-MM-DD; null = open. */
  start_date: string | null;
  end_date: string | null;
  /** JSON GeoJSON geometry. */
  geometry: string;
}

export interface ViolationsTable {
  id: Serial;
  zone_id: string;
  /** YYYY-MM-DD: the incident's start date. */
  date: string;
  incident_id: string;
  /** Acting party name ("unknown" when the reports name none). */
  party: string;
  party_kind: string;
  /** The incident's event type. */
  type: string;
}

export interface QuarantineTable {
  id: Serial;
  source: string;
  reason: string;
  /** First bytes of the offending input (bounded). */
  sample: string | null;
  bytes: number | null;
  /** First time refused. */
  created_at: string;
  /** sha256(source, reason): one row per bad input and reason (migration 005). */
  key: string | null;
  /** How many times it was refused, and the latest time. */
  count: Generated<number>;
  last_seen: string | null;
}

export interface FeedsTable {
  url: string;
  etag: string | null;
  last_modified: string | null;
  last_polled: string | null;
  failures: number;
  next_poll: string | null;
  last_error: string | null;
}

export interface ApiTokensTable {
  id: string;
  /** sha256 (hex) of the token; the token itself is never stored. */
  token_hash: string;
  /** e.g. read | write | admin */
  role: string;
  label: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface AuditLogTable {
  id: Serial;
  at: string;
  token_id: string | null;
  action: string;
  target: string | null;
  /** JSON object */
  detail: string | null;
}

export interface Database {
  reports: ReportsTable;
  events: EventsTable;
  incidents: IncidentsTable;
  incident_parties: IncidentPartiesTable;
  incident_sources: IncidentSourcesTable;
  incident_figures: IncidentFiguresTable;
  incident_revisions: IncidentRevisionsTable;
  zones: ZonesTable;
  violations: ViolationsTable;
  quarantine: QuarantineTable;
  feeds: FeedsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
}

export type ReportRow = Selectable<ReportsTable>;
export type EventRow = Selectable<EventsTable>;
export type IncidentRow = Selectable<IncidentsTable>;
export type NewIncident = Insertable<IncidentsTable>;
export type IncidentUpdate = Updateable<IncidentsTable>;
export type IncidentFigureRow = Selectable<IncidentFiguresTable>;
export type IncidentRevisionRow = Selectable<IncidentRevisionsTable>;
export type ViolationRow = Selectable<ViolationsTable>;
export type ZoneRow = Selectable<ZonesTable>;
export type QuarantineRow = Selectable<QuarantineTable>;
export type FeedRow = Selectable<FeedsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
// Re-exported so callers need not import kysely's helper types themselves.
export type { ColumnType };
