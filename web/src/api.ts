// All data comes from the server's JSON API. The responses are normalized here into the small
// shapes the views use, tolerating field-name variants (nested `killed` vs flat `killed_best`), so
// a view never touches raw JSON.
import type { Geometry } from "geojson";
import type { State } from "./state.js";

export interface Figures {
  low: number | null;
  best: number | null;
  high: number | null;
}
export interface PartyLite {
  name: string;
  name_ar: string | null;
  kind: string;
}
export interface IncidentRow {
  id: string;
  type: string;
  date_start: string | null;
  date_end: string | null;
  lat: number | null;
  lon: number | null;
  place: string | null;
  place_ar: string | null;
  admin1: string | null;
  zone: string | null;
  status: string;
  killed: Figures;
  injured: Figures;
  report_count: number;
  source_count: number;
  actors: PartyLite[];
  targets: PartyLite[];
}
export interface IncidentPage {
  items: IncidentRow[];
  next: string | null;
  total: number | null;
}
export interface FigureRow {
  source: string;
  source_kind: string | null;
  measure: string;
  low: number | null;
  best: number | null;
  high: number | null;
  qualifier: string;
  text: string;
  used: boolean;
  report_id: string | null;
}
export interface ReportView {
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  text: string;
  /** Evidence spans into `text`. */
  spans: { start: number; end: number }[];
}
export interface RevisionRow {
  at: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
}
export interface IncidentDetail extends IncidentRow {
  reports: ReportView[];
  figures: FigureRow[];
  sources: { name: string; kind: string }[];
  revisions: RevisionRow[];
}
export interface ZoneFeature {
  type: "Feature";
  id?: string | number;
  properties: { id: string; name: string; name_ar: string | null; [k: string]: unknown };
  geometry: Geometry;
}
export interface ZoneCollection {
  type: "FeatureCollection";
  features: ZoneFeature[];
}
export interface ViolationBucket {
  date: string;
  party: string;
  count: number;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === "string" ? v : typeof v === "number" ? String(v) : null);
const numOrNull = (v: unknown): number | null => {
  const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
  return typeof n === "number" && Number.isFinite(n) ? n : null;
};
const arr = (v: unknown): unknown[] => {
  if (Array.isArray(v)) return v;
  if (typeof v === "string") {
    try {
      const p: unknown = JSON.parse(v);
      return Array.isArray(p) ? p : [];
    } catch {
      return [];
    }
  }
  return [];
};

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function load(path: string, signal?: AbortSignal): Promise<unknown> {
  const res = await fetch(path, { signal, headers: { accept: "application/json" } });
  if (!res.ok) throw new ApiError(res.status, `${path}: HTTP ${res.status}`);
  return res.json();
}

/** Responses requested before the views exist (first paint); each is handed out once. */
const early = new Map<string, Promise<unknown>>();

function getJson(path: string, signal?: AbortSignal): Promise<unknown> {
  const p = early.get(path);
  if (p) {
    early.delete(path);
    return p;
  }
  return load(path, signal);
}

/**
 * Starts the first screen's requests at once, before MapLibre takes the main thread; the views'
 * own calls for the same paths then pick these up instead of asking again.
 */
export function prefetch(s: State): void {
  const paths = [
    "/api/zones",
    `/api/incidents?${incidentQuery(s, listParams(s))}`,
    `/api/incidents?${incidentQuery(s, { sort: SORT_PARAM.date_desc, limit: String(MAP_PAGE) })}`,
  ];
  for (const path of paths) {
    if (early.has(path)) continue;
    const p = load(path);
    p.catch(() => undefined); // a failure surfaces when a view takes it
    early.set(path, p);
  }
}

function figures(o: Json, measure: "killed" | "injured"): Figures {
  const nested = o[measure];
  if (isObj(nested)) return { low: numOrNull(nested.low), best: numOrNull(nested.best), high: numOrNull(nested.high) };
  return { low: numOrNull(o[`${measure}_low`]), best: numOrNull(o[`${measure}_best`]), high: numOrNull(o[`${measure}_high`]) };
}

function party(v: unknown): PartyLite | null {
  if (!isObj(v)) return null;
  const name = str(v.name);
  return name ? { name, name_ar: str(v.name_ar), kind: str(v.kind) ?? "unknown" } : null;
}

function placeOf(o: Json): { place: string | null; place_ar: string | null; lat: number | null; lon: number | null } {
  const p = isObj(o.place) ? o.place : isObj(o.location) ? o.location : null;
  if (p) return { place: str(p.name), place_ar: str(p.name_ar), lat: numOrNull(p.lat), lon: numOrNull(p.lon) };
  return { place: str(o.place), place_ar: str(o.place_ar), lat: numOrNull(o.lat), lon: numOrNull(o.lon) };
}

export function normalizeIncident(v: unknown): IncidentRow | null {
  if (!isObj(v)) return null;
  const id = str(v.id);
  if (!id) return null;
  const date = isObj(v.date) ? v.date : null;
  return {
    id,
    type: str(v.type) ?? "other",
    date_start: str(date ? date.start : v.date_start),
    date_end: str(date ? date.end : v.date_end),
    ...placeOf(v),
    admin1: str(v.admin1),
    zone: str(v.zone),
    status: str(v.status) ?? "single_source",
    killed: figures(v, "killed"),
    injured: figures(v, "injured"),
    report_count: numOrNull(v.report_count) ?? arr(v.reports).length,
    source_count: numOrNull(v.source_count) ?? 0,
    actors: arr(v.actors).map(party).filter((p): p is PartyLite => p !== null),
    targets: arr(v.targets).map(party).filter((p): p is PartyLite => p !== null),
  };
}

export function normalizePage(v: unknown): IncidentPage {
  const o = isObj(v) ? v : {};
  const list = Array.isArray(v) ? v : arr(o.items ?? o.incidents ?? o.data ?? o.results);
  const page = isObj(o.page) ? o.page : {};
  return {
    items: list.map(normalizeIncident).filter((x): x is IncidentRow => x !== null),
    next: str(o.next_cursor ?? o.nextCursor ?? o.cursor ?? page.next_cursor ?? page.next ?? o.next),
    total: numOrNull(o.total ?? page.total),
  };
}

function spanOf(v: unknown): { start: number; end: number } | null {
  if (!isObj(v)) return null;
  // text_start/text_end index report.text; start/end index the original input (same for plain text).
  const start = numOrNull(v.text_start) ?? numOrNull(v.start);
  const end = numOrNull(v.text_end) ?? numOrNull(v.end);
  return start !== null && end !== null && start >= 0 && end > start ? { start, end } : null;
}

export function normalizeDetail(v: unknown): IncidentDetail | null {
  if (!isObj(v)) return null;
  const root = isObj(v.incident) ? { ...v, ...v.incident } : v;
  const base = normalizeIncident(root);
  if (!base) return null;
  const events = arr(v.events).filter(isObj);
  const reports: ReportView[] = arr(v.reports)
    .filter(isObj)
    .map((r) => {
      const id = str(r.id) ?? "";
      const spans = [...arr(r.evidence), ...arr(r.spans)].map(spanOf);
      for (const e of events) {
        const ev = isObj(e.event) ? e.event : isObj(e.json) ? e.json : e;
        if ((str(e.report_id) ?? str(ev.report_id)) !== id) continue;
        spans.push(...arr(e.evidence ?? ev.evidence).map(spanOf));
      }
      for (const e of arr(r.events).filter(isObj)) spans.push(...arr(e.evidence).map(spanOf));
      return {
        id,
        title: str(r.title),
        outlet: str(r.outlet),
        published: str(r.published),
        url: str(r.url),
        text: str(r.text) ?? "",
        spans: spans.filter((s): s is { start: number; end: number } => s !== null),
      };
    });
  const sources = arr(v.sources ?? root.sources).filter(isObj).map((s) => ({ name: str(s.name) ?? "", kind: str(s.kind) ?? "unknown" }));
  const kindOf = new Map(sources.map((s) => [s.name, s.kind]));
  const figuresList = arr(v.figures ?? root.figures).filter(isObj).map((f) => ({
    source: str(f.source) ?? "",
    source_kind: str(f.source_kind ?? f.kind) ?? kindOf.get(str(f.source) ?? "") ?? null,
    measure: str(f.measure) ?? "killed",
    low: numOrNull(f.low),
    best: numOrNull(f.best),
    high: numOrNull(f.high),
    qualifier: str(f.qualifier) ?? "",
    text: str(f.text) ?? "",
    used: f.used === true || f.used === 1,
    report_id: str(f.report_id),
  }));
  const revisions = arr(v.revisions ?? root.revisions).filter(isObj).map((r) => ({
    at: str(r.at) ?? "",
    field: str(r.field) ?? "",
    old_value: str(r.old_value),
    new_value: str(r.new_value),
  }));
  return { ...base, reports, figures: figuresList, sources, revisions };
}

export function normalizeZones(v: unknown): ZoneCollection {
  const o = isObj(v) ? v : {};
  const features = arr(o.features)
    .filter(isObj)
    .filter((f) => isObj(f.geometry) && isObj(f.properties))
    .map((f) => {
      const p = f.properties as Json;
      const id = str(p.id ?? f.id) ?? "";
      return { type: "Feature" as const, properties: { ...p, id, name: str(p.name) ?? id, name_ar: str(p.name_ar) }, geometry: f.geometry as unknown as Geometry };
    });
  return { type: "FeatureCollection", features };
}

/** Accepts rows `{date, party, count}` or buckets `{date, parties|counts: {party: n}}`. */
export function normalizeViolations(v: unknown): ViolationBucket[] {
  const o = isObj(v) ? v : {};
  const list = Array.isArray(v) ? v : arr(o.buckets ?? o.series ?? o.items ?? o.data ?? o.violations);
  const out: ViolationBucket[] = [];
  for (const b of list.filter(isObj)) {
    const date = str(b.date ?? b.day ?? b.period ?? b.start);
    if (!date) continue;
    const byParty = isObj(b.parties) ? b.parties : isObj(b.counts) ? b.counts : isObj(b.by_party) ? b.by_party : null;
    if (byParty) {
      for (const [party, n] of Object.entries(byParty)) {
        const count = numOrNull(n);
        if (count) out.push({ date: date.slice(0, 10), party, count });
      }
    } else if (Array.isArray(b.parties) || Array.isArray(b.by_party)) {
      for (const p of arr(b.parties ?? b.by_party).filter(isObj)) {
        const count = numOrNull(p.count);
        if (count) out.push({ date: date.slice(0, 10), party: str(p.party ?? p.name) ?? "unknown", count });
      }
    } else {
      const count = numOrNull(b.count ?? b.violations);
      if (count) out.push({ date: date.slice(0, 10), party: str(b.party) ?? "unknown", count });
    }
  }
  return out;
}

export const PAGE_SIZE = 25;

export function incidentQuery(s: State, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  if (s.zone) q.set("zone", s.zone);
  if (s.type) q.set("type", s.type);
  if (s.status) q.set("status", s.status);
  if (s.source) q.set("source", s.source);
  if (s.from) q.set("from", s.from);
  if (s.to) q.set("to", s.to);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}

const SORT_PARAM: Record<State["sort"], string> = {
  date_desc: "-date", date_asc: "date", killed_desc: "-killed", killed_asc: "killed",
};

const MAP_PAGE = 500;

function listParams(s: State): Record<string, string> {
  const extra: Record<string, string> = { sort: SORT_PARAM[s.sort], limit: String(PAGE_SIZE) };
  if (s.cursor) extra.cursor = s.cursor;
  return extra;
}

export async function fetchIncidents(s: State, signal?: AbortSignal): Promise<IncidentPage> {
  return normalizePage(await getJson(`/api/incidents?${incidentQuery(s, listParams(s))}`, signal));
}

/** Every incident matching the filters (for the map), following cursors up to a bound. */
export async function fetchAllIncidents(s: State, signal?: AbortSignal, max = 5000): Promise<IncidentRow[]> {
  const out: IncidentRow[] = [];
  let cursor: string | null = null;
  const sort = SORT_PARAM.date_desc;
  do {
    const extra: Record<string, string> = { sort, limit: String(MAP_PAGE) };
    if (cursor) extra.cursor = cursor;
    const page = normalizePage(await getJson(`/api/incidents?${incidentQuery(s, extra)}`, signal));
    out.push(...page.items);
    if (page.next === cursor) break;
    cursor = page.items.length ? page.next : null;
  } while (cursor && out.length < max);
  return out;
}

export async function fetchIncident(id: string, signal?: AbortSignal): Promise<IncidentDetail | null> {
  return normalizeDetail(await getJson(`/api/incidents/${encodeURIComponent(id)}`, signal));
}

export async function fetchZones(signal?: AbortSignal): Promise<ZoneCollection> {
  return normalizeZones(await getJson("/api/zones", signal));
}

export async function fetchViolations(zone: string, signal?: AbortSignal): Promise<ViolationBucket[]> {
  return normalizeViolations(await getJson(`/api/zones/${encodeURIComponent(zone)}/violations?interval=day`, signal));
}
