// Relative date phrases, resolved against the publication day: اليوم/أمس/أول أمس, weekdays,
// and periods (خلال الأسبوع الماضي، الأيام الماضية، خلال 24 ساعة، قبل يومين، الشهر الماضي…).
import type { ScanToken } from "./tokenize.js";
import { parseWordsAt } from "./numberWords.js";
import {
  HIJRI_MONTHS, HIJRI_TWO_TOKEN, MONTHS, TWO_TOKEN_MONTHS, WEEKDAYS, dayNumber, lastDayOfMonth, weekdayOf, ymdOf,
} from "./calendar.js";
import {
  type Hit, type Precision, ANAPHORIC_AFTER, CURRENT, DURING, FUTURE, MONTH_EDGE, edgeDays, NOT_TODAY_AFTER, PAST, TIME_OF_DAY, YESTERDAY,
  bare, digitsValue, isPunct, word,
} from "./dateTokens.js";
import { explicitDay } from "./absoluteDates.js";

/** Time-of-day and "يوم" words before a day word: "فجر"، "صباح يوم"، "مساء"، "ليلة"، "منتصف ليل". */
export function leadWords(toks: readonly ScanToken[], i: number): { end: number; night: boolean } {
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

export function weekdayAt(toks: readonly ScanToken[], i: number): number | null {
  const w = word(toks, i);
  if (!w) return null;
  const d = WEEKDAYS.get(w) ?? WEEKDAYS.get(bare(w));
  return d === undefined ? null : d;
}

/** Most recent weekday wd on or before day `ref` (strictly before when strict). */
export function weekdayOnOrBefore(ref: number, wd: number, strict: boolean): number {
  let delta = (weekdayOf(ref) - wd + 7) % 7;
  if (strict && delta === 0) delta = 7;
  return ref - delta;
}

/** اليوم، أمس، أول أمس، الليلة الماضية (+ an optional weekday that names the same day) */
export function relativeDay(toks: readonly ScanToken[], i: number, pub: number | null): Hit | null {
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
    const p = word(toks, i - 1);
    if (p === "نفس" || p === "ذات" || p === "بنفس" || p === "بذات") {
      // "في نفس اليوم"، "في ذات اليوم": the day named before
      return { from: i, to: j + 1, start: null, end: null, precision: "unknown", relative: true, anaphoric: true };
    }
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

export function explicitAfterWeekday(toks: readonly ScanToken[], j: number, pub: number | null): Hit | null {
  let k = j;
  if (isPunct(toks, k, "(،,-–")) k++;
  const ex = explicitDay(toks, k, pub);
  if (!ex) return null;
  if (isPunct(toks, ex.to, ")") && isPunct(toks, k - 1, "(")) ex.to++;
  return ex;
}

/** [فجر|صباح|مساء|ليلة|يوم…] WEEKDAY [الماضي|المقبل] [- WEEKDAY] [explicit date] */
export function weekdayPhrase(toks: readonly ScanToken[], i: number, pub: number | null): Hit | null {
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
export function countAt(toks: readonly ScanToken[], i: number): { value: number; end: number } | null {
  let j = i;
  if (word(toks, j) === "ال" && toks[j + 1]?.kind === "number") j++;
  const d = digitsValue(toks, j);
  if (d !== null) return { value: d, end: j + 1 };
  const w = parseWordsAt(toks, j);
  return w ? { value: w.value, end: w.end } : null;
}

export const UNIT_WORDS: [string, number, "day" | "week" | "month" | "year" | "hour", number][] = [
  // [normalized word, count it implies (0 = needs a number), unit, —]
  ["ساعه", 1, "hour", 0], ["ساعات", 0, "hour", 0], ["ساعتين", 2, "hour", 0],
  ["يوم", 1, "day", 0], ["ايام", 0, "day", 0], ["يومين", 2, "day", 0],
  ["اسبوع", 1, "week", 0], ["اسابيع", 0, "week", 0], ["اسبوعين", 2, "week", 0],
  ["شهر", 1, "month", 0], ["اشهر", 0, "month", 0], ["شهور", 0, "month", 0], ["شهرين", 2, "month", 0],
  ["عام", 1, "year", 0], ["اعوام", 0, "year", 0], ["عامين", 2, "year", 0], ["سنه", 1, "year", 0], ["سنوات", 0, "year", 0], ["سنتين", 2, "year", 0],
];
export const UNITS = new Map(UNIT_WORDS.map(([w, n, u]) => [w, { n, u }]));

export function span(pub: number | null, unit: "day" | "week" | "month" | "year" | "hour", n: number, endOffset: number):
  { start: number | null; end: number | null; precision: Precision } {
  const precision: Precision = unit === "hour" ? "day" : unit === "day" ? (n <= 3 ? "day" : "week") : unit;
  if (pub === null) return { start: null, end: null, precision };
  const days = unit === "hour" ? Math.max(1, Math.ceil(n / 24)) : unit === "day" ? n : unit === "week" ? 7 * n : unit === "month" ? 30 * n : 365 * n;
  return { start: pub - days, end: pub - endOffset, precision };
}

/** خلال الأسبوع الماضي، الأيام الماضية، اليومين الماضيين، الساعات الأربع والعشرين الماضية، خلال 24 ساعة،
 * الشهر الماضي، قبل يومين، منذ ثلاثة أيام */
const HEDGES: string[][] = [["ما", "يقارب"], ["ما", "يزيد", "عن"], ["ما", "يزيد", "علي"], ["اكثر", "من"], ["اقل", "من"],
  ["نحو"], ["حوالي"], ["قرابه"], ["زهاء"], ["يقارب"]];
function skipHedge(toks: readonly ScanToken[], j: number): number {
  for (const h of HEDGES) {
    let ok = true;
    for (let k = 0; k < h.length && ok; k++) ok = word(toks, j + k) === h[k];
    if (ok) return j + h.length;
  }
  return j;
}

/** "أواخر الشهر الماضي"، "مطلع الشهر الجاري"، "منتصف الشهر المقبل": part of a relative month. */
export function monthEdgePhrase(toks: readonly ScanToken[], i: number, pub: number | null): Hit | null {
  const w0 = word(toks, i);
  if (!w0) return null;
  const edge = MONTH_EDGE.get(bare(w0)) ?? (w0.startsWith("ب") ? MONTH_EDGE.get(w0.slice(1)) : undefined);
  if (!edge || word(toks, i + 1) !== "الشهر") return null;
  const r = word(toks, i + 2) ?? "";
  const shift = PAST.has(r) ? -1 : CURRENT.has(r) ? 0 : FUTURE.has(r) ? 1 : null;
  if (shift === null) return null;
  if (pub === null) return { from: i, to: i + 3, start: null, end: null, precision: "month", relative: true };
  const p = ymdOf(pub);
  const idx = p.y * 12 + (p.m - 1) + shift;
  const y = Math.floor(idx / 12);
  const m = (idx % 12) + 1;
  const last = lastDayOfMonth(y, m);
  const [a, b] = edgeDays(edge, last);
  return { from: i, to: i + 3, start: dayNumber(y, m, a), end: dayNumber(y, m, b), precision: "month", relative: true };
}

export function periodPhrase(toks: readonly ScanToken[], i: number, pub: number | null): Hit | null {
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
  // "قبل نحو أسبوع"، "منذ أكثر من شهر"، "خلال ما يقارب ثلاثة أيام": the hedge doesn't move the date
  if (ago || during) j = skipHedge(toks, j);
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
    if (FUTURE.has(r) && !ago) {
      // "الأسبوع المقبل"، "الشهر القادم": announced plans and deadlines
      if (p === null) return { from: i, to: j + 2, start: null, end: null, precision: isWeek ? "week" : "month", relative: true };
      if (isWeek) return { from: i, to: j + 2, start: p + 1, end: p + 7, precision: "week", relative: true };
      const { y, m } = ymdOf(p);
      const ny = m === 12 ? y + 1 : y;
      const nm = m === 12 ? 1 : m + 1;
      return { from: i, to: j + 2, start: dayNumber(ny, nm, 1), end: dayNumber(ny, nm, lastDayOfMonth(ny, nm)), precision: "month", relative: true };
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
      if (word(toks, k) === "القليله") k++;
      const r = word(toks, k) ?? "";
      if (PAST.has(r) || r === "الاخيره" || r === "الاخيرين" || r === "الماضيين" || r === "الفائتين") {
        if (n === 0) n = u.u === "hour" ? 24 : u.u === "day" ? 7 : 3;
        // "the past N days/weeks/months" ends yesterday; "the past 24 hours" includes today
        const s = span(p, u.u, n, u.u === "hour" || u.u === "year" ? 0 : 1);
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
  const u = UNITS.get(uw) ?? (uw.startsWith("ال") && !ago ? UNITS.get(uw.slice(2)) : undefined);
  if (!u) return null; // "منذ الساعة التاسعة" is a clock time, not "an hour ago"
  // "خلال شهر رمضان"، "منذ شهر أيار": شهر introduces a month name
  if (uw === "شهر" && !c) {
    const n = word(toks, k + 1) ?? "";
    if (MONTHS.has(n) || TWO_TOKEN_MONTHS.has(n) || HIJRI_MONTHS.has(n) || HIJRI_TWO_TOKEN.has(n)) return null;
  }
  // "منذ يوم السبت"، "قبل يوم 14 شباط": يوم introduces a day, it is not "a day ago"
  if (uw === "يوم" && !c && (weekdayAt(toks, k + 1) !== null || toks[k + 1]?.kind === "number" || word(toks, k + 1) === "امس")) return null;
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
