// Dashboard entry: reads the state from the URL, wires the views, and re-applies the state on every
// change (filters, brush, selection, map moves, language) and on back/forward.
import { fetchAllIncidents, fetchIncident, fetchIncidents, fetchViolations, fetchZones, prefetch } from "./api.js";
import type { IncidentDetail, IncidentPage, IncidentRow, ViolationBucket, ZoneCollection } from "./api.js";
import { Filters, type FilterPatch } from "./filters.js";
import { partyNameAr, shortZoneName, t } from "./i18n.js";
import { IncidentList } from "./list.js";
import { IncidentMap } from "./map.js";
import { IncidentPanel } from "./panel.js";
import { formatState, listChanged, parseState, type State } from "./state.js";
import { Timeline } from "./timeline.js";

performance.mark("hudna:start");

const $ = (id: string): HTMLElement => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el;
};

let state: State = parseState(location.search);
prefetch(state);
let zones: ZoneCollection | null = null;
let page: IncidentPage | null = null;
let mapRows: IncidentRow[] = [];
let detail: IncidentDetail | null = null;
let violations: ViolationBucket[] = [];
const aborts = new Map<string, AbortController>();

/** One request per purpose at a time: a newer one cancels the older. */
function signalFor(key: string): AbortSignal {
  aborts.get(key)?.abort();
  const c = new AbortController();
  aborts.set(key, c);
  return c.signal;
}
const isAbort = (e: unknown): boolean => e instanceof DOMException && e.name === "AbortError";
const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

const FILTER_KEYS = ["zone", "type", "status", "source", "from", "to"] as const;

function navigate(patch: Partial<State>, replace = false): void {
  const next: State = { ...state, ...patch };
  // New filters or a new order start again from the first page.
  if (!("cursor" in patch) && [...FILTER_KEYS, "sort" as const].some((k) => k in patch && patch[k] !== state[k])) next.cursor = null;
  const url = `${location.pathname}${formatState(next)}`;
  if (replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
  void apply(next);
}

const filters = new Filters($("filters"), (patch: FilterPatch) => navigate(patch));
const list = new IncidentList($("list"), {
  onSelect: (id) => navigate({ inc: id }),
  onSort: (sort) => navigate({ sort }),
  onPage: (cursor) => navigate({ cursor }),
});
const panel = new IncidentPanel($("panel"), () => navigate({ inc: null }));
// Arabic party names for the timeline's legend: the fixed dictionary first (one name per party),
// else the Arabic wording the incidents carry (name_ar), else the English name.
const partyAr = new Map<string, string>();
const timeline = new Timeline($("timeline"), (r) => navigate({ from: r.from, to: r.to }), (p, lang) =>
  lang === "ar" ? (partyNameAr(p) ?? partyAr.get(p) ?? p) : p, (zone) => navigate({ zone }));
const timelineScope = (s: State) => ({
  zone: s.zone,
  zones: (zones?.features ?? []).map((f): [string, string] => [f.properties.id, shortZoneName(s.lang, f.properties.name, f.properties.name_ar)]),
});
const redrawTimeline = (s: State): void => timeline.update(violations, { from: s.from, to: s.to }, s.lang, timelineScope(s));
const map = new IncidentMap($("map"), state.map, state.lang, {
  onSelect: (id) => navigate({ inc: id }),
  onZone: (zone) => navigate({ zone }),
  onView: (view) => navigate({ map: view }, true),
});
(window as unknown as { hudna: unknown }).hudna = { map: map.map, state: () => state };

function applyLang(s: State): void {
  const root = document.documentElement;
  root.lang = s.lang;
  root.dir = s.lang === "ar" ? "rtl" : "ltr";
  document.title = t(s.lang, "title");
  $("app-title").textContent = t(s.lang, "title");
  const sw = $("lang-switch");
  sw.textContent = t(s.lang, "langSwitch");
  sw.setAttribute("lang", s.lang === "ar" ? "en" : "ar");
  $("map").setAttribute("aria-label", t(s.lang, "map"));
}

async function loadList(s: State): Promise<void> {
  list.loading(s.lang);
  try {
    page = await fetchIncidents(s, signalFor("list"));
    if (state === s) list.render(page, s);
    if (!performance.getEntriesByName("hudna:list").length) performance.mark("hudna:list");
  } catch (e) {
    if (!isAbort(e)) list.error(s.lang, message(e));
  }
}

async function loadMapIncidents(s: State): Promise<void> {
  try {
    const rows = await fetchAllIncidents(s, signalFor("map"));
    // A response for filters the user has since changed is dropped (prefetched ones can't be aborted).
    if (FILTER_KEYS.some((k) => state[k] !== s[k])) return;
    mapRows = rows;
    let named = false;
    for (const r of rows) for (const p of [...r.actors, ...r.targets]) {
      if (p.name_ar && !partyAr.has(p.name)) {
        partyAr.set(p.name, p.name_ar);
        named = true;
      }
    }
    if (named && state.lang === "ar" && violations.length) redrawTimeline(state);
    await map.setIncidents(mapRows);
    if (!performance.getEntriesByName("hudna:map-data").length) performance.mark("hudna:map-data");
  } catch (e) {
    if (!isAbort(e)) console.warn(`map data: ${message(e)}`);
  }
}

// Zones load beside the first list and map requests, not before them.
const zonesReady: Promise<void> = fetchZones()
  .then((z) => {
    zones = z;
    filters.render(state, zones);
    void map.setZones(z);
  })
  .catch((e) => console.warn(`zones: ${message(e)}`));

async function loadTimeline(s: State): Promise<void> {
  try {
    const signal = signalFor("timeline");
    await zonesReady;
    const ids = s.zone ? [s.zone] : (zones?.features ?? []).map((f) => f.properties.id);
    const parts = await Promise.all(ids.map((id) => fetchViolations(id, signal).catch((e) => (isAbort(e) ? Promise.reject(e) : []))));
    violations = parts.flat();
    redrawTimeline(state);
  } catch (e) {
    if (!isAbort(e)) console.warn(`timeline: ${message(e)}`);
  }
}

async function loadDetail(s: State): Promise<void> {
  if (!s.inc) {
    aborts.get("detail")?.abort();
    detail = null;
    panel.hide();
    void map.select(null);
    return;
  }
  panel.loading(s.lang);
  try {
    const d = await fetchIncident(s.inc, signalFor("detail"));
    if (state.inc !== s.inc) return;
    if (!d) throw new Error("bad response");
    detail = d;
    panel.render(detail, state.lang, true);
    void map.select(detail.id, detail);
  } catch (e) {
    if (!isAbort(e) && state.inc === s.inc) panel.error(s.lang, message(e));
  }
}

let first = true;
async function apply(next: State): Promise<void> {
  const prev = state;
  state = next;
  const langChanged = first || prev.lang !== next.lang;
  if (langChanged) {
    applyLang(next);
    map.setLang(next.lang);
  }
  const work: Promise<void>[] = [];
  const filtersChanged = FILTER_KEYS.some((k) => prev[k] !== next[k]);
  if (first || langChanged || filtersChanged) filters.render(next, zones);
  if (first || listChanged(prev, next)) work.push(loadList(next));
  else if (page && (langChanged || prev.inc !== next.inc)) list.render(page, next);
  if (first || filtersChanged) work.push(loadMapIncidents(next));
  if (first || prev.zone !== next.zone) {
    map.setActiveZone(next.zone);
    // A newly chosen zone is framed; a shared URL's own map view wins on first load.
    if (next.zone && !(first && next.map)) {
      const zone = next.zone;
      void map.whenLoaded().then(() => zonesReady).then(() => state.zone === zone && map.fitZone(zone, zones));
    }
    work.push(loadTimeline(next));
  } else if (langChanged || prev.from !== next.from || prev.to !== next.to) redrawTimeline(next);
  if (first || prev.inc !== next.inc) work.push(loadDetail(next));
  else if (langChanged && detail) panel.render(detail, next.lang);
  if (!first && next.map && (prev.map?.zoom !== next.map.zoom || prev.map?.lat !== next.map.lat || prev.map?.lon !== next.map.lon)) {
    const c = map.map.getCenter();
    // Only jump when the URL disagrees with the map (back/forward), not after the user's own move.
    if (Math.abs(c.lat - next.map.lat) > 1e-3 || Math.abs(c.lng - next.map.lon) > 1e-3 || Math.abs(map.map.getZoom() - next.map.zoom) > 1e-2) {
      map.map.jumpTo({ center: [next.map.lon, next.map.lat], zoom: next.map.zoom });
    }
  }
  first = false;
  await Promise.all(work);
}

document.addEventListener("keydown", (e) => {
  if (e.key === "Escape" && state.inc) navigate({ inc: null });
});
$("lang-switch").addEventListener("click", () => navigate({ lang: state.lang === "ar" ? "en" : "ar" }));
window.addEventListener("popstate", () => void apply(parseState(location.search)));
// The chart is drawn at its container's width: redraw when that changes (window, panel, phone).
let chartWidth = 0;
new ResizeObserver((entries) => {
  const w = Math.round(entries[0]?.contentRect.width ?? 0);
  if (w === chartWidth) return;
  const firstSize = chartWidth === 0;
  chartWidth = w;
  if (!firstSize) redrawTimeline(state);
}).observe($("timeline"));

async function boot(): Promise<void> {
  applyLang(state);
  await apply(state);
  performance.mark("hudna:data");
  await map.whenLoaded();
  map.map.once("idle", () => {
    performance.mark("hudna:map-idle");
    document.documentElement.dataset.ready = "1";
  });
  map.map.triggerRepaint();
}

void boot();
