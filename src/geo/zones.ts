// Monitored zones: GeoJSON polygons with id, name, name_ar, guarantors, start, end.
// zoneAt = point-in-polygon (even–odd ray casting) after a bounding-box test; date-aware.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ZoneFeature } from "./types.js";

export const DEFAULT_ZONES_PATH = fileURLToPath(new URL("../../assets/geo/zones-2017.geojson", import.meta.url));

interface Compiled {
  feature: ZoneFeature;
  id: string;
  start: string | null;
  end: string | null;
  bbox: [number, number, number, number]; // minLon, minLat, maxLon, maxLat
  polygons: number[][][][]; // polygon → rings → [lon, lat]
}

let active: Compiled[] | null = null;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function fail(source: string, msg: string): never {
  throw new Error(`invalid zones file ${source}: ${msg}`);
}

function checkRing(ring: unknown, source: string, id: string): number[][] {
  if (!Array.isArray(ring) || ring.length < 4) fail(source, `zone "${id}": a ring needs at least 4 positions`);
  for (const pos of ring) {
    if (!Array.isArray(pos) || pos.length < 2 || !Number.isFinite(pos[0]) || !Number.isFinite(pos[1]))
      fail(source, `zone "${id}": positions must be [lon, lat] numbers`);
    if (Math.abs(pos[0] as number) > 180 || Math.abs(pos[1] as number) > 90) fail(source, `zone "${id}": position out of range`);
  }
  return ring as number[][];
}

/** Validate a parsed GeoJSON FeatureCollection of zones; throws a one-line message when invalid. */
export function compileZones(data: unknown, source = "(zones)"): Compiled[] {
  const fc = data as { type?: unknown; features?: unknown };
  if (!fc || fc.type !== "FeatureCollection" || !Array.isArray(fc.features)) fail(source, "expected a GeoJSON FeatureCollection");
  const out: Compiled[] = [];
  const seen = new Set<string>();
  for (const [i, f] of (fc.features as unknown[]).entries()) {
    const feat = f as { type?: unknown; properties?: Record<string, unknown>; geometry?: { type?: unknown; coordinates?: unknown } };
    if (!feat || feat.type !== "Feature") fail(source, `feature ${i} is not a Feature`);
    const p = feat.properties ?? {};
    const id = p.id;
    if (typeof id !== "string" || !id) fail(source, `feature ${i} has no string properties.id`);
    if (seen.has(id)) fail(source, `duplicate zone id "${id}"`);
    seen.add(id);
    for (const k of ["start", "end"] as const) {
      const v = p[k];
      if (v != null && (typeof v !== "string" || !ISO_DAY.test(v))) fail(source, `zone "${id}": ${k} must be YYYY-MM-DD or null`);
    }
    const g = feat.geometry;
    let polys: unknown[];
    if (g?.type === "Polygon") polys = [g.coordinates];
    else if (g?.type === "MultiPolygon" && Array.isArray(g.coordinates)) polys = g.coordinates;
    else fail(source, `zone "${id}": geometry must be Polygon or MultiPolygon`);
    const polygons = polys.map((poly) => {
      if (!Array.isArray(poly) || !poly.length) fail(source, `zone "${id}": empty polygon`);
      return poly.map((r) => checkRing(r, source, id));
    });
    const bbox: Compiled["bbox"] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const poly of polygons)
      for (const [x, y] of poly[0]!) {
        bbox[0] = Math.min(bbox[0], x!);
        bbox[1] = Math.min(bbox[1], y!);
        bbox[2] = Math.max(bbox[2], x!);
        bbox[3] = Math.max(bbox[3], y!);
      }
    const props = {
      ...p,
      id,
      name: typeof p.name === "string" ? p.name : id,
      name_ar: typeof p.name_ar === "string" ? p.name_ar : "",
      guarantors: Array.isArray(p.guarantors) ? p.guarantors.map(String) : [],
      start: (p.start as string | null | undefined) ?? null,
      end: (p.end as string | null | undefined) ?? null,
    };
    const feature = { type: "Feature", properties: props, geometry: g } as ZoneFeature;
    out.push({ feature, id, start: props.start, end: props.end, bbox, polygons: polygons as number[][][][] });
  }
  return out;
}

function inRing(ring: number[][], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0]!;
    const yi = ring[i]![1]!;
    const xj = ring[j]![0]!;
    const yj = ring[j]![1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function active_(): Compiled[] {
  if (!active) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(DEFAULT_ZONES_PATH, "utf8"));
    } catch (e) {
      throw new Error(`cannot read built zones ${DEFAULT_ZONES_PATH}: ${(e as Error).message}`);
    }
    active = compileZones(data, DEFAULT_ZONES_PATH);
  }
  return active;
}

/** Replace the active zones with any GeoJSON FeatureCollection file (`--zones FILE`). */
export function loadZonesFile(path: string): void {
  let raw: string;
  try {
    raw = readFileSync(path, "utf8");
  } catch (e) {
    throw new Error(`cannot read zones file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new Error(`invalid zones file ${path}: not JSON`);
  }
  active = compileZones(data, path);
}

/** Replace the active zones with an in-memory FeatureCollection (tests, API). */
export function setZones(data: unknown): void {
  active = compileZones(data);
}

/** Back to the shipped 2017 de-escalation zones. */
export function resetZones(): void {
  active = null;
}

export function getZones(): ZoneFeature[] {
  return active_().map((z) => z.feature);
}

/**
 * Id of the zone containing the point, or null. With a date (YYYY-MM-DD…), a zone counts only
 * from its start to its end (inclusive); without one, every zone counts.
 */
export function zoneAt(lat: number, lon: number, date?: string | null): string | null {
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  const day = date ? date.slice(0, 10) : null;
  for (const z of active_()) {
    if (lon < z.bbox[0] || lon > z.bbox[2] || lat < z.bbox[1] || lat > z.bbox[3]) continue;
    if (day) {
      if (z.start && day < z.start) continue;
      if (z.end && day > z.end) continue;
    }
    for (const poly of z.polygons) {
      if (!inRing(poly[0]!, lon, lat)) continue;
      let hole = false;
      for (let h = 1; h < poly.length; h++) if (inRing(poly[h]!, lon, lat)) hole = true;
      if (!hole) return z.id;
    }
  }
  return null;
}
