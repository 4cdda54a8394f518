// Lexicon of Arabic cardinal and ordinal number words, in normalizeKey form (أ→ا, ة→ه, ى→ي).
// Shared by numbers.ts (counts) and dates.ts (day numbers, years, "الساعات الأربع والعشرين").

export type AtomClass = "unit" | "ten" | "hundred" | "scale";
export interface NumberAtom {
  value: number;
  cls: AtomClass;
  /** scales only: singular (ألف), dual (ألفان = 2×), plural (آلاف, needs 3–10 before it) */
  form?: "sing" | "dual" | "plural";
  /** the plain hundred word مئة/مائة (can be multiplied by a preceding unit: "ثلاث مئة") */
  plainHundred?: boolean;
}

const ATOMS = new Map<string, NumberAtom>();
function add(words: string, a: NumberAtom): void {
  for (const w of words.split(" ")) if (w) ATOMS.set(w, a);
}

add("واحد واحده احد احدي", { value: 1, cls: "unit" });
add("اثنان اثنين اثنتان اثنتين اثنا اثني اثنتا اثنتي ثنتان ثنتين", { value: 2, cls: "unit" });
add("ثلاث ثلاثه", { value: 3, cls: "unit" });
add("اربع اربعه", { value: 4, cls: "unit" });
add("خمس خمسه", { value: 5, cls: "unit" });
add("ست سته", { value: 6, cls: "unit" });
add("سبع سبعه", { value: 7, cls: "unit" });
add("ثماني ثمانيه ثمان", { value: 8, cls: "unit" });
add("تسع تسعه", { value: 9, cls: "unit" });
add("عشر عشره", { value: 10, cls: "unit" });
const TENS: [string, number][] = [
  ["عشرون عشرين", 20], ["ثلاثون ثلاثين", 30], ["اربعون اربعين", 40], ["خمسون خمسين", 50],
  ["ستون ستين", 60], ["سبعون سبعين", 70], ["ثمانون ثمانين", 80], ["تسعون تسعين", 90],
];
for (const [w, v] of TENS) add(w, { value: v, cls: "ten" });
add("مئه مائه", { value: 100, cls: "hundred", plainHundred: true });
add("مئتان مئتين مئتا مئتي مائتان مائتين مائتا مائتي", { value: 200, cls: "hundred" });
const HUNDRED_UNITS: [string, number][] = [
  ["ثلاث", 3], ["اربع", 4], ["خمس", 5], ["ست", 6], ["سبع", 7], ["ثمان", 8], ["ثماني", 8], ["تسع", 9],
];
for (const [u, v] of HUNDRED_UNITS) add(`${u}مئه ${u}مائه`, { value: v * 100, cls: "hundred" });
add("الف الفا", { value: 1000, cls: "scale", form: "sing" });
add("الفان الفين الفي", { value: 1000, cls: "scale", form: "dual" });
add("الاف الوف", { value: 1000, cls: "scale", form: "plural" });
add("مليون مليونا", { value: 1e6, cls: "scale", form: "sing" });
add("مليونان مليونين مليوني", { value: 1e6, cls: "scale", form: "dual" });
add("ملايين", { value: 1e6, cls: "scale", form: "plural" });
add("مليار مليارا بليون", { value: 1e9, cls: "scale", form: "sing" });
add("ملياران مليارين", { value: 1e9, cls: "scale", form: "dual" });
add("مليارات", { value: 1e9, cls: "scale", form: "plural" });

export interface AtomHit {
  atom: NumberAtom;
  /** the token carried a conjunction و/ف before the number word */
  conj: boolean;
  /** the token carried the article ال */
  article: boolean;
  /** the bare number word */
  word: string;
}

const CLITIC_PREFIXES: [string, boolean, boolean][] = [
  // [prefix, conj, article]
  ["وبال", true, true], ["وال", true, true], ["فال", true, true], ["بال", false, true], ["ولل", true, true],
  ["لل", false, true], ["كال", false, true], ["ال", false, true],
  ["وب", true, false], ["ول", true, false], ["وك", true, false], ["و", true, false], ["ف", true, false],
  ["ب", false, false], ["ل", false, false], ["ك", false, false],
];

// Every (proclitic + number word) form, built once: one Map lookup per token at run time.
const PREFIXED = new Map<string, AtomHit>();
for (const [w, atom] of ATOMS) PREFIXED.set(w, { atom, conj: false, article: false, word: w });
for (const [p, conj, article] of CLITIC_PREFIXES) {
  for (const [w, atom] of ATOMS) {
    const k = p + w;
    if (!PREFIXED.has(k)) PREFIXED.set(k, { atom, conj, article, word: w });
  }
}

/** Every token lookupNumberWord answers (for a union filter of the words that can start a count). */
export function numberWordForms(): IterableIterator<string> {
  return PREFIXED.keys();
}

/** Number word inside a normalized token, allowing proclitics (وثلاثة، بثلاثة، والعشرين، للخمسة). */
export function lookupNumberWord(norm: string): AtomHit | null {
  return PREFIXED.get(norm) ?? null;
}

// Ordinals (masculine and feminine) → value; used for day numbers in dates and to keep ordinals
// ("الثالث"، "الخامسة عشرة") out of counts.
const ORDINALS = new Map<string, number>();
function ord(words: string, v: number): void {
  for (const w of words.split(" ")) if (w) ORDINALS.set(w, v);
}
ord("اول اولي", 1);
ord("ثاني ثانيه", 2);
ord("ثالث ثالثه", 3);
ord("رابع رابعه", 4);
ord("خامس خامسه", 5);
ord("سادس سادسه", 6);
ord("سابع سابعه", 7);
ord("ثامن ثامنه", 8);
ord("تاسع تاسعه", 9);
ord("عاشر عاشره", 10);
ord("حادي حاديه", 1); // only in compounds: الحادي عشر، الحادي والعشرين

/** Ordinal words with the article ("السادس"، "الخامسة"), as date phrases start with them. */
export function ordinalWordsWithArticle(): string[] {
  return [...ORDINALS.keys()].map((w) => "ال" + w);
}

/** Ordinal word (with optional و / ال) → its value, or null. "الحادي" → 1 (compound-only). */
export function lookupOrdinal(norm: string): { value: number; conj: boolean; article: boolean } | null {
  let w = norm;
  let conj = false;
  let article = false;
  if (w.startsWith("و") && w.length > 3 && (w.startsWith("وال") || ORDINALS.has(w.slice(1)))) {
    conj = true;
    w = w.slice(1);
  } else if (w.startsWith("بال") && w.length > 4) w = w.slice(1); // "بالأول من أبريل"
  if (w.startsWith("ال") && w.length > 3) {
    article = true;
    w = w.slice(2);
  }
  const v = ORDINALS.get(w);
  return v === undefined ? null : { value: v, conj, article };
}

/** Tens word value (عشرين → 20) for a bare normalized word, else null. */
export function tensValue(w: string): number | null {
  const a = ATOMS.get(w);
  return a && a.cls === "ten" ? a.value : null;
}

export function isNumberWord(norm: string): boolean {
  return lookupNumberWord(norm) !== null;
}

const DIGIT_STRING = /^[0-9]+(?:[.,][0-9]+)*$/;
/** Every group after the first has exactly three digits ("1,500,000"). */
function groups3(s: string, sep: string): boolean {
  const parts = s.split(sep);
  for (let k = 1; k < parts.length; k++) if (parts[k]!.length !== 3) return false;
  return true;
}

/**
 * Value of a digit string in normalized form (ASCII digits, "," and "." separators):
 * "1,500" / "1.500.000" → thousands separators; "1.5" / "3,5" → decimal.
 */
export function parseDigitString(s: string): number | null {
  if (!DIGIT_STRING.test(s)) return null;
  const commas = s.split(",").length - 1;
  const dots = s.split(".").length - 1;
  let t = s;
  if (commas && dots) {
    // the later separator is the decimal one: "1,234.5" or "1.234,5"
    t = s.lastIndexOf(".") > s.lastIndexOf(",") ? s.replaceAll(",", "") : s.replaceAll(".", "").replace(",", ".");
  } else if (commas) {
    t = commas > 1 || groups3(s, ",") ? s.replaceAll(",", "") : s.replace(",", ".");
  } else if (dots > 1) {
    t = groups3(s, ".") ? s.replaceAll(".", "") : s;
  }
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

interface WordTok {
  kind: string;
  norm: string;
}

/**
 * Parses a run of number words starting at toks[i] ("خمسة وعشرون"، "ثلاثة آلاف وخمسمئة"، "أحد عشر").
 * Returns the value and the index after the last token used, or null. Joins follow Arabic order:
 * unit+و+ten, hundred+و+(unit|ten), scale+و+smaller; teens and "ثلاث مئة" without و; a scale word
 * multiplies what precedes it (آلاف needs 3–10). "آلاف" alone is left to the plural-of-tens reader.
 */
export function parseWordsAt(toks: readonly WordTok[], i: number): { value: number; end: number; first: AtomHit } | null {
  let total = 0;
  let cur = 0;
  let prev: "unit" | "teen" | "ten" | "hundred" | "scale" | null = null;
  let lastUnit = 0;
  let lastScale = Infinity;
  let end = -1;
  let first: AtomHit | null = null;
  let j = i;
  while (j < toks.length) {
    const t = toks[j]!;
    if (t.kind !== "word") break;
    let hit = lookupNumberWord(t.norm);
    let conj = hit ? hit.conj : false;
    let next = j + 1;
    if (!hit && prev !== null && t.norm === "و") {
      const n = toks[j + 1];
      const h2 = n && n.kind === "word" ? lookupNumberWord(n.norm) : null;
      if (h2 && !h2.conj) {
        hit = h2;
        conj = true;
        next = j + 2;
      }
    }
    if (!hit) break;
    const a = hit.atom;
    if (prev === null) {
      if (a.cls === "scale" && a.form === "plural") return null;
      first = hit;
    } else {
      let ok = false;
      if (conj) {
        ok =
          (prev === "unit" && lastUnit <= 9 && a.cls === "ten") ||
          (prev === "hundred" && (a.cls === "unit" || a.cls === "ten")) ||
          (prev === "scale" && a.cls !== "scale");
      } else {
        ok =
          (prev === "unit" && lastUnit <= 9 && a.cls === "unit" && a.value === 10) ||
          (prev === "unit" && lastUnit >= 3 && lastUnit <= 9 && a.plainHundred === true) ||
          (a.cls === "scale" && a.value < lastScale && cur > 0);
      }
      if (!ok) break;
      if (!conj && a.cls === "unit" && a.value === 10) {
        cur += 10;
        prev = "teen";
        end = next;
        j = next;
        continue;
      }
      if (!conj && a.plainHundred && prev === "unit") {
        cur += lastUnit * 99;
        prev = "hundred";
        end = next;
        j = next;
        continue;
      }
    }
    if (a.cls === "unit") {
      cur += a.value;
      prev = "unit";
      lastUnit = a.value;
    } else if (a.cls === "ten" || a.cls === "hundred") {
      cur += a.value;
      prev = a.cls;
    } else {
      if (a.form === "dual") {
        if (cur > 0) break;
        total += 2 * a.value;
      } else if (a.form === "plural") {
        if (cur < 3 || cur > 10) break;
        total += cur * a.value;
      } else {
        total += (cur || 1) * a.value;
      }
      cur = 0;
      prev = "scale";
      lastScale = a.value;
    }
    end = next;
    j = next;
  }
  if (end < 0 || !first) return null;
  const value = total + cur;
  return value > 0 ? { value, end, first } : null;
}

/**
 * Day-of-month ordinal at toks[i]: "السادس"، "الخامس عشر"، "الحادي والعشرين"، "العشرين"، "الثلاثين".
 * Returns the value (1–31) and the index after it, or null.
 */
export function parseDayOrdinalAt(toks: readonly WordTok[], i: number): { value: number; end: number } | null {
  const t = toks[i];
  if (!t || t.kind !== "word") return null;
  const o = lookupOrdinal(t.norm);
  if (o && o.article) {
    const n = toks[i + 1];
    if (n && n.kind === "word" && (n.norm === "عشر" || n.norm === "عشره")) {
      return o.value <= 9 ? { value: o.value + 10, end: i + 2 } : null;
    }
    if (n && n.kind === "word" && n.norm.startsWith("وال")) {
      const tv = tensValue(n.norm.slice(3));
      if (tv !== null && o.value <= 9) return { value: tv + o.value, end: i + 2 };
    }
    if (t.norm.endsWith("حادي") || t.norm.endsWith("حاديه")) return null;
    return { value: o.value, end: i + 1 };
  }
  if (t.norm.startsWith("ال")) {
    const tv = tensValue(t.norm.slice(2));
    if (tv !== null && tv <= 30) return { value: tv, end: i + 1 };
  }
  return null;
}
