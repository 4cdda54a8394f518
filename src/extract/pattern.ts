// Compiles lexicon entries (written in ordinary Arabic, with regex syntax for inflections) into
// matchers over NORMALIZED text (see arabic/normalize.ts: أ/إ/آ→ا, ة→ه, ى→ي, no harakat, ASCII digits).
// Every entry may carry proclitics (و/ف + ب/ل/ك/س + ال) and must end at a word boundary, so one
// stem entry covers "قصف"، "وقصفت"، "بالقصف"، "للقصف" without listing every surface form.
//
// Speed: one big alternation tried at every word start is slow (hundreds of alternatives × every
// proclitic split). Entries are bucketed by the first letter of their core instead; at each word
// start only the buckets of the letters that can follow a valid proclitic split are tried.
import { foldChar } from "../arabic/normalize.js";
import { firstChars, mayStartWith } from "./prefixes.js";

/** Fold only Arabic letters of a pattern (regex syntax and ASCII stay as written). */
export function foldPattern(p: string): string {
  let out = "";
  for (const ch of p) {
    const c = ch.charCodeAt(0);
    out += c >= 0x0600 && c <= 0x06ff ? foldChar(ch) : ch;
  }
  return out;
}

export interface Hit<T> {
  start: number;
  end: number;
  text: string;
  entry: T;
}

interface Bucket<T> {
  re: RegExp;
  entries: T[];
  /** each entry's prefix set (see prefixes.ts) */
  prefixes: Set<string>[];
  /** sub-buckets by the char codes at the match position, c0 → c1 → c2 (-1: end of text) → bucket (null: no entry can match there) */
  sub: Map<number, Map<number, Map<number, Bucket<T> | null>>>;
  subCount: number;
  /** sub-buckets by the entries they keep: many character triples keep the same entries, one regex serves them */
  bySubset: Map<string, Bucket<T>>;
}

/** Sub-buckets kept per bucket; beyond this (odd scripts) the full bucket regex is used. */
const MAX_SUB = 50_000;

export interface CompiledLexicon<T> {
  buckets: Map<string, Bucket<T>>;
  /** the same buckets by char code: looking up by code avoids making a one-char string per try */
  byCode: Map<number, Bucket<T>>;
  any: Bucket<T> | null;
  entries: T[];
}

const ANY = "*";
type First = { chars: Set<string>; nullable: boolean };

/** First characters a (folded) pattern can start with; "*" when anything can. Small regex subset. */
function firstOf(p: string): Set<string> {
  let i = 0;
  function alt(): First {
    const out: First = { chars: new Set(), nullable: false };
    for (;;) {
      const f = seq();
      f.chars.forEach((c) => out.chars.add(c));
      if (f.nullable) out.nullable = true;
      if (p[i] === "|") {
        i++;
        continue;
      }
      return out;
    }
  }
  function seq(): First {
    const out: First = { chars: new Set(), nullable: true };
    while (i < p.length && p[i] !== "|" && p[i] !== ")") {
      const a = atom();
      let nullable = a.nullable;
      const q = p[i];
      if (q === "?" || q === "*") {
        nullable = true;
        i++;
      } else if (q === "+") i++;
      else if (q === "{") {
        const close = p.indexOf("}", i);
        if (/^\{0/.test(p.slice(i, close))) nullable = true;
        i = close + 1;
      }
      if (out.nullable) a.chars.forEach((c) => out.chars.add(c));
      if (!nullable) out.nullable = false;
    }
    return out;
  }
  function atom(): First {
    const c = p[i]!;
    if (c === "(") {
      i += p.startsWith("(?:", i) ? 3 : 1;
      const f = alt();
      i++; // ")"
      return f;
    }
    if (c === "[") {
      const close = p.indexOf("]", i + 1);
      const body = p.slice(i + 1, close);
      i = close + 1;
      if (body.startsWith("^") || body.includes("\\")) return { chars: new Set([ANY]), nullable: false };
      return { chars: new Set(body.split("")), nullable: false };
    }
    if (c === "\\") {
      const m = /^\\p\{[^}]+\}|^\\./.exec(p.slice(i))!;
      i += m[0].length;
      return { chars: new Set(m[0] === "\\s" ? [" "] : [ANY]), nullable: false };
    }
    if (c === ".") {
      i++;
      return { chars: new Set([ANY]), nullable: false };
    }
    i++;
    return { chars: new Set([c]), nullable: false };
  }
  const f = alt();
  if (f.nullable) f.chars.add(ANY);
  return f.chars;
}

/** One sticky alternation over entries (each its own group, so the matching entry is known). */
function bucketRe(xs: { re: string }[]): RegExp {
  // an optional tanwin alef: accusative nouns ("انفجاراً"، "هجوماً") are written with a final ا
  return new RegExp(`(?:${xs.map((e) => `(${foldPattern(e.re)})`).join("|")})(?:ا)?(?![\\p{L}])`, "uy");
}

/**
 * Compile entries; `article: false` entries accept only و/ف/ب/ل/ك as proclitics.
 * Capturing groups are not allowed inside entries (the matching entry is found by group index).
 */
export function compile<T extends { re: string; article?: boolean }>(input: T[]): CompiledLexicon<T> {
  for (const e of input) if (/\((?!\?)/.test(e.re)) throw new Error(`lexicon pattern has a capturing group: ${e.re}`);
  // JS alternation takes the first alternative that matches: longer (more specific) patterns first.
  const entries = [...input].sort((a, b) => b.re.length - a.re.length);
  const groups = new Map<string, T[]>();
  for (const e of entries) {
    for (const c of firstOf(foldPattern(e.re))) {
      const xs = groups.get(c) ?? [];
      xs.push(e);
      groups.set(c, xs);
    }
  }
  const prefixesOf = new Map<T, Set<string>>(entries.map((e) => [e, firstChars(foldPattern(e.re))]));
  const make = (xs: T[]): Bucket<T> => ({
    re: bucketRe(xs),
    entries: xs,
    prefixes: xs.map((e) => prefixesOf.get(e)!),
    sub: new Map(),
    subCount: 0,
    bySubset: new Map(),
  });
  const buckets = new Map<string, Bucket<T>>();
  for (const [c, xs] of groups) if (c !== ANY) buckets.set(c, make(xs));
  const anyXs = groups.get(ANY);
  const byCode = new Map<number, Bucket<T>>();
  for (const [c, b] of buckets) if (c.length === 1) byCode.set(c.charCodeAt(0), b);
  return { buckets, byCode, any: anyXs ? make(anyXs) : null, entries };
}

/**
 * The part of a bucket that can match where the text reads c0 c1: same entries in the same order
 * minus those that cannot start there, so the alternation picks the same entry and match.
 */
function narrow<T>(b: Bucket<T>, c0: number, c1: number, c2: number): Bucket<T> | null {
  let row = b.sub.get(c0);
  let cell = row?.get(c1);
  let nb = cell?.get(c2);
  if (nb !== undefined) return nb;
  // odd scripts: past the cap the full bucket answers (same result, just slower)
  if (b.subCount >= MAX_SUB) return b;
  if (row === undefined) b.sub.set(c0, (row = new Map()));
  if (cell === undefined) row.set(c1, (cell = new Map()));
  let chars = String.fromCharCode(c0);
  if (c1 >= 0) chars += String.fromCharCode(c1);
  if (c1 >= 0 && c2 >= 0) chars += String.fromCharCode(c2);
  const keep: number[] = [];
  for (let k = 0; k < b.entries.length; k++) if (mayStartWith(b.prefixes[k]!, chars)) keep.push(k);
  if (!keep.length) nb = null;
  else if (keep.length === b.entries.length) nb = b;
  else {
    const subsetKey = keep.join(",");
    nb = b.bySubset.get(subsetKey) ?? null;
    if (!nb) {
      const xs = keep.map((k) => b.entries[k]!);
      nb = {
        re: bucketRe(xs as unknown as { re: string }[]),
        entries: xs,
        prefixes: keep.map((k) => b.prefixes[k]!),
        sub: new Map(),
        subCount: 0,
        bySubset: new Map(),
      };
      b.bySubset.set(subsetKey, nb);
    }
  }
  b.subCount++;
  cell.set(c2, nb);
  return nb;
}

const LETTER_RE = /\p{L}/u;
const NUMBER_RE = /\p{N}/u;
function isLetter(code: number, ch: string): boolean {
  if (code >= 0x0621 && code <= 0x064a) return true;
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return LETTER_RE.test(ch);
}

/** Proclitic splits at a word start: [length, light] where light = no article and no س. */
function prefixSplits(text: string, i: number): [number, boolean][] {
  const out: [number, boolean][] = [];
  const p1 = text[i] === "و" || text[i] === "ف" ? [0, 1] : [0];
  for (const a of p1) {
    const c2 = text[i + a];
    const p2 = c2 === "ب" || c2 === "ل" || c2 === "ك" || c2 === "س" ? [0, 1] : [0];
    for (const b of p2) {
      const j = i + a + b;
      const p3: number[] = [0];
      if (text[j] === "ا" && text[j + 1] === "ل") p3.push(2);
      if (text[j] === "ل") p3.push(1);
      for (const c of p3) out.push([a + b + c, c === 0 && (b === 0 || text[i + a] !== "س")]);
    }
  }
  return out;
}

/** Word starts of a text and their proclitic splits, computed once and shared by every lexicon. */
export interface Scan {
  text: string;
  starts: Int32Array;
  /** splits[k] for starts[k] */
  splits: [number, boolean][][];
}

export function scanWords(text: string): Scan {
  const starts: number[] = [];
  const splits: [number, boolean][][] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (!isLetter(code, text[i]!)) {
      i++;
      continue;
    }
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0x20;
    const glued = i > 0 && ((prev >= 0x30 && prev <= 0x39) || (prev >= 0x80 && NUMBER_RE.test(text[i - 1]!)));
    if (!glued) {
      starts.push(i);
      splits.push(prefixSplits(text, i));
    }
    i++;
    while (i < n && isLetter(text.charCodeAt(i), text[i]!)) i++;
  }
  return { text, starts: Int32Array.from(starts), splits };
}

/** All non-overlapping hits in [from, to), the longest at each word start. */
export function findAll<T>(lex: CompiledLexicon<T>, text: string, from = 0, to = text.length, scan?: Scan): Hit<T>[] {
  const sc = scan && scan.text === text ? scan : scanWords(text);
  const out: Hit<T>[] = [];
  let minStart = from;
  for (let k = 0; k < sc.starts.length; k++) {
    const i = sc.starts[k]!;
    if (i < minStart) continue;
    if (i >= to) break;
    // no per-split arrays or strings: only the winning hit's text is sliced
    let bestEnd = -1;
    let bestEntry: T | null = null;
    const splits = sc.splits[k]!;
    for (let q = 0; q < splits.length; q++) {
      const sp = splits[q]!;
      const at = i + sp[0];
      if (at >= text.length) continue;
      const c0 = text.charCodeAt(at);
      const c1 = at + 1 < text.length ? text.charCodeAt(at + 1) : -1;
      const c2 = at + 2 < text.length ? text.charCodeAt(at + 2) : -1;
      const b1 = lex.byCode.get(c0);
      for (let pass = 0; pass < 2; pass++) {
        const full = pass === 0 ? b1 : lex.any;
        if (!full) continue;
        const b = narrow(full, c0, c1, c2);
        if (!b) continue;
        b.re.lastIndex = at;
        const m = b.re.exec(text);
        if (!m) continue;
        let g = 1;
        while (g < m.length && m[g] === undefined) g++;
        const entry = b.entries[g - 1]!;
        if ((entry as { article?: boolean }).article === false && !sp[1]) continue;
        const end = at + m[0].length;
        if (bestEntry === null || end > bestEnd) {
          bestEnd = end;
          bestEntry = entry;
        }
      }
    }
    const best: Hit<T> | null = bestEntry === null ? null : { start: i, end: bestEnd, text: text.slice(i, bestEnd), entry: bestEntry };
    if (best) {
      out.push(best);
      minStart = best.end;
    }
  }
  return out;
}
