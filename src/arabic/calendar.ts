// Calendar words (normalizeKey form) and ISO-day arithmetic for dates.ts.

/** Single-token Gregorian month names: Egyptian/Gulf (يناير…), Levantine (شباط…), Maghrebi (جانفي…). */
export const MONTHS = new Map<string, number>();
function m(words: string, n: number): void {
  for (const w of words.split(" ")) if (w) MONTHS.set(w, n);
}
m("يناير جانفي", 1);
m("فبراير فبرير شباط فيفري", 2);
m("مارس اذار مارص", 3);
m("ابريل افريل نيسان ابريل", 4);
m("مايو ايار ماي", 5);
m("يونيو يونيه حزيران جوان يونيوز", 6);
m("يوليو يوليه تموز جويليه يوليوز", 7);
m("اغسطس اغسطس اب اوت غشت", 8);
m("سبتمبر ايلول شتنبر", 9);
m("اكتوبر", 10);
m("نوفمبر نونبر", 11);
m("ديسمبر دجنبر", 12);

/** Month names that are also common words (آب "father", مارس "practised", ماي, تموز as a name):
 * accepted only with strong date context (a day before, "شهر", a year or الماضي after, a slash pair). */
export const AMBIGUOUS_MONTHS = new Set(["اب", "مارس", "ماي", "تموز", "اذار"]);

/** Levantine two-token months: كانون الثاني = January, تشرين الأول = October… */
export const TWO_TOKEN_MONTHS = new Map<string, Map<string, number>>([
  ["كانون", new Map([["الثاني", 1], ["الاول", 12], ["ثاني", 1], ["اول", 12]])],
  ["تشرين", new Map([["الاول", 10], ["الثاني", 11], ["اول", 10], ["ثاني", 11]])],
]);

/** Hijri months; two-token ones keyed by their first word. */
export const HIJRI_MONTHS = new Map<string, number>([
  ["محرم", 1], ["صفر", 2], ["رجب", 7], ["شعبان", 8], ["رمضان", 9], ["شوال", 10],
]);
export const HIJRI_TWO_TOKEN = new Map<string, Map<string, number>>([
  ["ربيع", new Map([["الاول", 3], ["الثاني", 4], ["الاخر", 4], ["الاخره", 4]])],
  ["جمادي", new Map([["الاولي", 5], ["الاول", 5], ["الثانيه", 6], ["الاخره", 6], ["الثاني", 6], ["الاخر", 6]])],
  ["ذو", new Map([["القعده", 11], ["الحجه", 12]])],
  ["ذي", new Map([["القعده", 11], ["الحجه", 12]])],
]);

/** Weekdays, 0 = Sunday as in Date.getUTCDay(). Keys with the article. */
export const WEEKDAYS = new Map<string, number>([
  ["الاحد", 0], ["الاثنين", 1], ["الاثنان", 1], ["الثلاثاء", 2], ["الاربعاء", 3], ["الخميس", 4], ["الجمعه", 5], ["السبت", 6],
]);

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})/;

/** Days since 1970-01-01 for a valid YYYY-MM-DD(…) string, else null. */
export function parseIsoDay(s: string | null | undefined): number | null {
  if (typeof s !== "string") return null;
  const mm = ISO_RE.exec(s);
  if (!mm) return null;
  return dayNumber(Number(mm[1]), Number(mm[2]), Number(mm[3]));
}

/** Days since epoch for y-m-d, or null when the day does not exist (31 April). */
export function dayNumber(y: number, mo: number, d: number): number | null {
  if (!Number.isInteger(y) || !Number.isInteger(mo) || !Number.isInteger(d)) return null;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1 || y > 9999) return null;
  const t = Date.UTC(y, mo - 1, d);
  const dt = new Date(t);
  if (dt.getUTCDate() !== d || dt.getUTCMonth() !== mo - 1) return null;
  return Math.round(t / 86400000);
}

const PAD2 = Array.from({ length: 32 }, (_, k) => (k < 10 ? "0" : "") + k);
/** Day number → "YYYY-MM-DD" (civil-from-days arithmetic: Date#toISOString is slow in hot loops). */
export function isoOf(day: number): string {
  const { y, m, d } = ymdOf(day);
  if (y < 1000 || y > 9999) return new Date(day * 86400000).toISOString().slice(0, 10);
  return `${y}-${PAD2[m]}-${PAD2[d]}`;
}

export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function ymdOf(day: number): { y: number; m: number; d: number } {
  // Howard Hinnant's civil_from_days
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function lastDayOfMonth(y: number, mo: number): number {
  return new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Tabular Islamic calendar → days since epoch (may differ from sighting-based dates by a day or two). */
export function hijriToDay(y: number, mo: number, d: number): number | null {
  if (y < 1 || y > 2000 || mo < 1 || mo > 12 || d < 1 || d > 30) return null;
  const jd = d + Math.ceil(29.5 * (mo - 1)) + (y - 1) * 354 + Math.floor((3 + 11 * y) / 30) + 1948439.5 - 1;
  return Math.round(jd - 2440587.5);
}
