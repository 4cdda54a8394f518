// Date phrases in Arabic news, resolved against the publication day. Token-based: one pass over
// tokensOf(text), each position tried by a few matchers (numeric, explicit day-month, month, year,
// Hijri, relative day, weekday, period); the first that matches consumes its tokens.
import { tokensOf, type Token } from "./tokenize.js";
import { parseDayOrdinalAt, parseWordsAt, lookupNumberWord, lookupOrdinal } from "./numberWords.js";
import {
  AMBIGUOUS_MONTHS, HIJRI_MONTHS, HIJRI_TWO_TOKEN, MONTHS, TWO_TOKEN_MONTHS, WEEKDAYS,
  dayNumber, hijriToDay, isoOf, lastDayOfMonth, parseIsoDay, weekdayOf, ymdOf,
} from "./calendar.js";

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

type Precision = DateMention["precision"];
interface Hit {
  from: number; // first token
  to: number; // index after the last token
  start: number | null; // day numbers
  end: number | null;
  precision: Precision;
  relative: boolean;
  calendar?: "hijri";
  anaphoric?: boolean;
}

const set = (s: string) => new Set(s.split(" ").filter(Boolean));
const TIME_OF_DAY = set("فجر صباح ظهر ظهيره عصر مساء ليل ليله عشيه صبيحه غداه منتصف نهار ضحي");
const PAST = set("الماضي الماضيه الفائت الفائته المنصرم المنصرمه المنقضي السابق");
const FUTURE = set("المقبل المقبله القادم القادمه");
const CURRENT = set("الجاري الجاريه الحالي الحاليه");
const YEAR_WORDS = set("عام العام سنه السنه لعام للعام بعام العامين");
const MONTH_EDGE = new Map<string, [number, number]>([
  ["مطلع", [1, 10]], ["بدايه", [1, 10]], ["اوائل", [1, 10]], ["اول", [1, 10]], ["مستهل", [1, 10]],
  ["منتصف", [11, 20]], ["اواسط", [11, 20]], ["وسط", [11, 20]],
  ["نهايه", [21, 31]], ["اواخر", [21, 31]], ["اخر", [21, 31]], ["ختام", [21, 31]],
]);
const MONTH_CONTEXT_PREV = set("في منذ خلال حتي قبل بعد مطلع بدايه اوائل منتصف اواسط نهايه اواخر شهر وفي ففي");
const ANAPHORIC_AFTER = set("ذاته نفسه التالي السابق عينه");
const NOT_TODAY_AFTER = set("الذي التي العالمي الدولي الوطني الاول الثاني الثالث الاخير الاخيره");
const DURING = set("خلال طيله طوال");
const YESTERDAY = set("امس الامس بالامس البارحه");

function bare(norm: string): string {
  // one conjunction/preposition letter glued to a phrase word: وصباح، فجر، بالأمس (kept: "بالامس" in YESTERDAY)
  if (norm.length > 3 && (norm[0] === "و" || norm[0] === "ف")) return norm.slice(1);
  return norm;
}
function word(toks: readonly Token[], i: number): string | null {
  const t = toks[i];
  return t && t.kind === "word" ? t.norm : null;
}
function isPunct(toks: readonly Token[], i: number, chars: string): boolean {
  const t = toks[i];
  return !!t && t.kind === "punct" && chars.includes(t.norm);
}
function digitsValue(toks: readonly Token[], i: number): number | null {
  const t = toks[i];
  if (!t || t.kind !== "number" || !/^[0-9]+$/.test(t.norm)) return null;
  return Number(t.norm);
}

function oneMonth(toks: readonly Token[], k: number): { month: number; end: number; ambiguous: boolean } | null {
  const w = word(toks, k);
  if (!w) return null;
  const b = bare(w);
  for (const c of b === w ? [w] : [w, b]) {
    const two = TWO_TOKEN_MONTHS.get(c);
    if (two) {
      const n = word(toks, k + 1);
      const mo = n ? two.get(n) : undefined;
      return mo ? { month: mo, end: k + 2, ambiguous: false } : null;
    }
    const mo = MONTHS.get(c);
    if (mo) return { month: mo, end: k + 1, ambiguous: AMBIGUOUS_MONTHS.has(c) };
  }
  return null;
}

/** Month at toks[i] (with an optional "/آب", "(أغسطس)" alternative): number, end index, ambiguity. */
function monthAt(toks: readonly Token[], i: number): { month: number; end: number; strong: boolean } | null {
  const first = oneMonth(toks, i);
  if (!first) return null;
  let end = first.end;
  let strong = !first.ambiguous;
  let paired = false;
  if (isPunct(toks, end, "/-–")) {
    const alt = oneMonth(toks, end + 1);
    if (alt) {
      end = alt.end;
      paired = true;
    }
  } else if (isPunct(toks, end, "(")) {
    const alt = oneMonth(toks, end + 1);
    if (alt && isPunct(toks, alt.end, ")")) {
      end = alt.end + 1;
      paired = true;
    }
  }
  if (paired) strong = true;
  return { month: first.month, end, strong: strong || paired };
}

/** After a month: a year ("2017", "2017م", "من العام الماضي"), or الماضي/الجاري/المقبل. */
function yearAfter(toks: readonly Token[], i: number, pubYear: number | null):
  { end: number; year: number | null; rel: "past" | "future" | "current" | null; explicit: boolean } | null {
  const y = digitsValue(toks, i);
  if (y !== null && y >= 1900 && y <= 2100 && toks[i]!.norm.length === 4) {
    const n = word(toks, i + 1);
    if (n === "ه" || n === "هجري" || n === "هجريه") return null;
    return { end: n === "م" || n === "ميلادي" ? i + 2 : i + 1, year: y, rel: null, explicit: true };
  }
  const w = word(toks, i);
  if (!w) return null;
  if (PAST.has(w)) return { end: i + 1, year: null, rel: "past", explicit: false };
  if (FUTURE.has(w)) return { end: i + 1, year: null, rel: "future", explicit: false };
  if (CURRENT.has(w)) return { end: i + 1, year: null, rel: "current", explicit: false };
  if (w === "من" || w === "في") {
    // "من العام الماضي"، "من العام الجاري"، "من عام 2017"، "من هذا العام"
    let k = i + 1;
    if (word(toks, k) === "هذا") {
      if (YEAR_WORDS.has(word(toks, k + 1) ?? "")) return { end: k + 2, year: pubYear, rel: "current", explicit: false };
      return null;
    }
    if (!YEAR_WORDS.has(word(toks, k) ?? "")) return null;
    k++;
    const yy = digitsValue(toks, k);
    if (yy !== null && yy >= 1900 && yy <= 2100) return { end: word(toks, k + 1) === "م" ? k + 2 : k + 1, year: yy, rel: null, explicit: true };
    const r = word(toks, k) ?? "";
    if (PAST.has(r)) return { end: k + 1, year: pubYear === null ? null : pubYear - 1, rel: null, explicit: false };
    if (CURRENT.has(r)) return { end: k + 1, year: pubYear, rel: null, explicit: false };
    if (FUTURE.has(r)) return { end: k + 1, year: pubYear === null ? null : pubYear + 1, rel: null, explicit: false };
  }
  return null;
}

/** Year for a month named without one: the publication year, moved back when the month is
 * "الماضي" or lies more than a month after publication, forward when "المقبل". */
function yearFor(month: number, day: number | null, pub: number | null, rel: "past" | "future" | "current" | null): number | null {
  if (pub === null) return null;
  const p = ymdOf(pub);
  if (rel === "current") return p.y;
  if (rel === "past") return month >= p.m ? p.y - 1 : p.y;
  if (rel === "future") return month < p.m || (month === p.m && day !== null && day <= p.d) ? p.y + 1 : p.y;
  // No marker: a date up to about a month ahead is an announced future date (a deadline, a meeting);
  // anything later in the year is last year's.
  if (month > p.m + 1) return p.y - 1;
  return p.y;
}

// --- matchers -------------------------------------------------------------------------------

function numericDate(toks: readonly Token[], i: number): Hit | null {
  const t = toks[i]!;
  if (t.kind !== "number") return null;
  const parts = t.norm.split(".");
  if (parts.length === 3 && parts[2]!.length === 4) {
    const d = dayNumber(Number(parts[2]), Number(parts[1]), Number(parts[0]));
    if (d !== null) return { from: i, to: i + 1, start: d, end: d, precision: "day", relative: false };
  }
  if (!/^[0-9]+$/.test(t.norm)) return null;
  const sep = toks[i + 1];
  if (!sep || sep.kind !== "punct" || !"/-.".includes(sep.norm) || sep.start !== t.end) return null;
  const b = toks[i + 2];
  const sep2 = toks[i + 3];
  const c = toks[i + 4];
  if (!b || !c || !sep2 || b.kind !== "number" || c.kind !== "number" || sep2.norm !== sep.norm) return null;
  if (b.start !== sep.end || sep2.start !== b.end || c.start !== sep2.end) return null;
  let y: number, mo: number, d: number;
  if (t.norm.length === 4) [y, mo, d] = [Number(t.norm), Number(b.norm), Number(c.norm)];
  else if (c.norm.length === 4) [d, mo, y] = [Number(t.norm), Number(b.norm), Number(c.norm)];
  else return null;
  if (y < 1900 || y > 2100) return null;
  const day = dayNumber(y, mo, d);
  return day === null ? null : { from: i, to: i + 5, start: day, end: day, precision: "day", relative: false };
}

/** DAY [من] MONTH [/MONTH] [YEAR | الماضي …] — day as digits or an ordinal ("السادس من يونيو"). */
function explicitDay(toks: readonly Token[], i: number, pub: number | null): Hit | null {
  let dayVal: number | null = null;
  let dayTo: number | null = null; // "10 و15 تشرين الأول" → a span of days
  const lead = word(toks, i);
  let j = lead !== null && (bare(lead) === "يوم" || lead === "بتاريخ" || lead === "تاريخ") ? i + 1 : i;
  const dv = digitsValue(toks, j);
  if (dv !== null) {
    if (dv < 1 || dv > 31 || toks[j]!.norm.length > 2) return null;
    dayVal = dv;
    j++;
    const link = word(toks, j);
    if (link === "و" || link === "الي" || link === "حتي" || isPunct(toks, j, "-–")) {
      const d2 = digitsValue(toks, j + 1);
      if (d2 !== null && d2 > dv && d2 <= 31 && toks[j + 1]!.norm.length <= 2 && monthAt(toks, j + 2)) {
        dayTo = d2;
        j += 2;
      }
    }
  } else {
    const o = parseDayOrdinalAt(toks, j);
    if (!o || o.value > 31) return null;
    dayVal = o.value;
    j = o.end;
    if (word(toks, j) !== "من" && !monthAt(toks, j)) return null;
  }
  if (word(toks, j) === "من" || word(toks, j) === "شهر") j++;
  if (word(toks, j) === "شهر") j++;
  const mo = monthAt(toks, j);
  if (!mo) return null;
  j = mo.end;
  const pubYear = pub === null ? null : ymdOf(pub).y;
  const ya = yearAfter(toks, j, pubYear);
  if (ya) j = ya.end;
  let year: number | null;
  let relative: boolean;
  if (ya && ya.year !== null && ya.explicit) {
    year = ya.year;
    relative = false;
  } else if (ya && ya.year !== null) {
    year = ya.year;
    relative = true;
  } else {
    year = yearFor(mo.month, dayVal, pub, ya ? ya.rel : null);
    relative = true;
  }
  if (year === null) return { from: i, to: j, start: null, end: null, precision: "day", relative: true };
  const d = dayNumber(year, mo.month, dayVal);
  if (d === null) return null;
  const e = dayTo === null ? d : dayNumber(year, mo.month, dayTo) ?? d;
  return { from: i, to: j, start: d, end: e, precision: "day", relative };
}

/** [edge word] [شهر] MONTH [/MONTH] [YEAR | الماضي …] with enough context to be a month. */
function monthPhrase(toks: readonly Token[], i: number, pub: number | null): Hit | null {
  let j = i;
  let edge: [number, number] | null = null;
  let context = false;
  const w0 = word(toks, j);
  if (w0) {
    const e = MONTH_EDGE.get(bare(w0)) ?? (w0.startsWith("ب") ? MONTH_EDGE.get(w0.slice(1)) : undefined);
    if (e) {
      edge = e;
      j++;
      context = true;
    }
  }
  if (word(toks, j) === "شهر") {
    j++;
    context = true;
  }
  const mo = monthAt(toks, j);
  if (!mo) return null;
  j = mo.end;
  const pubYear = pub === null ? null : ymdOf(pub).y;
  const ya = yearAfter(toks, j, pubYear);
  if (ya) j = ya.end;
  const prev = word(toks, i - 1);
  const prevCtx = prev !== null && MONTH_CONTEXT_PREV.has(prev);
  if (!ya && !context && !(mo.strong && prevCtx)) return null;
  if (!mo.strong && !ya && !context) return null;
  let year: number | null;
  let relative = true;
  if (ya && ya.explicit) {
    year = ya.year;
    relative = false;
  } else if (ya && ya.year !== null) year = ya.year;
  else year = yearFor(mo.month, null, pub, ya ? ya.rel : null);
  if (year === null) return { from: i, to: j, start: null, end: null, precision: "month", relative };
  const last = lastDayOfMonth(year, mo.month);
  const [a, b] = edge ?? [1, last];
  return { from: i, to: j, start: dayNumber(year, mo.month, a), end: dayNumber(year, mo.month, Math.min(b, last)), precision: "month", relative };
}

/** عام 2017، العام 2017م، العام الماضي، هذا العام، في 2017 */
function yearPhrase(toks: readonly Token[], i: number, pub: number | null): Hit | null {
  const pubYear = pub === null ? null : ymdOf(pub).y;
  let j = i;
  let edge: [number, number] | null = null;
  const w0 = word(toks, j);
  if (w0) {
    const e = MONTH_EDGE.get(bare(w0));
    if (e && YEAR_WORDS.has(word(toks, j + 1) ?? "")) {
      edge = e;
      j++;
    }
  }
  const w = word(toks, j);
  let year: number | null = null;
  let relative = false;
  let end = j;
  if (w === "هذا" && YEAR_WORDS.has(word(toks, j + 1) ?? "")) {
    year = pubYear;
    relative = true;
    end = j + 2;
  } else if (w !== null && YEAR_WORDS.has(bare(w))) {
    const y = digitsValue(toks, j + 1);
    const r = word(toks, j + 1) ?? "";
    if (y !== null && y >= 1900 && y <= 2100 && toks[j + 1]!.norm.length === 4) {
      const after = word(toks, j + 2);
      if (after === "ه" || after === "هجري" || after === "هجريه") return null;
      year = y;
      end = after === "م" || after === "ميلادي" ? j + 3 : j + 2;
    } else if (PAST.has(r) && (bare(w) === "العام" || bare(w) === "السنه")) {
      year = pubYear === null ? null : pubYear - 1;
      relative = true;
      end = j + 2;
    } else if (CURRENT.has(r) && (bare(w) === "العام" || bare(w) === "السنه")) {
      year = pubYear;
      relative = true;
      end = j + 2;
    } else return null;
  } else {
    // a bare 4-digit year after في/منذ/حتى, or followed by م
    const y = digitsValue(toks, j);
    if (y === null || y < 1900 || y > 2100 || toks[j]!.norm.length !== 4 || edge) return null;
    const after = word(toks, j + 1);
    if (after === "ه" || after === "هجري" || after === "هجريه") return null;
    const prev = word(toks, j - 1);
    if (after === "م" || after === "ميلادي") end = j + 2;
    else if (prev === "في" || prev === "منذ" || prev === "حتي" || prev === "وفي" || prev === "خلال") end = j + 1;
    else return null;
    year = y;
  }
  if (year === null) return { from: i, to: end, start: null, end: null, precision: "year", relative: true };
  if (edge) {
    // مطلع العام → first months; منتصف → middle; نهاية → last (precision stays "month"-sized)
    const [a, b] = edge[0] === 1 ? [1, 3] : edge[0] === 11 ? [5, 8] : [10, 12];
    return { from: i, to: end, start: dayNumber(year, a, 1), end: dayNumber(year, b, lastDayOfMonth(year, b)), precision: "month", relative };
  }
  return { from: i, to: end, start: dayNumber(year, 1, 1), end: dayNumber(year, 12, 31), precision: "year", relative };
}

function isHijriMark(toks: readonly Token[], k: number): boolean {
  const w = word(toks, k);
  return w === "ه" || w === "هجري" || w === "هجريه" || w === "للهجره";
}

/** Hijri: [DAY] HIJRI-MONTH YEAR هـ, or YEAR هـ. Never read as Gregorian. */
function hijri(toks: readonly Token[], i: number): Hit | null {
  let j = i;
  let day: number | null = null;
  const dv = digitsValue(toks, j);
  if (dv !== null && dv >= 1 && dv <= 30 && toks[j]!.norm.length <= 2) {
    day = dv;
    j++;
  }
  let month: number | null = null;
  const w = word(toks, j);
  if (w) {
    const two = HIJRI_TWO_TOKEN.get(bare(w));
    const n = word(toks, j + 1);
    if (two && n && two.get(n)) {
      month = two.get(n)!;
      j += 2;
    } else if (HIJRI_MONTHS.has(w) || HIJRI_MONTHS.has(bare(w))) {
      month = HIJRI_MONTHS.get(w) ?? HIJRI_MONTHS.get(bare(w))!;
      j++;
    }
  }
  const y = digitsValue(toks, j);
  if (y !== null && y >= 1300 && y <= 1600 && isHijriMark(toks, j + 1)) {
    j += 2;
    if (month !== null) {
      const s = hijriToDay(y, month, day ?? 1);
      const e = day !== null ? s : hijriToDay(y, month, 29);
      return { from: i, to: j, start: s, end: e, precision: day !== null ? "day" : "month", relative: false, calendar: "hijri" };
    }
    if (day !== null) return null;
    const s = hijriToDay(y, 1, 1);
    const e = hijriToDay(y + 1, 1, 1);
    return { from: i, to: j, start: s, end: e === null ? null : e - 1, precision: "year", relative: false, calendar: "hijri" };
  }
  if (month !== null && day !== null && (HIJRI_TWO_TOKEN.has(bare(w ?? "")) || isHijriMark(toks, j))) {
    // day + Hijri month without a year: recognized, not resolved
    return { from: i, to: isHijriMark(toks, j) ? j + 1 : j, start: null, end: null, precision: "day", relative: true, calendar: "hijri" };
  }
  return null;
}

/** Time-of-day and "يوم" words before a day word: "فجر"، "صباح يوم"، "مساء"، "ليلة"، "منتصف ليل". */
function leadWords(toks: readonly Token[], i: number): { end: number; night: boolean } {
  let j = i;
  let night = false;
  for (let k = 0; k < 3; k++) {
    const w = word(toks, j);
    if (!w) break;
    const b = bare(w);
    if (TIME_OF_DAY.has(b) || b === "يوم" || b === "ساعات" || b === "في_") {
      if (b === "ليله") night = true;
      j++;
      continue;
    }
    break;
  }
  return { end: j, night };
}

function weekdayAt(toks: readonly Token[], i: number): number | null {
  const w = word(toks, i);
  if (!w) return null;
  const d = WEEKDAYS.get(w) ?? WEEKDAYS.get(bare(w));
  return d === undefined ? null : d;
}

/** Most recent weekday wd on or before day `ref` (strictly before when strict). */
function weekdayOnOrBefore(ref: number, wd: number, strict: boolean): number {
  let delta = (weekdayOf(ref) - wd + 7) % 7;
  if (strict && delta === 0) delta = 7;
  return ref - delta;
}

/** اليوم، أمس، أول أمس، الليلة الماضية (+ an optional weekday that names the same day) */
function relativeDay(toks: readonly Token[], i: number, pub: number | null): Hit | null {
  const lead = leadWords(toks, i);
  let j = lead.end;
  const w = word(toks, j);
  if (!w) return null;
  const b = bare(w);
  let offset: number | null = null;
  if (b === "اليوم" || w === "اليوم") {
    const n = word(toks, j + 1);
    if (n && ANAPHORIC_AFTER.has(n)) {
      return { from: i, to: j + 2, start: null, end: null, precision: "unknown", relative: true, anaphoric: true };
    }
    if (n && NOT_TODAY_AFTER.has(n)) return null;
    if (isPunct(toks, j + 1, "»\"”")) return null; // an outlet name: «الشمال اليوم»
    offset = 0;
    j++;
  } else if (YESTERDAY.has(b) || YESTERDAY.has(w)) {
    offset = 1;
    j++;
    if (word(toks, j) === "الاول") {
      offset = 2;
      j++;
    }
  } else if (b === "اول" && word(toks, j + 1) === "امس") {
    offset = 2;
    j += 2;
  } else if (b === "اول" && word(toks, j + 1) === "من" && word(toks, j + 2) === "امس") {
    offset = 2;
    j += 3;
  } else if ((w === "الليله" || b === "الليله") && PAST.has(word(toks, j + 1) ?? "")) {
    offset = 1;
    j += 2;
  } else if ((w === "الليله" || b === "الليله") && j > i) {
    offset = 0;
    j += 1;
  } else return null;
  const wd = weekdayAt(toks, j);
  let day: number | null = pub === null ? null : pub - offset;
  if (wd !== null) {
    j++;
    if (pub !== null) {
      // the weekday wins when the publication date is a day off (time zones, late uploads)
      day = weekdayOnOrBefore(pub - offset, wd, false);
      if (pub - offset - day > 3) day = pub - offset;
    }
    const ex = explicitAfterWeekday(toks, j, pub);
    if (ex) return { ...ex, from: i };
  }
  return { from: i, to: j, start: day, end: day, precision: "day", relative: true };
}

function explicitAfterWeekday(toks: readonly Token[], j: number, pub: number | null): Hit | null {
  let k = j;
  if (isPunct(toks, k, "(،,-–")) k++;
  const ex = explicitDay(toks, k, pub);
  if (!ex) return null;
  if (isPunct(toks, ex.to, ")") && isPunct(toks, k - 1, "(")) ex.to++;
  return ex;
}

/** [فجر|صباح|مساء|ليلة|يوم…] WEEKDAY [الماضي|المقبل] [- WEEKDAY] [explicit date] */
function weekdayPhrase(toks: readonly Token[], i: number, pub: number | null): Hit | null {
  const lead = leadWords(toks, i);
  let j = lead.end;
  const wd = weekdayAt(toks, j);
  if (wd === null) return null;
  j++;
  let strict = false;
  let future = false;
  const n = word(toks, j);
  if (n && PAST.has(n)) {
    strict = true;
    j++;
  } else if (n && FUTURE.has(n)) {
    future = true;
    j++;
  }
  const ex = explicitAfterWeekday(toks, j, pub);
  if (ex) return { ...ex, from: i };
  let wd2: number | null = null;
  if (isPunct(toks, j, "-–/") || word(toks, j) === "علي") {
    wd2 = weekdayAt(toks, j + 1);
    if (wd2 !== null) j += 2;
  }
  if (pub === null) return { from: i, to: j, start: null, end: null, precision: "day", relative: true };
  let day: number;
  if (future) {
    const delta = (wd - weekdayOf(pub) + 7) % 7 || 7;
    day = pub + delta;
  } else day = weekdayOnOrBefore(pub, wd, strict);
  let startDay = day;
  let endDay = day;
  if (wd2 !== null) endDay = day + ((wd2 - wd + 7) % 7);
  else if (lead.night && !future) startDay = day - 1; // "ليلة الجمعة" is the eve of Friday
  return { from: i, to: j, start: startDay, end: endDay, precision: "day", relative: true };
}

/** A count before a time unit: digits, number words, "الـ24"; returns value and index after. */
function countAt(toks: readonly Token[], i: number): { value: number; end: number } | null {
  let j = i;
  if (word(toks, j) === "ال" && toks[j + 1]?.kind === "number") j++;
  const d = digitsValue(toks, j);
  if (d !== null) return { value: d, end: j + 1 };
  const w = parseWordsAt(toks, j);
  return w ? { value: w.value, end: w.end } : null;
}

const UNIT_WORDS: [string, number, "day" | "week" | "month" | "year" | "hour", number][] = [
  // [normalized word, count it implies (0 = needs a number), unit, —]
  ["ساعه", 1, "hour", 0], ["ساعات", 0, "hour", 0], ["ساعتين", 2, "hour", 0],
  ["يوم", 1, "day", 0], ["ايام", 0, "day", 0], ["يومين", 2, "day", 0],
  ["اسبوع", 1, "week", 0], ["اسابيع", 0, "week", 0], ["اسبوعين", 2, "week", 0],
  ["شهر", 1, "month", 0], ["اشهر", 0, "month", 0], ["شهور", 0, "month", 0], ["شهرين", 2, "month", 0],
  ["عام", 1, "year", 0], ["اعوام", 0, "year", 0], ["عامين", 2, "year", 0], ["سنه", 1, "year", 0], ["سنوات", 0, "year", 0], ["سنتين", 2, "year", 0],
];
const UNITS = new Map(UNIT_WORDS.map(([w, n, u]) => [w, { n, u }]));

function span(pub: number | null, unit: "day" | "week" | "month" | "year" | "hour", n: number, endOffset: number):
  { start: number | null; end: number | null; precision: Precision } {
  const precision: Precision = unit === "hour" ? "day" : unit === "day" ? (n <= 3 ? "day" : "week") : unit;
  if (pub === null) return { start: null, end: null, precision };
  const days = unit === "hour" ? Math.max(1, Math.ceil(n / 24)) : unit === "day" ? n : unit === "week" ? 7 * n : unit === "month" ? 30 * n : 365 * n;
  return { start: pub - days, end: pub - endOffset, precision };
}

/** خلال الأسبوع الماضي، الأيام الماضية، اليومين الماضيين، الساعات الأربع والعشرين الماضية، خلال 24 ساعة،
 * الشهر الماضي، قبل يومين، منذ ثلاثة أيام */
function periodPhrase(toks: readonly Token[], i: number, pub: number | null): Hit | null {
  let j = i;
  let during = false;
  let ago = false;
  const w0 = word(toks, j);
  if (w0 && (DURING.has(bare(w0)) || DURING.has(w0))) {
    during = true;
    j++;
  } else if (w0 === "علي" && (word(toks, j + 1) === "مدي" || word(toks, j + 1) === "مدار")) {
    during = true;
    j += 2;
  } else if (w0 && (bare(w0) === "قبل" || bare(w0) === "منذ")) {
    ago = true;
    j++;
  }
  const w = word(toks, j);
  const p = pub;
  // "الأسبوع الماضي" / "الشهر الماضي" / "الأسبوع الجاري"
  if (w === "الاسبوع" || w === "الشهر") {
    const r = word(toks, j + 1) ?? "";
    const isWeek = w === "الاسبوع";
    if (PAST.has(r) && !ago) {
      if (p === null) return { from: i, to: j + 2, start: null, end: null, precision: isWeek ? "week" : "month", relative: true };
      if (isWeek) return { from: i, to: j + 2, start: p - 7, end: p - 1, precision: "week", relative: true };
      const { y, m } = ymdOf(p);
      const py = m === 1 ? y - 1 : y;
      const pm = m === 1 ? 12 : m - 1;
      return { from: i, to: j + 2, start: dayNumber(py, pm, 1), end: dayNumber(py, pm, lastDayOfMonth(py, pm)), precision: "month", relative: true };
    }
    if (CURRENT.has(r) && !ago) {
      if (p === null) return { from: i, to: j + 2, start: null, end: null, precision: isWeek ? "week" : "month", relative: true };
      if (isWeek) return { from: i, to: j + 2, start: p - 6, end: p, precision: "week", relative: true };
      const { y, m } = ymdOf(p);
      return { from: i, to: j + 2, start: dayNumber(y, m, 1), end: p, precision: "month", relative: true };
    }
    return null;
  }
  if (w === "هذا" && (word(toks, j + 1) === "الاسبوع" || word(toks, j + 1) === "الشهر")) {
    const isWeek = word(toks, j + 1) === "الاسبوع";
    if (p === null) return { from: i, to: j + 2, start: null, end: null, precision: isWeek ? "week" : "month", relative: true };
    if (isWeek) return { from: i, to: j + 2, start: p - 6, end: p, precision: "week", relative: true };
    const { y, m } = ymdOf(p);
    return { from: i, to: j + 2, start: dayNumber(y, m, 1), end: p, precision: "month", relative: true };
  }
  // "الأيام [الثلاثة] [القليلة] الماضية", "الساعات الـ24 الماضية", "اليومين الماضيين", "الـ24 ساعة الماضية"
  if (w && w.startsWith("ال") && !ago) {
    const unitW = w.slice(2);
    const u = UNITS.get(unitW);
    // "العام الماضي" is the previous calendar year (yearPhrase), not the last 365 days
    if (u && !(u.u === "year" && u.n === 1)) {
      let k = j + 1;
      let n = u.n;
      const c = countAt(toks, k);
      if (c && n === 0) {
        n = c.value;
        k = c.end;
      }
      if (word(toks, k) === "القليله" || word(toks, k) === "الاخيره" && !PAST.has(word(toks, k + 1) ?? "x")) k++;
      const r = word(toks, k) ?? "";
      if (PAST.has(r) || r === "الاخيره" || r === "الاخيرين" || r === "الماضيين" || r === "الفائتين") {
        if (n === 0) n = u.u === "hour" ? 24 : u.u === "day" ? 7 : 3;
        const s = span(p, u.u, n, u.u === "week" || u.u === "month" ? 1 : 0);
        return { from: i, to: k + 1, ...s, relative: true };
      }
      return null;
    }
  }
  // "خلال 24 ساعة"، "الـ24 ساعة الماضية"، "قبل ثلاثة أيام"، "منذ يومين"، "قبل ساعات"
  const c = countAt(toks, j);
  let k = j;
  let n = 0;
  if (c) {
    n = c.value;
    k = c.end;
  }
  const uw = word(toks, k);
  if (!uw) return null;
  const u = UNITS.get(uw) ?? (uw.startsWith("ال") ? UNITS.get(uw.slice(2)) : undefined);
  if (!u) return null;
  if (!c && u.u === "year" && u.n === 1 && uw.startsWith("ال")) return null; // "العام الماضي": yearPhrase
  if (c && u.n === 2) return null; // "3 يومين" is not a phrase
  if (u.u === "year" && digitsValue(toks, k + 1) !== null) return null; // "منذ عام 2017" is a year
  if (!c) n = u.n;
  k++;
  const r = word(toks, k) ?? "";
  const past = PAST.has(r) || r === "الاخيره";
  if (past) k++;
  if (!during && !ago && !past) return null;
  if (!c && !(n > 0) && !ago) return null; // "خلال أيام" is too vague
  if (ago) {
    // a point in the past: "قبل يومين" = publication − 2
    if (n === 0) {
      const vague = span(p, u.u, u.u === "hour" ? 1 : u.u === "day" ? 7 : 3, u.u === "hour" ? 0 : 1);
      return { from: i, to: k, ...vague, relative: true };
    }
    const s = span(p, u.u, n, 0);
    const precision: Precision = u.u === "hour" || u.u === "day" ? "day" : u.u;
    return { from: i, to: k, start: s.start, end: s.start, precision, relative: true };
  }
  const s = span(p, u.u, n, u.u === "week" || u.u === "month" ? 1 : 0);
  return { from: i, to: k, ...s, relative: true };
}

const MATCHERS: ((toks: readonly Token[], i: number, pub: number | null) => Hit | null)[] = [
  numericDate, hijri, explicitDay, relativeDay, weekdayPhrase, periodPhrase, monthPhrase, yearPhrase,
];

// Tokens that can begin a date phrase: a quick filter so most tokens are skipped at once.
const STARTERS = new Set<string>([
  ...TIME_OF_DAY, ...YESTERDAY, ...DURING, ...YEAR_WORDS, ...MONTHS.keys(), ...TWO_TOKEN_MONTHS.keys(),
  ...HIJRI_MONTHS.keys(), ...HIJRI_TWO_TOKEN.keys(), ...WEEKDAYS.keys(), ...MONTH_EDGE.keys(),
  "يوم", "اليوم", "اول", "الليله", "بتاريخ", "تاريخ", "قبل", "منذ", "علي", "هذا", "شهر", "الاسبوع", "الشهر", "ال",
  "الايام", "الساعات", "اليومين", "الاسابيع", "الاسبوعين", "الاشهر", "الشهور", "الشهرين", "الساعه",
]);

function mayStart(t: Token): boolean {
  if (t.kind === "number") return true;
  if (t.kind !== "word") return false;
  const n = t.norm;
  if (STARTERS.has(n) || STARTERS.has(bare(n))) return true;
  if (n.startsWith("ال") && lookupNumberWord(n) !== null) return true; // ordinal-like "العشرين"
  if (n.length > 2 && n.startsWith("ب") && STARTERS.has(n.slice(1))) return true;
  // ordinals: "السادس من يونيو"
  return n.startsWith("ال") && lookupOrdinal(n) !== null;
}

/** All date phrases, in order and non-overlapping. `published` is YYYY-MM-DD (or a full ISO time). */
export function findDates(text: string, published?: string | null): DateMention[] {
  if (typeof text !== "string" || !text) return [];
  const toks = tokensOf(text);
  const pub = parseIsoDay(published ?? null);
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
    const a = toks[hit.from]!.start;
    const b = toks[hit.to - 1]!.end;
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
  return out;
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
