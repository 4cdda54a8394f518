// Small geometry and date helpers for matching (no I/O).

const R_KM = 6371;

/** Great-circle distance in km. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

const DAY_MS = 86_400_000;

// Matching compares every candidate's dates: the same few hundred date strings over and over.
const days = new Map<string, number>();

/** Days since the epoch of a YYYY-MM-DD (or ISO) date; NaN when unreadable. */
export function dayNumber(iso: string): number {
  let n = days.get(iso);
  if (n === undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
    n = m ? Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS) : Number.NaN;
    if (days.size >= 10_000) days.clear();
    days.set(iso, n);
  }
  return n;
}

export function addDays(iso: string, days: number): string {
  const n = dayNumber(iso);
  if (Number.isNaN(n)) return iso;
  return new Date((n + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Degrees of latitude/longitude that cover `km` around `lat` (for a bounding-box prefilter). */
export function bboxDegrees(lat: number, km: number): { dLat: number; dLon: number } {
  const dLat = km / 111;
  const dLon = km / (111 * Math.max(0.1, Math.cos((lat * Math.PI) / 180)));
  return { dLat, dLon };
}
