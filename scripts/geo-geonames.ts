// GeoNames' Syrian populated places (scripts/geo-data/geonames-sy-cities500.tsv, CC BY 4.0) merged
// into the gazetteer at build time. GeoNames carries Arabic alternate names, so it
//  - adds spelling variants to a place we already have (same Arabic name within 6 km),
//  - replaces our transliteration of a UCDP name with GeoNames' Arabic (same English name within
//    6 km): "Ad Dumayr" was "الدومير" by our rules, GeoNames has "الضمير",
//  - adds the towns no other list has (e.g. القحطانية), after the same checks as every source.
import { readFileSync } from "node:fs";
import { normalizeKey } from "../src/arabic/normalize.js";
import { haversineKm } from "../src/geo/sphere.js";
import type { GazPlace } from "../src/geo/types.js";
import { skeletonAr, skeletonEn, skeletonsMatch } from "./geo-translit.js";

/** GeoNames admin1 codes for Syria → the governorate names the gazetteer uses. */
export const GEONAMES_ADMIN1: Record<string, string> = {
  "01": "Al-Hasakah", "02": "Latakia", "03": "Quneitra", "04": "Raqqa", "05": "As-Suwayda", "06": "Daraa",
  "07": "Deir ez-Zor", "08": "Rif Dimashq", "09": "Aleppo", "10": "Hama", "11": "Homs", "12": "Idlib",
  "13": "Damascus", "14": "Tartus",
};

export interface GeoNamesRow {
  id: string;
  name: string;
  latin: string[];
  arabic: string[];
  lat: number;
  lon: number;
  fcode: string;
  admin1: string | null;
  pop: number;
}

export function readGeoNamesTsv(path: string): GeoNamesRow[] {
  const out: GeoNamesRow[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line || line.startsWith("#") || line.startsWith("geonameid\t")) continue;
    const [id, name, ascii, latin, arabic, lat, lon, fcode, adm, pop] = line.split("\t");
    out.push({
      id: id!, name: (ascii || name!).replace(/`/g, "'"), latin: [name!, ...(latin ? latin.split("|") : [])],
      // "ناحية السبع بيار" names the sub-district; the place is "السبع بيار"
      arabic: [...new Set((arabic ? arabic.split("|") : []).map((a) => a.replace(/^ناحية\s+/, "").trim()).filter(Boolean))],
      lat: Number(lat), lon: Number(lon), fcode: fcode!, admin1: GEONAMES_ADMIN1[adm!] ?? null, pop: Number(pop) || 0,
    });
  }
  return out;
}

/** Arabic key without spaces or articles: "كفر زيتا" ~ "كفرزيتا", "الحاضر" ~ "حاضر". */
export function foldKey(ar: string): string {
  return normalizeKey(ar).split(" ").map((w) => w.replace(/^ال/, "")).join("");
}

/** Latin key that ignores articles, vowels, doubled letters and diacritics ("Aḑ Ḑumayr" ~ "Ad Dumayr"). */
export function latinKey(s: string): string {
  return s
    .normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/\b(al|el|ar|as|ash|ad|at|az|an|ath|adh)[- ]/g, "")
    .replace(/[^a-z]/g, "").replace(/(.)\1+/g, "$1").replace(/[aeiouyw]/g, "");
}

/** Replace a transliterated Arabic name by GeoNames' (the old form stays a variant: reports vary too). */
function fix(p: GazPlace, main: string, variants: string[]): void {
  const old = p.name_ar;
  p.name_ar = main;
  p.ar = [...new Set([...variants, ...(p.ar ?? []), old])].filter((a) => a !== main);
  delete p.derived;
  p.src = "ucdp+geonames";
}

export interface GeoNamesStats { rows: number; merged: number; fixed: number; added: number; rejected: number }

/**
 * Merge GeoNames rows into `places` (mutated). `admin1Near` gives the governorates around a point;
 * a row whose stated governorate is not among them, or that lies outside Syria, is rejected.
 */
export function mergeGeoNames(
  rows: GeoNamesRow[], places: GazPlace[], admin1At: (lat: number, lon: number) => string,
  admin1Near: (lat: number, lon: number) => Set<string>, inSyria: (lat: number, lon: number) => boolean,
): GeoNamesStats {
  const st: GeoNamesStats = { rows: rows.length, merged: 0, fixed: 0, added: 0, rejected: 0 };
  const POINT = new Set(["city", "town", "neighbourhood", "camp", "site"]);
  const pts = places.filter((p) => p.cc === "SY" && POINT.has(p.kind));
  for (const r of rows) {
    // historical, abandoned and destroyed places are not where events happen now
    if (!r.arabic.length || /^PPL[HQW]$/.test(r.fcode)) continue;
    if (!inSyria(r.lat, r.lon) || (r.admin1 && !admin1Near(r.lat, r.lon).has(r.admin1))) {
      st.rejected++;
      continue;
    }
    // The Arabic spelling of the English name (GeoNames lists alternates alphabetically, and
    // some are other names altogether: عريقة is also "تل عمار").
    const skel = skeletonEn(r.name);
    // GeoNames writes ع as ‘ in its own romanization: "Al ‘Ashārah" is العشارة, not الأشارة
    const ayn = r.latin[0]!.includes("‘");
    const spellings = r.arabic
      .filter((a) => skeletonsMatch(skeletonAr(a), skel))
      .sort((a, b) => (ayn ? Number(b.includes("ع")) - Number(a.includes("ع")) : 0));
    const main = spellings[0] ?? r.arabic[0]!;
    // only spellings that keep the article as the main name has it: GeoNames also lists "ثورة" for
    // الثورة and "سفيرة" for السفيرة, and bare, those are the common words "revolution", "ambassador"
    const art = main.startsWith("ال");
    const variants = spellings.filter((a) => a !== main && a.startsWith("ال") === art);
    // Same place: a name that agrees once spaces and articles are folded (كفر زيتا ~ كفرزيتا,
    // الحاضر ~ حاضر) or by consonant skeleton (الشدادة ~ الشدادي, الحول ~ الهول), within 6 km.
    const keys = new Set(r.arabic.map(foldKey));
    const skels = r.arabic.map(skeletonAr);
    const near = pts.filter((p) => Math.abs(p.lat - r.lat) < 0.07 && haversineKm(p.lat, p.lon, r.lat, r.lon) < 6);
    const same = near.find((p) =>
      [p.name_ar, ...(p.ar ?? [])].some((a) => keys.has(foldKey(a)) || skels.some((k) => skeletonsMatch(skeletonAr(a), k))));
    if (same?.derived) {
      // our transliteration of a UCDP name, now with an Arabic name from an Arabic source
      fix(same, main, variants);
      st.fixed++;
      continue;
    }
    if (same) {
      // a new spelling, not the same name without its article or space (كفر زيتا ~ كفرزيتا is matched anyway)
      const have = new Set([same.name_ar, ...(same.ar ?? [])].map(foldKey));
      const sameArt = same.name_ar.startsWith("ال");
      const extra = [main, ...variants].filter((a) => !have.has(foldKey(a)) && a.startsWith("ال") === sameArt);
      if (extra.length) same.ar = [...new Set([...(same.ar ?? []), ...extra])];
      st.merged++; // (its population is left alone: it decides "ريف X" areas and cue levels)
      continue;
    }
    const lk = new Set(r.latin.map(latinKey).filter((k) => k.length >= 2));
    const derived = near.find((p) => p.derived && [p.name, ...(p.en ?? [])].some((e) => lk.has(latinKey(e))));
    if (derived) {
      fix(derived, main, variants);
      st.fixed++;
      continue;
    }
    const p: GazPlace = {
      id: `gn-${r.id}`, kind: r.pop >= 50000 ? "city" : "town", name: r.name, name_ar: main,
      lat: Math.round(r.lat * 1e5) / 1e5, lon: Math.round(r.lon * 1e5) / 1e5, admin1: r.admin1 ?? admin1At(r.lat, r.lon),
      cc: "SY", ar: variants.length ? variants : undefined, en: r.latin.filter((x) => x !== r.name).slice(0, 3),
      pop: r.pop || undefined, src: "geonames",
    };
    places.push(p);
    pts.push(p);
    st.added++;
  }
  return st;
}
