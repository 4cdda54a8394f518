// Date phrases in Arabic news, resolved against the publication day. ScanToken-based: one pass over
// tokensOf(text); at each token that can start a phrase the matchers are tried in order (absolute
// ones in absoluteDates.ts: numeric, Hijri, year spans, day + month, month, year; relative ones in
// relativeDates.ts: اليوم/أمس, weekdays, month edges, periods); the first match consumes its tokens.
import { tokensOf, type ScanToken } from "./tokenize.js";
import { TailFilter } from "./tailFilter.js";
import { ordinalWordsWithArticle } from "./numberWords.js";
import { HIJRI_MONTHS, HIJRI_TWO_TOKEN, MONTHS, TWO_TOKEN_MONTHS, WEEKDAYS, isoOf, parseIsoDay } from "./calendar.js";
import { type Hit, DURING, MONTH_EDGE, TIME_OF_DAY, YEAR_WORDS, YESTERDAY, bare } from "./dateTokens.js";
import { explicitDay, hijri, invalidDayCount, monthPhrase, numericDate, yearPhrase, yearRange } from "./absoluteDates.js";
import { UNIT_WORDS, monthEdgePhrase, periodPhrase, relativeDay, weekdayPhrase } from "./relativeDates.js";

export interface DateMention {
  start: number;
  end: number;
  text: string;
  startDate: string | null;
  endDate: string | null;
  precision: "day" | "week" | "month" | "year" | "unknown";
  /** the phrase needs the publication date (أمس، الاثنين، 24 أغسطس without a year…) */
  relative: boolean;
  /** "hijri" when the phrase is a Hijri date (converted with the tabular calendar, ±1–2 days) */
  calendar?: "gregorian" | "hijri";
  /** refers to a day named earlier in the text ("في اليوم ذاته"، "اليوم التالي"): dates left null */
  anaphoric?: boolean;
}

const MATCHERS: ((toks: readonly ScanToken[], i: number, pub: number | null) => Hit | null)[] = [
  numericDate, hijri, yearRange, explicitDay, relativeDay, weekdayPhrase, monthEdgePhrase, periodPhrase, monthPhrase, yearPhrase,
];

// Tokens that can begin a date phrase: a quick filter so most tokens are skipped at once.
const STARTERS = new Set<string>([
  ...TIME_OF_DAY, ...YESTERDAY, ...DURING, ...YEAR_WORDS, ...MONTHS.keys(), ...TWO_TOKEN_MONTHS.keys(),
  ...HIJRI_MONTHS.keys(), ...HIJRI_TWO_TOKEN.keys(), ...WEEKDAYS.keys(), ...MONTH_EDGE.keys(),
  "يوم", "اليوم", "اول", "الليله", "بتاريخ", "تاريخ", "قبل", "منذ", "علي", "هذا", "شهر", "الاسبوع", "الشهر", "ال",
  "الايام", "الساعات", "اليومين", "الاسابيع", "الاسبوعين", "الاشهر", "الشهور", "الشهرين", "الساعه",
  ...UNIT_WORDS.map(([w]) => "ال" + w), "عامي", "بين",
  // day numbers as ordinals: "السادس من يونيو"، "العشرين من"، "الثلاثين من"
  ...ordinalWordsWithArticle(), "العشرين", "الثلاثين",
]);

const STARTER_TAILS = new TailFilter(STARTERS);

function mayStart(t: ScanToken): boolean {
  if (t.kind === "number") return true;
  if (t.kind !== "word") return false;
  const n = t.norm;
  // n, bare(n) and n.slice(1) below all end like n
  if (!STARTER_TAILS.mayEndWord(n)) return false;
  if (STARTERS.has(n) || STARTERS.has(bare(n))) return true;
  return n.length > 2 && n.charCodeAt(0) === 0x0628 && STARTERS.has(n.slice(1)); // ب: "بالأمس"، "بنهاية"
}

/** All date phrases, in order and non-overlapping. `published` is YYYY-MM-DD (or a full ISO time). */
export function findDates(text: string, published?: string | null): DateMention[] {
  if (typeof text !== "string" || !text) return [];
  const toks = tokensOf(text);
  const pub = parseIsoDay(published ?? null);
  const refusedBefore = invalidDayCount();
  const out: DateMention[] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    let hit: Hit | null = null;
    if (mayStart(t)) {
      for (const m of MATCHERS) {
        hit = m(toks, i, pub);
        if (hit) break;
      }
    }
    if (!hit || hit.to <= i) {
      i++;
      continue;
    }
    let a = toks[hit.from]!.start;
    const b = toks[hit.to - 1]!.end;
    // "وفجر اليوم"، "والعام الماضي": the glued conjunction is not part of the date
    const ft = toks[hit.from]!;
    if (ft.kind === "word" && (ft.text[0] === "و" || ft.text[0] === "ف") && ft.norm.length > 3 && STARTERS.has(ft.norm.slice(1)) && !STARTERS.has(ft.norm)) a++;
    const rel = hit.relative;
    const mention: DateMention = {
      start: a,
      end: b,
      text: text.slice(a, b),
      startDate: hit.start === null || (rel && pub === null) ? null : isoOf(hit.start),
      endDate: hit.end === null || (rel && pub === null) ? null : isoOf(hit.end),
      precision: hit.precision,
      relative: rel,
    };
    if (hit.calendar) mention.calendar = hit.calendar;
    if (hit.anaphoric) mention.anaphoric = true;
    out.push(mention);
    i = hit.to;
  }
  // Spans are those of a run without the publication day unless explicitDay refused a day that
  // exists only without a year: every other matcher's match and extent ignore the day (their
  // dates do not), so the same tokens are tried and the same spans come out.
  if (pub === null || invalidDayCount() === refusedBefore) {
    lastSpansText = text;
    lastSpans = out.map((d) => [d.start, d.end] as const);
  }
  return out;
}

// findNumbers skips numbers inside date phrases read WITHOUT the publication day: the spans of the
// last text passed to findDates, when they are provably those (above), else a run of its own.
let lastSpansText: string | null = null;
let lastSpans: (readonly [number, number])[] = [];
/** [start, end) of every date phrase in text, as findDates(text, null) finds them (cached for the last text). */
export function dateSpans(text: string): readonly (readonly [number, number])[] {
  if (text !== lastSpansText) findDates(text, null);
  return lastSpans;
}

/** One phrase ("أمس الأحد", "24 أغسطس/آب") → its resolved mention, or null when it holds no date. */
export function resolveDatePhrase(phrase: string, published?: string | null): DateMention | null {
  const all = findDates(phrase, published);
  if (!all.length) return null;
  // the longest mention is the phrase's date ("خلال الأسبوع الماضي" over any inner word)
  let best = all[0]!;
  for (const m of all) if (m.end - m.start > best.end - best.start) best = m;
  return best;
}
