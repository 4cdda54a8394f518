// Every mention extraction needs, found once per report and expressed in NORMALIZED offsets:
// lexicon hits (triggers, parties, sources, cues), numbers and dates (src/arabic), places (src/geo).
import { findNumbers, type NumberMention } from "../arabic/numbers.js";
import { findDates, type DateMention } from "../arabic/dates.js";
import type { Place, PartyKind } from "../model/index.js";
import type { Doc } from "./document.js";
import { normalizeKey } from "../arabic/normalize.js";
import { compile, findAll, foldPattern, matchesAtWordStarts, scanWords, type Hit } from "./pattern.js";
import { TRIGGERS, type TriggerEntry } from "./lexicon/triggers.js";
import { PARTIES, NATIONALITIES, FORCE_NOUNS, GOV_NOUNS, type PartyEntry } from "./lexicon/parties.js";
import { SOURCES, ATTRIBUTION_CUES, CONTINUATION_CUES, type SourceEntry } from "./lexicon/sources.js";
import { KILLED, INJURED } from "./lexicon/cues.js";
import { findPlacesSafe } from "./places.js";

export const TRIG = compile(TRIGGERS);
const COMMON_WORDS = new Set(["ميدانيه", "ميداني", "الميدانيه", "الميداني", "حالات", "حاله", "جديده", "جديد", "جروح", "مدينه", "المدينه", "بلده", "قريه", "اخري", "عين", "سوق", "مركز", "معبر", "حي", "الحي", "تل", "جبل", "طريق", "الطريق", "مشفي", "مستشفي", "جامع", "مطار", "قاعده", "نقطه", "شارع", "خط", "حاجز", "مخيم", "المخيم", "سد", "بئر", "منطقه", "المنطقه", "الجيش"]);
// Capitals double as governments ("أنقرة تلوّح"): a place only after a place preposition.
const METONYMS = new Set(["اسرائيل", "روسيا", "تركيا", "ايران", "واشنطن", "موسكو", "انقره", "طهران", "دمشق", "عمان", "بيروت", "بغداد", "الرياض", "القاهره", "امريكا"]);
export const PART = compile(PARTIES);
export const SRC = compile(SOURCES);
export const ATTR = compile(ATTRIBUTION_CUES.map((e) => ({ re: `${e.re}(?:ها|ه|هم|هما)?` })));
export const CONT = compile(CONTINUATION_CUES);
export const KILL = compile(KILLED.map((re) => ({ re })));
export const INJ = compile(INJURED.map((re) => ({ re })));

const NAT_RE = new RegExp(
  `(?<![\\p{L}])(?:[وف])?(?:[بلك])?(?:ال)?(${foldPattern(FORCE_NOUNS)}|${foldPattern(GOV_NOUNS)})(?: (?:ال)?[\\p{L}]+){0,3}? (?:ال)?(${NATIONALITIES.map((n) => foldPattern(n.re)).join("|")})(?![\\p{L}])`,
  "gu",
);
// A match begins at its force/government noun (after clitics): only word starts where one can
// begin are tried (the global regex tried every position of the report).
const NAT_GATE = compile([{ re: FORCE_NOUNS }, { re: GOV_NOUNS }]);
const NAT_STICKY = new RegExp(NAT_RE.source, "uy");
// compiled once (not per match): which nationality a matched adjective names
const NAT_EXACT = NATIONALITIES.map((nat) => ({ nat, re: new RegExp(`^(?:${foldPattern(nat.re)})$`, "u") }));
const FORCE_RE = new RegExp(`^(?:${foldPattern(FORCE_NOUNS)})$`, "u");

export interface PartyHit {
  start: number;
  end: number;
  name: string;
  name_ar: string;
  kind: PartyKind;
  country?: string;
  generic?: boolean;
}

export interface NumHit extends NumberMention {
  ns: number; // normalized start/end
  ne: number;
  nounNorm: string;
}
export interface DateHit extends DateMention {
  ns: number;
  ne: number;
}
export interface PlaceHit {
  ns: number;
  ne: number;
  text: string;
  place: Place;
}

export interface Mentions {
  triggers: Hit<TriggerEntry>[];
  parties: PartyHit[];
  sources: Hit<SourceEntry>[];
  attributions: Hit<{ re: string }>[];
  continuations: Hit<{ re: string }>[];
  kills: Hit<{ re: string }>[];
  injuries: Hit<{ re: string }>[];
  numbers: NumHit[];
  dates: DateHit[];
  places: PlaceHit[];
  warnings: string[];
}

/** "(الخليج اليوم)"، «سوريا اليوم»: a day word inside a short bracketed or quoted name is part of the name. */
function insideName(text: string, start: number, end: number): boolean {
  if (end - start > 8) return false;
  const before = text.slice(Math.max(0, start - 24), start);
  const after = text.slice(end, end + 24);
  const open = Math.max(before.lastIndexOf("("), before.lastIndexOf("«"));
  if (open < 0 || /[)»]/.test(before.slice(open))) return false;
  const close = after.search(/[)»]/);
  if (close < 0) return false;
  const inner = before.slice(open + 1) + text.slice(start, end) + after.slice(0, close);
  return !/[.،,؛:!?؟]/.test(inner) && inner.trim().split(/\s+/).length <= 4;
}

export function findMentions(doc: Doc, text: string, published: string | null): Mentions {
  const { norm } = doc;
  const warnings: string[] = [];
  const orig = (a: number, b: number) => text.slice(doc.map[a]!, doc.map[b]!);
  const scan = scanWords(norm);
  const parties: PartyHit[] = findAll(PART, norm, 0, norm.length, scan).map((h) => partyOf(h, orig(h.start, h.end)));
  for (const m of matchesAtWordStarts(NAT_STICKY, NAT_GATE, norm, scan)) {
    const start = m.index;
    const end = start + m[0].length;
    if (parties.some((p) => p.start < end && start < p.end)) continue;
    const word = m[2]!;
    const nat = NAT_EXACT.find((n) => n.re.test(word))?.nat;
    if (!nat) continue;
    const force = FORCE_RE.test(m[1]!);
    const kind: PartyKind = force ? (nat.country === "SY" ? "state_force" : "foreign_state_force") : "government";
    const name = force ? (nat.country === "SY" ? "Syrian Arab Army" : `${nat.name} (armed forces)`) : `${nat.name} (government)`;
    parties.push({ start, end, name, name_ar: orig(start, end), kind, country: nat.country });
  }
  parties.sort((a, b) => a.start - b.start);

  // Dates first: findNumbers then reuses their spans instead of reading the dates a second time
  // (warnings keep their order: numbers before dates).
  let foundDates: DateMention[] = [];
  let datesError: unknown = null;
  try {
    foundDates = findDates(text, published);
  } catch (e) {
    datesError = e;
  }
  let numbers: NumHit[] = [];
  try {
    // findNumbers returns fresh objects: extended in place rather than copied
    for (const n of findNumbers(text)) {
      if (n.percent) continue;
      const h = n as NumHit;
      h.ns = doc.inv[n.start]!;
      h.ne = doc.inv[n.end]!;
      h.nounNorm = n.noun?.norm ?? "";
      numbers.push(h);
    }
  } catch (e) {
    warnings.push(`numbers: ${(e as Error).message}`);
  }
  let dates: DateHit[] = [];
  if (datesError !== null) warnings.push(`dates: ${(datesError as Error).message}`);
  // findDates returns fresh objects: extended in place rather than copied
  for (const d of foundDates) {
    if (insideName(text, d.start, d.end)) continue;
    const h = d as DateHit;
    h.ns = doc.inv[d.start]!;
    h.ne = doc.inv[d.end]!;
    dates.push(h);
  }
  let triggers = findAll(TRIG, norm, 0, norm.length, scan);
  const kills = findAll(KILL, norm, 0, norm.length, scan);
  const injuries = findAll(INJ, norm, 0, norm.length, scan);
  const sourceHits = findAll(SRC, norm, 0, norm.length, scan);
  // each list is sorted and without overlaps: overlap tests are binary searches
  const overlapsTaken = (a: number, b: number) => overlapsAny(triggers, a, b) || overlapsAny(kills, a, b) || overlapsAny(injuries, a, b);
  const places: PlaceHit[] = [];
  for (const p of findPlacesSafe(text, published, warnings)) {
    const ns = doc.inv[p.start]!;
    const ne = doc.inv[p.end]!;
    const full = normalizeKey(p.text);
    const key = full.replace(/^(?:[وفب]|ال|بال|وال)+/, "");
    // words the gazetteer knows as villages but that are ordinary words here ("بجروح"، "حالات")
    const last = full.slice(full.lastIndexOf(" ") + 1); // = full.split(" ").pop()
    if (COMMON_WORDS.has(key) || COMMON_WORDS.has(full) || COMMON_WORDS.has(last) || COMMON_WORDS.has(last.replace(/^(?:[وفب]|ال|بال|وال)+/, ""))) continue;
    if ((METONYMS.has(key) || METONYMS.has(full)) && !/(?:^|\s)(?:في|الي|من|علي|قرب|بين|حول)\s*$/.test(norm.slice(Math.max(0, ns - 6), ns)) && !/^[بو]?(?:في|ب)/.test(normalizeKey(p.text))) continue;
    // a word that is both a trigger and a place ("الزيارة"، "المعركة") is the place after a place noun or in a list of places
    if (overlapsTaken(ns, ne) && !/ /.test(key) && !placeContext(norm, ns, full)) continue;
    if (places.some((q) => q.ns <= ns && ne <= q.ne)) continue;
    // a place inside a longer party name ("قوات تحرير عفرين"، "لواء القدس"، "دمشق الرسمية") names the party
    if (parties.some((q) => q.start <= ns && ne <= q.end && q.end - q.start > ne - ns)) continue;
    if (sourceHits.some((h) => h.start <= ns && ne <= h.end + 2)) continue; // "حملة «الرقة تذبح بصمت»" names a source
    places.push({ start: p.start, end: p.end, text: p.text, place: p.place, ns, ne } as PlaceHit);
  }

  // "قرية الزيارة"، "بلدة المعركة": a trigger word inside a named place is part of the name
  const named = places;
  if (named.length) {
    // a place can hold a trigger only if it starts at or before it and reaches its end: with the
    // places in order, the furthest end among those starting at or before the trigger rules most out
    const reach = reachBefore(named);
    triggers = triggers.filter((h) => (reach !== null && furthest(named, reach, h.start) < h.end - 1) || !named.some((p) => p.ns <= h.start && h.end <= p.ne + 1 && (h.start > p.ns || h.end - h.start >= p.ne - p.ns - 1)));
  }
  return {
    triggers,
    parties,
    sources: sourceHits,
    attributions: findAll(ATTR, norm, 0, norm.length, scan),
    continuations: findAll(CONT, norm, 0, norm.length, scan),
    kills,
    injuries,
    numbers,
    dates,
    places,
    warnings,
  };
}

/** reach[k] = the furthest ne among places[0..k], or null when the places are not in ns order. */
function reachBefore(places: PlaceHit[]): Float64Array | null {
  const reach = new Float64Array(places.length);
  let mx = -Infinity;
  for (let k = 0; k < places.length; k++) {
    if (k > 0 && places[k]!.ns < places[k - 1]!.ns) return null;
    mx = Math.max(mx, places[k]!.ne);
    reach[k] = mx;
  }
  return reach;
}
/** The furthest ne among the places starting at or before pos (-Infinity: none). */
function furthest(places: PlaceHit[], reach: Float64Array, pos: number): number {
  let lo = 0;
  let hi = places.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (places[mid]!.ns <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? -Infinity : reach[lo - 1]!;
}

// (a function, not a closure made per place: tsx names every named closure it makes)
function placeContext(norm: string, ns: number, full: string): boolean {
  return /(?:بلد(?:ه|تي|ات)|قري(?:ه|تي)|قري|مدين(?:ه|تي)|حي|حيي|احياء|منطقه|بلدات|قري)\s+(?:[^\s]+\s+)?$/.test(norm.slice(Math.max(0, ns - 24), ns)) || /^و/.test(full);
}

function partyOf(h: Hit<PartyEntry>, original: string): PartyHit {
  const e = h.entry;
  return {
    start: h.start,
    end: h.end,
    name: e.name,
    name_ar: original.replace(/[«»"]/g, "").trim(),
    kind: e.kind,
    ...(e.country ? { country: e.country } : {}),
    ...(e.generic ? { generic: true } : {}),
  };
}

/** Does any hit of `xs` (sorted by start, not overlapping: ends sorted too) overlap [a, b)? */
function overlapsAny(xs: Hit<unknown>[], a: number, b: number): boolean {
  // the first hit ending after a is the only one that can overlap without starting at or after b
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]!.end <= a) lo = mid + 1;
    else hi = mid;
  }
  return lo < xs.length && xs[lo]!.start < b;
}

/** Hits inside [a, b). */
export function within<T extends { start: number }>(xs: T[], a: number, b: number): T[] {
  return xs.filter((x) => x.start >= a && x.start < b);
}
export function withinN<T extends { ns: number }>(xs: T[], a: number, b: number): T[] {
  return xs.filter((x) => x.ns >= a && x.ns < b);
}

// "محادثات جنيف"، "جولة أستانا"، "قمة سوتشي": the town after a talks noun (not "اتفاق" or "مسار": an
// agreement or a process is named after where it began, not where anything happens now)
const VENUE = /(?:^|\s)(?:[وفلب])?(?:ال)?(?:محادثات|مفاوضات|مباحثات|مؤتمر|اجتماع|اجتماعات|قمه|جوله|لقاء) /g;

/**
 * Towns that name talks in norm[start, end) ("محادثات جنيف"، "قمة سوتشي"): the geo stage leaves them
 * out of places, but talks are held there. Asked for only by talks (rare), so not part of findMentions.
 */
export function findVenues(doc: Doc, text: string, published: string | null, places: readonly PlaceHit[], warnings: string[], start: number, end: number): PlaceHit[] {
  const out: PlaceHit[] = [];
  const norm = doc.norm;
  VENUE.lastIndex = Math.max(0, start - 1);
  for (let v: RegExpExecArray | null; (v = VENUE.exec(norm)) !== null && v.index < end; ) {
    const ns = v.index + v[0].length;
    if (places.some((p) => p.ns === ns)) continue;
    const a = doc.map[ns]!;
    const span = text.slice(a, a + 40);
    // read the words after the noun as a place would be read after "في"
    for (const p of findPlacesSafe(`في ${span}`, published, warnings)) {
      if (p.start !== 3) continue;
      out.push({ start: a, end: a + p.end - 3, text: p.text, place: p.place, ns, ne: doc.inv[a + p.end - 3]! } as PlaceHit);
      break;
    }
  }
  return out;
}
