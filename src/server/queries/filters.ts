// Incident filters shared by the list, the export and the bench: parsed once from the query
// string, turned into one SQL condition. Every value goes through Kysely parameters.
import type { Expression, ExpressionBuilder, SqlBool } from "kysely";
import type { Database } from "../../store/schema.js";
import { badRequest } from "../errors.js";

export interface IncidentFilters {
  zone?: string;
  types?: string[];
  /** YYYY-MM-DD, inclusive, on date_start. */
  from?: string;
  to?: string;
  /** [minLon, minLat, maxLon, maxLat] */
  bbox?: [number, number, number, number];
  /** Party name (English or Arabic) or kind, matched against actors and targets. */
  party?: string;
  /** Source name or kind. */
  source?: string;
  statuses?: string[];
  minKilled?: number;
}

/** The raw query parameters (already type-checked by the route's JSON schema). */
export interface FilterQuery {
  zone?: string;
  type?: string;
  from?: string;
  to?: string;
  bbox?: string;
  party?: string;
  source?: string;
  status?: string;
  min_killed?: number;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function list(s: string | undefined, name: string): string[] | undefined {
  if (s === undefined) return undefined;
  const parts = s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
  if (!parts.length) throw badRequest(`${name} is empty`);
  if (parts.length > 20) throw badRequest(`${name}: at most 20 values`);
  return parts;
}

function date(s: string | undefined, name: string): string | undefined {
  if (s === undefined) return undefined;
  if (!DATE_RE.test(s) || Number.isNaN(Date.parse(`${s}T00:00:00Z`))) throw badRequest(`${name} must be a date YYYY-MM-DD`);
  return s;
}

export function parseFilters(q: FilterQuery): IncidentFilters {
  const f: IncidentFilters = {};
  if (q.zone) f.zone = q.zone;
  f.types = list(q.type, "type");
  f.statuses = list(q.status, "status");
  f.from = date(q.from, "from");
  f.to = date(q.to, "to");
  if (f.from && f.to && f.from > f.to) throw badRequest("from is after to");
  if (q.bbox !== undefined) {
    const n = q.bbox.split(",").map((x) => Number(x.trim()));
    if (n.length !== 4 || n.some((x) => !Number.isFinite(x))) throw badRequest("bbox must be minLon,minLat,maxLon,maxLat");
    const [minLon, minLat, maxLon, maxLat] = n as [number, number, number, number];
    if (minLon > maxLon || minLat > maxLat) throw badRequest("bbox minimum exceeds maximum");
    if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90) throw badRequest("bbox outside the globe");
    f.bbox = [minLon, minLat, maxLon, maxLat];
  }
  if (q.party) f.party = q.party;
  if (q.source) f.source = q.source;
  if (q.min_killed !== undefined) f.minKilled = q.min_killed;
  for (const k of Object.keys(f) as (keyof IncidentFilters)[]) if (f[k] === undefined) delete f[k];
  return f;
}

/** One boolean expression over `incidents` for the filters (true when there are none). */
export function filterExpression(eb: ExpressionBuilder<Database, "incidents">, f: IncidentFilters): Expression<SqlBool> {
  const c: Expression<SqlBool>[] = [];
  if (f.zone) c.push(eb("incidents.zone", "=", f.zone));
  if (f.types?.length) c.push(eb("incidents.type", "in", f.types));
  if (f.statuses?.length) c.push(eb("incidents.status", "in", f.statuses));
  if (f.from) c.push(eb("incidents.date_start", ">=", f.from));
  if (f.to) c.push(eb("incidents.date_start", "<=", f.to));
  if (f.bbox) {
    const [minLon, minLat, maxLon, maxLat] = f.bbox;
    c.push(eb("incidents.lat", ">=", minLat), eb("incidents.lat", "<=", maxLat));
    c.push(eb("incidents.lon", ">=", minLon), eb("incidents.lon", "<=", maxLon));
  }
  if (f.minKilled !== undefined) c.push(eb("incidents.killed_best", ">=", f.minKilled));
  if (f.party) {
    const p = f.party;
    c.push(
      eb.exists(
        eb
          .selectFrom("incident_parties as ip")
          .select("ip.incident_id")
          .whereRef("ip.incident_id", "=", "incidents.id")
          .where((e) => e.or([e("ip.name", "=", p), e("ip.name_ar", "=", p), e("ip.kind", "=", p)])),
      ),
    );
  }
  if (f.source) {
    const s = f.source;
    c.push(
      eb.exists(
        eb
          .selectFrom("incident_sources as isrc")
          .select("isrc.incident_id")
          .whereRef("isrc.incident_id", "=", "incidents.id")
          .where((e) => e.or([e("isrc.name", "=", s), e("isrc.kind", "=", s)])),
      ),
    );
  }
  return eb.and(c);
}
