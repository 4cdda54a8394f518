// saveExtraction: one report and its events, merged into incidents, in ONE transaction;
// saveBatch: several reports in one transaction (group commit), their writes held and written
// together (pending-writes.ts).
// Same report id + same (or newer stored) extractor version → "duplicate", nothing written.
// Stored with an older extractor version → its events are replaced in place ("reprocessed"), the
// incidents they belonged to recomputed (deleted when left empty).
import { sql, type Kysely } from "kysely";
import type { ExtractResult, HudnaEvent, Report } from "../model/index.js";
import { matchIncident, opensIncident, type Member, type ZoneWindow } from "../incidents/index.js";
import type { Database, IncidentRow } from "./schema.js";
import type { Dialect } from "./dialect.js";
import { withWriteTransaction } from "./tx.js";
import { bulkInsert, padList } from "./bulk.js";
import { safeText } from "./text.js";
import { compareVersions } from "./version.js";
import { IncidentWrites, incidentIdFor } from "./incident-writer.js";
import { fetchCandidates, MAX_KM } from "./candidates.js";
import type { IncidentCache, KeyedMember } from "./incident-cache.js";
import { eventRow, normalizeEvent } from "./normalize-event.js";
import { PendingWrites } from "./pending-writes.js";
import { monotonicNow } from "./clock.js";

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

/** A validated input, ready for the write transaction. */
interface Prepared {
  input: SaveInput;
  reportId: string;
  version: string;
  events: HudnaEvent[];
}

/** Checks and normalizes one input (throws on a malformed one; nothing is written). */
function prepare(input: SaveInput): Prepared {
  const reportId = input.report.id ?? input.result?.report?.id;
  if (!reportId || !REPORT_ID.test(reportId)) throw new Error(`invalid report id: ${String(reportId).slice(0, 80)}`);
  if (typeof input.report.text !== "string") throw new Error(`report ${reportId} has no text`);
  if (input.report.text.length > MAX_TEXT) throw new Error(`report ${reportId} is too large (${input.report.text.length} chars)`);
  if (!Array.isArray(input.result?.events)) throw new Error(`report ${reportId}: extraction result has no events list`);
  return { input, reportId, version: extractorVersionOf(input), events: input.result.events.map((e, i) => normalizeEvent(e, i)) };
}

type StoredReport = { extractor_version: string; ingested_at: string };

async function storedReports(db: Kysely<Database>, ids: string[]): Promise<Map<string, StoredReport>> {
  const out = new Map<string, StoredReport>();
  const uniq = [...new Set(ids)];
  for (let i = 0; i < uniq.length; i += 500) {
    const rows = await db.selectFrom("reports").select(["id", "extractor_version", "ingested_at"]).where("id", "in", padList(uniq.slice(i, i + 500))).execute();
    for (const r of rows) out.set(r.id, { extractor_version: r.extractor_version, ingested_at: r.ingested_at });
  }
  return out;
}

/** What the reports of one write transaction share. */
interface WriteContext {
  tx: Kysely<Database>;
  dialect: Dialect;
  zones: Map<string, ZoneWindow>;
  cache: IncidentCache;
  /** The batch's reports as stored (read under the write lock), kept current as they are saved. */
  stored: Map<string, StoredReport>;
  /** New reports' writes, held until the batch flushes them (pending-writes.ts). */
  pending: PendingWrites;
  /**
   * The events table at the start of the batch for every event id the batch's reports bring (one
   * query instead of one a report); null once a reprocessed report has changed events directly.
   */
  eventsAtStart: { asked: Set<string>; rows: Map<string, string | null> } | null;
}

/** A held write failed: the transaction's state is unknown, so the whole batch must fail. */
class FlushError extends Error {}

const asError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)));

/**
 * Saves several reports in ONE transaction (one commit, the write lock taken once). New reports'
 * writes are held and flushed together; a report that fails before its writes are held comes
 * back as its Error and the others are stored. A reprocessed report runs in a savepoint of its
 * own. A crash before the commit loses the whole batch and nothing else (rerunning the ingest
 * stores it). Should the transaction itself fail (a held write refused, a failed commit), every
 * report is tried again on its own. Outcomes come back in input order.
 */
export async function saveBatch(
  db: Kysely<Database>,
  dialect: Dialect,
  zones: () => Map<string, ZoneWindow>,
  cache: IncidentCache,
  inputs: SaveInput[],
): Promise<Array<SaveOutcome | Error>> {
  const out: Array<SaveOutcome | Error | undefined> = new Array(inputs.length);
  const todo: Array<{ i: number; p: Prepared }> = [];
  inputs.forEach((input, i) => {
    try {
      todo.push({ i, p: prepare(input) });
    } catch (err) {
      out[i] = asError(err);
    }
  });
  // Fast path without the write lock: a report stored with this version or newer stays so
  // (reports are never deleted and versions only rise), so "duplicate" needs no transaction.
  const before = todo.length ? await storedReports(db, todo.map((t) => t.p.reportId)) : new Map<string, StoredReport>();
  const work = todo.filter(({ i, p }) => {
    const s = before.get(p.reportId);
    if (s && compareVersions(s.extractor_version, p.version) >= 0) {
      out[i] = { reportId: p.reportId, status: "duplicate", events: 0, incidents: [] };
      return false;
    }
    return true;
  });
  if (!work.length) return out as Array<SaveOutcome | Error>;
  try {
    await withWriteTransaction(db, dialect, async (tx) => {
      await cache.begin(tx);
      const pending = new PendingWrites(dialect);
      const flush = async () => {
        try {
          await pending.flush(tx);
        } catch (err) {
          throw new FlushError(asError(err).message, { cause: err });
        }
      };
      cache.pending = { has: (id) => pending.has(id), flush };
      try {
        const ctx: WriteContext = {
          tx,
          dialect,
          zones: zones(),
          cache,
          stored: await storedReports(tx, work.map((w) => w.p.reportId)),
          pending,
          eventsAtStart: await storedEvents(tx, work.flatMap((w) => w.p.events.map((e) => String(e.id || "")).filter(Boolean))),
        };
        for (const { i, p } of work) {
          // A new report's writes are held (nothing reaches the database until the flush, so a
          // report that fails leaves nothing behind). Reprocessing replaces stored rows: it runs
          // on the database as it is, after the held writes, in a savepoint of its own.
          const stored = ctx.stored.get(p.reportId);
          const reprocess = stored !== undefined && compareVersions(stored.extractor_version, p.version) < 0;
          if (reprocess) {
            await flush();
            ctx.eventsAtStart = null;
          }
          const savepoint = reprocess && work.length > 1;
          if (savepoint) await sql`savepoint hudna_report`.execute(tx);
          try {
            out[i] = await saveOne(ctx, p, !reprocess);
            if (savepoint) await sql`release savepoint hudna_report`.execute(tx);
          } catch (err) {
            if (err instanceof FlushError || work.length === 1) throw err;
            if (savepoint) {
              await sql`rollback to savepoint hudna_report`.execute(tx);
              await sql`release savepoint hudna_report`.execute(tx);
            }
            // The cache may hold what the failed report read or wrote: start it over, once the
            // other reports' held writes are in the database.
            await flush();
            cache.reset();
            out[i] = asError(err);
          }
        }
        await flush();
      } finally {
        cache.pending = null;
      }
      await cache.end(tx);
    });
  } catch (err) {
    cache.reset();
    if (work.length === 1) throw err;
    // The transaction failed as a whole (lost connection, failed commit): each report on its own.
    for (const { i, p } of work) {
      try {
        out[i] = (await saveBatch(db, dialect, zones, cache, [p.input]))[0]!;
      } catch (e) {
        out[i] = asError(e);
      }
    }
  }
  return out as Array<SaveOutcome | Error>;
}

/** One report in its own transaction; errors are thrown. */
export async function saveExtraction(db: Kysely<Database>, dialect: Dialect, zones: () => Map<string, ZoneWindow>, cache: IncidentCache, input: SaveInput): Promise<SaveOutcome> {
  const [out] = await saveBatch(db, dialect, zones, cache, [input]);
  if (out instanceof Error) throw out;
  return out!;
}

/** `hold`: a new report whose writes wait in ctx.pending (else they are made at once). */
async function saveOne(ctx: WriteContext, p: Prepared, hold: boolean): Promise<SaveOutcome> {
  const { tx, dialect, cache } = ctx;
  const { input, reportId, version, events } = p;
  const now = monotonicNow();
  const existing = ctx.stored.get(reportId);
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
    // Their cached member lists still hold the events deleted here.
    for (const id of leftBehind) cache.forgetMembers(id);
    // (their incident_sources / incident_figures rows go when those incidents are rebuilt)
    await tx.deleteFrom("events").where("report_id", "=", reportId).execute();
    await tx.updateTable("reports").set(reportValues).where("id", "=", reportId).execute();
  } else if (!hold) {
    await tx.insertInto("reports").values({ id: reportId, ...reportValues, ingested_at: now }).execute();
  }
  const ingestedAt = existing?.ingested_at ?? now;

  // Stored ids: the extractor's id, unless another report already uses it (ids are meant to be
  // unique, but a hand-made or foreign file may repeat them).
  const wanted = events.map((e) => String(e.id || ""));
  const asked = wanted.filter(Boolean);
  const taken = new Set(asked.length ? (await eventsById(ctx, asked)).map((r) => r.id) : []);
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
  const remoteEvents = remote.length ? await eventsById(ctx, remote) : [];
  const remoteIncidents = remoteEvents.map((r) => r.incident_id).filter((x): x is string => !!x);
  const cands = await fetchCandidates(tx, cache, events, remoteIncidents);
  const candidateById = new Map(cands.list.map((c) => [c.id, c]));
  // What matching needs of a candidate's stored events: the disputed ones it holds.
  for (const r of remoteEvents) if (r.incident_id) candidateById.get(r.incident_id)?.eventIds?.push(r.id);

  // Match each event (claims before denials, so a denial finds the incident of its claim).
  const order = events.map((_, i) => i).sort((a, b) => Number(events[a]!.type === "denial") - Number(events[b]!.type === "denial"));
  const incidentOf = new Map<string, string | null>();
  const newMembers = new Map<string, KeyedMember[]>();
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
    newMembers.set(target, [...(newMembers.get(target) ?? []), Object.assign(m, { key: [ingestedAt, reportId, i] as [string, string, number] })]);
  }

  // Recompute every touched incident from all its members, stored and new, in arrival order.
  const touched = [...new Set([...joined, ...leftBehind])];
  const oldRows = new Map(cands.rows);
  const missing = touched.filter((id) => !cands.rows.has(id));
  if (missing.length) for (const [id, r] of await cache.rows(tx, missing)) oldRows.set(id, r);
  const stored = await cache.membersOf(tx, touched);

  const writes = new IncidentWrites(reportId, ctx.zones, now, dialect);
  const memberLists = new Map<string, KeyedMember[]>();
  for (const id of [...opened, ...touched]) {
    const members: KeyedMember[] = [...(stored.get(id) ?? []).map((m) => ({ ...m })), ...(newMembers.get(id) ?? [])];
    members.sort((a, b) => cmpKey(a.key, b.key));
    members.forEach((m, k) => (m.order = k));
    writes.build(id, members, opened.has(id) ? undefined : oldRows.get(id));
    memberLists.set(id, members);
  }
  const eventRows = events.map((e, i) => eventRow(storedIds[i]!, reportId, i, e, incidentOf.get(storedIds[i]!) ?? null));
  if (!hold) {
    await writes.writeIncidents(tx);
    await bulkInsert(tx, dialect, "events", eventRows);
    await writes.writeRest(tx);
  }

  // Write-through: the cache now holds what the database holds (or will, once the held writes
  // are flushed). New members keep the event as
  // stored (its JSON read back), exactly what a later load from the events table would give.
  const storedEvent = new Map(eventRows.map((r) => [r.id, r.json]));
  for (const [id, members] of memberLists) {
    const row = writes.rowOf(id);
    if (!row) {
      cache.drop(id);
      continue;
    }
    const old = opened.has(id) ? undefined : oldRows.get(id);
    cache.put({ ...row, overrides: old?.overrides ?? null, created_at: old?.created_at ?? row.created_at } as IncidentRow);
    cache.setMembers(
      id,
      members.map((m) => (m.reportId === reportId ? { ...m, event: JSON.parse(storedEvent.get(m.eventId)!) as HudnaEvent } : m)),
    );
  }
  ctx.stored.set(reportId, { extractor_version: version, ingested_at: ingestedAt });
  // Last, so that a report that failed before this point has nothing held.
  if (hold) ctx.pending.add({ id: reportId, ...reportValues, ingested_at: now }, eventRows, writes);
  return {
    reportId,
    status: existing ? ("reprocessed" as const) : ("new" as const),
    events: events.length,
    incidents: [...new Set([...opened, ...touched])].sort(),
  };
}

async function storedEvents(tx: Kysely<Database>, ids: string[]): Promise<WriteContext["eventsAtStart"]> {
  const asked = new Set(ids);
  const rows = new Map<string, string | null>();
  const list = [...asked];
  for (let i = 0; i < list.length; i += 500) {
    for (const r of await tx.selectFrom("events").select(["id", "incident_id"]).where("id", "in", padList(list.slice(i, i + 500))).execute()) rows.set(r.id, r.incident_id);
  }
  return { asked, rows };
}

/** Stored events by id, the batch's own included, in id order (as an index on id returns them). */
async function eventsById(ctx: WriteContext, ids: string[]): Promise<Array<{ id: string; incident_id: string | null }>> {
  const found = new Map<string, string | null>();
  const start = ctx.eventsAtStart;
  if (start && ids.every((id) => start.asked.has(id))) {
    for (const id of ids) if (start.rows.has(id)) found.set(id, start.rows.get(id)!);
  } else {
    for (const r of await ctx.tx.selectFrom("events").select(["id", "incident_id"]).where("id", "in", padList(ids)).execute()) found.set(r.id, r.incident_id);
  }
  for (const r of ctx.pending.eventsById(ids)) found.set(r.id, r.incident_id);
  return [...found].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([id, incident_id]) => ({ id, incident_id }));
}

function cmpKey(a: [string, string, number], b: [string, string, number]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] - b[2];
}

async function idTaken(tx: Kysely<Database>, id: string): Promise<boolean> {
  return (await tx.selectFrom("incidents").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
}
