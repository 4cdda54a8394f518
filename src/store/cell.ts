// The search key of an incident's place, so candidates come from an index range instead of a
// scan: a 0.1° grid cell (≈ 11 × 9 km in Syria) for a located town-or-finer place, "a:<admin1>"
// for a governorate-level one. A 5 km box around a point touches at most four cells.
import { bboxDegrees, isFine } from "../incidents/index.js";

const STEP = 10; // cells per degree

export function cellOf(lat: number | null, lon: number | null, precision: string | null, admin1: string | null): string | null {
  if (isFine(precision)) {
    if (lat == null || lon == null || !Number.isFinite(lat) || !Number.isFinite(lon)) return null;
    return `g:${Math.floor(lat * STEP)}:${Math.floor(lon * STEP)}`;
  }
  return admin1 ? `a:${admin1}` : null;
}

/** The cells a km-radius box around a point touches. */
export function cellsAround(lat: number, lon: number, km: number): string[] {
  const { dLat, dLon } = bboxDegrees(lat, km);
  const out: string[] = [];
  for (let y = Math.floor((lat - dLat) * STEP); y <= Math.floor((lat + dLat) * STEP); y++)
    for (let x = Math.floor((lon - dLon) * STEP); x <= Math.floor((lon + dLon) * STEP); x++) out.push(`g:${y}:${x}`);
  return out;
}
