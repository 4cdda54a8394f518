// The store: one Kysely schema over SQLite or PostgreSQL, behind one interface.
//   const store = await openStore();            // $HUDNA_DB or ./data/hudna.db
//   await store.saveExtraction({ report, result, source });
//   await store.close();
// Read queries for the API live with the server (src/server/queries/), against ./schema.ts.
import { sql, type Kysely } from "kysely";
import type { Report } from "../model/index.js";
import type { ZoneWindow } from "../incidents/index.js";
import type { Database, FeedRow, QuarantineRow, ReportRow, ZoneRow } from "./schema.js";
import type { Dialect } from "./dialect.js";
import { connect, migrate, parseDbUrl } from "./connect.js";
import { saveBatch, saveExtraction, type SaveInput, type SaveOutcome } from "./save.js";
import { IncidentCache } from "./incident-cache.js";
import { safeText } from "./text.js";
import { quarantineKey } from "./quarantine-key.js";

export type { Database } from "./schema.js";
export type * from "./schema.js";
export type { Dialect } from "./dialect.js";
export type { SaveInput, SaveOutcome } from "./save.js";
export { parseDbUrl, DEFAULT_DB } from "./connect.js";
export { compareVersions } from "./version.js";
export { takeWriteLock } from "./tx.js";
export { recordOverrides, pinOverrides, parseOverrides, type Overrides, type CorrectionFields } from "./overrides.js";

/** A stored report, as `hudna reprocess` reads it back. */
export type StoredReport = Pick<ReportRow, "id" | "url" | "outlet" | "published" | "title" | "text" | "original" | "format" | "source" | "extractor_version">;

export interface FeedState {
  etag?: string | null;
  last_modified?: string | null;
  last_polled?: string | null;
  failures?: number;
  next_poll?: string | null;
  last_error?: string | null;
}

/** A monitored zone as the store keeps it (geometry: a GeoJSON geometry object). */
export interface ZoneInput {
  id: string;
  name: string;
  name_ar?: string | null;
  guarantors?: string[];
  start?: string | null;
  end?: string | null;
  geometry: unknown;
}

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
  /** ONE transaction per report: report + events + incident merge/reconcile + violations. */
  saveExtraction(input: SaveInput): Promise<SaveOutcome>;
  /**
   * Several reports in ONE transaction, each in its own savepoint (group commit): a failing report
   * rolls back alone and comes back as its Error, in input order. Nothing is stored before the
   * commit; a crash loses the batch, never half a report.
   */
  saveMany(inputs: SaveInput[]): Promise<Array<SaveOutcome | Error>>;
  /** The extractor version a report is stored with, or null when it is not stored (skip re-extracting duplicates). */
  reportVersion(id: string): Promise<string | null>;
  quarantine(item: { source: string; reason: string; sample?: string; bytes?: number }): Promise<void>;
  listQuarantine(opts?: { limit?: number }): Promise<QuarantineRow[]>;
  /** Reports stored with an extractor version other than `version`, paged by id. */
  reportsNeedingReprocess(version: string): AsyncIterable<StoredReport>;
  getFeedState(url: string): Promise<FeedRow | undefined>;
  /** Upsert: fields not given keep their stored value. */
  setFeedState(url: string, state: FeedState): Promise<void>;
  /** Insert or replace monitored zones (their ceasefire windows gate violations). */
  upsertZones(zones: ZoneInput[]): Promise<void>;
  listZones(): Promise<ZoneRow[]>;
  /** The writer's incident cache: rows held and its current cap (benches and tests). */
  cacheSize(): { rows: number; cap: number };
  /** Row counts of the main tables (for `hudna ingest` summaries and tests). */
  counts(): Promise<{ reports: number; events: number; incidents: number; violations: number; quarantine: number }>;
}

/** A StoredReport back into the Report shape extraction reads. */
export function toReport(r: StoredReport): Report & { id: string } {
  return {
    id: r.id,
    text: r.text,
    published: r.published,
    outlet: r.outlet,
    url: r.url,
    title: r.title,
    format: r.format === "html" ? "html" : "text",
  };
}

const PAGE = 200;
const MAX_SAMPLE = 4000;

export interface OpenOptions {
  /**
   * When the zones table is empty, fill it from the geo stage's active zones (the shipped 2017
   * de-escalation zones unless a zones file was loaded). Off by default: tests bring their own.
   */
  seedZones?: boolean;
  /** Incidents the writer may keep in memory (incident-cache.ts; default 100,000): a memory bound. */
  cacheRows?: number;
  /** Where that cap starts (default 4,000): it grows only when forgotten incidents are asked for again. */
  cacheStartRows?: number;
}

export async function openStore(url?: string, opts: OpenOptions = {}): Promise<Store> {
  const target = parseDbUrl(url);
  const db = connect(target);
  const dialect = target.dialect;
  try {
    await migrate(db, dialect);
  } catch (err) {
    await db.destroy().catch(() => {});
    throw err;
  }

  let zoneCache: Map<string, ZoneWindow> | null = null;
  const loadZones = async () => {
    const rows = await db.selectFrom("zones").select(["id", "start_date", "end_date"]).execute();
    zoneCache = new Map(rows.map((r) => [r.id, { id: r.id, start: r.start_date, end: r.end_date }]));
  };
  await loadZones();
  const zones = () => zoneCache ?? new Map<string, ZoneWindow>();

  // The writer's in-memory incidents (incident-cache.ts); this process's saves run one at a time
  // so they never interleave on it (they serialize on the write lock anyway).
  const cache = new IncidentCache(opts.cacheRows, opts.cacheStartRows);
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => {});
    return run;
  };

  const store: Store = {
    db,
    dialect,
    cacheSize: () => cache.size,
    async close() {
      // SQLite's advice for connections that wrote: refresh the planner's statistics on close.
      if (dialect === "sqlite") await sql`pragma optimize`.execute(db).catch(() => {});
      await db.destroy();
    },
    saveExtraction(input) {
      return serial(() => saveExtraction(db, dialect, zones, cache, input));
    },
    saveMany(inputs) {
      return serial(() => saveBatch(db, dialect, zones, cache, inputs));
    },
    async reportVersion(id) {
      const r = await db.selectFrom("reports").select("extractor_version").where("id", "=", id).executeTakeFirst();
      return r?.extractor_version ?? null;
    },
    async quarantine(item) {
      // An upsert on (source, reason): re-ingesting the same bad file bumps count/last_seen.
      const source = safeText(String(item.source).slice(0, 2000));
      const reason = safeText(String(item.reason).slice(0, 2000));
      const sample = item.sample === undefined ? null : safeText(String(item.sample).slice(0, MAX_SAMPLE));
      const bytes = typeof item.bytes === "number" && Number.isFinite(item.bytes) ? Math.trunc(item.bytes) : null;
      const now = new Date().toISOString();
      await db
        .insertInto("quarantine")
        .values({ source, reason, sample, bytes, created_at: now, key: quarantineKey(source, reason), count: 1, last_seen: now })
        .onConflict((oc) =>
          oc.column("key").doUpdateSet((eb) => ({
            count: eb("quarantine.count", "+", 1),
            last_seen: eb.ref("excluded.last_seen"),
            sample: eb.ref("excluded.sample"),
            bytes: eb.ref("excluded.bytes"),
          })),
        )
        .execute();
    },
    async listQuarantine(opts) {
      const limit = Math.max(1, Math.min(10_000, Math.trunc(opts?.limit ?? 100)));
      return db.selectFrom("quarantine").selectAll().orderBy("last_seen", "desc").orderBy("id", "desc").limit(limit).execute();
    },
    async *reportsNeedingReprocess(version: string) {
      let after = "";
      for (;;) {
        const page = await db
          .selectFrom("reports")
          .select(["id", "url", "outlet", "published", "title", "text", "original", "format", "source", "extractor_version"])
          .where("extractor_version", "!=", version)
          .where("id", ">", after)
          .orderBy("id")
          .limit(PAGE)
          .execute();
        for (const r of page) yield r;
        if (page.length < PAGE) return;
        after = page[page.length - 1]!.id;
      }
    },
    async getFeedState(url) {
      return db.selectFrom("feeds").selectAll().where("url", "=", url).executeTakeFirst();
    },
    async setFeedState(url, state) {
      const patch: FeedState = {};
      for (const k of ["etag", "last_modified", "last_polled", "failures", "next_poll", "last_error"] as const) {
        if (state[k] !== undefined) (patch as Record<string, unknown>)[k] = state[k];
      }
      const insert = { url, etag: null, last_modified: null, last_polled: null, failures: 0, next_poll: null, last_error: null, ...patch };
      if (Object.keys(patch).length === 0) {
        await db.insertInto("feeds").values(insert).onConflict((oc) => oc.column("url").doNothing()).execute();
        return;
      }
      await db.insertInto("feeds").values(insert).onConflict((oc) => oc.column("url").doUpdateSet(patch)).execute();
    },
    async upsertZones(zones) {
      await db.transaction().execute(async (tx) => {
        for (const z of zones) {
          const values = {
            name: z.name,
            name_ar: z.name_ar ?? null,
            guarantors: JSON.stringify(z.guarantors ?? []),
            start_date: z.start ?? null,
            end_date: z.end ?? null,
            geometry: JSON.stringify(z.geometry ?? null),
          };
          await tx.insertInto("zones").values({ id: z.id, ...values }).onConflict((oc) => oc.column("id").doUpdateSet(values)).execute();
        }
      });
      await loadZones();
    },
    async listZones() {
      return db.selectFrom("zones").selectAll().orderBy("id").execute();
    },
    async counts() {
      const one = async (t: "reports" | "events" | "incidents" | "violations" | "quarantine") =>
        Number((await db.selectFrom(t).select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow()).n);
      return {
        reports: await one("reports"),
        events: await one("events"),
        incidents: await one("incidents"),
        violations: await one("violations"),
        quarantine: await one("quarantine"),
      };
    },
  };
  if (opts.seedZones && zoneCache!.size === 0) {
    try {
      const { zonesFromGeo } = await import("./zones.js");
      await store.upsertZones(zonesFromGeo());
    } catch (err) {
      // Missing zone data must not stop the store from opening; violations still follow the
      // extraction's date-aware zone.
      process.emitWarning(`zones not seeded: ${(err as Error).message.split("\n")[0]}`);
    }
  }
  return store;
}
