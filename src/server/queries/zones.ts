// Monitored zones as GeoJSON with their violation totals, and a zone's violations as a time
// series (incidents per bucket, split by acting party). Daily sums come from SQL (index
// violations_zone_date_party); weeks are folded in code so the SQL stays identical on both engines.
import type { ZoneInput } from "../../store/index.js";
import type { Db } from "../store-handle.js";

export interface ZoneFeature {
  type: "Feature";
  id: string;
  geometry: unknown;
  properties: {
    id: string;
    name: string;
    name_ar: string | null;
    guarantors: string[];
    start: string | null;
    end: string | null;
    violations: number;
    violations_by_party: Record<string, number>;
  };
}

/** A zone as a loader outside the store provides it (the geo stage's zone file): the store's own shape. */
export type ZoneSource = ZoneInput;

function jsonOr<T>(s: string | null, dflt: T): T {
  if (!s) return dflt;
  try {
    return JSON.parse(s) as T;
  } catch {
    return dflt;
  }
}

export async function listZones(db: Db, fallback?: () => Promise<ZoneSource[]>): Promise<ZoneFeature[]> {
  const rows = await db.selectFrom("zones").selectAll().orderBy("id").execute();
  let zones: ZoneSource[] = rows.map((z) => ({
    id: z.id,
    name: z.name,
    name_ar: z.name_ar,
    guarantors: jsonOr<string[]>(z.guarantors, []),
    start: z.start_date,
    end: z.end_date,
    geometry: jsonOr<unknown>(z.geometry, null),
  }));
  if (!zones.length && fallback) zones = await fallback();
  const totals = await db
    .selectFrom("violations")
    .select((eb) => ["zone_id", eb.fn.count<number>("incident_id").distinct().as("n")])
    .groupBy("zone_id")
    .execute();
  const byParty = await db
    .selectFrom("violations")
    .select((eb) => ["zone_id", "party", eb.fn.countAll<number>().as("n")])
    .groupBy(["zone_id", "party"])
    .execute();
  return zones.map((z) => {
    const parties: Record<string, number> = {};
    for (const p of byParty) if (p.zone_id === z.id) parties[p.party] = Number(p.n);
    return {
      type: "Feature",
      id: z.id,
      geometry: z.geometry,
      properties: {
        id: z.id,
        name: z.name,
        name_ar: z.name_ar ?? null,
        guarantors: z.guarantors ?? [],
        start: z.start ?? null,
        end: z.end ?? null,
        violations: Number(totals.find((t) => t.zone_id === z.id)?.n ?? 0),
        violations_by_party: parties,
      },
    };
  });
}

export async function zoneExists(db: Db, id: string, fallback?: () => Promise<ZoneSource[]>): Promise<boolean> {
  const row = await db.selectFrom("zones").select("id").where("id", "=", id).executeTakeFirst();
  if (row) return true;
  const any = await db.selectFrom("violations").select("zone_id").where("zone_id", "=", id).limit(1).executeTakeFirst();
  if (any) return true;
  return fallback ? (await fallback()).some((z) => z.id === id) : false;
}

export type Interval = "day" | "week";

export interface Bucket {
  start: string;
  total: number;
  by_party: Record<string, number>;
}

export interface ViolationSeries {
  zone: string;
  interval: Interval;
  from: string | null;
  to: string | null;
  parties: string[];
  total: number;
  buckets: Bucket[];
}

/** Monday of the ISO week containing `day` (YYYY-MM-DD). */
export function weekStart(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  const dow = (d.getUTCDay() + 6) % 7; // Monday = 0
  d.setUTCDate(d.getUTCDate() - dow);
  return d.toISOString().slice(0, 10);
}

/** The two grouped queries behind a series (exported so the bench and tests can EXPLAIN them). */
export function violationQueries(db: Db, zone: string, from?: string, to?: string) {
  let byParty = db
    .selectFrom("violations")
    .select((eb) => ["date", "party", eb.fn.countAll<number>().as("n")])
    .where("zone_id", "=", zone);
  let totals = db
    .selectFrom("violations")
    .select((eb) => ["date", eb.fn.count<number>("incident_id").distinct().as("n")])
    .where("zone_id", "=", zone);
  if (from) {
    byParty = byParty.where("date", ">=", from);
    totals = totals.where("date", ">=", from);
  }
  if (to) {
    byParty = byParty.where("date", "<=", to);
    totals = totals.where("date", "<=", to);
  }
  return { byParty: byParty.groupBy(["date", "party"]), totals: totals.groupBy("date") };
}

export async function violationSeries(db: Db, zone: string, interval: Interval, from?: string, to?: string): Promise<ViolationSeries> {
  const q = violationQueries(db, zone, from, to);
  const [pRows, tRows] = await Promise.all([q.byParty.execute(), q.totals.execute()]);
  const key = (d: string) => (interval === "week" ? weekStart(d) : d);
  const buckets = new Map<string, Bucket>();
  const get = (d: string) => {
    const k = key(d);
    let b = buckets.get(k);
    if (!b) buckets.set(k, (b = { start: k, total: 0, by_party: {} }));
    return b;
  };
  const parties = new Map<string, number>();
  let total = 0;
  for (const r of tRows) {
    get(r.date).total += Number(r.n);
    total += Number(r.n);
  }
  for (const r of pRows) {
    const b = get(r.date);
    b.by_party[r.party] = (b.by_party[r.party] ?? 0) + Number(r.n);
    parties.set(r.party, (parties.get(r.party) ?? 0) + Number(r.n));
  }
  return {
    zone,
    interval,
    from: from ?? null,
    to: to ?? null,
    // Most active party first, so a chart's legend reads in order of weight.
    parties: [...parties.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([p]) => p),
    total,
    buckets: [...buckets.values()].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0)),
  };
}
