// The whole dashboard state lives in the URL query string, so a view can be shared and back/forward
// work. Pure parse/serialize: tested without a browser.
export type Lang = "ar" | "en";
export const SORTS = ["date_desc", "date_asc", "killed_desc", "killed_asc"] as const;
export type Sort = (typeof SORTS)[number];

export interface MapView {
  zoom: number;
  lat: number;
  lon: number;
}

export interface State {
  lang: Lang;
  zone: string | null;
  /** Event types as a comma list ("air_strike,shelling"), sorted and deduplicated; null = all. */
  type: string | null;
  status: string | null;
  /** Source kind (state_media, activists, monitor, …). */
  source: string | null;
  from: string | null;
  to: string | null;
  sort: Sort;
  /** Paging cursor of the incident list (opaque, from the API). */
  cursor: string | null;
  /** Selected incident id. */
  inc: string | null;
  map: MapView | null;
}

export const DEFAULT_STATE: State = {
  lang: "ar", zone: null, type: null, status: null, source: null, from: null, to: null,
  sort: "date_desc", cursor: null, inc: null, map: null,
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
// Ids and enum values are short tokens; anything else in a hand-edited URL is ignored, not trusted.
const TOKEN = /^[\p{L}\p{N}_:.\-]{1,120}$/u;

function token(v: string | null): string | null {
  return v !== null && TOKEN.test(v) ? v : null;
}
function day(v: string | null): string | null {
  return v !== null && DAY.test(v) && !Number.isNaN(Date.parse(v)) ? v : null;
}

/** A comma list of tokens, cleaned: bad items dropped, deduplicated, sorted (one URL per choice). */
export function tokenList(v: string | null, max = 20): string | null {
  if (!v) return null;
  const items = [...new Set(v.split(",").map((x) => x.trim()).filter((x) => TOKEN.test(x)))].sort().slice(0, max);
  return items.length ? items.join(",") : null;
}

/** The chosen types as an array (empty = all). */
export function typeList(s: Pick<State, "type">): string[] {
  return s.type ? s.type.split(",") : [];
}

export function parseMapView(v: string | null): MapView | null {
  if (!v) return null;
  const m = /^(\d{1,2}(?:\.\d+)?)\/(-?\d{1,2}(?:\.\d+)?)\/(-?\d{1,3}(?:\.\d+)?)$/.exec(v);
  if (!m) return null;
  const zoom = Number(m[1]);
  const lat = Number(m[2]);
  const lon = Number(m[3]);
  if (zoom > 22 || Math.abs(lat) > 85 || Math.abs(lon) > 180) return null;
  return { zoom, lat, lon };
}

export function formatMapView(v: MapView): string {
  return `${v.zoom.toFixed(2)}/${v.lat.toFixed(4)}/${v.lon.toFixed(4)}`;
}

export function parseState(search: string): State {
  const q = new URLSearchParams(search);
  const sort = q.get("sort");
  let from = day(q.get("from"));
  let to = day(q.get("to"));
  if (from && to && from > to) [from, to] = [to, from];
  return {
    lang: q.get("lang") === "en" ? "en" : "ar",
    zone: token(q.get("zone")),
    type: tokenList(q.getAll("type").join(",")),
    status: token(q.get("status")),
    source: token(q.get("source")),
    from,
    to,
    sort: (SORTS as readonly string[]).includes(sort ?? "") ? (sort as Sort) : "date_desc",
    cursor: q.get("cursor") && (q.get("cursor") ?? "").length <= 512 ? q.get("cursor") : null,
    inc: token(q.get("inc")),
    map: parseMapView(q.get("map")),
  };
}

/** Serialize with defaults left out, in a fixed key order (stable, readable URLs). */
export function formatState(s: State): string {
  const q = new URLSearchParams();
  if (s.lang !== "ar") q.set("lang", s.lang);
  for (const k of ["zone", "type", "status", "source", "from", "to"] as const) {
    const v = s[k];
    if (v) q.set(k, v);
  }
  if (s.sort !== "date_desc") q.set("sort", s.sort);
  if (s.cursor) q.set("cursor", s.cursor);
  if (s.inc) q.set("inc", s.inc);
  if (s.map) q.set("map", formatMapView(s.map));
  // Commas stay readable in the URL ("type=air_strike,shelling"); they are safe in a query value.
  const str = q.toString().replace(/%2C/gi, ",");
  return str ? `?${str}` : "";
}

/** Whether two states ask the API for different incident lists. */
export function listChanged(a: State, b: State): boolean {
  return (["zone", "type", "status", "source", "from", "to", "sort", "cursor"] as const).some((k) => a[k] !== b[k]);
}
