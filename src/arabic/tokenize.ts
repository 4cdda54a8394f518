// Tokenizer: Arabic/Latin words (with their harakat, tatweel and clitics attached), numbers
// (Western, Arabic-Indic and Eastern digits with inner separators), and single punctuation marks.
// Offsets are UTF-16 indices into the ORIGINAL text.
import { foldCode, foldRange, normalizeKey } from "./normalize.js";

/** A token as numbers and dates read it (tokensOf): no stem. */
export interface ScanToken {
  text: string;
  start: number;
  end: number;
  /** normalizeKey(text) */
  norm: string;
  kind: "word" | "number" | "punct";
}

export interface Token extends ScanToken {
  /** norm without proclitics/enclitics, best guess (conservative: see stemGuess) */
  stem: string;
  prefixes: string[];
  suffixes: string[];
}

// Character classes (0 = other: a one-char token), built once: a word starts with a letter (not tatweel) and continues with
// letters, marks, tatweel, ZWNJ/ZWJ; a number is digits with inner separators (. , ٫ ٬); spaces and
// invisible controls separate tokens; anything else is a one-character punctuation token.
const C_LETTER = 1, C_JOIN = 2, C_DIGIT = 3, C_SPACE = 4;
const CLASS = new Uint8Array(0x10000);
(function build() {
  const letter = /\p{L}/u;
  const mark = /\p{M}/u;
  const space = /\s/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    if (letter.test(ch)) CLASS[c] = C_LETTER;
    else if (mark.test(ch)) CLASS[c] = C_JOIN;
    else if (space.test(ch)) CLASS[c] = C_SPACE;
  }
  CLASS[0x0640] = C_JOIN; // tatweel: inside words only
  CLASS[0x200c] = C_JOIN;
  CLASS[0x200d] = C_JOIN;
  for (const c of [0x200b, 0x200e, 0x200f, 0x061c, 0xfeff, 0x2060, 0x00ad]) CLASS[c] = C_SPACE;
  for (let c = 0x202a; c <= 0x202e; c++) CLASS[c] = C_SPACE;
  for (let c = 0x2066; c <= 0x2069; c++) CLASS[c] = C_SPACE;
  for (let d = 0; d < 10; d++) {
    CLASS[0x30 + d] = C_DIGIT;
    CLASS[0x0660 + d] = C_DIGIT;
    CLASS[0x06f0 + d] = C_DIGIT;
  }
})();
function isNumberSeparator(c: number): boolean {
  return c === 0x2e || c === 0x2c || c === 0x066b || c === 0x066c;
}

// Proclitic sequences in normalized form, longest first.
const PROCLITICS = [
  "وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال",
  "وس", "فس", "وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك", "س",
];
const ENCLITICS = ["هما", "ها", "هم", "هن", "كم", "نا", "ه", "ي"];

/**
 * Candidate bases of a normalized word, longest clitics stripped first (proclitics weigh more; a
 * bare ه/ي enclitic ranks after keeping it), the word itself last (deduplicated).
 * Every proclitic × enclitic combination that leaves ≥ 2 letters is tried; when an enclitic is
 * removed after a ت (ta marbuta written open: "مدينتها"), the ه form is offered too ("مدينه").
 */
export function stripClitics(normWord: string): string[] {
  if (typeof normWord !== "string" || !normWord) return [];
  const found: { base: string; stripped: number }[] = [];
  const w = normWord;
  for (const p of ["", ...PROCLITICS]) {
    if (p && !w.startsWith(p)) continue;
    for (const e of ["", ...ENCLITICS]) {
      if (!p && !e) continue;
      if (e && !w.endsWith(e)) continue;
      const base = w.slice(p.length, w.length - e.length);
      if (base.length < 2) continue;
      // "ال" after a preposition only as a unit: "لل" covers ل+ال; "بال" is ب+ال.
      // single-letter enclitics (ه ي) rank below no enclitic: they collide with ة→ه and the nisba ي
      const score = 2 * p.length + (e.length >= 2 ? e.length : 0);
      if (e && base.endsWith("ت") && !base.endsWith("ات") && base.length >= 3) found.push({ base: base.slice(0, -1) + "ه", stripped: score });
      found.push({ base, stripped: score });
    }
  }
  found.sort((a, b) => b.stripped - a.stripped);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const f of found) {
    if (!seen.has(f.base)) {
      seen.add(f.base);
      out.push(f.base);
    }
  }
  if (!seen.has(w)) out.push(w);
  return out;
}

const LONG_SUFFIXES = ["هما", "ها", "هم", "هن", "كم", "نا"];

/**
 * Conservative stem: removes article-bearing proclitics (وال، بال، لل…) when ≥ 2 letters remain,
 * a bare و/ف when ≥ 4 letters remain, a bare ب/ل/ك when ≥ 5 remain, and a multi-letter enclitic
 * (ها هم هما هن كم نا) when ≥ 4 remain. Single-letter enclitics (ه ي) are never removed: they
 * collide with ة→ه and nisba ي.
 */
export function stemGuess(norm: string): { stem: string; prefixes: string[]; suffixes: string[] } {
  let s = norm;
  const first = norm.charCodeAt(0);
  const last = norm.charCodeAt(norm.length - 1);
  // quick exit: no proclitic letter first (ا و ف ب ل ك) and no enclitic ending (ا م ن)
  if (first !== 0x0627 && first !== 0x0648 && first !== 0x0641 && first !== 0x0628 && first !== 0x0644 && first !== 0x0643 &&
      last !== 0x0627 && last !== 0x0645 && last !== 0x0646) {
    return { stem: norm, prefixes: NO_PARTS, suffixes: NO_PARTS };
  }
  let prefixes: string[] = NO_PARTS;
  let suffixes: string[] = NO_PARTS;
  const p = articlePrefixLength(norm);
  const done = p > 0;
  if (done) {
    prefixes = PREFIX_PARTS[norm.slice(0, p)]!;
    s = norm.slice(p);
  } else {
    const c = s[0];
    if ((c === "و" || c === "ف") && s.length - 1 >= 4) {
      s = s.slice(1);
      const d = s[0];
      if ((d === "ب" || d === "ل" || d === "ك") && s.length - 1 >= 5) {
        prefixes = [c, d];
        s = s.slice(1);
      } else prefixes = c === "و" ? ONLY_WAW : ONLY_FA;
    } else if ((c === "ب" || c === "ل" || c === "ك") && s.length - 1 >= 5) {
      prefixes = [c];
      s = s.slice(1);
    }
  }
  const z = s.charCodeAt(s.length - 1);
  if (z === 0x0627 || z === 0x0645 || z === 0x0646) for (const e of LONG_SUFFIXES) {
    if (s.endsWith(e) && s.length - e.length >= 4) {
      suffixes = [e];
      s = s.slice(0, -e.length);
      if (s.endsWith("ت") && !s.endsWith("ات")) s = s.slice(0, -1) + "ه"; // مدينتها → مدينه, not قواتها
      break;
    }
  }
  return { stem: s, prefixes, suffixes };
}

const ALEF = 0x0627, LAM = 0x0644, WAW = 0x0648, FA = 0x0641, BA = 0x0628, KAF = 0x0643;
/** Length of an article-bearing proclitic (ال، وال، بال، وبال، لل، ولل…) leaving ≥ 2 letters, else 0. */
function articlePrefixLength(w: string): number {
  const c0 = w.charCodeAt(0);
  const c1 = w.charCodeAt(1);
  const c2 = w.charCodeAt(2);
  let n = 0;
  if (c0 === ALEF && c1 === LAM) n = 2;
  else if (c0 === LAM && c1 === LAM) n = 2;
  else if ((c0 === WAW || c0 === FA || c0 === BA || c0 === KAF) && c1 === ALEF && c2 === LAM) n = 3;
  else if ((c0 === WAW || c0 === FA) && c1 === LAM && c2 === LAM) n = 3;
  else if ((c0 === WAW || c0 === FA) && (c1 === BA || c1 === KAF) && c2 === ALEF && w.charCodeAt(3) === LAM) n = 4;
  return n > 0 && w.length - n >= 2 ? n : 0;
}

const PREFIX_PARTS: Record<string, string[]> = {
  وبال: ["و", "ب", "ال"], وكال: ["و", "ك", "ال"], فبال: ["ف", "ب", "ال"], فكال: ["ف", "ك", "ال"],
  ولل: ["و", "ل", "ال"], فلل: ["ف", "ل", "ال"], وال: ["و", "ال"], فال: ["ف", "ال"], بال: ["ب", "ال"],
  كال: ["ك", "ال"], لل: ["ل", "ال"], ال: ["ال"],
};
const ONLY_WAW = ["و"];
const ONLY_FA = ["ف"];
// Shared clitic lists are frozen: pushing onto a token's prefixes fails loudly instead of
// silently changing every other token.
for (const v of Object.values(PREFIX_PARTS)) Object.freeze(v);
Object.freeze(ONLY_WAW);
Object.freeze(ONLY_FA);

/** Tokens of text, offsets into the original. Fresh objects: callers may change them freely
 * (their prefixes/suffixes arrays are frozen and may be shared). */
export function tokenize(text: string): Token[] {
  if (typeof text !== "string") return [];
  return tokensOf(text).map((t) => {
    // stems only here: numbers and dates (tokensOf) never read them
    const g = t.kind === "word" ? stemGuess(t.norm) : null;
    return {
      text: t.text,
      start: t.start,
      end: t.end,
      norm: t.norm,
      stem: g ? g.stem : t.kind === "number" ? t.norm : t.text,
      prefixes: g ? g.prefixes : NO_PARTS,
      suffixes: g ? g.suffixes : NO_PARTS,
      kind: t.kind,
    };
  });
}

const NO_PARTS: string[] = [];
Object.freeze(NO_PARTS);

/**
 * Scan tokens are made by a constructor, not an object literal: V8 moves every object of a
 * literal's allocation site to the old generation once most of them outlive a young collection
 * (a report's tokens live through its whole extraction, and early on a young collection falls in
 * every report), and old objects are freed only by full collections. Same own properties, same order.
 */
class Tok implements ScanToken {
  declare text: string;
  declare start: number;
  declare end: number;
  declare norm: string;
  declare kind: "word" | "number" | "punct";
  constructor(text: string, start: number, end: number, norm: string, kind: "word" | "number" | "punct") {
    this.text = text;
    this.start = start;
    this.end = end;
    this.norm = norm;
    this.kind = kind;
  }
}

function scan(text: string): ScanToken[] {
  const out: ScanToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const cls = CLASS[c]!;
    if (cls === C_SPACE || cls === C_JOIN) {
      i++;
      continue;
    }
    const start = i;
    if (cls === C_LETTER) {
      while (i < n) {
        const k = CLASS[text.charCodeAt(i)]!;
        if (k !== C_LETTER && k !== C_JOIN) break;
        i++;
      }
      const raw = text.slice(start, i);
      out.push(new Tok(raw, start, i, foldRange(text, start, i, raw), "word"));
    } else if (cls === C_DIGIT) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (CLASS[d] === C_DIGIT) i++;
        else if (isNumberSeparator(d) && i + 1 < n && CLASS[text.charCodeAt(i + 1)] === C_DIGIT) i += 2;
        else break;
      }
      const t = text.slice(start, i);
      const norm = normalizeKey(t);
      out.push(new Tok(t, start, i, norm, "number"));
    } else {
      // one character (a surrogate pair stays whole)
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      const t = text.slice(start, i);
      out.push(new Tok(t, start, i, t.length === 1 ? foldCode(c, t) || t : t, "punct"));
    }
  }
  return out;
}

let cacheText: string | null = null;
let cacheTokens: ScanToken[] = [];
/** Tokens (without stems) of the last text seen (numbers.ts and dates.ts scan the same report): treat as read-only. */
export function tokensOf(text: string): readonly ScanToken[] {
  if (text !== cacheText) {
    cacheTokens = scan(text);
    cacheText = text;
  }
  return cacheTokens;
}
