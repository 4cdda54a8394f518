// Builds assets/geo/gazetteer.json (and zones) from the open data in ../shared/data plus our own
// hand-written lists under scripts/geo-data/. Rerunnable: `npm run build:gazetteer`.
// Usage: node --import tsx scripts/build-gazetteer.ts [--data DIR] [--out DIR]
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { normalizeKey } from "../src/arabic/normalize.js";
import type { GazPlace, GazetteerFile, GazKind } from "../src/geo/types.js";
import { SITES } from "./geo-data/sites.js";
import { WORLD_CITIES, COUNTRY_NAME_VARIANTS, COUNTRY_ADJECTIVES, LOCALITY_ALIASES } from "./geo-data/world.js";
import { transliterate, stripUcdpSuffix, skeletonAr, skeletonEn, skeletonsMatch } from "./geo-translit.js";
import { haversineKm, bearingDeg } from "../src/geo/sphere.js";
import { buildZones } from "./geo-zones.js";
import { phraseKeys } from "../src/geo/gazetteer.js";
import { corpusCueStats, STOP_STRONG, STOP_WEAK } from "./geo-cues.js";
import { readGeoNamesTsv, mergeGeoNames, foldKey } from "./geo-geonames.js";
import { UCDP_ARABIC } from "./geo-data/ucdp-arabic.js";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (n: string) => {
  const i = args.indexOf(n);
  return i >= 0 ? args[i + 1] : undefined;
};
const DATA = resolve(flag("--data") ?? join(here, "../../shared/data"));
const OUT = resolve(flag("--out") ?? join(here, "../assets/geo"));
if (!existsSync(DATA)) {
  console.error(`build-gazetteer: data folder not found: ${DATA} (pass --data DIR)`);
  process.exit(2);
}
const readJson = (p: string) => JSON.parse(readFileSync(join(DATA, p), "utf8"));
const r5 = (x: number) => Math.round(x * 1e5) / 1e5;

interface OsUnit {
  id: string;
  governorateId?: string;
  districtId?: string;
  name: { en: string; ar: string };
  aliases: { value: string; language: string; type: string }[];
  centroid: { latitude: number; longitude: number };
  area?: { value: number };
  population?: { value: number };
}

const places: GazPlace[] = [];
const add = (p: GazPlace) => {
  places.push(p);
  return p;
};
// "مدينة X" aliases of admin units would make "مدينة إدلب" the district: the city is a locality
const arAliases = (u: OsUnit) =>
  u.aliases.filter((a) => a.language === "ar" && !/^مدينة\s/.test(a.value)).map((a) => a.value);
const enAliases = (u: OsUnit) =>
  u.aliases.filter((a) => a.language === "en" && !/^[a-z ]+$/.test(a.value)).map((a) => a.value);

// --- 1. OpenSyria administrative units -------------------------------------------------------
const govs: OsUnit[] = readJson("open-syria/governorates.json");
const dists: OsUnit[] = readJson("open-syria/districts.json");
const subs: OsUnit[] = readJson("open-syria/subdistricts.json");
const govName = new Map(govs.map((g) => [g.id, g.name.en]));
for (const g of govs) {
  add({
    id: g.id, kind: "governorate", name: g.name.en, name_ar: g.name.ar, lat: r5(g.centroid.latitude),
    lon: r5(g.centroid.longitude), admin1: g.name.en, cc: "SY", ar: arAliases(g), en: enAliases(g),
    pop: g.population?.value, src: "opensyria",
  });
}
for (const d of dists) {
  const ar = arAliases(d);
  add({
    id: d.id, kind: "district", name: d.name.en, name_ar: d.name.ar, lat: r5(d.centroid.latitude),
    lon: r5(d.centroid.longitude), admin1: govName.get(d.governorateId!) ?? null, cc: "SY",
    ar: [...ar, `منطقة ${d.name.ar}`], en: enAliases(d), pop: d.population?.value, src: "opensyria",
  });
}
for (const s of subs) {
  const bare = s.name.ar.replace(/^مركز\s+/, "");
  add({
    id: s.id, kind: "subdistrict", name: s.name.en, name_ar: s.name.ar, lat: r5(s.centroid.latitude),
    lon: r5(s.centroid.longitude), admin1: govName.get(s.governorateId!) ?? null, cc: "SY",
    ar: [...arAliases(s), `ناحية ${bare}`], en: enAliases(s), pop: s.population?.value, src: "opensyria",
  });
}
// Governorate of a point = that of the nearest sub-district centroid (no polygons ship).
const subPts = subs.map((s) => ({ lat: s.centroid.latitude, lon: s.centroid.longitude, gov: govName.get(s.governorateId!)! }));
function admin1At(lat: number, lon: number): string {
  let best = subPts[0]!;
  let bd = Infinity;
  for (const s of subPts) {
    const d = (s.lat - lat) ** 2 + ((s.lon - lon) * Math.cos((lat * Math.PI) / 180)) ** 2;
    if (d < bd) {
      bd = d;
      best = s;
    }
  }
  return best.gov;
}
/** Governorates of the `k` nearest sub-district centroids: a stated governorate outside them is wrong. */
function admin1Near(lat: number, lon: number, k = 3): Set<string> {
  const d = (s: (typeof subPts)[number]) => (s.lat - lat) ** 2 + ((s.lon - lon) * Math.cos((lat * Math.PI) / 180)) ** 2;
  return new Set([...subPts].sort((a, b) => d(a) - d(b)).slice(0, k).map((s) => s.gov));
}

// --- 2. Localities with Arabic names -----------------------------------------------------------
interface Loc { nameAr: string; nameEn: string; lat: number; lng: number; pop?: number }
const locs: Loc[] = readJson("localities-ar/syria-localities.json");
const localities: GazPlace[] = [];
const fixEn: Record<string, string> = { "جديدة": "Jdeideh" }; // the source pairs جديدة with "Daraa"
let locN = 0;
for (const l of locs) {
  if (!l.nameAr || !Number.isFinite(l.lat) || !Number.isFinite(l.lng)) continue;
  const key = normalizeKey(l.nameAr);
  // duplicates: same folded name within 3 km → keep one
  const dup = localities.find((p) => normalizeKey(p.name_ar) === key && haversineKm(p.lat, p.lon, l.lat, l.lng) < 3);
  if (dup) {
    if (l.pop && !dup.pop) dup.pop = l.pop;
    continue;
  }
  let en = fixEn[l.nameAr] ?? (l.nameEn || "").trim();
  if (!en || /[\u0600-\u06ff]/.test(en)) en = transliterateBack(l.nameAr);
  const p = add({
    id: `loc-${++locN}`, kind: l.pop && l.pop >= 50000 ? "city" : "town", name: en, name_ar: l.nameAr.trim(),
    lat: r5(l.lat), lon: r5(l.lng), admin1: admin1At(l.lat, l.lng), cc: "SY", pop: l.pop || undefined,
    src: "localities",
  });
  localities.push(p);
}
/** Rough Arabic→Latin only for a missing English label (display only, never matched against text). */
function transliterateBack(ar: string): string {
  const m: Record<string, string> = {
    ا: "a", أ: "a", إ: "i", آ: "a", ب: "b", ت: "t", ث: "th", ج: "j", ح: "h", خ: "kh", د: "d", ذ: "dh", ر: "r",
    ز: "z", س: "s", ش: "sh", ص: "s", ض: "d", ط: "t", ظ: "z", ع: "'", غ: "gh", ف: "f", ق: "q", ك: "k", ل: "l",
    م: "m", ن: "n", ه: "h", و: "w", ي: "y", ى: "a", ة: "a", ء: "'", ؤ: "'", ئ: "'", " ": " ",
  };
  const s = [...ar].map((c) => m[c] ?? "").join("").replace(/^al/, "al-");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

for (const l of localities) {
  const extra = LOCALITY_ALIASES[l.name_ar];
  if (extra?.length) l.ar = [...new Set([...(l.ar ?? []), ...extra])];
}
// Governorate capitals and district seats are cities (they outrank villages of the same name).
for (const u of [...govs, ...dists]) {
  const k = normalizeKey(u.name.ar === "ريف دمشق" ? "" : u.name.ar);
  const seat = localities
    .filter((l) => normalizeKey(l.name_ar) === k)
    .sort((a, b) => haversineKm(a.lat, a.lon, u.centroid.latitude, u.centroid.longitude) - haversineKm(b.lat, b.lon, u.centroid.latitude, u.centroid.longitude))[0];
  if (seat && haversineKm(seat.lat, seat.lon, u.centroid.latitude, u.centroid.longitude) < 60) seat.kind = "city";
}

// --- 3. Aleppo neighbourhoods (OCHA) -----------------------------------------------------------
const nb = readJson("localities-ar/aleppo-neighbourhoods.json").items as {
  pCode: string; nameArabic: string; nameEnglish: string; centerLatitude: number; centerLongitude: number;
}[];
for (const n of nb) {
  const names = n.nameArabic.split("/").map((s) => s.trim()).filter(Boolean);
  const [first, ...rest] = names;
  add({
    id: `alp-${n.pCode}`, kind: n.nameArabic.includes("مخيم") ? "camp" : "neighbourhood", name: n.nameEnglish,
    name_ar: first!, lat: r5(n.centerLatitude), lon: r5(n.centerLongitude), admin1: "Aleppo", cc: "SY",
    ar: [...rest, `حي ${first}`], src: "ocha-aleppo",
  });
}

// --- 4. Hand-written sites and regions ---------------------------------------------------------
let siteN = 0;
for (const [kind, en, ar, lat, lon, adm, arv, env] of SITES) {
  add({
    id: `site-${++siteN}`, kind: kind as GazKind, name: en, name_ar: ar, lat, lon,
    admin1: adm ?? (kind === "region" ? null : admin1At(lat, lon)), cc: "SY", ar: arv ?? [], en: env ?? [],
    src: "hudna",
  });
}

// A hand-written site absorbs a same-name locality within 10 km: in reports "حميميم" is the air
// base, "الشعيرات" the airfield (the village keeps existing as the site's spelling).
{
  const siteNames = new Map<string, GazPlace[]>();
  for (const p of places) if (p.src === "hudna") for (const n of [p.name_ar, ...(p.ar ?? [])]) {
    const k = normalizeKey(n);
    siteNames.set(k, [...(siteNames.get(k) ?? []), p]);
  }
  for (let i = places.length - 1; i >= 0; i--) {
    const l = places[i]!;
    if (l.src !== "localities" || l.kind === "city" || (l.pop ?? 0) >= 15000) continue;
    const s = (siteNames.get(normalizeKey(l.name_ar)) ?? []).find((p) => p.kind !== "region" && p.kind !== "town" && haversineKm(p.lat, p.lon, l.lat, l.lon) < 10);
    if (s) {
      places.splice(i, 1);
      localities.splice(localities.indexOf(l), 1);
    }
  }
}

// --- 5. UCDP places: English only → derived Arabic, cross-checked with nearby Arabic names -----
const ucdpLines = readFileSync(join(DATA, "ucdp-places/syria-places.tsv"), "utf8").trim().split("\n").slice(1);
const MERGE_KINDS = new Set<GazKind>(["town", "city", "neighbourhood", "camp", "airbase", "airport", "crossing", "dam", "field", "site", "hill", "checkpoint"]);
const syrianPts = places.filter((p) => p.cc === "SY" && MERGE_KINDS.has(p.kind));
let ucdpMerged = 0;
let ucdpAdded = 0;
let ucdpRejected = 0;
let ucdpSeats = 0;
let ucdpKnown = 0;
for (const line of ucdpLines) {
  const [rawName, adm1, , latS, lonS, precS, evS] = line.split("\t");
  const lat = Number(latS);
  const lon = Number(lonS);
  const ev = Number(evS) || 0;
  const prec = Number(precS);
  if (!rawName || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
  const stripped = stripUcdpSuffix(rawName);
  const kind = stripped.kind;
  if (!kind) continue; // governorates, districts, "areas" and enclaves: covered by admin units / sites
  // "Tadmur/Palmyra", "Maar Tahroma/Maarat Hurmah": first spelling is the name, the rest variants
  const [name, ...otherEn] = stripped.name.split("/").map((x) => x.trim()).filter(Boolean) as [string, ...string[]];
  const cands = transliterate(name);
  // Cross-check: an Arabic place within 8 km whose consonant skeleton (or English label) agrees.
  const skel = skeletonEn(name);
  const latinKey = latin(name);
  let match: GazPlace | null = null;
  let md = Infinity;
  for (const p of syrianPts) {
    if (Math.abs(p.lat - lat) > 0.1) continue;
    const d = haversineKm(p.lat, p.lon, lat, lon);
    if (d > 8 || d >= md) continue;
    const same =
      [p.name, ...(p.en ?? [])].some((e) => latin(e) === latinKey || otherEn.some((o) => latin(o) === latin(e))) ||
      [p.name_ar, ...(p.ar ?? [])].some((a) => skeletonsMatch(skeletonAr(a), skel));
    if (same) {
      match = p;
      md = d;
    }
  }
  if (match) {
    match.ev = (match.ev ?? 0) + ev;
    match.en = [...new Set([...(match.en ?? []), name, ...otherEn])];
    ucdpMerged++;
    continue;
  }
  // A town that the Arabic lists only know as the seat of its sub-district ("سراقب"): the
  // sub-district's Arabic name, UCDP's coordinates — cross-checked, so not derived.
  const seatOf = subs.find((u) => {
    const bare = u.name.ar.replace(/^مركز\s+/, "");
    return haversineKm(u.centroid.latitude, u.centroid.longitude, lat, lon) < 15 && skeletonsMatch(skeletonAr(bare), skel);
  });
  if (seatOf && (kind === "town" || kind === "city")) {
    const bare = seatOf.name.ar.replace(/^مركز\s+/, "");
    add({ id: `ucdp-seat-${++ucdpSeats}`, kind: "town", name, name_ar: bare, lat: r5(lat), lon: r5(lon),
      admin1: govName.get(seatOf.governorateId!) ?? admin1At(lat, lon), cc: "SY", en: otherEn, ev, src: "ucdp" });
    syrianPts.push(places[places.length - 1]!);
    continue;
  }
  // Our hand-written Arabic for a name the transliteration gets wrong: merge into a place listed
  // under that Arabic name within 8 km, else add it (a real Arabic name: not `derived`).
  const known = UCDP_ARABIC[name];
  if (known && prec <= 2) {
    const keys = new Set(known.map(foldKey));
    const same = syrianPts.find((p) => Math.abs(p.lat - lat) < 0.1 && haversineKm(p.lat, p.lon, lat, lon) < 8 &&
      [p.name_ar, ...(p.ar ?? [])].some((a) => keys.has(foldKey(a))));
    if (same) {
      same.ev = (same.ev ?? 0) + ev;
      same.en = [...new Set([...(same.en ?? []), name, ...otherEn])];
      ucdpMerged++;
      ucdpKnown++;
      continue;
    }
    add({ id: `ucdp-ar-${++ucdpKnown}`, kind, name, name_ar: known[0]!, lat: r5(lat), lon: r5(lon),
      admin1: ucdpGov(adm1 ?? "") ?? admin1At(lat, lon), cc: "SY", ar: known.slice(1), en: otherEn, ev, src: "ucdp+hudna" });
    syrianPts.push(places[places.length - 1]!);
    continue;
  }
  // Not cross-checked: keep only confident transliterations of precise places.
  const confident = cands.length > 0 && prec <= 2 && cands[0]!.length >= 3;
  if (!confident) {
    ucdpRejected++;
    continue;
  }
  add({
    id: `ucdp-${++ucdpAdded}`, kind, name, name_ar: cands[0]!, lat: r5(lat), lon: r5(lon),
    admin1: ucdpGov(adm1 ?? "") ?? admin1At(lat, lon), cc: "SY", ar: cands.slice(1, 3), en: otherEn, ev, derived: 1, src: "ucdp",
  });
}
function latin(s: string): string {
  return s.toLowerCase().replace(/\b(al|el|ar|as|ash|ad|at|az|an|ad)[- ]/g, "").replace(/[^a-z]/g, "").replace(/(.)\1+/g, "$1").replace(/[aeiouyw]/g, "");
}
function ucdpGov(s: string): string | null {
  const k = s.replace(/ Governorate$/, "").toLowerCase().replace(/[^a-z]/g, "");
  for (const g of govs) {
    const names = [g.name.en, ...g.aliases.map((a) => a.value)].map((x) => x.toLowerCase().replace(/[^a-z]/g, ""));
    if (names.includes(k) || names.includes(k.replace(/^(ar|as|ad|al|an|ash)/, ""))) return g.name.en;
  }
  return null;
}

// --- 5b. GeoNames (CC BY 4.0): Arabic spellings, fixes of our transliterations, missing towns ---
/** Syria's bounding box, a little padded (Qamishli, Albu Kamal, Kasab, the Yarmouk valley). */
const inSyria = (lat: number, lon: number) => lat >= 32.3 && lat <= 37.35 && lon >= 35.6 && lon <= 42.45;
const gn = mergeGeoNames(readGeoNamesTsv(join(here, "geo-data/geonames-sy-cities500.tsv")), places, admin1At, admin1Near, inSyria);

// --- 5c. Checks on every Syrian point: inside Syria; the stated governorate is the point's -------
// (the point's governorate is judged from the three nearest sub-district centroids, as no polygons
// ship; a disagreement is listed for review, a point outside Syria fails the build.)
{
  const off: string[] = [];
  for (const p of places) {
    if (p.cc !== "SY" || p.kind === "governorate" || p.kind === "region" || p.kind === "country") continue;
    if (!inSyria(p.lat, p.lon)) throw new Error(`build-gazetteer: ${p.id} ${p.name_ar} (${p.lat}, ${p.lon}) lies outside Syria`);
    if (p.admin1 && p.src !== "opensyria" && !admin1Near(p.lat, p.lon).has(p.admin1)) off.push(`${p.id} ${p.name_ar} ${p.admin1}≠${admin1At(p.lat, p.lon)}`);
  }
  if (off.length) console.log(`  governorate checks: ${off.length} points whose stated governorate is not the nearest sub-district's (border cases):\n    ${off.slice(0, 12).join("\n    ")}${off.length > 12 ? "\n    …" : ""}`);
}

// --- 6. Rural areas: "ريف X" and "ريف X الجنوبي"… from the localities around each capital -----
const DIRS: [string, string, number][] = [
  ["الشمالي", "northern", 0], ["الشمالي الشرقي", "northeastern", 45], ["الشرقي", "eastern", 90],
  ["الجنوبي الشرقي", "southeastern", 135], ["الجنوبي", "southern", 180], ["الجنوبي الغربي", "southwestern", 225],
  ["الغربي", "western", 270], ["الشمالي الغربي", "northwestern", 315],
];
const ALT_DIR: Record<string, string[]> = {
  "الشمالي الشرقي": ["الشرقي الشمالي"], "الجنوبي الشرقي": ["الشرقي الجنوبي"],
  "الجنوبي الغربي": ["الغربي الجنوبي"], "الشمالي الغربي": ["الغربي الشمالي"],
};
const meanPt = (arr: GazPlace[]) => ({
  lat: r5(arr.reduce((s, p) => s + p.lat, 0) / arr.length), lon: r5(arr.reduce((s, p) => s + p.lon, 0) / arr.length),
});
const ruralKeys = new Set<string>();
/** "ريف X" and its eight directional parts from the localities of `pool` around `center`. */
const ruralDone = new Set<GazPlace>();
function addRural(id: string, center: GazPlace, nameAr: string, nameEn: string, admin: string, pool: GazPlace[]): void {
  if (ruralDone.has(center)) return;
  ruralDone.add(center);
  const plainTaken = ruralKeys.has(normalizeKey(`ريف ${nameAr}`));
  ruralKeys.add(normalizeKey(`ريف ${nameAr}`));
  if (pool.length && !plainTaken) {
    add({ id, kind: "rural", name: `${nameEn} countryside`, name_ar: `ريف ${nameAr}`, ...meanPt(pool), admin1: admin, cc: "SY",
      ar: [`أرياف ${nameAr}`], src: "hudna-derived" });
  }
  for (const [ar, en, deg] of DIRS) {
    const half = deg % 90 === 0 ? 50 : 30;
    const sector = pool.filter((l) => {
      let d = Math.abs(bearingDeg(center.lat, center.lon, l.lat, l.lon) - deg);
      if (d > 180) d = 360 - d;
      return d <= half;
    });
    if (sector.length < 3) continue;
    add({
      id: `${id}-${en}`, kind: "rural", name: `${en[0]!.toUpperCase()}${en.slice(1)} ${nameEn} countryside`,
      name_ar: `ريف ${nameAr} ${ar}`, ...meanPt(sector), admin1: admin, cc: "SY",
      ar: (ALT_DIR[ar] ?? []).map((a) => `ريف ${nameAr} ${a}`), src: "hudna-derived",
    });
  }
}
// governorates: the localities of the governorate around its capital ("ريف دمشق" itself is the
// governorate Rif Dimashq; its parts come from the localities of Rif Dimashq around Damascus)
for (const g of govs) {
  if (g.name.en === "Rif Dimashq") continue;
  const capital = localities.find((l) => l.kind === "city" && normalizeKey(l.name_ar) === normalizeKey(g.name.ar));
  if (!capital) continue;
  const admin = g.name.en === "Damascus" ? "Rif Dimashq" : g.name.en;
  const pool = localities.filter((l) => l.admin1 === admin && haversineKm(l.lat, l.lon, capital.lat, capital.lon) > 6);
  if (g.name.en === "Damascus") ruralKeys.add(normalizeKey("ريف دمشق"));
  addRural(`rural-${g.id}`, capital, g.name.ar, g.name.en, admin, pool);
}
// district seats and other towns reports use as landmarks ("ريف منبج الغربي"، "ريف جسر الشغور")
const seats = [...localities.filter((l) => l.kind === "city" || (l.pop ?? 0) >= 20000), ...places.filter((p) => p.id.startsWith("ucdp-seat-"))];
for (const seat of seats) {
  const pool = localities.filter((l) => l !== seat && haversineKm(l.lat, l.lon, seat.lat, seat.lon) > 3 && haversineKm(l.lat, l.lon, seat.lat, seat.lon) < 30);
  addRural(`rural-${seat.id}`, seat, seat.name_ar, seat.name, seat.admin1 ?? admin1At(seat.lat, seat.lon), pool);
}

// --- 7. Countries and foreign cities -------------------------------------------------------------
const require_ = (await import("node:module")).createRequire(import.meta.url);
type WC = { cca2: string; name: { common: string; official: string }; translations: Record<string, { common: string; official: string }>; latlng: [number, number]; altSpellings: string[] };
const countries: WC[] = require_("world-countries/countries.json");
const COUNTRY_EN: Record<string, string> = { TR: "Turkey" }; // the name reports and UCDP use
const countryName = new Map<string, string>();
for (const c of countries) {
  countryName.set(c.cca2, c.name.common);
  const ara = c.translations["ara"];
  if (!ara) continue;
  const extra = COUNTRY_NAME_VARIANTS[c.cca2] ?? [];
  add({
    id: `cc-${c.cca2}`, kind: "country", name: COUNTRY_EN[c.cca2] ?? c.name.common, name_ar: extra[0] ?? ara.common, lat: r5(c.latlng[0]),
    lon: r5(c.latlng[1]), admin1: null, cc: c.cca2,
    ar: [...new Set([ara.common, ara.official, ...extra])], en: [c.name.common, c.name.official, ...c.altSpellings.filter((a) => a.length > 3)],
    adj: adjectives(COUNTRY_ADJECTIVES[c.cca2] ?? []), src: "world-countries",
  });
}
/** "روسي" → روسي، الروسي، روسية، الروسية، روسيين…; irregular plurals are listed as they are. */
function adjectives(stems: string[]): string[] | undefined {
  const out = new Set<string>();
  for (const st of stems) {
    out.add(st);
    if (st.startsWith("ال") || st.endsWith("ون") || st.endsWith("ين") || !st.endsWith("ي")) {
      if (!st.startsWith("ال")) out.add("ال" + st);
      continue;
    }
    for (const f of [st, st + "ة", st + "ين", st + "ون", st + "تان", st + "تين", st + "ان"]) {
      out.add(f);
      out.add("ال" + f);
    }
  }
  return out.size ? [...out] : undefined;
}
const seenCity = new Set<string>();
for (const [en, ar, lat, lon, cc, arv, env] of WORLD_CITIES) {
  if (seenCity.has(en)) continue;
  seenCity.add(en);
  add({
    id: `city-${cc}-${en.toLowerCase().replace(/[^a-z]+/g, "-")}`, kind: cc === "SY" ? "site" : "foreign_city",
    name: en, name_ar: ar, lat, lon, admin1: cc === "SY" ? admin1At(lat, lon) : countryName.get(cc) ?? cc, cc,
    ar: arv ?? [], en: env ?? [], src: "hudna",
  });
}

// --- 8. Cue levels per name: words common in prose need a place cue ---------------------------
const corpus = join(DATA, "real-news-ar/articles.jsonl");
const stats = existsSync(corpus) ? corpusCueStats(corpus, places) : new Map<string, { n: number; cued: number }>();
const majorKeys = new Set<string>();
const allKeys = new Set<string>();
for (const p of places) {
  // well-known names: a bare mention is enough (common-word capitals are in STOP_* instead)
  const major =
    p.kind === "country" || p.kind === "governorate" || p.kind === "rural" || p.kind === "city" ||
    (p.src === "hudna" && p.kind !== "neighbourhood") || ((p.src === "localities" || p.src === "geonames") && (p.pop ?? 0) >= 15000);
  for (const n of [p.name_ar, ...(p.ar ?? [])]) {
    const k = normalizeKey(n);
    allKeys.add(k);
    if (major) majorKeys.add(k);
  }
}
const cues: Record<string, 1 | 2> = {};
for (const key of allKeys) {
  let level: 0 | 1 | 2 = 0;
  if (STOP_STRONG.has(key)) level = 2;
  else if (STOP_WEAK.has(key)) level = 1;
  else if (!majorKeys.has(key)) {
    const s = stats.get(key);
    // seen often in news but rarely after a place cue → a common word first, a village second
    if (s && s.n >= 3 && s.cued / s.n < 0.5) level = s.n >= 40 && s.cued / s.n < 0.2 ? 2 : 1;
    else if (!key.includes(" ") && key.replace(/^ال/, "").length <= 2) level = 1;
    // "أبو عمر"، "أم محمد": a kunya is a person first
    else if (/^(ابو|ام) /.test(key)) level = 1;
  }
  if (level) cues[key] = level;
}
const cue1 = Object.values(cues).filter((v) => v === 1).length;
const cue2 = Object.values(cues).filter((v) => v === 2).length;

// --- 9. Write ------------------------------------------------------------------------------------
for (const p of places) {
  for (const k of ["ar", "en"] as const) {
    const v = p[k];
    if (!v) continue;
    const main = k === "ar" ? p.name_ar : p.name;
    const u = [...new Set(v.map((s) => s.trim()).filter((s) => s && s !== main))];
    if (u.length) p[k] = u;
    else delete p[k];
  }
  if (!p.pop) delete p.pop;
  if (p.admin1 === undefined) p.admin1 = null;
}
for (const p of places) p.k = phraseKeys(p);
const counts: Record<string, number> = {};
for (const p of places) counts[p.kind] = (counts[p.kind] ?? 0) + 1;
const syrian = places.filter((p) => p.cc === "SY").length;
const out: GazetteerFile = {
  version: 1, built: new Date().toISOString().slice(0, 10),
  counts: { ...counts, total: places.length, syrian, derived: places.filter((p) => p.derived).length },
  cues,
  places,
};
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, "gazetteer.json"), JSON.stringify(out));
const zones = buildZones(places, subs.map((s) => ({ id: s.id, name_ar: s.name.ar, gov: govName.get(s.governorateId!)!, lat: s.centroid.latitude, lon: s.centroid.longitude })));
writeFileSync(join(OUT, "zones-2017.geojson"), JSON.stringify(zones, null, 1));
console.log(
  `gazetteer: ${places.length} places (${syrian} Syrian) → ${join(OUT, "gazetteer.json")}\n` +
    `  by kind: ${Object.entries(counts).map(([k, v]) => `${k}=${v}`).join(" ")}\n` +
    `  UCDP: merged ${ucdpMerged}, ${ucdpSeats} sub-district seats named from OpenSyria, added ${ucdpAdded} derived, ${ucdpKnown} with our Arabic (scripts/geo-data/ucdp-arabic.ts), rejected ${ucdpRejected}\n` +
    `  GeoNames: ${gn.rows} rows; spellings added to ${gn.merged}, ${gn.fixed} UCDP transliterations replaced by GeoNames Arabic, ${gn.added} towns added, ${gn.rejected} rejected by the checks\n` +
    `  cue levels: needs cue ${cue1}, needs type noun ${cue2}\n` +
    `zones: ${zones.features.length} → ${join(OUT, "zones-2017.geojson")}`,
);
