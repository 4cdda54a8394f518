// The MapLibre map: offline basemap (GeoJSON served with the page, no tiles, no glyph server),
// monitored zones, and incidents clustered when dense, coloured by type and sized by killed.
// Text labels (cities, zones, cluster counts) are DOM markers, so Arabic renders with the
// browser's own fonts and shaping.
import * as maplibregl from "maplibre-gl";
import type { ExpressionSpecification, GeoJSONSource, StyleSpecification } from "maplibre-gl";
import type { FeatureCollection, Geometry, Point } from "geojson";
import type { IncidentRow, ZoneCollection } from "./api.js";
import { TYPE_COLORS, typeColor } from "./colors.js";
import { bdi, fill, h } from "./dom.js";
import { day, num, pick, range, shortZoneName, t, typeLabel } from "./i18n.js";
import type { Lang, MapView } from "./state.js";

const SYRIA_BOUNDS: [[number, number], [number, number]] = [[35.6, 32.3], [42.4, 37.35]];
const ATTRIBUTION = "Natural Earth (public domain) · rivers approximate";

export interface MapHandlers {
  onSelect(id: string): void;
  /** A click on a zone away from any incident: filter by that zone. */
  onZone(id: string): void;
  onView(view: MapView): void;
}

interface City {
  name: string;
  name_ar: string;
  rank: number;
  lon: number;
  lat: number;
}

function style(): StyleSpecification {
  const empty: FeatureCollection = { type: "FeatureCollection", features: [] };
  const typeMatch = ["match", ["get", "type"], ...Object.entries(TYPE_COLORS).flat(), TYPE_COLORS.other] as unknown as ExpressionSpecification;
  return {
    version: 8,
    sources: {
      countries: { type: "geojson", data: "basemap/countries.geojson", attribution: ATTRIBUTION },
      governorates: { type: "geojson", data: "basemap/governorates.geojson" },
      rivers: { type: "geojson", data: "basemap/rivers.geojson" },
      zones: { type: "geojson", data: empty, promoteId: "id" },
      incidents: { type: "geojson", data: empty, cluster: true, clusterRadius: 36, clusterMaxZoom: 10, promoteId: "id" },
      // The selected incident, outside the clustered source so its ring shows even inside a cluster.
      selected: { type: "geojson", data: empty },
    },
    layers: [
      { id: "sea", type: "background", paint: { "background-color": "#cfe3ee" } },
      { id: "countries-fill", type: "fill", source: "countries", paint: { "fill-color": ["case", ["get", "focus"], "#fbf8f1", "#ebe7dd"] } },
      { id: "governorates-line", type: "line", source: "governorates", paint: { "line-color": "#b9ad95", "line-width": 0.8, "line-dasharray": [3, 2] } },
      { id: "countries-line", type: "line", source: "countries", paint: { "line-color": "#8a7f6a", "line-width": ["case", ["get", "focus"], 1.6, 0.8] } },
      { id: "rivers", type: "line", source: "rivers", paint: { "line-color": "#7fb2d0", "line-width": 1.4 } },
      { id: "zones-fill", type: "fill", source: "zones", paint: { "fill-color": "#2b8cbe", "fill-opacity": ["case", ["boolean", ["feature-state", "active"], false], 0.32, 0.15] } },
      { id: "zones-line", type: "line", source: "zones", paint: { "line-color": "#1f6f99", "line-width": 1.6 } },
      {
        id: "clusters", type: "circle", source: "incidents", filter: ["has", "point_count"],
        paint: {
          "circle-color": "#4a4a4a", "circle-opacity": 0.82, "circle-stroke-color": "#fff", "circle-stroke-width": 1.5,
          "circle-radius": ["interpolate", ["linear"], ["get", "point_count"], 2, 12, 20, 18, 100, 26],
        },
      },
      {
        id: "incident-points", type: "circle", source: "incidents", filter: ["!", ["has", "point_count"]],
        paint: {
          "circle-color": typeMatch, "circle-opacity": 0.88, "circle-stroke-color": "#fff", "circle-stroke-width": 1.2,
          "circle-radius": ["interpolate", ["linear"], ["get", "killed"], 0, 5, 5, 7, 20, 10, 100, 15, 500, 22],
        },
      },
      {
        id: "incident-selected", type: "circle", source: "selected",
        paint: { "circle-color": "rgba(0,0,0,0)", "circle-stroke-color": "#111", "circle-stroke-width": 3, "circle-radius": 16 },
      },
    ],
  };
}

function bbox(g: Geometry): [[number, number], [number, number]] | null {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === "number" && typeof c[1] === "number") {
      minX = Math.min(minX, c[0]); maxX = Math.max(maxX, c[0]); minY = Math.min(minY, c[1]); maxY = Math.max(maxY, c[1]);
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  if ("coordinates" in g) walk(g.coordinates);
  return Number.isFinite(minX) ? [[minX, minY], [maxX, maxY]] : null;
}

/** Middle of the polygon's northern edge: zone names sit above the zone, clear of its points. */
function labelPoint(g: Geometry): [number, number] | null {
  const b = bbox(g);
  return b ? [(b[0][0] + b[1][0]) / 2, b[1][1]] : null;
}

export class IncidentMap {
  readonly map: maplibregl.Map;
  private readonly loaded: Promise<void>;
  private cityMarkers: { marker: maplibregl.Marker; el: HTMLElement; city: City }[] = [];
  private zoneMarkers: { marker: maplibregl.Marker; el: HTMLElement; name: string; name_ar: string | null }[] = [];
  private clusterMarkers = new Map<number, maplibregl.Marker>();
  private lang: Lang;
  private rows = new Map<string, IncidentRow>();
  private readonly legend: HTMLElement;
  private legendTouched = false;
  private readonly popup = new maplibregl.Popup({ closeButton: false, closeOnClick: false, offset: 10, className: "incident-popup" });
  private activeZone: string | null = null;
  /** True while the view is our own fit to Syria (not a user's or a shared URL's view). */
  private fitted: boolean;

  constructor(container: HTMLElement, view: MapView | null, lang: Lang, private readonly handlers: MapHandlers) {
    this.lang = lang;
    this.map = new maplibregl.Map({
      container,
      style: style(),
      ...(view ? { center: [view.lon, view.lat] as [number, number], zoom: view.zoom } : { bounds: SYRIA_BOUNDS, fitBoundsOptions: { padding: 16 } }),
      minZoom: 4,
      // The basemap covers Syria's region only (see assets/basemap/SOURCES.md).
      maxBounds: [[26, 25], [54, 43]],
      maxZoom: 14,
      attributionControl: { compact: true },
    });
    this.fitted = !view;
    // The page lays out its panels after the map is created: follow the container's size, and
    // keep Syria framed until the user moves the map.
    new ResizeObserver(() => {
      this.map.resize();
      if (this.fitted) this.map.fitBounds(SYRIA_BOUNDS, { padding: 16, duration: 0 });
    }).observe(container);
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-left");
    this.loaded = new Promise((resolve) => this.map.once("load", () => {
      performance.mark("hudna:map-load");
      resolve();
    }));
    this.map.on("click", "incident-points", (e) => {
      const id = e.features?.[0]?.properties?.id;
      if (typeof id === "string") this.handlers.onSelect(id);
    });
    this.map.on("click", "clusters", (e) => void this.expandCluster(e.features?.[0]));
    this.map.on("click", "zones-fill", (e) => {
      const hits = this.map.queryRenderedFeatures(e.point, { layers: ["incident-points", "clusters"] });
      const id = e.features?.[0]?.properties?.id;
      if (!hits.length && typeof id === "string") this.handlers.onZone(id);
    });
    for (const layer of ["incident-points", "clusters", "zones-fill"]) {
      this.map.on("mouseenter", layer, () => (this.map.getCanvas().style.cursor = "pointer"));
      this.map.on("mouseleave", layer, () => (this.map.getCanvas().style.cursor = ""));
    }
    this.map.on("mousemove", "incident-points", (e) => {
      const f = e.features?.[0];
      const row = typeof f?.properties?.id === "string" ? this.rows.get(f.properties.id) : undefined;
      if (!row || f?.geometry.type !== "Point") return;
      this.popup.setLngLat(f.geometry.coordinates as [number, number]).setDOMContent(this.popupContent(row)).addTo(this.map);
    });
    this.map.on("mouseleave", "incident-points", () => this.popup.remove());
    this.legend = h("details", { class: "map-legend" });
    container.parentElement?.appendChild(this.legend);
    this.legend.addEventListener("click", () => (this.legendTouched = true));
    this.map.on("moveend", (e) => {
      // Only user moves go into the URL; programmatic fits keep shared links stable.
      if ((e as { originalEvent?: unknown }).originalEvent) {
        this.fitted = false;
        const c = this.map.getCenter();
        this.handlers.onView({ zoom: this.map.getZoom(), lat: c.lat, lon: c.lng });
      }
    });
    // Labels follow what is actually drawn once the map settles (tiles of other zooms may still
    // be loaded, so the source's features would include stale clusters).
    this.map.on("idle", () => this.updateClusterLabels());
    void this.loadCities();
  }

  whenLoaded(): Promise<void> {
    return this.loaded;
  }

  private async loadCities(): Promise<void> {
    try {
      const res = await fetch("basemap/cities.geojson");
      const fc = (await res.json()) as FeatureCollection<Point, { name: string; name_ar: string; rank: number }>;
      for (const f of fc.features) {
        const [lon, lat] = f.geometry.coordinates as [number, number];
        const city: City = { ...f.properties, lon, lat };
        const el = h("div", { class: `city-label rank-${city.rank}`, "aria-hidden": "true" });
        const marker = new maplibregl.Marker({ element: el, anchor: "left" }).setLngLat([lon, lat]).addTo(this.map);
        this.cityMarkers.push({ marker, el, city });
      }
      this.relabel();
    } catch {
      // Labels are decoration; the map works without them.
    }
  }

  private popupContent(r: IncidentRow): HTMLElement {
    const lang = this.lang;
    return h("div", { dir: lang === "ar" ? "rtl" : "ltr" },
      h("strong", {}, typeLabel(lang, r.type)), " — ", bdi(pick(lang, r.place, r.place_ar) || t(lang, "unknownPlace")),
      h("br"), day(lang, r.date_start), " · ", t(lang, "killed"), " ", range(lang, r.killed.low, r.killed.best, r.killed.high));
  }

  /** The colours of the types currently on the map. */
  private renderLegend(): void {
    const types = [...new Set([...this.rows.values()].filter((r) => r.lat !== null).map((r) => r.type))].sort();
    const items = types.map((ty) => {
      const dot = h("span", { class: "type-dot", "aria-hidden": "true" });
      dot.style.backgroundColor = typeColor(ty);
      return h("li", {}, dot, typeLabel(this.lang, ty));
    });
    const wasOpen = (this.legend as HTMLDetailsElement).open;
    fill(this.legend, h("summary", {}, t(this.lang, "legend")), h("ul", {}, ...items));
    // Open by default while short; a long legend stays folded until asked for.
    (this.legend as HTMLDetailsElement).open = this.legendTouched ? wasOpen : types.length <= 6 && window.innerWidth > 700;
    this.legend.hidden = types.length === 0;
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.renderLegend();
    this.relabel();
    this.updateClusterLabels(true);
  }

  private relabel(): void {
    for (const { el, city } of this.cityMarkers) el.textContent = pick(this.lang, city.name, city.name_ar);
    for (const z of this.zoneMarkers) z.el.textContent = shortZoneName(this.lang, z.name, z.name_ar);
    const zoom = this.map.getZoom();
    for (const { el, city } of this.cityMarkers) el.hidden = city.rank > (zoom < 6 ? 1 : zoom < 7.5 ? 2 : 3);
  }

  async setZones(zones: ZoneCollection): Promise<void> {
    await this.loaded;
    (this.map.getSource("zones") as GeoJSONSource).setData(zones as unknown as FeatureCollection);
    for (const z of this.zoneMarkers) z.marker.remove();
    this.zoneMarkers = [];
    for (const f of zones.features) {
      const c = labelPoint(f.geometry);
      if (!c) continue;
      const el = h("div", { class: "zone-label", "aria-hidden": "true" });
      const marker = new maplibregl.Marker({ element: el, anchor: "bottom" }).setLngLat(c).addTo(this.map);
      this.zoneMarkers.push({ marker, el, name: f.properties.name, name_ar: f.properties.name_ar });
    }
    this.relabel();
    this.map.on("zoom", () => this.relabel());
    this.setActiveZone(this.activeZone);
  }

  /** Frame a zone (after the user picks it); false when its shape isn't known yet. */
  fitZone(zone: string, zones: ZoneCollection | null): boolean {
    const f = zones?.features.find((z) => z.properties.id === zone);
    const b = f ? bbox(f.geometry) : null;
    if (!b) return false;
    this.fitted = false;
    this.map.fitBounds(b, { padding: 40, maxZoom: 10, duration: 0 });
    return true;
  }

  setActiveZone(zone: string | null): void {
    if (this.activeZone && this.map.getSource("zones")) this.map.setFeatureState({ source: "zones", id: this.activeZone }, { active: false });
    this.activeZone = zone;
    if (zone && this.map.getSource("zones")) this.map.setFeatureState({ source: "zones", id: zone }, { active: true });
  }

  async setIncidents(rows: IncidentRow[]): Promise<void> {
    await this.loaded;
    this.rows = new Map(rows.map((r) => [r.id, r]));
    this.renderLegend();
    this.popup.remove();
    const fc: FeatureCollection = {
      type: "FeatureCollection",
      features: rows
        .filter((r) => r.lat !== null && r.lon !== null)
        .map((r) => ({
          type: "Feature",
          geometry: { type: "Point", coordinates: [r.lon!, r.lat!] },
          properties: { id: r.id, type: r.type, killed: r.killed.best ?? r.killed.low ?? 0 },
        })),
    };
    for (const m of this.clusterMarkers.values()) m.remove();
    this.clusterMarkers.clear();
    (this.map.getSource("incidents") as GeoJSONSource).setData(fc);
  }

  async select(id: string | null, row?: IncidentRow | null): Promise<void> {
    await this.loaded;
    const at = row && row.id === id && row.lat !== null && row.lon !== null ? ([row.lon, row.lat] as [number, number]) : null;
    (this.map.getSource("selected") as GeoJSONSource).setData({
      type: "FeatureCollection",
      features: at ? [{ type: "Feature", properties: { id }, geometry: { type: "Point", coordinates: at } }] : [],
    });
    if (row && row.lat !== null && row.lon !== null) {
      const b = this.map.getBounds();
      if (!b.contains([row.lon, row.lat])) {
        this.fitted = false;
        this.map.easeTo({ center: [row.lon, row.lat], duration: 0 });
      }
    }
  }

  private async expandCluster(f: maplibregl.MapGeoJSONFeature | undefined): Promise<void> {
    const clusterId = f?.properties?.cluster_id;
    if (typeof clusterId !== "number" || f?.geometry.type !== "Point") return;
    const zoom = await (this.map.getSource("incidents") as GeoJSONSource).getClusterExpansionZoom(clusterId);
    this.map.easeTo({ center: f.geometry.coordinates as [number, number], zoom });
  }

  /** Cluster counts as DOM labels (no glyph server for symbol layers). */
  private updateClusterLabels(force = false): void {
    if (!this.map.getSource("incidents")) return;
    const seen = new Set<number>();
    for (const f of this.map.queryRenderedFeatures({ layers: ["clusters"] })) {
      const id = f.properties?.cluster_id as number;
      if (seen.has(id) || f.geometry.type !== "Point") continue;
      seen.add(id);
      let m = this.clusterMarkers.get(id);
      if (m && force) {
        m.remove();
        m = undefined;
      }
      if (!m) {
        const el = h("div", { class: "cluster-label", "aria-hidden": "true" }, num(this.lang, f.properties?.point_count as number));
        m = new maplibregl.Marker({ element: el }).setLngLat(f.geometry.coordinates as [number, number]).addTo(this.map);
        this.clusterMarkers.set(id, m);
      }
    }
    for (const [id, m] of this.clusterMarkers) {
      if (!seen.has(id)) {
        m.remove();
        this.clusterMarkers.delete(id);
      }
    }
  }

  resize(): void {
    this.map.resize();
  }
}
