// Adapter to src/geo: place mentions in a report text (original offsets). Geo loads lazily and
// may be missing or fail; extraction then goes on without places and says so in a warning.
import type { Place } from "../model/index.js";

export interface RawPlace {
  start: number;
  end: number;
  text: string;
  place: Place;
}

type GeoModule = {
  findPlaces(text: string, opts?: { date?: string | null; bestOnly?: boolean }): { start: number; end: number; text: string; best: Place & { score?: number } }[];
  loadZonesFile?(path: string): unknown;
};

let geo: GeoModule | null = null;
let geoError: string | null = null;
for (const path of ["../geo/index.js", "../geo/find.js"]) {
  try {
    geo = (await import(path)) as GeoModule;
    if (!geo.loadZonesFile) {
      const zones = (await import("../geo/zones.js".toString())) as Pick<GeoModule, "loadZonesFile">;
      geo = { ...geo, loadZonesFile: zones.loadZonesFile };
    }
    geoError = null;
    break;
  } catch (e) {
    geoError = `places unavailable: ${(e as Error).message.split("\n")[0]}`;
  }
}

/** Load a GeoJSON zones file through geo; throws a one-line Error when it cannot. */
export function loadZones(path: string): void {
  if (!geo?.loadZonesFile) throw new Error(geoError ?? "zones unavailable");
  geo.loadZonesFile(path);
}

export function geoModule(): GeoModule | null {
  return geo;
}

export function findPlacesSafe(text: string, date: string | null, warnings: string[]): RawPlace[] {
  if (!geo) {
    if (geoError) warnings.push(geoError);
    return [];
  }
  try {
    return geo
      .findPlaces(text, { date, bestOnly: true })
      .filter((m) => m.best)
      .map((m) => ({ start: m.start, end: m.end, text: m.text, place: m.best }));
  } catch (e) {
    warnings.push(`places: ${(e as Error).message.split("\n")[0]}`);
    return [];
  }
}
