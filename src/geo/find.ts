// findPlaces: every place phrase of a whole report, resolved together, with relative locations
// ("على بعد 40 كم جنوب شرقي الرقة") folded into one mention and a zone on every place.
import { normalizeKey, normalizeWithMap } from "../arabic/normalize.js";
import type { Bearing, PlacePrecision } from "../model/index.js";
import { loadGazetteer, type Gazetteer } from "./gazetteer.js";
import { recognize, type RawMention } from "./recognize.js";
import { rankTogether, shares, type Ranked } from "./rank.js";
import { relativeAround, bearingBefore, BEARING_DEG } from "./relative.js";
import { destination } from "./sphere.js";
import { cuePrefixLen } from "./cues.js";
import { geoTokens, isAnyGap, isHardGap, type GeoToken } from "./text.js";
import type { GazKind, GazPlace, PlaceMention, ScoredPlace } from "./types.js";
import { zoneAt } from "./zones.js";

const PRECISION: Record<GazKind, PlacePrecision> = {
  country: "country", governorate: "governorate", district: "district", subdistrict: "district", city: "town",
  town: "town", foreign_city: "town", neighbourhood: "point", camp: "point", airbase: "point", airport: "point",
  crossing: "point", dam: "point", field: "point", checkpoint: "point", hill: "point", site: "point",
  region: "region", rural: "region",
};

export function precisionOf(p: GazPlace): PlacePrecision {
  return PRECISION[p.kind] ?? "town";
}

export function toPlace(p: GazPlace, score: number, date: string | null | undefined): ScoredPlace {
  return {
    name: p.name, name_ar: p.name_ar, admin1: p.admin1, lat: p.lat, lon: p.lon, precision: precisionOf(p),
    zone: zoneAt(p.lat, p.lon, date ?? null), gid: p.id, score: Math.round(score * 1000) / 1000,
  };
}

/** Move a place by a relation; keeps the anchor point when km or bearing is missing. */
export function applyRelation(pl: ScoredPlace, km: number | null, bearing: Bearing | null, date: string | null | undefined): ScoredPlace {
  const out: ScoredPlace = { ...pl, relation: { km, bearing, from: pl.name } };
  if (km !== null && bearing && pl.lat !== null && pl.lon !== null) {
    const d = destination(pl.lat, pl.lon, km, BEARING_DEG[bearing]);
    out.lat = d.lat;
    out.lon = d.lon;
    out.precision = "region";
    out.zone = zoneAt(d.lat, d.lon, date ?? null);
  }
  return out;
}

const DIR_ADJ: Record<Bearing, string> = {
  N: "الشمالي", S: "الجنوبي", E: "الشرقي", W: "الغربي", NE: "الشمالي الشرقي", NW: "الشمالي الغربي",
  SE: "الجنوبي الشرقي", SW: "الجنوبي الغربي",
};
const TOWN_WORDS = new Set(["المدينه", "البلده", "القريه", "المخيم", "البلدات", "القري"]);

interface Work {
  raw: RawMention;
  start: number; // token span shown
  end: number;
  ranked: Ranked[];
  relation?: { km: number | null; bearing: Bearing | null };
  /** synthetic "غرب المدينة": anchor mention index */
  anchorOf?: number;
}

/** Recognize and resolve every place phrase of `text` (offsets into `text` as given). */
export function findPlaces(text: string, opts: { date?: string | null; assumeCue?: boolean; bestOnly?: boolean } = {}): PlaceMention[] {
  if (typeof text !== "string" || !text) return [];
  const gaz = loadGazetteer();
  const { text: norm, map } = normalizeWithMap(text);
  const toks = geoTokens(norm);
  const raws = recognize(gaz, toks, text, map, opts.assumeCue === true);
  if (!raws.length) return [];
  directionalRural(gaz, toks, raws);
  const ranked = rankTogether(raws.map((r) => r.ids.map((k) => gaz.places[k]!)), raws.map((r) => r.kinds), raws.map((r) => r.key));
  // the type noun belongs to the span when it names the chosen kind ("بلدة كفرنبل"), not for
  // "قرى ريف إدلب" (villages OF the countryside)
  const work: Work[] = raws.map((raw, m) => {
    const k = ranked[m]![0]?.place.kind;
    const start = raw.kinds && k && !raw.kinds.includes(k) && !(raw.kinds.includes("town") && k === "city") ? raw.a : raw.ts;
    return { raw, start, end: raw.b, ranked: ranked[m]! };
  });

  // relative locations around each anchor
  for (let m = 0; m < work.length; m++) {
    const w = work[m]!;
    const best = w.ranked[0]?.place;
    if (!best || best.kind === "country") continue;
    const rel = relativeAround(toks, w.raw.b, w.raw.ts);
    if (!rel) continue;
    // never swallow the previous mention
    const prevEnd = m > 0 ? work[m - 1]!.end : 0;
    if (rel.start < prevEnd) continue;
    w.relation = { km: rel.km, bearing: rel.bearing };
    w.start = Math.min(w.start, rel.start);
    w.end = Math.max(w.end, rel.end);
  }
  const date = opts.date ?? null;
  const lean = opts.bestOnly === true;
  const out: PlaceMention[] = work.map((w) => mentionOf(w, toks, text, map, date, lean));
  out.push(...cityRelative(toks, work, text, map, date));
  out.push(...unknownNeighbourhoods(toks, work, text, map, date));
  out.push(...itsCountryside(gaz, toks, work, text, map, date));
  out.sort((a, b) => a.start - b.start);
  return out;
}

/** shares(r) cut to its first entry: the same sum in the same order, without the two arrays. */
function firstShare(r: Ranked[]): number[] {
  if (!r.length) return [];
  const mx = r[0]!.s;
  let sum = 0;
  for (const x of r) sum += Math.exp(6 * (x.s - mx));
  return [Math.exp(6 * (r[0]!.s - mx)) / sum];
}

// lean (bestOnly): the caller reads only `best`: no alternatives (each costs a zone lookup), no `why`
function mentionOf(w: Work, toks: GeoToken[], text: string, map: Int32Array, date: string | null, lean = false): PlaceMention {
  const sh = lean ? firstShare(w.ranked) : shares(w.ranked);
  const rc = w.raw.why.startsWith("loose") ? 0.7 : w.raw.strong || w.raw.weak ? 1 : 0.9;
  let places = w.ranked.slice(0, lean ? 1 : 5).map((r, k) => {
    const derived = r.place.derived ? 0.8 : 1;
    return toPlace(r.place, sh[k]! * rc * derived, date);
  });
  if (w.relation) places = places.map((p) => applyRelation(p, w.relation!.km, w.relation!.bearing, date));
  const skip = w.start === w.raw.a ? (w.raw.skip ?? 0) : w.start === w.raw.ts ? cuePrefixLen(toks[w.start]!.t) : 0;
  const start = map[toks[w.start]!.s + skip]!;
  const end = map[toks[w.end - 1]!.e]!;
  if (lean) return { start, end, text: text.slice(start, end), best: places[0]!, alternatives: [], why: "" };
  const top = w.ranked[0]!;
  const why = [
    `matched "${w.raw.key}"`,
    w.raw.why,
    w.ranked.length > 1 ? `${w.ranked.length} candidates` : "",
    top.near ? `near ${top.near.name} (${top.near.km} km)` : "",
    w.relation ? `relation ${w.relation.km ?? "?"} km ${w.relation.bearing ?? ""}`.trim() : "",
  ].filter(Boolean).join("; ");
  return { start, end, text: text.slice(start, end), best: places[0]!, alternatives: places.slice(1), why };
}

/** "جنوب ريف إدلب" → the southern Idlib countryside entry (not a relation to the whole area). */
function directionalRural(gaz: Gazetteer, toks: GeoToken[], raws: RawMention[]): void {
  for (const r of raws) {
    if (!r.key.startsWith("ريف ") || r.key.split(" ").length !== 2) continue;
    const br = bearingBefore(toks, r.ts);
    if (!br || isHardGap(toks[r.ts]!.gap)) continue;
    const key = `${r.key} ${DIR_ADJ[br.bearing]}`;
    const ids = gaz.byPhrase.get(key);
    if (!ids) continue;
    r.key = key;
    r.ids = ids;
    r.ts = br.start;
    r.why = `"${toks[br.start]!.t} ${r.key}" → ${key}`;
  }
}

/** "غرب المدينة" / "إلى الشمال من البلدة": the city = the last town-like place mentioned before. */
function cityRelative(toks: GeoToken[], work: Work[], text: string, map: Int32Array, date: string | null): PlaceMention[] {
  const out: PlaceMention[] = [];
  let wi = 0;
  for (let k = 1; k < toks.length; k++) {
    const t = toks[k]!.t;
    // every town word is "ال…" of 5–7 letters: most tokens are told apart without hashing them
    if (t.length < 5 || t.length > 7 || t.charCodeAt(1) !== 0x0644 || !TOWN_WORDS.has(t) || isHardGap(toks[k]!.gap)) continue;
    let b = k;
    if (toks[k - 1]!.t === "من") b = k - 1;
    const br = bearingBefore(toks, b);
    if (!br) continue;
    while (wi < work.length && work[wi]!.end <= br.start) wi++;
    // the last town-like mention before the phrase
    let anchor: Work | null = null;
    for (let x = wi - 1; x >= 0; x--) {
      const p = work[x]!.ranked[0]?.place;
      if (p && (p.kind === "city" || p.kind === "town" || p.kind === "camp" || p.kind === "foreign_city")) {
        anchor = work[x]!;
        break;
      }
    }
    if (!anchor || (wi < work.length && work[wi]!.start <= k)) continue;
    const rel = relativeAround(toks, k + 1, k);
    const km = rel?.km ?? null;
    const s0 = rel ? Math.min(rel.start, br.start) : br.start;
    const e0 = rel ? Math.max(rel.end, k + 1) : k + 1;
    const base = toPlace(anchor.ranked[0]!.place, 0.8, date);
    const best = applyRelation(base, km, br.bearing, date);
    const start = map[toks[s0]!.s]!;
    const end = map[toks[e0 - 1]!.e]!;
    out.push({ start, end, text: text.slice(start, end), best, alternatives: [], why: `"${toks[k]!.t}" = last town mentioned: ${base.name}` });
  }
  return out;
}

// singular only: "أحياء" is also "reviving/the living" ("إحياء الذكرى")
const HAYY = new Set(["حي", "بحي", "وحي", "لحي", "وبحي", "حيي", "بحيي"]);
const NAME_STOP = new Set(["كامل", "كامله", "باكمله", "باكملها", "سكني", "سكنيه", "شعبي", "يرزق", "فيها", "فيه", "في", "من", "علي", "الي", "قرب", "عند", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط", "داخل", "بعد", "منذ", "خلال", "اثر", "جراء", "حيث", "التي", "الذي", "بين", "مع"]);

/**
 * "حي نزلة شحادة في الرقة": a neighbourhood the gazetteer does not know still tells the town —
 * the next town named in the same sentence, else the last one named before.
 */
function unknownNeighbourhoods(toks: GeoToken[], work: Work[], text: string, map: Int32Array, date: string | null): PlaceMention[] {
  const out: PlaceMention[] = [];
  if (!work.length) return out;
  const covered = new Uint8Array(toks.length + 1); // 1: token inside a found mention
  for (const w of work) for (let k = w.start; k < w.end; k++) covered[k] = 1;
  const townLike = (w: Work) => {
    const p = w.ranked[0]?.place;
    return !!p && (p.kind === "city" || p.kind === "town" || p.kind === "foreign_city");
  };
  for (let k = 0; k + 1 < toks.length; k++) {
    // every form of حي has at most four letters and ends in ي
    const t = toks[k]!.t;
    if (t.length > 4 || t.charCodeAt(t.length - 1) !== 0x064a || !HAYY.has(t) || covered[k] === 1 || covered[k + 1] === 1) continue;
    let e = k + 1;
    while (e < toks.length && e - k <= 2 && covered[e] !== 1 && !isAnyGap(toks[e]!.gap) && toks[e]!.num === undefined && !NAME_STOP.has(toks[e]!.t) &&
      !(e > k + 1 && /^[وبل]/.test(toks[e]!.t) && !toks[e]!.t.startsWith("ال")))
      e++;
    if (e === k + 1) continue;
    // the town: next in the same sentence, else the last before
    let anchor: Work | null = null;
    for (const w of work) {
      if (w.start >= e && townLike(w)) {
        let hard = false;
        for (let x = e; x <= w.start && !hard; x++) hard = isHardGap(toks[x]!.gap);
        if (!hard && w.start - e <= 4) anchor = w;
        break;
      }
    }
    if (!anchor) for (const w of work) if (w.end <= k && townLike(w)) anchor = w;
    if (!anchor) continue;
    const t0 = toks[k]!.t;
    const start = map[toks[k]!.s + (t0.startsWith("وب") ? 2 : /^[وبل]/.test(t0) && t0 !== "حي" && t0 !== "حيي" ? 1 : 0)]!;
    const end = map[toks[e - 1]!.e]!;
    const base = toPlace(anchor.ranked[0]!.place, 0.6, date);
    out.push({ start, end, text: text.slice(start, end), best: { ...base, name_ar: text.slice(start, end) }, alternatives: [],
      why: `neighbourhood not in the gazetteer: placed at ${base.name}` });
    k = e - 1;
  }
  return out;
}

const RIFUHA = /^(و|ب|وب|ف)?(ريفها|ريفه|اريافها|اريافه)$/;
const DIR_WORDS = new Set(["الشمالي", "الجنوبي", "الشرقي", "الغربي"]);

/** "إدلب وريفها الجنوبي": the countryside of the place just named. */
function itsCountryside(gaz: Gazetteer, toks: GeoToken[], work: Work[], text: string, map: Int32Array, date: string | null): PlaceMention[] {
  const out: PlaceMention[] = [];
  let wi = 0;
  for (let k = 1; k < toks.length; k++) {
    const t = toks[k]!.t;
    // every match ends in "…فه"/"…فها": spares the regex on ordinary words (char codes: no string compares)
    const L = t.length;
    const z = t.charCodeAt(L - 1);
    if (!(z === 0x0647 ? t.charCodeAt(L - 2) === 0x0641 : z === 0x0627 && t.charCodeAt(L - 2) === 0x0647 && t.charCodeAt(L - 3) === 0x0641)) continue;
    const m = RIFUHA.exec(t);
    if (!m) continue;
    while (wi < work.length && work[wi]!.end <= k) wi++;
    const prev = work[wi - 1];
    if (!prev || prev.end < k - 1 || isHardGap(toks[k]!.gap)) continue;
    const anchor = prev.ranked[0]?.place;
    if (!anchor || anchor.cc !== "SY") continue;
    let e = k + 1;
    const dirs: string[] = [];
    while (e < toks.length && dirs.length < 2 && DIR_WORDS.has(toks[e]!.t) && !isAnyGap(toks[e]!.gap)) dirs.push(toks[e++]!.t);
    const base = `ريف ${normalizeKey(anchor.name_ar)}`;
    let ids: number[] | undefined;
    for (const key of [dirs.length ? `${base} ${dirs.join(" ")}` : base, base]) if ((ids = gaz.byPhrase.get(key))) break;
    if (!ids && dirs.length) e = k + 1;
    const place = ids ? gaz.places[ids[0]!]! : anchor;
    const start = map[toks[k]!.s + (m[1]?.length ?? 0)]!;
    const end = map[toks[e - 1]!.e]!;
    out.push({ start, end, text: text.slice(start, end), best: toPlace(place, ids ? 0.9 : 0.6, date), alternatives: [],
      why: `countryside of ${anchor.name}${ids ? "" : " (no countryside entry: the place itself)"}` });
  }
  return out;
}
