// GeoNames dump (tab-separated, 19 columns, e.g. SY.txt from SY.zip) → a gazetteer overlay file
// (default ./data/gazetteer-extra.json) loaded after the built gazetteer, so a user can monitor any
// country. Arabic names come from the alternatenames column.
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { createInterface } from "node:readline";
import { normalizeKey } from "../arabic/normalize.js";
import { loadGazetteer, phraseKeys, resetGazetteer } from "./gazetteer.js";
import { haversineKm } from "./sphere.js";
import type { GazKind, GazPlace, GazetteerFile } from "./types.js";

const CODE_KIND: Record<string, GazKind> = {
  ADM1: "governorate", ADM2: "district", ADM3: "subdistrict", ADM4: "subdistrict", PPLC: "city", PPLA: "city",
  PPLA2: "town", PPLA3: "town", PPLA4: "town", PPL: "town", PPLL: "town", PPLF: "town", PPLQ: "town", PPLR: "town",
  PPLS: "town", PPLW: "town", PPLX: "neighbourhood", STLMT: "town", AIRP: "airport", AIRB: "airbase",
  AIRF: "airbase", DAM: "dam", DAMSB: "dam", OILF: "field", GASF: "field", OILW: "field", HLL: "hill", HLLS: "hill",
  MT: "hill", MTS: "region", PK: "hill", CMP: "camp", CMPRF: "camp", CMPMN: "camp", PSTB: "crossing",
  PSTC: "crossing", BDG: "site", RGN: "region", AREA: "region", PLN: "region", VAL: "region", WAD: "region",
  PLAT: "region", DSRT: "region", INSM: "site", MILB: "site", CSTL: "site", RUIN: "site", ANS: "site",
};

const HAS_ARABIC = /[\u0621-\u064a]/;
export const MAX_LINE = 100_000;

export interface ImportStats {
  rows: number;
  added: number;
  withArabic: number;
  skippedDuplicate: number;
  skippedBad: number;
  skippedClass: number;
  out: string;
  total: number;
}

/** Parse one GeoNames row; null when it is not a place we keep. Throws on malformed rows. */
export function parseGeoNamesRow(line: string): { place: GazPlace; admin1Code: string; isAdm1: boolean } | null | "bad" {
  const c = line.split("\t");
  if (c.length < 15) return "bad";
  const [id, name, ascii, alt, latS, lonS, fclass, fcode, cc, , a1, , , , popS] = c;
  const lat = Number(latS);
  const lon = Number(lonS);
  if (!id || !/^\d+$/.test(id) || !name || !Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return "bad";
  const kind = CODE_KIND[fcode ?? ""] ?? (fclass === "P" ? "town" : null);
  if (!kind) return null;
  const alts = (alt ?? "").split(",").map((s) => s.trim()).filter(Boolean).slice(0, 200);
  const arabic = [...new Set(alts.filter((s) => HAS_ARABIC.test(s) && s.length <= 80))];
  const latin = [...new Set([ascii ?? "", ...alts.filter((s) => /^[A-Za-z][A-Za-z '\-]{2,60}$/.test(s))])].filter((s) => s && s !== name).slice(0, 8);
  const pop = Number(popS) || 0;
  const place: GazPlace = {
    id: `gn-${id}`, kind, name, name_ar: arabic[0] ?? "", lat: Math.round(lat * 1e5) / 1e5, lon: Math.round(lon * 1e5) / 1e5,
    admin1: null, cc: (cc ?? "").toUpperCase() || "XX", src: "geonames",
  };
  if (arabic.length > 1) place.ar = arabic.slice(1, 10);
  if (latin.length) place.en = latin;
  if (pop > 0) place.pop = pop;
  return { place, admin1Code: `${place.cc}.${a1 ?? ""}`, isAdm1: fcode === "ADM1" };
}

function readOverlay(path: string): GazetteerFile {
  if (!existsSync(path)) return { version: 1, built: new Date().toISOString().slice(0, 10), counts: {}, cues: {}, places: [] };
  try {
    const data = JSON.parse(readFileSync(path, "utf8")) as GazetteerFile;
    if (!Array.isArray(data.places)) throw new Error("no places");
    return data;
  } catch (e) {
    throw new Error(`existing overlay ${path} is not a gazetteer file (${(e as Error).message}); move it away or pass --out`);
  }
}

/**
 * Import a GeoNames-format dump into the overlay at `out` (merged with what it already holds).
 * Places already in the built gazetteer (same Arabic or English name within 3 km) are skipped.
 */
export async function importGeoNames(file: string, out: string, opts: { country?: string } = {}): Promise<ImportStats> {
  if (!existsSync(file)) throw new Error(`cannot read ${file}: no such file`);
  const built = loadGazetteer();
  const stats: ImportStats = { rows: 0, added: 0, withArabic: 0, skippedDuplicate: 0, skippedBad: 0, skippedClass: 0, out, total: 0 };
  const overlay = readOverlay(out);
  const byId = new Map(overlay.places.map((p) => [p.id, p]));
  const adm1Names = new Map<string, string>();
  const fresh: { place: GazPlace; admin1Code: string }[] = [];
  const rl = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    if (!line || line.startsWith("#")) continue;
    if (line.length > MAX_LINE) {
      stats.skippedBad++;
      continue;
    }
    stats.rows++;
    const r = parseGeoNamesRow(line);
    if (r === "bad") {
      stats.skippedBad++;
      if (stats.rows <= 5 && stats.skippedBad === stats.rows && lineNo >= 5)
        throw new Error(`${file} does not look like a GeoNames dump (19 tab-separated columns)`);
      continue;
    }
    if (!r) {
      stats.skippedClass++;
      continue;
    }
    if (opts.country && r.place.cc !== opts.country.toUpperCase()) {
      stats.skippedClass++;
      continue;
    }
    if (r.isAdm1) adm1Names.set(r.admin1Code, r.place.name);
    fresh.push(r);
  }
  if (stats.rows > 0 && stats.skippedBad === stats.rows) throw new Error(`${file} does not look like a GeoNames dump (19 tab-separated columns)`);

  // duplicate check against the built gazetteer: grid of ~0.05° cells
  const grid = new Map<string, GazPlace[]>();
  const cell = (lat: number, lon: number) => `${Math.floor(lat * 20)}:${Math.floor(lon * 20)}`;
  for (const p of built.places) {
    if (built.overlay && p.src === "geonames") continue;
    const k = cell(p.lat, p.lon);
    const l = grid.get(k);
    if (l) l.push(p);
    else grid.set(k, [p]);
  }
  const nameKeys = (p: GazPlace) => new Set([p.name_ar, ...(p.ar ?? []), p.name, ...(p.en ?? [])].filter(Boolean).map((s) => normalizeKey(s)));
  for (const { place, admin1Code } of fresh) {
    place.admin1 = adm1Names.get(admin1Code) ?? nearestAdmin1(grid, place) ?? null;
    const keys = nameKeys(place);
    let dup = false;
    const cy = Math.floor(place.lat * 20);
    const cx = Math.floor(place.lon * 20);
    for (let dy = -1; dy <= 1 && !dup; dy++)
      for (let dx = -1; dx <= 1 && !dup; dx++)
        for (const q of grid.get(`${cy + dy}:${cx + dx}`) ?? []) {
          if (haversineKm(q.lat, q.lon, place.lat, place.lon) > 3) continue;
          if ([...nameKeys(q)].some((k) => keys.has(k))) {
            dup = true;
            break;
          }
        }
    if (dup) {
      stats.skippedDuplicate++;
      continue;
    }
    if (place.name_ar) stats.withArabic++;
    byId.set(place.id, place);
    stats.added++;
  }
  const places = [...byId.values()];
  // phrase keys precomputed: loading the overlay then needs no normalizing
  for (const p of places) p.k = phraseKeys(p);
  const counts: Record<string, number> = {};
  for (const p of places) counts[p.kind] = (counts[p.kind] ?? 0) + 1;
  const file_: GazetteerFile = { version: 1, built: new Date().toISOString().slice(0, 10), counts: { ...counts, total: places.length }, cues: overlay.cues ?? {}, places };
  mkdirSync(dirname(out), { recursive: true });
  // write-then-rename: a crash never leaves a half-written overlay
  writeFileSync(out + ".tmp", JSON.stringify(file_));
  renameSync(out + ".tmp", out);
  stats.total = places.length;
  resetGazetteer();
  return stats;
}

/** admin1 of the nearest known place of the same country (within ~0.25°), for rows without one. */
function nearestAdmin1(grid: Map<string, GazPlace[]>, p: GazPlace): string | null {
  const cy = Math.floor(p.lat * 20);
  const cx = Math.floor(p.lon * 20);
  let best: GazPlace | null = null;
  let bd = Infinity;
  for (let r = 0; r <= 4 && !best; r++)
    for (let dy = -r; dy <= r; dy++)
      for (let dx = -r; dx <= r; dx++) {
        if (Math.max(Math.abs(dy), Math.abs(dx)) !== r) continue;
        for (const q of grid.get(`${cy + dy}:${cx + dx}`) ?? []) {
          if (q.cc !== p.cc || !q.admin1 || q.kind === "country") continue;
          const d = haversineKm(q.lat, q.lon, p.lat, p.lon);
          if (d < bd) {
            bd = d;
            best = q;
          }
        }
      }
  return best?.admin1 ?? null;
}
