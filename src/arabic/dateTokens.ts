// Shared pieces of the date matchers: the match record, word sets, and token helpers.
import type { Token } from "./tokenize.js";

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
export const MONTH_EDGE = new Map<string, [number, number]>([
  ["مطلع", [1, 10]], ["بدايه", [1, 10]], ["اوائل", [1, 10]], ["اول", [1, 10]], ["مستهل", [1, 10]],
  ["منتصف", [11, 20]], ["اواسط", [11, 20]], ["وسط", [11, 20]],
  ["نهايه", [21, 31]], ["اواخر", [21, 31]], ["اخر", [21, 31]], ["ختام", [21, 31]],
]);
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
export function word(toks: readonly Token[], i: number): string | null {
  const t = toks[i];
  return t && t.kind === "word" ? t.norm : null;
}
export function isPunct(toks: readonly Token[], i: number, chars: string): boolean {
  const t = toks[i];
  return !!t && t.kind === "punct" && chars.includes(t.norm);
}
export const ALL_DIGITS = /^[0-9]+$/;

export function digitsValue(toks: readonly Token[], i: number): number | null {
  const t = toks[i];
  if (!t || t.kind !== "number" || !ALL_DIGITS.test(t.norm)) return null;
  return Number(t.norm);
}
