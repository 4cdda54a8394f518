// Incidents for export, read page by page with a keyset cursor (date_start, id) so memory stays
// constant however large the database: dated incidents in date order, then undated ones by id.
import type { Kysely } from "kysely";
import type { Database, IncidentRow } from "../schema.js";

export interface ExportFilter {
  zone?: string;
  type?: string;
  /** YYYY-MM-DD inclusive, on the incident's start date. */
  from?: string;
  to?: string;
}

export interface ExportIncident {
  row: IncidentRow;
  /** Distinct attributed source names and kinds, in first-seen order. */
  sources: Array<{ name: string; kind: string }>;
  reportIds: string[];
}

export async function* iterateIncidents(db: Kysely<Database>, filter: ExportFilter, pageSize = 500): AsyncGenerator<ExportIncident> {
  const base = () => {
    let q = db.selectFrom("incidents").selectAll();
    if (filter.zone) q = q.where("zone", "=", filter.zone);
    if (filter.type) q = q.where("type", "=", filter.type);
    if (filter.from) q = q.where("date_start", ">=", filter.from);
    if (filter.to) q = q.where("date_start", "<=", filter.to);
    return q;
  };
  // Dated incidents, by (date_start, id).
  let cursor: { date: string; id: string } | null = null;
  for (;;) {
    let q = base().where("date_start", "is not", null);
    if (cursor) {
      const c: { date: string; id: string } = cursor;
      q = q.where((eb) => eb.or([eb("date_start", ">", c.date), eb.and([eb("date_start", "=", c.date), eb("id", ">", c.id)])]));
    }
    const page = await q.orderBy("date_start").orderBy("id").limit(pageSize).execute();
    yield* await withSources(db, page);
    if (page.length < pageSize) break;
    const last = page[page.length - 1]!;
    cursor = { date: last.date_start!, id: last.id };
  }
  if (filter.from || filter.to) return; // a date filter excludes undated incidents
  let after = "";
  for (;;) {
    const page = await base().where("date_start", "is", null).where("id", ">", after).orderBy("id").limit(pageSize).execute();
    yield* await withSources(db, page);
    if (page.length < pageSize) break;
    after = page[page.length - 1]!.id;
  }
}

/** A page of incident rows with their attributed sources and report ids (shared with the API's export). */
export async function withSources(db: Kysely<Database>, page: IncidentRow[]): Promise<ExportIncident[]> {
  if (!page.length) return [];
  const rows = await db
    .selectFrom("incident_sources")
    .select(["incident_id", "report_id", "name", "kind"])
    .where(
      "incident_id",
      "in",
      page.map((r) => r.id),
    )
    .orderBy("incident_id")
    .orderBy("report_id")
    .orderBy("name")
    .execute();
  const by = new Map<string, { sources: Map<string, string>; reports: Set<string> }>();
  for (const r of rows) {
    const e = by.get(r.incident_id) ?? { sources: new Map(), reports: new Set() };
    if (!e.sources.has(r.name)) e.sources.set(r.name, r.kind);
    e.reports.add(r.report_id);
    by.set(r.incident_id, e);
  }
  return page.map((row) => {
    const e = by.get(row.id);
    return {
      row,
      sources: e ? [...e.sources].map(([name, kind]) => ({ name, kind })) : [],
      reportIds: e ? [...e.reports] : [],
    };
  });
}
