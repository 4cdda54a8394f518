// Corpus-wide totals for the dashboard header.
import type { Db } from "../store-handle.js";

/** Event types that carry aggregate figures ("40 killed this year"), not one incident's toll. */
export const AGGREGATE_TYPES = ["casualty_claim", "ceasefire_violation_report"];

export interface Stats {
  reports: number;
  events: number;
  incidents: number;
  violations: number;
  /** Sum of killed.best over incidents, aggregate claims left out (they would count deaths twice). */
  killed_best: number;
  /** Sum of killed.best stated by aggregate claims (casualty_claim, ceasefire_violation_report). */
  killed_best_claims: number;
  by_type: Record<string, number>;
  by_zone: Record<string, number>;
  by_status: Record<string, number>;
  date_range: { from: string | null; to: string | null };
}

export async function getStats(db: Db): Promise<Stats> {
  const [reports, events, inc, claims, violations, byType, byZone, byStatus] = await Promise.all([
    db.selectFrom("reports").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    db.selectFrom("events").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    db
      .selectFrom("incidents")
      .select((eb) => [
        eb.fn.countAll<number>().as("n"),
        eb.fn.min<string | null>("date_start").as("first"),
        eb.fn.max<string | null>("date_start").as("last"),
      ])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("incidents")
      .select((eb) => ["type", eb.fn.sum<number | null>("killed_best").as("killed")])
      .groupBy("type")
      .execute(),
    db.selectFrom("violations").select((eb) => eb.fn.count<number>("incident_id").distinct().as("n")).executeTakeFirstOrThrow(),
    db.selectFrom("incidents").select((eb) => ["type", eb.fn.countAll<number>().as("n")]).groupBy("type").execute(),
    db.selectFrom("incidents").select((eb) => ["zone", eb.fn.countAll<number>().as("n")]).groupBy("zone").execute(),
    db.selectFrom("incidents").select((eb) => ["status", eb.fn.countAll<number>().as("n")]).groupBy("status").execute(),
  ]);
  const rec = <K extends string>(rows: ({ n: number } & Record<K, string | null>)[], k: K, nullKey = "none") =>
    Object.fromEntries(rows.map((r) => [r[k] ?? nullKey, Number(r.n)]));
  return {
    reports: Number(reports.n),
    events: Number(events.n),
    incidents: Number(inc.n),
    violations: Number(violations.n),
    killed_best: claims.filter((c) => !AGGREGATE_TYPES.includes(c.type)).reduce((n, c) => n + Number(c.killed ?? 0), 0),
    killed_best_claims: claims.filter((c) => AGGREGATE_TYPES.includes(c.type)).reduce((n, c) => n + Number(c.killed ?? 0), 0),
    by_type: rec(byType, "type"),
    by_zone: rec(byZone, "zone"),
    by_status: rec(byStatus, "status"),
    date_range: { from: inc.first ?? null, to: inc.last ?? null },
  };
}
