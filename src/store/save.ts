// saveExtraction: one report and its events, merged into incidents, in ONE transaction.
// Same report id + same (or newer stored) extractor version → "duplicate", nothing written.
// Stored with an older extractor version → its events are replaced in place ("reprocessed"), the
// incidents they belonged to recomputed (deleted when left empty).
import type { Kysely } from "kysely";
import { EVENT_TYPES, PARTY_KINDS, type Count, type ExtractResult, type HudnaEvent, type Party, type PartyKind, type Place, type Report, type Source } from "../model/index.js";
import type { ZoneWindow } from "../incidents/index.js";
import type { Database } from "./schema.js";
import type { Dialect } from "./dialect.js";
import { withWriteTransaction } from "./tx.js";
import { safeText } from "./text.js";
import { compareVersions } from "./version.js";
import { ChildRows, findIncidentFor, refreshIncident, writeIncident, type LocalState } from "./incident-writer.js";

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

function num(n: number | null | undefined): number | null {
  return typeof n === "number" && Number.isFinite(n) ? n : null;
}

function eventRow(id: string, reportId: string, seq: number, e: HudnaEvent, incidentId: string | null) {
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
function normalizeEvent(e: HudnaEvent, i: number): HudnaEvent {
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
    const existing = await tx.selectFrom("reports").select(["extractor_version"]).where("id", "=", reportId).executeTakeFirst();
    if (existing && compareVersions(existing.extractor_version, version) >= 0) {
      return { reportId, status: "duplicate" as const, events: 0, incidents: [] };
    }
    const touched = new Set<string>();
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
    if (existing) {
      const old = await tx.selectFrom("events").select(["incident_id"]).where("report_id", "=", reportId).execute();
      for (const o of old) if (o.incident_id) touched.add(o.incident_id);
      await tx.deleteFrom("incident_sources").where("report_id", "=", reportId).execute();
      await tx.deleteFrom("incident_figures").where("report_id", "=", reportId).execute();
      await tx.deleteFrom("events").where("report_id", "=", reportId).execute();
      await tx.updateTable("reports").set(reportValues).where("id", "=", reportId).execute();
    } else {
      await tx.insertInto("reports").values({ id: reportId, ...reportValues, ingested_at: now }).execute();
    }

    // Stored ids: the extractor's id, unless another report already uses it (ids are meant to be
    // unique, but a hand-made or foreign file may repeat them).
    const wanted = events.map((e) => String(e.id || ""));
    const taken = new Set(
      wanted.filter(Boolean).length
        ? (await tx.selectFrom("events").select("id").where("id", "in", wanted.filter(Boolean)).execute()).map((r) => r.id)
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
    const byOriginalId = new Map(events.map((e, i) => [String(e.id), storedIds[i]!]));

    // Claims before denials, so a denial finds the incident of the claim it disputes.
    const order = events.map((_, i) => i).sort((a, b) => Number(events[a]!.type === "denial") - Number(events[b]!.type === "denial"));
    const zoneMap = zones();
    const outlet = reportValues.outlet;
    const opened: string[] = [];
    const local: LocalState = { incidentOf: new Map(), eventsOf: new Map(), newReport: !existing };
    const batch = new ChildRows();
    const eventRows: ReturnType<typeof eventRow>[] = [];
    for (const i of order) {
      const e = events[i]!;
      const storedId = storedIds[i]!;
      const disputed = e.disputes.map((d) => byOriginalId.get(d) ?? d);
      const found = await findIncidentFor(tx, storedId, reportId, e, disputed, local);
      if (found && !found.existing) {
        // A new incident: its only member is this event; its row is written now (the event row
        // references it), its child rows with the report's batch.
        const member = { eventId: storedId, reportId, event: e, outlet, published: reportValues.published, order: 0 };
        await writeIncident(tx, found.id, [member], undefined, reportId, zoneMap, now, batch);
        opened.push(found.id);
      }
      if (found?.existing) touched.add(found.id);
      local.incidentOf.set(storedId, found?.id ?? null);
      if (found) local.eventsOf.set(found.id, [...(local.eventsOf.get(found.id) ?? []), storedId]);
      eventRows.push(eventRow(storedId, reportId, i, e, found?.id ?? null));
    }
    eventRows.sort((a, b) => a.seq - b.seq);
    for (let k = 0; k < eventRows.length; k += 200) await tx.insertInto("events").values(eventRows.slice(k, k + 200)).execute();
    for (const id of touched) await refreshIncident(tx, id, reportId, zoneMap, now, batch);
    await batch.flush(tx);
    return { reportId, status: existing ? ("reprocessed" as const) : ("new" as const), events: events.length, incidents: [...new Set([...opened, ...touched])].sort() };
  });
}
