// Shared pieces of the date matchers: the match record, word sets, and token helpers.
import type { ScanToken } from "./tokenize.js";

export type Precision = "day" | "week" | "month" | "year" | "unknown";
export interface Hit {
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
export const TIME_OF_DAY = set("فجر صباح ظهر ظهيره عصر مساء ليل ليله عشيه صبيحه غداه منتصف نهار ضحي");
export const PAST = set("الماضي الماضيه الفائت الفائته المنصرم المنصرمه المنقضي السابق");
export const FUTURE = set("المقبل المقبله القادم القادمه");
export const CURRENT = set("الجاري الجاريه الحالي الحاليه");
export const YEAR_WORDS = set("عام العام سنه السنه لعام للعام بعام العامين");
// Parts of a month: [first day, last day]; a negative first day counts back from the month's end
// ("نهاية نيسان" = its last three days, "أواخر نيسان" = from the 21st). The year part is for
// "مطلع العام" (Jan–Mar), "منتصف العام" (May–Aug), "نهاية العام" (Oct–Dec).
export interface MonthEdge {
  days: [number, number];
  part: "start" | "middle" | "end";
}
export const MONTH_EDGE = new Map<string, MonthEdge>([
  ["مطلع", { days: [1, 3], part: "start" }], ["بدايه", { days: [1, 3], part: "start" }],
  ["مستهل", { days: [1, 3], part: "start" }], ["اول", { days: [1, 3], part: "start" }],
  ["اوائل", { days: [1, 10], part: "start" }],
  ["منتصف", { days: [14, 16], part: "middle" }], ["وسط", { days: [14, 16], part: "middle" }],
  ["اواسط", { days: [11, 20], part: "middle" }],
  ["نهايه", { days: [-2, 31], part: "end" }], ["ختام", { days: [-2, 31], part: "end" }],
  ["اخر", { days: [-2, 31], part: "end" }], ["اواخر", { days: [21, 31], part: "end" }],
]);

/** The days of a month part, given the month's length. */
export function edgeDays(edge: MonthEdge, last: number): [number, number] {
  const [a, b] = edge.days;
  return a < 0 ? [last + a, last] : [a, Math.min(b, last)];
}
export const MONTH_CONTEXT_PREV = set("في منذ خلال حتي قبل بعد مطلع بدايه اوائل منتصف اواسط نهايه اواخر شهر وفي ففي");
export const ANAPHORIC_AFTER = set("ذاته نفسه التالي السابق عينه");
export const NOT_TODAY_AFTER = set("الذي التي العالمي الدولي الوطني الاول الثاني الثالث الاخير الاخيره");
export const DURING = set("خلال طيله طوال");
export const YESTERDAY = set("امس الامس بالامس البارحه");

export function bare(norm: string): string {
  // one conjunction/preposition letter glued to a phrase word: وصباح، فجر، بالأمس (kept: "بالامس" in YESTERDAY)
  if (norm.length > 3 && (norm[0] === "و" || norm[0] === "ف")) return norm.slice(1);
  return norm;
}
export function word(toks: readonly ScanToken[], i: number): string | null {
  const t = toks[i];
  return t && t.kind === "word" ? t.norm : null;
}
export function isPunct(toks: readonly ScanToken[], i: number, chars: string): boolean {
  const t = toks[i];
  return !!t && t.kind === "punct" && chars.includes(t.norm);
}
export const ALL_DIGITS = /^[0-9]+$/;

export function digitsValue(toks: readonly ScanToken[], i: number): number | null {
  const t = toks[i];
  if (!t || t.kind !== "number" || !ALL_DIGITS.test(t.norm)) return null;
  return Number(t.norm);
}
