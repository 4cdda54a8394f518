// Absolute date phrases: numeric dates, day + month (+ year), month phrases, years, Hijri dates.
import type { ScanToken } from "./tokenize.js";
import { parseDayOrdinalAt } from "./numberWords.js";
import {
  AMBIGUOUS_MONTHS, HIJRI_MONTHS, HIJRI_TWO_TOKEN, MONTHS, TWO_TOKEN_MONTHS,
  dayNumber, hijriToDay, lastDayOfMonth, ymdOf,
} from "./calendar.js";
import {
  type Hit, type MonthEdge, ALL_DIGITS, CURRENT, FUTURE, MONTH_CONTEXT_PREV, MONTH_EDGE, edgeDays, PAST, YEAR_WORDS, bare, digitsValue, isPunct, word,
} from "./dateTokens.js";

export function oneMonth(toks: readonly ScanToken[], k: number): { month: number; end: number; ambiguous: boolean } | null {
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
export function monthAt(toks: readonly ScanToken[], i: number): { month: number; end: number; strong: boolean; paired: boolean } | null {
  const first = oneMonth(toks, i);
  if (!first) return null;
  let end = first.end;
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
  } else {
    // "سبتمبر أيلول" (both names, no slash)
    const alt = oneMonth(toks, end);
    if (alt && alt.month === first.month) {
      end = alt.end;
      paired = true;
    }
  }
  return { month: first.month, end, strong: !first.ambiguous || paired, paired };
}

/** After a month: a year ("2017", "2017م", "من العام الماضي"), or الماضي/الجاري/المقبل. */
export function yearAfter(toks: readonly ScanToken[], i: number, pubYear: number | null):
  { end: number; year: number | null; rel: "past" | "future" | "current" | null; explicit: boolean } | null {
  const y = digitsValue(toks, i);
  if (y !== null && y >= 1900 && y <= 2100 && toks[i]!.norm.length === 4) {
    const n = word(toks, i + 1);
    if (n === "ه" || n === "هجري" || n === "هجريه") return null;
    return { end: n === "م" || n === "ميلادي" ? i + 2 : i + 1, year: y, rel: null, explicit: true };
  }
  const w = word(toks, i);
  if (!w) return null;
  if (YEAR_WORDS.has(w)) {
    // "مايو/أيار عام 2003"، "أبريل/نيسان العام الماضي"
    const yy = digitsValue(toks, i + 1);
    if (yy !== null && yy >= 1900 && yy <= 2100 && toks[i + 1]!.norm.length === 4) {
      const n = word(toks, i + 2);
      if (n === "ه" || n === "هجري" || n === "هجريه") return null;
      return { end: n === "م" || n === "ميلادي" ? i + 3 : i + 2, year: yy, rel: null, explicit: true };
    }
    const r = word(toks, i + 1) ?? "";
    if (PAST.has(r)) return { end: i + 2, year: pubYear === null ? null : pubYear - 1, rel: null, explicit: false };
    if (CURRENT.has(r)) return { end: i + 2, year: pubYear, rel: null, explicit: false };
    if (FUTURE.has(r)) return { end: i + 2, year: pubYear === null ? null : pubYear + 1, rel: null, explicit: false };
    return null;
  }
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
export function yearFor(month: number, day: number | null, pub: number | null, rel: "past" | "future" | "current" | "soon" | null): number | null {
  if (pub === null) return null;
  const p = ymdOf(pub);
  if (rel === "current") return p.y;
  if (rel === "past") return month >= p.m ? p.y - 1 : p.y;
  if (rel === "future") return month < p.m || (month === p.m && day !== null && day <= p.d) ? p.y + 1 : p.y;
  const after = month > p.m || (month === p.m && day !== null && day > p.d);
  // a deadline or a scheduled meeting ("بحلول 15 تشرين الأول"): up to two months ahead stays this year
  if (rel === "soon" && after && month <= p.m + 2) return p.y;
  // otherwise the last such date not after publication
  return after ? p.y - 1 : p.y;
}

const FUTURE_CUES = new Set([
  "بحلول", "حتي", "موعد", "موعدا", "المقرر", "مقرر", "المقرره", "مقرره", "اعتبارا", "ابتداء", "المرتقب", "المرتقبه",
  "المزمع", "المزمعه", "تنتهي", "ينتهي", "سيعقد", "ستعقد", "ستنتهي", "سينتهي", "ستبدا", "سيبدا", "المهله", "مهله",
  "القادم", "المقبل", "يعقد", "تعقد", "تبدا", "يبدا", "سيتم", "ستجري", "سيجري", "تجري",
]);

/** Words just before a date that announce the future ("بحلول"، "المقرر"، "ستنتهي المهلة في"). */
export function futureCue(toks: readonly ScanToken[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 5); k--) {
    const t = toks[k]!;
    if (t.kind === "punct" && t.norm !== "(") return false;
    if (t.kind === "word" && (FUTURE_CUES.has(t.norm) || FUTURE_CUES.has(bare(t.norm)))) return true;
  }
  return false;
}

// --- matchers -------------------------------------------------------------------------------

// explicitDay is the only matcher whose match/no-match can depend on the publication day: a day
// that does not exist in the month ("31 نيسان") is refused once a year is known, but kept as an
// unresolved phrase without one. Counted so findDates can tell when its spans equal a run
// without the publication day (see dateSpans).
let invalidDays = 0;
/** How many times explicitDay refused a non-existent day (a running counter). */
export function invalidDayCount(): number {
  return invalidDays;
}

export function numericDate(toks: readonly ScanToken[], i: number): Hit | null {
  const t = toks[i]!;
  if (t.kind !== "number") return null;
  const parts = t.norm.split(".");
  if (parts.length === 3 && parts[2]!.length === 4) {
    const d = dayNumber(Number(parts[2]), Number(parts[1]), Number(parts[0]));
    if (d !== null) return { from: i, to: i + 1, start: d, end: d, precision: "day", relative: false };
  }
  if (!ALL_DIGITS.test(t.norm)) return null;
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
export function explicitDay(toks: readonly ScanToken[], i: number, pub: number | null): Hit | null {
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
    if (word(toks, j) !== "من" && word(toks, j) !== "الشهر" && !monthAt(toks, j)) return null;
  }
  if (word(toks, j) === "من" || word(toks, j) === "شهر") j++;
  else if (dv !== null && isPunct(toks, j, "/") && oneMonth(toks, j + 1)) j++; // "10/ سبتمبر"
  // "الخامس من الشهر الجاري"، "24 من الشهر الماضي"
  if (word(toks, j) === "الشهر") {
    const r = word(toks, j + 1) ?? "";
    const shift = CURRENT.has(r) ? 0 : PAST.has(r) ? -1 : FUTURE.has(r) ? 1 : null;
    if (shift === null || dayTo !== null) return null;
    if (pub === null) return { from: i, to: j + 2, start: null, end: null, precision: "day", relative: true };
    const p = ymdOf(pub);
    const idx = p.y * 12 + (p.m - 1) + shift;
    const d = dayNumber(Math.floor(idx / 12), (idx % 12) + 1, dayVal);
    if (d === null) invalidDays++;
    return d === null ? null : { from: i, to: j + 2, start: d, end: d, precision: "day", relative: true };
  }
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
    year = yearFor(mo.month, dayVal, pub, ya ? ya.rel : futureCue(toks, i) ? "soon" : null);
    relative = true;
  }
  if (year === null) return { from: i, to: j, start: null, end: null, precision: "day", relative: true };
  const d = dayNumber(year, mo.month, dayVal);
  if (d === null) {
    invalidDays++;
    return null;
  }
  const e = dayTo === null ? d : dayNumber(year, mo.month, dayTo) ?? d;
  return { from: i, to: j, start: d, end: e, precision: "day", relative };
}

/** [edge word] [شهر] MONTH [/MONTH] [YEAR | الماضي …] with enough context to be a month. */
export function monthPhrase(toks: readonly ScanToken[], i: number, pub: number | null): Hit | null {
  let j = i;
  let edge: MonthEdge | null = null;
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
  // a bare month needs a preposition before it ("في أيار"); آب/مارس/تموز also pass after one,
  // since the verb "مارس" and the noun "أب" don't follow "في"/"منذ"/"خلال"
  if (!ya && !context && !prevCtx && !mo.paired) return null;
  let year: number | null;
  let relative = true;
  if (ya && ya.explicit) {
    year = ya.year;
    relative = false;
  } else if (ya && ya.year !== null) year = ya.year;
  else year = yearFor(mo.month, null, pub, ya ? ya.rel : futureCue(toks, i) ? "soon" : null);
  if (year === null) return { from: i, to: j, start: null, end: null, precision: "month", relative };
  const last = lastDayOfMonth(year, mo.month);
  const [a, b] = edge ? edgeDays(edge, last) : [1, last];
  return { from: i, to: j, start: dayNumber(year, mo.month, a), end: dayNumber(year, mo.month, Math.min(b, last)), precision: "month", relative };
}

export function yearDigits(toks: readonly ScanToken[], k: number): number | null {
  const y = digitsValue(toks, k);
  return y !== null && y >= 1900 && y <= 2100 && toks[k]!.norm.length === 4 && !isHijriMark(toks, k + 1) ? y : null;
}

/** "بين عامي 2010 و2012"، "عامي 2010 و2012"، "بين 2015 و2017" → a span of years. */
export function yearRange(toks: readonly ScanToken[], i: number): Hit | null {
  let j = i;
  const between = word(toks, j) === "بين" || word(toks, j) === "ما";
  if (word(toks, j) === "ما") j++;
  if (word(toks, j) === "بين") j++;
  if (word(toks, j) === "عامي" || word(toks, j) === "سنتي" || word(toks, j) === "العامين") j++;
  else if (!between) return null;
  const a = yearDigits(toks, j);
  if (a === null) return null;
  const link = word(toks, j + 1);
  if (link !== "و" && link !== "الي" && !isPunct(toks, j + 1, "-–")) return null;
  const b = yearDigits(toks, j + 2);
  if (b === null || b <= a) return null;
  return { from: i, to: j + 3, start: dayNumber(a, 1, 1), end: dayNumber(b, 12, 31), precision: "year", relative: false };
}

/** عام 2017، العام 2017م، العام الماضي، هذا العام، في 2017، بداية 2018 */
export function yearPhrase(toks: readonly ScanToken[], i: number, pub: number | null): Hit | null {
  const pubYear = pub === null ? null : ymdOf(pub).y;
  let j = i;
  let edge: MonthEdge | null = null;
  const w0 = word(toks, j);
  if (w0) {
    const e = MONTH_EDGE.get(bare(w0));
    if (e && (YEAR_WORDS.has(word(toks, j + 1) ?? "") || yearDigits(toks, j + 1) !== null)) {
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
    } else if (FUTURE.has(r) && (bare(w) === "العام" || bare(w) === "السنه")) {
      year = pubYear === null ? null : pubYear + 1;
      relative = true;
      end = j + 2;
    } else if (edge && (bare(w) === "العام" || bare(w) === "السنه")) {
      // "منذ مطلع العام": the publication year
      year = pubYear;
      relative = true;
      end = j + 1;
    } else return null;
  } else {
    // a bare 4-digit year after في/منذ/حتى, or followed by م
    const y = digitsValue(toks, j);
    if (y === null || y < 1900 || y > 2100 || toks[j]!.norm.length !== 4) return null;
    const after = word(toks, j + 1);
    if (after === "ه" || after === "هجري" || after === "هجريه") return null;
    const prev = word(toks, j - 1);
    if (edge) end = j + 1;
    else if (after === "م" || after === "ميلادي") end = j + 2;
    else if (prev === "في" || prev === "منذ" || prev === "حتي" || prev === "وفي" || prev === "خلال") end = j + 1;
    else return null;
    year = y;
  }
  if (year === null) return { from: i, to: end, start: null, end: null, precision: "year", relative: true };
  if (edge) {
    // مطلع العام → first months; منتصف → middle; نهاية → last (precision stays "month"-sized)
    const [a, b] = edge.part === "start" ? [1, 3] : edge.part === "middle" ? [5, 8] : [10, 12];
    return { from: i, to: end, start: dayNumber(year, a, 1), end: dayNumber(year, b, lastDayOfMonth(year, b)), precision: "month", relative };
  }
  return { from: i, to: end, start: dayNumber(year, 1, 1), end: dayNumber(year, 12, 31), precision: "year", relative };
}

export function isHijriMark(toks: readonly ScanToken[], k: number): boolean {
  const w = word(toks, k);
  return w === "ه" || w === "هجري" || w === "هجريه" || w === "للهجره";
}

/** Hijri: [DAY] HIJRI-MONTH YEAR هـ, or YEAR هـ. Never read as Gregorian. */
export function hijri(toks: readonly ScanToken[], i: number): Hit | null {
  let j = i;
  let day: number | null = null;
  const dv = digitsValue(toks, j);
  if (dv !== null && dv >= 1 && dv <= 30 && toks[j]!.norm.length <= 2) {
    day = dv;
    j++;
  }
  let month: number | null = null;
  let named = false; // "شهر رمضان"، "ربيع الأول": unmistakably a Hijri month
  if (word(toks, j) === "شهر") {
    j++;
    named = true;
  }
  const w = word(toks, j);
  if (w) {
    const two = HIJRI_TWO_TOKEN.get(bare(w));
    const n = word(toks, j + 1);
    if (two && n && two.get(n)) {
      month = two.get(n)!;
      j += 2;
      named = true;
    } else if (HIJRI_MONTHS.has(w) || HIJRI_MONTHS.has(bare(w))) {
      month = HIJRI_MONTHS.get(w) ?? HIJRI_MONTHS.get(bare(w))!;
      j++;
    }
  }
  if (month === null && named) return null; // "شهر" + something else
  const y = digitsValue(toks, j);
  const marked = y !== null && isHijriMark(toks, j + 1);
  if (y !== null && y >= 1300 && y <= 1600 && (marked || month !== null)) {
    j += marked ? 2 : 1;
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
  if (month !== null && (named || day !== null && isHijriMark(toks, j))) {
    // a Hijri month (and day) without a year: recognized so it is never read as Gregorian, not resolved
    return { from: i, to: isHijriMark(toks, j) ? j + 1 : j, start: null, end: null, precision: day !== null ? "day" : "month", relative: true, calendar: "hijri" };
  }
  return null;
}
