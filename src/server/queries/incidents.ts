// The incident list: filters + keyset pagination on (sort value, id). NULL sort values are the
// smallest on both engines (explicit NULLS FIRST/LAST; SQLite and PostgreSQL disagree by default).
import type { Expression, ExpressionBuilder, SqlBool } from "kysely";
import type { Database, IncidentRow } from "../../store/schema.js";
import type { Db } from "../store-handle.js";
import { encodeCursor, type Cursor, type SortKey } from "./cursor.js";
import { filterExpression, type IncidentFilters } from "./filters.js";
import type { Party } from "../../model/index.js";
import { incidentFields } from "../../store/export/index.js";

export interface Range3 {
  low: number | null;
  best: number | null;
  high: number | null;
}

export interface IncidentItem {
  id: string;
  type: string;
  date_start: string | null;
  date_end: string | null;
  date_precision: string;
  place: {
    name: string | null;
    name_ar: string | null;
    admin1: string | null;
    lat: number | null;
    lon: number | null;
    precision: string | null;
  };
  zone: string | null;
  killed: Range3;
  injured: Range3;
  status: string;
  report_count: number;
  source_count: number;
  actors: Party[];
  targets: Party[];
  is_violation: boolean;
  confidence: number;
  updated_at: string;
}


export function toItem(r: IncidentRow): IncidentItem {
  return incidentFields(r);
}

type SortCol = "incidents.date_start" | "incidents.killed_best";

function sortColumn(sort: SortKey): SortCol {
  return sort.endsWith("date") ? "incidents.date_start" : "incidents.killed_best";
}

/** Rows strictly after the cursor in the (col, id) order, NULL being the smallest value. */
function afterCursor(eb: ExpressionBuilder<Database, "incidents">, col: SortCol, desc: boolean, c: Cursor): Expression<SqlBool> {
  const k = c.key as never;
  if (!desc) {
    if (c.key === null) return eb.or([eb.and([eb(col, "is", null), eb("incidents.id", ">", c.id)]), eb(col, "is not", null)]);
    return eb.or([eb(col, ">", k), eb.and([eb(col, "=", k), eb("incidents.id", ">", c.id)])]);
  }
  if (c.key === null) return eb.and([eb(col, "is", null), eb("incidents.id", "<", c.id)]);
  return eb.or([eb(col, "<", k), eb.and([eb(col, "=", k), eb("incidents.id", "<", c.id)]), eb(col, "is", null)]);
}

export interface ListOptions {
  filters: IncidentFilters;
  sort: SortKey;
  limit: number;
  cursor?: Cursor;
}

export interface IncidentPage {
  items: IncidentItem[];
  next_cursor: string | null;
  /** All incidents matching the filters: counted on the first page only (null on later pages). */
  total: number | null;
}

export async function countIncidents(db: Db, filters: IncidentFilters): Promise<number> {
  const r = await db
    .selectFrom("incidents")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where((eb) => filterExpression(eb, filters))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The SQL order of a page, in code: sort value (NULL smallest), then id, both in one direction. */
export function compareRows(sort: SortKey): (a: IncidentRow, b: IncidentRow) => number {
  const key = sort.endsWith("date") ? (r: IncidentRow) => r.date_start : (r: IncidentRow) => r.killed_best;
  const dir = sort.startsWith("-") ? -1 : 1;
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    const c = x === y ? 0 : x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
    return dir * (c || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  };
}

/**
 * The raw rows of one page (limit+1 fetched to know whether another page exists).
 * Several types are fetched one type at a time and merged: `type IN (…)` makes SQLite sort every
 * row of those types (100 ms on 100k incidents), while `type = ?` walks incidents_type_date in
 * order and stops at the limit. Each incident has one type, so the parts never overlap.
 */
export async function selectIncidentRows(db: Db, o: ListOptions): Promise<{ rows: IncidentRow[]; more: boolean }> {
  const types = o.filters.types ?? [];
  let rows: IncidentRow[];
  if (types.length > 1) {
    const parts = await Promise.all(types.map((t) => incidentPageQuery(db, { ...o, filters: { ...o.filters, types: [t] } }).execute()));
    rows = parts.flat().sort(compareRows(o.sort)).slice(0, o.limit + 1);
  } else {
    rows = await incidentPageQuery(db, o).execute();
  }
  const more = rows.length > o.limit;
  if (more) rows.length = o.limit;
  return { rows, more };
}

/** The page query itself (exported so the bench and tests can EXPLAIN it). */
export function incidentPageQuery(db: Db, o: ListOptions) {
  const col = sortColumn(o.sort);
  const desc = o.sort.startsWith("-");
  let q = db
    .selectFrom("incidents")
    .selectAll("incidents")
    .where((eb) => filterExpression(eb, o.filters));
  if (o.cursor) {
    const c = o.cursor;
    q = q.where((eb) => afterCursor(eb, col, desc, c));
  }
  q = desc
    ? q.orderBy(col, (ob) => ob.desc().nullsLast()).orderBy("incidents.id", "desc")
    : q.orderBy(col, (ob) => ob.asc().nullsFirst()).orderBy("incidents.id", "asc");
  return q.limit(o.limit + 1);
}

export async function listIncidents(db: Db, o: ListOptions): Promise<IncidentPage> {
  const { rows, more } = await selectIncidentRows(db, o);
  const last = rows[rows.length - 1];
  const next_cursor =
    more && last ? encodeCursor({ sort: o.sort, key: o.sort.endsWith("date") ? last.date_start : last.killed_best, id: last.id }) : null;
  // Only the first page pays for the count; a one-page answer knows it already.
  const total = o.cursor ? null : more ? await countIncidents(db, o.filters) : rows.length;
  return { items: rows.map(toItem), next_cursor, total };
}

/** Every incident matching the filters, page by page (keyset), as an async stream (for exports). */
export async function* iterateIncidentPages(db: Db, filters: IncidentFilters, pageSize = 500): AsyncGenerator<IncidentRow[]> {
  let cursor: Cursor | undefined;
  for (;;) {
    const { rows, more } = await selectIncidentRows(db, { filters, sort: "date", limit: pageSize, cursor });
    if (rows.length) yield rows;
    const last = rows[rows.length - 1];
    if (!more || !last) return;
    cursor = { sort: "date", key: last.date_start, id: last.id };
  }
}
