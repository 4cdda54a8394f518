// Counts in Arabic text: digits (any script, separators, "80 ألف"، "1.5 مليون"), number words
// ("خمسة وعشرون"، "ثلاثمئة"), duals ("قذيفتين" = 2), plurals of tens ("عشرات" 20–99), vague
// amounts ("أعداد كبيرة"), ranges ("بين 10 و15") and qualifiers ("ما لا يقل عن"، "نحو"، "على الأقل").
// Numbers that belong to a date phrase (findDates) or a clock time are not counts and are skipped.
import { tokensOf, type ScanToken } from "./tokenize.js";
import { TailFilter } from "./tailFilter.js";
import { lookupNumberWord, lookupOrdinal, numberWordForms, parseDigitString, parseWordsAt } from "./numberWords.js";
import { dualForms, lookupDual } from "./countNouns.js";
import { dateSpans } from "./dates.js";
import { MONTHS, WEEKDAYS } from "./calendar.js";

import type { Qualifier as ModelQualifier } from "../model/index.js";

/** The contract's Count qualifier (src/model): one definition for both. */
export type Qualifier = ModelQualifier;

export interface NumberMention {
  start: number;
  end: number;
  text: string;
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: Qualifier;
  kind: "digits" | "words" | "dual" | "tens_plural" | "range" | "vague";
  /** the counted noun right after the number ("٥ مدنيين" → مدنيين); for duals the dual word itself */
  noun?: { text: string; start: number; end: number; norm: string };
  /** "٪"، "بالمئة"، "في المئة" follow: a share, not a count */
  percent?: boolean;
  /** a rising toll: "ارتفعت الحصيلة إلى 8"، "8 … والعدد مرشح للارتفاع" (qualifier may say more) */
  rising?: boolean;
  /** four plain digits 1900–2100 outside any date phrase ("بوابة 2018"): probably a year, not a count */
  yearLike?: boolean;
}

const set = (s: string) => new Set(s.split(" ").filter(Boolean));

// Qualifier phrases before a number, normalized tokens; longest phrases are tried first.
const BEFORE: [string[], Qualifier][] = (
  [
    ["ما لا يقل عن", "at_least"], ["ما لا يقل عدد عن", "at_least"], ["لا يقل عن", "at_least"], ["لا تقل عن", "at_least"],
    ["ما لا يزيد عن", "at_most"], ["ما لا يزيد علي", "at_most"], ["لا يزيد عن", "at_most"], ["لا يزيد علي", "at_most"],
    ["لا تزيد عن", "at_most"], ["لا تزيد علي", "at_most"], ["لا يتجاوز", "at_most"], ["لا يتعدي", "at_most"],
    ["ما يزيد عن", "at_least"], ["ما يزيد علي", "at_least"], ["يزيد علي", "at_least"], ["يزيد عن", "at_least"],
    ["تزيد علي", "at_least"], ["تزيد عن", "at_least"], ["ما يربو علي", "at_least"], ["يربو علي", "at_least"],
    ["ما يفوق", "at_least"], ["يفوق", "at_least"], ["تفوق", "at_least"], ["اكثر من", "at_least"], ["ازيد من", "at_least"],
    ["علي الاقل", "at_least"], ["تجاوز", "at_least"], ["يتجاوز", "at_least"], ["تتجاوز", "at_least"], ["تجاوزت", "at_least"],
    ["فاق", "at_least"], ["فوق", "at_least"],
    ["ما يقارب", "about"], ["ما يقرب من", "about"], ["يقارب", "about"], ["تقارب", "about"], ["ما يناهز", "about"],
    ["يناهز", "about"], ["تناهز", "about"], ["نحو", "about"], ["حوالي", "about"], ["قرابه", "about"], ["زهاء", "about"],
    ["تقريبا", "about"], ["قرابه ال", "about"], ["ما مجموعه", "exact"],
    ["اقل من", "at_most"], ["حتي", "at_most"], ["تصل الي", "at_most"], ["يصل الي", "at_most"],
    ["قد تصل الي", "at_most"], ["قد يصل الي", "at_most"],
  ] as [string, Qualifier][]
)
  .map(([p, q]) => [p.split(" "), q] as [string[], Qualifier])
  .sort((a, b) => b[0].length - a[0].length);

const STOP = set(
  "في من علي الي عن مع بين حتي الذي التي الذين ان او و ثم قد لا لم لن ما هذا هذه ذلك تلك كل خلال منذ بعد قبل عند " +
    "نحو حوالي او ام بل لكن كما مثل اي هو هي هم وقد فقط ايضا عدد اخري اخر الي جراء بسبب اثر اثناء وفق بحسب " +
    "منهم منها منهن منهما فيها فيه عليها عليه",
);
const RISE_VERBS = ["ارتفع", "يرتفع", "ترتفع", "ليرتفع", "لترتفع", "وارتفع", "فارتفع", "ارتفاع", "بارتفاع"];
const TWO = set("اثنين اثنان اثنتين اثنتان");
// nouns after which an article + tens word is an ordinal: "القرن العشرين"، "الدورة الثلاثين"
const ORDINAL_HEADS = set("القرن الدوره الذكري المرتبه الطابق الجوله النسخه المؤتمر القمه");

/** Plurals of tens/hundreds/thousands: [low, high] (normalized, clitics stripped before lookup). */
const PLURALS = new Map<string, [number, number]>([
  ["عشرات", [20, 99]], ["مئات", [200, 999]], ["الاف", [2000, 9999]], ["الوف", [2000, 9999]],
  ["ملايين", [2e6, 9999999]],
]);
const MULTIPLIERS = new Map<string, number>([["الاف", 1000], ["الالاف", 1000], ["الوف", 1000], ["ملايين", 1e6], ["الملايين", 1e6]]);

const FOUR_DIGITS = /^[0-9]{4}$/;

function word(toks: readonly ScanToken[], i: number): string | null {
  const t = toks[i];
  return t && t.kind === "word" ? t.norm : null;
}
function stripConj(n: string): string {
  return n.length > 2 && (n[0] === "و" || n[0] === "ف") ? n.slice(1) : n;
}
const PLURAL_FORMS = new Map<string, [number, number]>();
for (const [w, r] of PLURALS) for (const p of ["", "وال", "بال", "لل", "فال", "ال", "و", "ب", "ل", "ف"]) PLURAL_FORMS.set(p + w, r);
function pluralAt(norm: string): [number, number] | null {
  return PLURAL_FORMS.get(norm) ?? null;
}

interface Core {
  from: number; // first token of the number itself
  to: number; // index after the number (incl. scale word)
  value: number | null;
  low: number | null;
  high: number | null;
  kind: NumberMention["kind"];
  qualifier: Qualifier;
  nounTok?: number;
}

/** A digit token with its optional scale word: "80 ألف"، "1.5 مليون"، "٣ آلاف". */
function digitsCore(toks: readonly ScanToken[], i: number): Core | null {
  const t = toks[i]!;
  const v = parseDigitString(t.norm);
  if (v === null) return null;
  const next = toks[i + 1];
  if (next && next.kind === "punct" && next.norm === ":" && toks[i + 2]?.kind === "number") return null; // 10:30
  if (next && next.kind === "punct" && (next.norm === "°" || next.norm === "℃")) return null; // a temperature
  const before = toks[i - 1];
  if (before && before.kind === "punct" && before.norm === ":" && before.end === t.start && toks[i - 2]?.kind === "number") return null;
  const prev = word(toks, i - 1);
  if (prev !== null && (stripConj(prev) === "الساعه" || prev === "رقم" || prev === "القرار" || prev === "المرسوم")) return null;
  // model designations glued by a hyphen: "F-16"، "إس-400"، "Su-24"
  const hy = toks[i - 1];
  const model = toks[i - 2];
  if (hy && model && hy.kind === "punct" && hy.norm === "-" && hy.end === t.start && model.end === hy.start && model.kind === "word") return null;
  // anniversaries and editions: "الذكرى الـ70"، "الدورة الـ12"
  if (prev === "ال" && ORDINAL_HEADS.has(word(toks, i - 2) ?? "")) return null;
  // list numbering at the start of a line or sentence: "2- سيتخذ…", "3) …"
  if (next && next.kind === "punct" && (next.norm === "-" || next.norm === ")") && toks[i + 2]?.kind === "word") {
    const p = toks[i - 1];
    if (!p || (p.kind === "punct" && p.norm !== "(")) return null;
  }
  let value = v;
  let to = i + 1;
  const s = word(toks, to);
  if (s) {
    const h = lookupNumberWord(s);
    if (h && h.atom.cls === "scale" && !h.conj && !h.article) {
      value = h.atom.form === "dual" ? v * 2 * h.atom.value : v * h.atom.value;
      to++;
    }
  }
  return { from: i, to, value, low: null, high: null, kind: "digits", qualifier: "exact" };
}

function wordsCore(toks: readonly ScanToken[], i: number): Core | null {
  const t = toks[i]!;
  const hit = lookupNumberWord(t.norm);
  if (!hit) return null;
  const w = hit.word;
  // weekday names that look like numbers: الاثنين (Monday), الأحد (Sunday)
  if (hit.article && (TWO.has(w) || w === "احد")) return null;
  // percent: "في المئة"، "بالمئة"
  if (hit.atom.plainHundred && (hit.article || t.norm.startsWith("ب"))) return null;
  // ordinals: "الخامس عشر"، "الحادي والعشرين" — the عشر/والعشرين part is not a count
  const prevOrd = toks[i - 1] && toks[i - 1]!.kind === "word" ? lookupOrdinal(toks[i - 1]!.norm) : null;
  if (prevOrd && (hit.atom.value === 10 || hit.atom.cls === "ten")) return null;
  // "لست" is "I am not"; "القرن العشرين" is the twentieth century
  if (w === "ست" && t.norm !== "ست" && !t.norm.startsWith("وست") && t.norm !== "الست") return null;
  if (hit.article && hit.atom.cls === "ten" && ORDINAL_HEADS.has(word(toks, i - 1) ?? "")) return null;
  const p = parseWordsAt(toks, i);
  if (!p) return null;
  // "أحد"/"إحدى" alone means "one of": needs a following noun, and "لا أحد" is "nobody"
  if (p.value === 1 && (w === "احد" || w === "احدي") && p.end === i + 1) {
    const n = word(toks, i + 1);
    if (!n || STOP.has(n) || word(toks, i - 1) === "لا") return null;
  }
  return { from: i, to: p.end, value: p.value, low: null, high: null, kind: "words", qualifier: "exact" };
}

function dualCore(toks: readonly ScanToken[], i: number): Core | null {
  const t = toks[i]!;
  const d = lookupDual(t.norm);
  if (!d) return null;
  let to = i + 1;
  const nextW = word(toks, i + 1);
  const confirmed = nextW !== null && TWO.has(nextW);
  if (d.ambiguous && !confirmed && !hasFathaBeforeYaNun(t.text)) return null;
  if (d.construct) {
    if (!nextW || STOP.has(nextW)) return null;
  }
  if (confirmed) to++;
  return { from: i, to, value: 2, low: null, high: null, kind: "dual", qualifier: "exact", nounTok: i };
}

/** "مواطنَين": a fatha (possibly after a shadda) right before the final ين marks the dual. */
function hasFathaBeforeYaNun(text: string): boolean {
  let k = text.length - 1;
  while (k >= 0 && (text.charCodeAt(k) < 0x0621 || text.charCodeAt(k) > 0x064a)) k--; // trailing marks
  if (k < 1 || text[k] !== "ن") return false;
  k--;
  while (k >= 0 && text.charCodeAt(k) >= 0x064b && text.charCodeAt(k) <= 0x065f) k--;
  if (k < 1 || (text[k] !== "ي" && text[k] !== "ی")) return false;
  for (let m = k - 1; m >= 0; m--) {
    const c = text.charCodeAt(m);
    if (c === 0x064e) return true;
    if (c < 0x064b || c > 0x065f) return false;
  }
  return false;
}

// Amount words read with or without a glued و/ف, looked up in one map (no slicing per token).
const AMOUNT_WORDS = new Map<string, string>();
for (const w of ["بضع", "بضعه", "العديد", "عده", "اعداد", "عدد", "نصف", "ربع", "ثلث"]) {
  AMOUNT_WORDS.set(w, w);
  AMOUNT_WORDS.set("و" + w, w);
  AMOUNT_WORDS.set("ف" + w, w);
}

function pluralCore(toks: readonly ScanToken[], i: number): Core | null {
  const t = toks[i]!;
  let j = i;
  const base = AMOUNT_WORDS.get(t.norm);
  if (base === "بضع" || base === "بضعه") {
    const n = toks[i + 1];
    if (n && n.kind === "word" && pluralAt(n.norm)) {
      j++; // "بضع مئات" reads as "مئات"
    } else {
      return { from: i, to: i + 1, value: null, low: 3, high: 9, kind: "range", qualifier: "about" };
    }
  }
  const r = pluralAt(toks[j]!.norm);
  if (!r) return null;
  let [low, high] = r;
  let to = j + 1;
  const m = word(toks, to);
  const mult = m ? MULTIPLIERS.get(m) : undefined;
  if (mult && low < 1000) {
    low *= mult;
    high = (high + 1) * mult - 1;
    to++;
  }
  return { from: i, to, value: null, low, high, kind: "tens_plural", qualifier: "about" };
}

function vagueCore(toks: readonly ScanToken[], i: number): Core | null {
  const n = AMOUNT_WORDS.get(toks[i]!.norm);
  if (n === undefined) return null;
  const next = word(toks, i + 1);
  if (n === "العديد" || n === "عده") return { from: i, to: i + 1, value: null, low: null, high: null, kind: "vague", qualifier: "unspecified" };
  if ((n === "اعداد" || n === "عدد") && next !== null) {
    if (next === "كبيره" || next === "كبير" || next === "غفيره" || next === "غير") {
      let to = i + 2;
      if (next === "غير" && (word(toks, i + 2) === "محدد" || word(toks, i + 2) === "معروف")) to++;
      return { from: i, to, value: null, low: null, high: null, kind: "vague", qualifier: "unspecified" };
    }
    if (next === "من") return { from: i, to: i + 1, value: null, low: null, high: null, kind: "vague", qualifier: "unspecified" };
  }
  return null;
}

const FRACTIONS = new Map<string, number>([["نصف", 0.5], ["ربع", 0.25], ["ثلث", 1 / 3]]);

/** "نصف مليون" → 500000، "ربع مليون" → 250000 */
function fractionCore(toks: readonly ScanToken[], i: number): Core | null {
  const base = AMOUNT_WORDS.get(toks[i]!.norm);
  const f = base === undefined ? undefined : FRACTIONS.get(base);
  if (f === undefined) return null;
  const s = word(toks, i + 1);
  const h = s ? lookupNumberWord(s) : null;
  if (!h || h.conj || h.article || h.atom.cls !== "scale" || h.atom.form !== "sing") return null;
  return { from: i, to: i + 2, value: Math.round(f * h.atom.value), low: null, high: null, kind: "words", qualifier: "exact" };
}

/** "مليون ونصف"، "2 مليون ونصف": half of the largest thousand-power more. */
function withHalf(toks: readonly ScanToken[], c: Core | null): Core | null {
  if (!c || c.value === null || c.value < 1000 || word(toks, c.to) !== "ونصف") return c;
  const scale = c.value >= 1e9 ? 1e9 : c.value >= 1e6 ? 1e6 : 1000;
  return { ...c, value: c.value + scale / 2, to: c.to + 1 };
}

// Every word a count can start with: a number word, an amount word, a plural of tens or a dual
// (each core reader below looks its first token up in one of these maps first). One set lookup
// turns away the other words instead of five map lookups.
let CORE_WORDS: Set<string> | null = null;
let CORE_TAILS: TailFilter | null = null;
function coreWords(): Set<string> {
  return (CORE_WORDS ??= new Set([...numberWordForms(), ...AMOUNT_WORDS.keys(), ...PLURAL_FORMS.keys(), ...dualForms()]));
}

function coreAt(toks: readonly ScanToken[], i: number): Core | null {
  const t = toks[i]!;
  if (t.kind === "number") return withHalf(toks, digitsCore(toks, i));
  if (t.kind !== "word" || !(CORE_TAILS ??= new TailFilter(coreWords())).mayEndWord(t.norm) || !coreWords().has(t.norm)) return null;
  return withHalf(toks, wordsCore(toks, i) ?? fractionCore(toks, i)) ?? pluralCore(toks, i) ?? dualCore(toks, i) ?? vagueCore(toks, i);
}

/** The counted noun after index j (skipping "من" before a definite noun), or -1. */
function nounAfter(toks: readonly ScanToken[], j: number): number {
  let k = j;
  const w = word(toks, k);
  if (w === "من" && (word(toks, k + 1) ?? "").startsWith("ال")) k++;
  const n = word(toks, k);
  if (n === null || STOP.has(n) || lookupNumberWord(n) || MONTHS.has(n) || WEEKDAYS.has(n)) return -1;
  return k;
}

/** Qualifier phrase ending right before token i (not reaching before `floor`). */
const BEFORE_BY_LAST = new Map<string, [string[], Qualifier][]>();
for (const entry of BEFORE) {
  const last = entry[0][entry[0].length - 1]!;
  const list = BEFORE_BY_LAST.get(last) ?? [];
  list.push(entry);
  BEFORE_BY_LAST.set(last, list);
}

/** w is p, or p with a glued و/ف and/or ب/ل/ك ("وأكثر"، "لأكثر"، "بنحو"، "ولنحو"). */
function withClitics(w: string, p: string): boolean {
  if (w === p) return true;
  if (!w.endsWith(p)) return false;
  const extra = w.length - p.length;
  if (extra === 1) return "وفبلك".includes(w[0]!);
  if (extra === 2) return "وف".includes(w[0]!) && "بلك".includes(w[1]!);
  return false;
}

function qualifierBefore(toks: readonly ScanToken[], i: number, floor: number): { q: Qualifier; from: number } | null {
  // "نحو الـ50"، "أكثر من الـ20": the detached article belongs to the number
  if (word(toks, i - 1) === "ال" && i - 1 > floor) {
    const q = qualifierBefore(toks, i - 1, floor);
    if (q) return q;
  }
  const lastW = word(toks, i - 1);
  if (lastW === null) return null;
  // one-word phrases may carry و/ف ("وأكثر"، "ونحو"): look those up by the bare word too
  const list = BEFORE_BY_LAST.get(lastW) ?? BEFORE_BY_LAST.get(lastW.slice(1)) ?? BEFORE_BY_LAST.get(lastW.slice(2));
  if (!list) return null;
  for (const [phrase, q] of list) {
    const from = i - phrase.length;
    if (from < floor) continue;
    let ok = true;
    for (let k = 0; k < phrase.length && ok; k++) {
      const w = word(toks, from + k);
      if (w === null) ok = false;
      else if (k === 0) ok = withClitics(w, phrase[0]!);
      else ok = w === phrase[k];
    }
    if (ok) return { q, from };
  }
  return null;
}

/** Qualifier right after index j: "على الأقل"، "تقريباً"، "ونيف"، "أو أكثر"، "على الأكثر". */
function qualifierAfter(toks: readonly ScanToken[], j: number): { q: Qualifier; to: number } | null {
  const a = word(toks, j);
  const b = word(toks, j + 1);
  if (a === "علي" && b === "الاقل") return { q: "at_least", to: j + 2 };
  if (a === "علي" && b === "الاكثر") return { q: "at_most", to: j + 2 };
  if (a === "او" && b === "اكثر") return { q: "at_least", to: j + 2 };
  if (a === "تقريبا") return { q: "about", to: j + 1 };
  if (a === "ونيف" || a === "ونيفا" || a === "واكثر") return { q: "at_least", to: j + 1 };
  return null;
}

function risingBefore(toks: readonly ScanToken[], from: number): boolean {
  if (word(toks, from - 1) !== "الي") return false;
  // may look across the previous figure: "ارتفع عدد القتلى من 5 إلى 8"
  for (let k = from - 2; k >= Math.max(0, from - 8); k--) {
    const t = toks[k]!;
    if (t.kind === "punct") return false;
    if (RISE_VERBS.some((v) => t.norm.startsWith(v))) return true;
  }
  return false;
}

function riseVerbBefore(toks: readonly ScanToken[], from: number, floor: number): boolean {
  for (let k = from - 1; k >= Math.max(floor, from - 5); k--) {
    const t = toks[k]!;
    if (t.kind === "punct") return false;
    if (RISE_VERBS.some((v) => t.norm.startsWith(v))) return true;
  }
  return false;
}

function risingAfter(toks: readonly ScanToken[], j: number): boolean {
  for (let k = j; k < Math.min(toks.length, j + 5); k++) {
    const t = toks[k]!;
    if (t.kind === "punct" && t.norm !== "،" && t.norm !== ",") return false;
    if (t.norm === "للارتفاع" || t.norm === "للزياده") return true;
  }
  return false;
}

/** Second half of a range after index j: "و15"، "إلى 15"، "- 15"، "أو أربعة". */
function rangeEnd(toks: readonly ScanToken[], j: number, first: Core, opener: string | null): Core | null {
  const w = word(toks, j);
  const t = toks[j];
  if (!t) return null;
  let k = -1;
  if (opener === "بين" && w === "و") k = j + 1;
  else if (opener === "من" && (w === "الي" || w === "حتي")) k = j + 1;
  else if ((opener === null || opener === "بين") && w === "الي" && (first.kind === "digits" || first.kind === "words")) k = j + 1;
  else if (w === "او") k = j + 1;
  else if (t.kind === "punct" && (t.norm === "-" || t.norm === "–") && first.kind === "digits") k = j + 1;
  if (k >= 0) {
    const c = toks[k] ? coreAt(toks, k) : null;
    if (c && (c.kind === "digits" || c.kind === "words") && c.value !== null && first.value !== null && c.value > first.value) return c;
    return null;
  }
  // "بين خمسة وعشرة": the second number carries the و
  if (opener === "بين" && t.kind === "word" && t.norm.startsWith("و")) {
    const c = wordsCore(toks, j);
    if (c && c.value !== null && first.value !== null && c.value > first.value) return c;
  }
  return null;
}

/** All counts in the text, in order, non-overlapping (spans include their qualifier words). */
export function findNumbers(text: string): NumberMention[] {
  if (typeof text !== "string" || !text) return [];
  const toks = tokensOf(text);
  const dates = dateSpans(text);
  const out: NumberMention[] = [];
  let di = 0;
  let floor = 0; // first token not yet used by a mention
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    while (di < dates.length && dates[di]![1] <= t.start) di++;
    if (di < dates.length && dates[di]![0] <= t.start) {
      i++;
      continue;
    }
    const core = t.kind === "punct" ? null : coreAt(toks, i);
    if (!core) {
      i++;
      continue;
    }
    // "مستشارين اثنين": a noun in a dual-looking form confirmed by اثنين is the counted dual
    if (core.kind === "words" && core.to === i + 1 && TWO.has(t.norm) && i - 1 >= floor) {
      const pw = word(toks, i - 1);
      if (pw !== null && pw.length >= 4 && (pw.endsWith("ين") || pw.endsWith("ان")) && !STOP.has(pw) && !lookupNumberWord(pw)) {
        core.from = i - 1;
        core.kind = "dual";
        core.nounTok = i - 1;
      }
    }
    // "شخص واحد"، "غارة واحدة": the adjective follows its noun
    if (core.kind === "words" && core.to === i + 1 && (t.norm === "واحد" || t.norm === "واحده") && core.nounTok === undefined && i - 1 >= floor) {
      const pw = word(toks, i - 1);
      if (pw !== null && pw.length >= 2 && !STOP.has(pw) && !lookupNumberWord(pw) && !pw.startsWith("ال")) {
        core.from = i - 1;
        core.nounTok = i - 1;
      }
    }
    let from = core.from;
    let to = core.to;
    let value = core.value;
    let low = core.low;
    let high = core.high;
    let kind = core.kind;
    let qualifier = core.qualifier;
    // a range: "بين 10 و15"، "من 10 إلى 15"، "10-15"، "ثلاثة أو أربعة"
    const openerRaw = word(toks, from - 1);
    const openerW = openerRaw === null ? null : stripConj(openerRaw);
    const opener = openerW === "بين" || openerW === "من" ? openerW : null;
    // "ارتفع عدد القتلى من 5 إلى 8" is a revision, not a range
    if ((kind === "digits" || kind === "words") && !riseVerbBefore(toks, from - (opener ? 1 : 0), floor)) {
      const second = rangeEnd(toks, to, core, opener);
      if (second) {
        low = value;
        high = second.value;
        value = null;
        kind = "range";
        qualifier = "about";
        to = second.to;
        if (opener && from - 1 >= floor) {
          from--;
          if (word(toks, from - 1) === "ما") from--;
        }
      }
    }
    // qualifier before
    let qb = qualifierBefore(toks, from, floor);
    if (!qb && from - 2 >= floor) {
      const w2 = word(toks, from - 2);
      const w3 = word(toks, from - 3);
      // "تجاوز عدد المصابين ١٢"، "تجاوزت حصيلة القتلى 20": the qualifier governs the figure
      const head = w2 !== null && (stripConj(w2) === "عدد" || stripConj(w2) === "حصيله") ? from - 2 :
        w3 !== null && word(toks, from - 1) === "الي" && (stripConj(w3) === "عدد" || stripConj(w3) === "حصيله") ? from - 3 : -1;
      if (head >= floor) {
        const q2 = qualifierBefore(toks, head, floor);
        if (q2 && q2.q !== "exact") qb = { q: q2.q, from };
      }
    }
    if (qb && kind !== "range") {
      qualifier = qb.q;
      from = qb.from;
    }
    let rising = false;
    if (risingBefore(toks, from)) rising = true;
    // qualifier directly after the number, then the noun, then a qualifier after the noun
    let end = to;
    const qa1 = qualifierAfter(toks, to);
    if (qa1) {
      if (qualifier === "exact") qualifier = qa1.q;
      end = qa1.to;
    }
    const nounTok = core.nounTok ?? nounAfter(toks, end);
    if (nounTok >= 0 && nounTok >= end) {
      const qa2 = qualifierAfter(toks, nounTok + 1);
      if (qa2) {
        if (qualifier === "exact") qualifier = qa2.q;
        end = qa2.to;
      }
    }
    if (risingAfter(toks, Math.max(end, nounTok + 1))) rising = true;
    if (rising && qualifier === "exact") qualifier = "rising";
    // at_least: the figure is the floor
    if (qualifier === "at_least" && value !== null) low = value;
    if (qualifier === "at_most" && value !== null) high = value;
    if (kind === "digits" || kind === "words" || kind === "dual") {
      if (qualifier === "exact") {
        low = value;
        high = value;
      } else if (qualifier === "rising") {
        low = value; // the toll so far; no ceiling yet
        high = null;
      }
    }
    let a = toks[from]!.start;
    // "وثلاثة"، "ومئات": the conjunction glued to the number is not part of it
    const ft = toks[from]!;
    if (ft.kind === "word" && (ft.text[0] === "و" || ft.text[0] === "ف") && !lookupNumberWordExact(ft.norm) && isConjNumber(ft.norm)) a++;
    const b = toks[end - 1]!.end;
    const m: NumberMention = { start: a, end: b, text: text.slice(a, b), value, low, high, qualifier, kind };
    if (nounTok >= 0) {
      const nt = toks[nounTok]!;
      m.noun = nounTok === from && a > nt.start
        ? { text: text.slice(a, nt.end), start: a, end: nt.end, norm: nt.norm.slice(1) } // "وقذيفتا" → "قذيفتا"
        : { text: nt.text, start: nt.start, end: nt.end, norm: nt.norm };
    }
    const pct = toks[to];
    const before = word(toks, from - 1);
    if (before === "بنسبه" || before === "نسبه" || before === "ونسبه") m.percent = true;
    if (pct && (pct.norm === "%" || pct.norm === "٪" || pct.norm === "بالمئه" || pct.norm === "بالمائه" ||
        (pct.norm === "في" && (word(toks, to + 1) === "المئه" || word(toks, to + 1) === "المائه")))) {
      m.percent = true;
    }
    if (m.percent) delete m.noun;
    if (rising) m.rising = true;
    if (kind === "digits" && to === core.from + 1 && value !== null && Number.isInteger(value) && value >= 1900 && value <= 2100 &&
        FOUR_DIGITS.test(toks[core.from]!.norm)) m.yearLike = true;
    out.push(m);
    floor = end;
    i = end;
  }
  return out;
}

function lookupNumberWordExact(norm: string): boolean {
  const h = lookupNumberWord(norm);
  return h !== null && !h.conj && h.word === norm;
}
function isConjNumber(norm: string): boolean {
  const rest = norm.slice(1);
  return lookupNumberWord(rest) !== null || pluralAt(rest) !== null || rest === "العديد" || rest === "عده" ||
    rest === "اعداد" || rest === "عدد" || rest === "بضع" || rest === "بضعه" || FRACTIONS.has(rest) || lookupDual(rest) !== null;
}

/** Value of a number written in words (or digits) at the start of s: "خمسة وعشرين" → 25. */
export function parseNumberWords(s: string): number | null {
  if (typeof s !== "string") return null;
  const toks = tokensOf(s);
  if (!toks.length) return null;
  const t = toks[0]!;
  if (t.kind === "number") {
    const d = digitsCore(toks, 0);
    return d ? d.value : null;
  }
  const p = parseWordsAt(toks, 0);
  return p ? p.value : null;
}
