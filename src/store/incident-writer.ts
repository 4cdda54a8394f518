// Inside a report's transaction: find the incident each new event belongs to (candidates by date
// window + bounding box / same place name / same governorate, then the pure `matchIncident`), and
// rewrite an incident's aggregate rows from its members after every change, recording each changed
// figure/status in incident_revisions.
import { createHash } from "node:crypto";
import type { Insertable, Kysely } from "kysely";
import type { HudnaEvent, Party } from "../model/index.js";
import {
  addDays,
  bboxDegrees,
  isFine,
  matchIncident,
  opensIncident,
  summarizeIncident,
  violationsOf,
  type IncidentCandidate,
  type IncidentSummary,
  type Member,
  type ZoneWindow,
} from "../incidents/index.js";
import type { Database, IncidentRow } from "./schema.js";
import { safeText } from "./text.js";

type Tx = Kysely<Database>;

const MAX_KM = 5;
const CANDIDATE_LIMIT = 200;

export function incidentIdFor(storedEventId: string): string {
  return `inc_${createHash("sha256").update(storedEventId).digest("hex").slice(0, 16)}`;
}

function parseParties(json: string): Party[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? (v as Party[]) : [];
  } catch {
    return [];
  }
}

function toCandidate(row: IncidentRow, members: Array<{ id: string; report_id: string }>): IncidentCandidate {
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
    reportIds: [...new Set(members.map((m) => m.report_id))],
    eventIds: members.map((m) => m.id),
  };
}

/** Incidents that could hold `event`: overlapping dates (±2 days) and near / same-named / same governorate. */
async function candidatesFor(tx: Tx, event: HudnaEvent, extraIds: string[]): Promise<IncidentCandidate[]> {
  const rows: IncidentRow[] = [];
  if (event.date.start) {
    const from = addDays(event.date.start, -2);
    const to = addDays(event.date.end ?? event.date.start, 2);
    // Matching never merges spans longer than a week, so the start is bounded on both sides:
    // an index range, not a scan of everything before `to`.
    const earliest = addDays(event.date.start, -10);
    const names = event.locations.map((p) => p.name).filter((n) => n);
    // Same-governorate candidates only matter for a governorate-level (coarse) place.
    const admins = event.locations.filter((p) => !isFine(p.precision)).map((p) => p.admin1).filter((a): a is string => !!a);
    const boxes = event.locations
      .filter((p) => p.lat != null && p.lon != null)
      .map((p) => ({ lat: p.lat!, lon: p.lon!, ...bboxDegrees(p.lat!, MAX_KM) }));
    if (names.length || admins.length || boxes.length) {
      const found = await tx
        .selectFrom("incidents")
        .selectAll()
        .where("date_start", "<=", to)
        .where("date_start", ">=", earliest)
        .where("date_end", ">=", from)
        .where((eb) =>
          eb.or([
            ...boxes.map((b) =>
              eb.and([
                eb("lat", ">=", b.lat - b.dLat),
                eb("lat", "<=", b.lat + b.dLat),
                eb("lon", ">=", b.lon - b.dLon),
                eb("lon", "<=", b.lon + b.dLon),
              ]),
            ),
            ...(names.length ? [eb("place", "in", names)] : []),
            ...(admins.length ? [eb("admin1", "in", admins)] : []),
          ]),
        )
        .orderBy("date_start")
        .limit(CANDIDATE_LIMIT)
        .execute();
      rows.push(...found);
    }
  }
  const have = new Set(rows.map((r) => r.id));
  const extra = extraIds.filter((id) => !have.has(id));
  if (extra.length) rows.push(...(await tx.selectFrom("incidents").selectAll().where("id", "in", extra).execute()));
  if (!rows.length) return [];
  const members = await tx
    .selectFrom("events")
    .select(["id", "report_id", "incident_id"])
    .where(
      "incident_id",
      "in",
      rows.map((r) => r.id),
    )
    .execute();
  const byIncident = new Map<string, Array<{ id: string; report_id: string }>>();
  for (const m of members) {
    const list = byIncident.get(m.incident_id!) ?? [];
    list.push(m);
    byIncident.set(m.incident_id!, list);
  }
  return rows.map((r) => toCandidate(r, byIncident.get(r.id) ?? []));
}

/** What this report's transaction already decided, not yet written (event rows are batched). */
export interface LocalState {
  /** stored event id → its incident (null: joined none) */
  incidentOf: Map<string, string | null>;
  /** incident id → stored ids of this report's events in it */
  eventsOf: Map<string, string[]>;
  /** true when the report was not stored before (no old incident can hold a derived id) */
  newReport: boolean;
}

/**
 * The incident the stored event joins: an existing one (`existing: true`), a new one to create, or
 * null (a denial whose claim we do not hold). `disputedStoredIds`: stored ids of the events it disputes.
 */
export async function findIncidentFor(
  tx: Tx,
  storedId: string,
  reportId: string,
  event: HudnaEvent,
  disputedStoredIds: string[],
  local: LocalState,
): Promise<{ id: string; existing: boolean } | null> {
  const extraIds: string[] = [];
  const remote: string[] = [];
  for (const d of disputedStoredIds) {
    const here = local.incidentOf.get(d);
    if (here) extraIds.push(here);
    else if (here === undefined) remote.push(d);
  }
  if (remote.length) {
    const rows = await tx.selectFrom("events").select("incident_id").where("id", "in", remote).execute();
    for (const r of rows) if (r.incident_id) extraIds.push(r.incident_id);
  }
  const candidates = await candidatesFor(tx, event, extraIds);
  for (const c of candidates) {
    const mine = local.eventsOf.get(c.id);
    if (mine) {
      c.reportIds = [...(c.reportIds ?? []), reportId];
      c.eventIds = [...(c.eventIds ?? []), ...mine];
    }
  }
  const match = matchIncident(event, candidates, { maxKm: MAX_KM, reportId, disputedEventIds: disputedStoredIds });
  if (match) return { id: match.candidate.id, existing: true };
  if (!opensIncident(event)) return null;
  // The id derives from the event that opens it; a reprocessed report may find its old incident
  // still holding that id (other reports' events, or not yet cleaned up): then salt it.
  let id = incidentIdFor(storedId);
  if (!local.newReport) {
    for (let salt = 1; await tx.selectFrom("incidents").select("id").where("id", "=", id).executeTakeFirst(); salt++) {
      id = incidentIdFor(`${storedId}#${salt}`);
    }
  }
  return { id, existing: false };
}

async function loadMembers(tx: Tx, incidentId: string): Promise<Member[]> {
  const rows = await tx
    .selectFrom("events")
    .innerJoin("reports", "reports.id", "events.report_id")
    .select(["events.id as id", "events.report_id as report_id", "events.json as json", "reports.outlet as outlet", "reports.published as published"])
    .where("events.incident_id", "=", incidentId)
    .orderBy("reports.ingested_at")
    .orderBy("reports.id")
    .orderBy("events.seq")
    .execute();
  return rows.map((r, i) => ({
    eventId: r.id,
    reportId: r.report_id,
    event: JSON.parse(r.json) as HudnaEvent,
    outlet: r.outlet,
    published: r.published,
    order: i,
  }));
}

// The fields whose every change is kept in incident_revisions.
const TRACKED = [
  "type",
  "date_start",
  "zone",
  "killed_low",
  "killed_best",
  "killed_high",
  "injured_low",
  "injured_best",
  "injured_high",
  "status",
  "is_violation",
] as const;
type Tracked = (typeof TRACKED)[number];

function asText(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

type Insert<T extends keyof Database> = Insertable<Database[T]>;

interface Children {
  parties: Insert<"incident_parties">[];
  sources: Insert<"incident_sources">[];
  figures: Insert<"incident_figures">[];
  violations: Insert<"violations">[];
}

/**
 * Child rows of the incidents a report touches, written in one statement per table when the
 * report's work is done (a round trip per statement is what costs on PostgreSQL). Keyed by
 * incident: a later rewrite of the same incident in the same report replaces its rows.
 */
export class ChildRows {
  private readonly byIncident = new Map<string, Children>();
  private readonly revisions: Insert<"incident_revisions">[] = [];

  set(incidentId: string, rows: Children): void {
    this.byIncident.set(incidentId, rows);
  }

  drop(incidentId: string): void {
    this.byIncident.delete(incidentId);
  }

  addRevisions(rows: Insert<"incident_revisions">[]): void {
    this.revisions.push(...rows);
  }

  async flush(tx: Tx): Promise<void> {
    const all = [...this.byIncident.values()];
    // Bounded statements: SQLite allows 32766 parameters per statement.
    const insert = async <T extends "incident_parties" | "incident_sources" | "incident_figures" | "violations" | "incident_revisions">(table: T, rows: Insert<T>[]) => {
      for (let i = 0; i < rows.length; i += 500) await tx.insertInto(table).values(rows.slice(i, i + 500) as never).execute();
    };
    await insert("incident_revisions", this.revisions);
    await insert("incident_parties", all.flatMap((c) => c.parties));
    await insert("incident_sources", all.flatMap((c) => c.sources));
    await insert("incident_figures", all.flatMap((c) => c.figures));
    await insert("violations", all.flatMap((c) => c.violations));
    this.byIncident.clear();
    this.revisions.length = 0;
  }
}

/** Recompute and rewrite an incident from its stored members; delete it when none is left. */
export async function refreshIncident(tx: Tx, incidentId: string, reportId: string | null, zones: Map<string, ZoneWindow>, now: string, batch: ChildRows): Promise<void> {
  const old = await tx.selectFrom("incidents").selectAll().where("id", "=", incidentId).executeTakeFirst();
  const members = await loadMembers(tx, incidentId);
  await writeIncident(tx, incidentId, members, old, reportId, zones, now, batch);
}

/**
 * Write an incident's row and child rows (parties, sources, figures, violations) from `members`,
 * logging every tracked field that changed against `old` (undefined = a new incident).
 */
export async function writeIncident(
  tx: Tx,
  incidentId: string,
  members: Member[],
  old: IncidentRow | undefined,
  reportId: string | null,
  zones: Map<string, ZoneWindow>,
  now: string,
  batch: ChildRows,
): Promise<void> {
  if (!members.length) {
    batch.drop(incidentId);
    if (old) {
      await tx.deleteFrom("incidents").where("id", "=", incidentId).execute();
      await tx.insertInto("incident_revisions").values({ incident_id: incidentId, at: now, field: "deleted", old_value: old.status, new_value: null, report_id: reportId }).execute();
    }
    return;
  }
  const s: IncidentSummary = summarizeIncident(members);
  const violations = violationsOf(s, s.zone ? zones.get(s.zone) : undefined);
  const row = {
    type: s.type,
    date_start: s.date_start,
    date_end: s.date_end,
    date_precision: s.date_precision,
    lat: s.lat,
    lon: s.lon,
    place: s.place,
    place_ar: s.place_ar,
    place_precision: s.place_precision,
    place_gid: s.place_gid,
    admin1: s.admin1,
    zone: s.zone,
    killed_low: s.killed.low,
    killed_best: s.killed.best,
    killed_high: s.killed.high,
    injured_low: s.injured.low,
    injured_best: s.injured.best,
    injured_high: s.injured.high,
    status: s.status,
    report_count: s.report_count,
    source_count: s.source_count,
    event_count: s.event_count,
    actors: JSON.stringify(s.actors),
    targets: JSON.stringify(s.targets),
    is_violation: violations.length ? 1 : 0,
    confidence: s.confidence,
    updated_at: now,
  };
  if (old) await tx.updateTable("incidents").set(row).where("id", "=", incidentId).execute();
  else await tx.insertInto("incidents").values({ ...row, id: incidentId, created_at: now }).execute();

  const revisions = TRACKED.flatMap((f: Tracked) => {
    const before = old ? asText(old[f]) : null;
    const after = asText(row[f]);
    return before === after ? [] : [{ incident_id: incidentId, at: now, field: f, old_value: before, new_value: after, report_id: reportId }];
  });
  batch.addRevisions(revisions);

  if (old) {
    // Child rows are rebuilt from the members: simpler and safer than diffing them.
    await tx.deleteFrom("incident_parties").where("incident_id", "=", incidentId).execute();
    await tx.deleteFrom("incident_sources").where("incident_id", "=", incidentId).execute();
    await tx.deleteFrom("incident_figures").where("incident_id", "=", incidentId).execute();
    await tx.deleteFrom("violations").where("incident_id", "=", incidentId).execute();
  }
  const parties = [
    ...s.actors.map((p) => ({ side: "actor", p })),
    ...s.targets.map((p) => ({ side: "target", p })),
  ].map(({ side, p }) => ({ incident_id: incidentId, side, name: p.name, name_ar: p.name_ar ?? null, kind: p.kind }));
  const uniqueParties = [...new Map(parties.map((p) => [`${p.side}\u0000${p.name}`, p])).values()];

  const sources = s.sources.map((x) => ({ incident_id: incidentId, report_id: x.reportId, event_id: x.eventId, name: x.name, kind: x.kind }));

  const figures = s.figures.map((f) => ({
    incident_id: incidentId,
    event_id: f.eventId,
    report_id: f.reportId,
    source: f.source,
    measure: f.measure,
    low: f.count.low,
    best: f.count.best,
    high: f.count.high,
    qualifier: f.count.qualifier,
    count_group: f.count.group ?? "unknown",
    text: safeText(f.count.text ?? ""),
    used: f.used ? 1 : 0,
  }));
  batch.set(incidentId, {
    parties: uniqueParties,
    sources,
    figures,
    violations: violations.map((v) => ({ ...v, incident_id: incidentId })),
  });
}
