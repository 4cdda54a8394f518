// saveExtraction: one report and its events, merged into incidents, in ONE transaction.
// Same report id + same (or newer stored) extractor version → "duplicate", nothing written.
// Stored with an older extractor version → its events are replaced in place ("reprocessed"), the
// incidents they belonged to recomputed (deleted when left empty).
import type { Kysely } from "kysely";
import type { ExtractResult, HudnaEvent, Report } from "../model/index.js";
import { matchIncident, opensIncident, type Member, type ZoneWindow } from "../incidents/index.js";
import type { Database } from "./schema.js";
import type { Dialect } from "./dialect.js";
import { withWriteTransaction } from "./tx.js";
import { bulkInsert, padList } from "./bulk.js";
import { safeText } from "./text.js";
import { compareVersions } from "./version.js";
import { IncidentWrites, incidentIdFor } from "./incident-writer.js";
import { fetchCandidates, loadMembers, MAX_KM } from "./candidates.js";
import { eventRow, normalizeEvent } from "./normalize-event.js";

export interface SaveInput {
  report: Report & { id?: string };
  result: ExtractResult;
  /** Where the report came from (file, feed URL…). */
  source?: string;
  /** The original input (HTML page) when `report.text` was derived from it. */
  original?: string;
  /** Version of the extractor that produced `result` (else result.extractor_version, else "unknown"). */
  extractorVersion?: string;
}

export interface SaveOutcome {
  reportId: string;
  status: "new" | "duplicate" | "reprocessed";
  events: number;
  incidents: string[];
}

const MAX_TEXT = 2_000_000;
const REPORT_ID = /^[A-Za-z0-9_:.-]{1,128}$/;

export function extractorVersionOf(input: SaveInput): string {
  const r = input.result as ExtractResult & { extractor_version?: unknown; report: { extractor_version?: unknown } };
  const v = input.extractorVersion ?? r.extractor_version ?? r.report?.extractor_version;
  return typeof v === "string" && v ? v : "unknown";
}

export async function saveExtraction(db: Kysely<Database>, dialect: Dialect, zones: () => Map<string, ZoneWindow>, input: SaveInput): Promise<SaveOutcome> {
  const reportId = input.report.id ?? input.result?.report?.id;
  if (!reportId || !REPORT_ID.test(reportId)) throw new Error(`invalid report id: ${String(reportId).slice(0, 80)}`);
  if (typeof input.report.text !== "string") throw new Error(`report ${reportId} has no text`);
  if (input.report.text.length > MAX_TEXT) throw new Error(`report ${reportId} is too large (${input.report.text.length} chars)`);
  if (!Array.isArray(input.result?.events)) throw new Error(`report ${reportId}: extraction result has no events list`);
  const version = extractorVersionOf(input);
  const events = input.result.events.map((e, i) => normalizeEvent(e, i));

  // Fast path without the write lock: a report stored with this version or newer stays so
  // (reports are never deleted and versions only rise), so "duplicate" needs no transaction.
  const stored = await db.selectFrom("reports").select("extractor_version").where("id", "=", reportId).executeTakeFirst();
  if (stored && compareVersions(stored.extractor_version, version) >= 0) return { reportId, status: "duplicate", events: 0, incidents: [] };

  return withWriteTransaction(db, dialect, async (tx) => {
    const now = new Date().toISOString();
    const existing = await tx.selectFrom("reports").select(["extractor_version", "ingested_at"]).where("id", "=", reportId).executeTakeFirst();
    if (existing && compareVersions(existing.extractor_version, version) >= 0) {
      return { reportId, status: "duplicate" as const, events: 0, incidents: [] };
    }
    const meta = input.result.report ?? ({} as ExtractResult["report"]);
    const reportValues = {
      url: safeText(input.report.url ?? meta.url ?? null),
      outlet: safeText(input.report.outlet ?? meta.outlet ?? null),
      published: safeText(input.report.published ?? meta.published ?? null),
      title: safeText(input.report.title ?? meta.title ?? null),
      text: safeText(input.report.text),
      original: input.original !== undefined && input.original !== input.report.text ? safeText(input.original) : null,
      format: input.report.format ?? null,
      language: meta.language ?? "ar",
      extractor_version: version,
      source: safeText(input.source ?? null),
      warnings: JSON.stringify(input.result.warnings ?? []),
      event_count: events.length,
      updated_at: now,
    };
    // Incidents the report's old events belonged to (reprocess): recomputed without them.
    const leftBehind = new Set<string>();
    if (existing) {
      const old = await tx.selectFrom("events").select(["incident_id"]).where("report_id", "=", reportId).execute();
      for (const o of old) if (o.incident_id) leftBehind.add(o.incident_id);
      // (their incident_sources / incident_figures rows go when those incidents are rebuilt)
      await tx.deleteFrom("events").where("report_id", "=", reportId).execute();
      await tx.updateTable("reports").set(reportValues).where("id", "=", reportId).execute();
    } else {
      await tx.insertInto("reports").values({ id: reportId, ...reportValues, ingested_at: now }).execute();
    }
    const ingestedAt = existing?.ingested_at ?? now;

    // Stored ids: the extractor's id, unless another report already uses it (ids are meant to be
    // unique, but a hand-made or foreign file may repeat them).
    const wanted = events.map((e) => String(e.id || ""));
    const taken = new Set(
      wanted.filter(Boolean).length
        ? (await tx.selectFrom("events").select("id").where("id", "in", padList(wanted.filter(Boolean))).execute()).map((r) => r.id)
        : [],
    );
    const used = new Set<string>();
    const storedIds = events.map((e, i) => {
      let id = wanted[i] || `${reportId.slice(0, 16)}:e${i}`;
      if (taken.has(id) || used.has(id)) id = `${reportId.slice(0, 16)}:${id}`;
      while (used.has(id)) id = `${id}'`;
      used.add(id);
      return id;
    });
    const localIds = new Map(events.map((e, i) => [String(e.id), storedIds[i]!]));
    const disputesOf = events.map((e) => e.disputes.map((d) => localIds.get(d) ?? d));

    // Denials may dispute events of other reports: their incidents join the candidates.
    const remote = [...new Set(disputesOf.flat().filter((d) => !used.has(d)))];
    const remoteIncidents = remote.length
      ? (await tx.selectFrom("events").select("incident_id").where("id", "in", padList(remote)).execute()).map((r) => r.incident_id).filter((x): x is string => !!x)
      : [];
    const cands = await fetchCandidates(tx, events, remoteIncidents);
    const candidateById = new Map(cands.list.map((c) => [c.id, c]));

    // Match each event (claims before denials, so a denial finds the incident of its claim).
    const order = events.map((_, i) => i).sort((a, b) => Number(events[a]!.type === "denial") - Number(events[b]!.type === "denial"));
    const incidentOf = new Map<string, string | null>();
    const newMembers = new Map<string, Member[]>();
    const opened = new Set<string>();
    const joined = new Set<string>();
    for (const i of order) {
      const e = events[i]!;
      const storedId = storedIds[i]!;
      const disputed = disputesOf[i]!;
      let target: string | null = null;
      // A dispute of an event of this same report: its incident, whatever it is.
      const local = disputed.map((d) => incidentOf.get(d)).find((x): x is string => !!x);
      if (local) target = local;
      else {
        const match = matchIncident(e, cands.list, { maxKm: MAX_KM, reportId, disputedEventIds: disputed });
        if (match) target = match.candidate.id;
        else if (opensIncident(e)) {
          target = incidentIdFor(storedId);
          // A reprocessed report may find its old incident still holding that id: salt it.
          for (let salt = 1; !(existing === undefined) && (await idTaken(tx, target)); salt++) target = incidentIdFor(`${storedId}#${salt}`);
          opened.add(target);
        }
      }
      incidentOf.set(storedId, target);
      if (!target) continue;
      if (!opened.has(target)) joined.add(target);
      const c = candidateById.get(target);
      if (c) {
        // This report now holds an event of it: no second one may join (see matchIncident).
        c.reportIds = [...(c.reportIds ?? []), reportId];
        c.eventIds = [...(c.eventIds ?? []), storedId];
      }
      const m: Member = { eventId: storedId, reportId, event: e, outlet: reportValues.outlet, published: reportValues.published, order: 0 };
      newMembers.set(target, [...(newMembers.get(target) ?? []), Object.assign(m, { key: [ingestedAt, reportId, i] })]);
    }

    // Recompute every touched incident from all its members, stored and new, in arrival order.
    const touched = [...new Set([...joined, ...leftBehind])];
    const missing = touched.filter((id) => !cands.rows.has(id));
    const oldRows = new Map(cands.rows);
    if (missing.length) for (const r of await tx.selectFrom("incidents").selectAll().where("id", "in", padList(missing)).execute()) oldRows.set(r.id, r);
    const stored = new Map(cands.members);
    if (missing.length) for (const [id, ms] of await loadMembers(tx, missing)) stored.set(id, ms);

    const writes = new IncidentWrites(reportId, zones(), now, dialect);
    for (const id of [...opened, ...touched]) {
      const members: Array<Member & { key: [string, string, number] }> = [];
      for (const sm of stored.get(id) ?? []) {
        members.push({
          eventId: sm.id,
          reportId: sm.report_id,
          event: JSON.parse(sm.json) as HudnaEvent,
          outlet: sm.outlet,
          published: sm.published,
          order: 0,
          key: [sm.ingested_at, sm.report_id, sm.seq],
        });
      }
      members.push(...((newMembers.get(id) ?? []) as Array<Member & { key: [string, string, number] }>));
      members.sort((a, b) => cmpKey(a.key, b.key));
      members.forEach((m, k) => (m.order = k));
      writes.build(id, members, opened.has(id) ? undefined : oldRows.get(id));
    }
    await writes.writeIncidents(tx);
    const eventRows = events.map((e, i) => eventRow(storedIds[i]!, reportId, i, e, incidentOf.get(storedIds[i]!) ?? null));
    await bulkInsert(tx, dialect, "events", eventRows);
    await writes.writeRest(tx);
    return {
      reportId,
      status: existing ? ("reprocessed" as const) : ("new" as const),
      events: events.length,
      incidents: [...new Set([...opened, ...touched])].sort(),
    };
  });
}

function cmpKey(a: [string, string, number], b: [string, string, number]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] - b[2];
}

async function idTaken(tx: Kysely<Database>, id: string): Promise<boolean> {
  return (await tx.selectFrom("incidents").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
}
