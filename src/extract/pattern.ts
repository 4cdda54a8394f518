// Compiles lexicon entries (written in ordinary Arabic, with regex syntax for inflections) into
// matchers over NORMALIZED text (see arabic/normalize.ts: أ/إ/آ→ا, ة→ه, ى→ي, no harakat, ASCII digits).
// Every entry may carry proclitics (و/ف + ب/ل/ك/س + ال) and must end at a word boundary, so one
// stem entry covers "قصف"، "وقصفت"، "بالقصف"، "للقصف" without listing every surface form.
//
// Speed: one big alternation tried at every word start is slow (hundreds of alternatives × every
// proclitic split). Entries are bucketed by the first letter of their core instead; at each word
// start only the buckets of the letters that can follow a valid proclitic split are tried, narrowed
// to the entries that can start with the next three characters. One scan of the text (scanWords)
// is shared by every lexicon: it finds the word starts, their splits, and which lexicons can match
// at each, so a lexicon skips the words where none of its entries can start. Entries that match
// one whole word only keep their answer by that word (tryBucket): most tries need no regex.
import { foldChar } from "../arabic/normalize.js";
import { firstChars, mayStartWith } from "./prefixes.js";
import { firstWordsOf } from "./firstWords.js";

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
  /** sub-buckets by the entries they keep: many character triples keep the same entries, one regex serves them */
  bySubset: Map<string, Bucket<T>>;
  /** answers by the rest of the word, for buckets that only match whole letter runs (see wordOnly); null otherwise */
  words: Map<string, number> | null;
  /** a bucket mixing both kinds: its letter-only entries (answers kept) and the others (regex), see tryBucket */
  split: Split<T> | null;
  /** every letter run a match can start with (see firstWords.ts); null: unknown, the regex always runs */
  first: Set<string> | null;
}

interface Split<T> {
  letters: Bucket<T>;
  rest: Bucket<T>;
  /** index in the whole bucket of each entry of `letters` / `rest` */
  lettersAt: number[];
  restAt: number[];
}

// A bucket whose entries are written with Arabic letters and plain regex syntax only (no spaces,
// classes with ^, escapes, dots or lookarounds) matches letters only; its (?:ا)?(?![\p{L}]) tail then
// makes every match end exactly where the letter run ends. Whether it matches at a position, and
// with which entry, thus depends only on the letters from there to the end of the word: the answer
// is kept by that rest of the word, and the same words come back in every report.
const LETTERS_ONLY = /^[\u0621-\u064a()?:|[\]*+]*$/;
function wordOnly(xs: { re: string }[]): Map<string, number> | null {
  return xs.every((e) => LETTERS_ONLY.test(foldPattern(e.re).replace(/\{\d+(?:,\d*)?\}/g, ""))) ? new Map() : null;
}
/** Bound on each bucket's kept answers: a long-running server sees endless words. */
const MAX_WORDS = 20_000;

/** A bucket over entries xs (in order), with kept answers or a split when some entries allow them. */
function makeBucket<T>(xs: T[], prefixes: Set<string>[]): Bucket<T> {
  const res = xs as unknown as { re: string }[];
  const words = wordOnly(res);
  let split: Split<T> | null = null;
  if (!words) {
    const lettersAt: number[] = [];
    const restAt: number[] = [];
    res.forEach((e, k) => (wordOnly([e]) ? lettersAt : restAt).push(k));
    if (lettersAt.length && restAt.length) {
      const part = (at: number[]): Bucket<T> => ({
        re: bucketRe(at.map((k) => res[k]!)), entries: at.map((k) => xs[k]!), prefixes: at.map((k) => prefixes[k]!),
        bySubset: new Map(), words: wordOnly(at.map((k) => res[k]!)), split: null, first: firstWords(at.map((k) => res[k]!)),
      });
      split = { letters: part(lettersAt), rest: part(restAt), lettersAt, restAt };
    }
  }
  return { re: bucketRe(res), entries: xs, prefixes, bySubset: new Map(), words, split, first: firstWords(res) };
}

/** The union of the entries' first words, or null when one entry's are unknown. */
function firstWords(xs: { re: string }[]): Set<string> | null {
  const out = new Set<string>();
  for (const e of xs) {
    const f = firstWordsOf(foldPattern(e.re));
    if (f === null) return null;
    for (const w of f) out.add(w);
  }
  return out;
}

// The letter run text[at, runEnd), sliced once for the tries of one word split (both buckets of a
// lexicon, both parts of a split bucket ask for it).
let wText: string | null = null;
let wStart = -1;
let wEnd = -1;
let wStr = "";
function wordAt(text: string, at: number, runEnd: number): string {
  if (at !== wStart || runEnd !== wEnd || text !== wText) {
    wStr = text.slice(at, runEnd);
    wText = text;
    wStart = at;
    wEnd = runEnd;
  }
  return wStr;
}

/** End of the last tryBucket hit (a module variable: no object per try). */
let hitEnd = 0;

/**
 * Index in b.entries of the entry matching at `at` (-1: none), its end in hitEnd. `runEnd` is where
 * the letter run from `at` ends, or -1 when answers may not be kept (a surrogate follows the run).
 * A split bucket asks both parts: the alternation takes the first entry that matches, so the one
 * of the two answers earlier in the bucket is the bucket's answer.
 */
function tryBucket<T>(b: Bucket<T>, text: string, at: number, runEnd: number): number {
  const words = b.words;
  if (words !== null && runEnd >= 0) {
    const w = wordAt(text, at, runEnd);
    const kept = words.get(w);
    if (kept !== undefined) {
      hitEnd = runEnd;
      return kept;
    }
    b.re.lastIndex = at;
    const m = b.re.exec(text);
    let idx = -1;
    if (m) {
      let g = 1;
      while (g < m.length && m[g] === undefined) g++;
      idx = g - 1;
      // never expected (see wordOnly); if it happens, this bucket asks its regex from now on
      if (at + m[0].length !== runEnd) {
        b.words = null;
        hitEnd = at + m[0].length;
        return idx;
      }
    }
    if (words.size >= MAX_WORDS) words.clear();
    words.set(w, idx);
    hitEnd = runEnd;
    return idx;
  }
  const sp = b.split;
  if (sp !== null && runEnd >= 0) {
    const a = tryBucket(sp.letters, text, at, runEnd);
    const aEnd = hitEnd;
    const ia = a < 0 ? Infinity : sp.lettersAt[a]!;
    // no entry of the rest comes before the letters' answer: the regex need not run
    if (ia < sp.restAt[0]!) return ia;
    const r = tryBucket(sp.rest, text, at, runEnd);
    const ir = r < 0 ? Infinity : sp.restAt[r]!;
    if (ia === Infinity && ir === Infinity) return -1;
    if (ia < ir) {
      hitEnd = aEnd;
      return ia;
    }
    return ir; // hitEnd is rest's
  }
  // no entry can begin with this word: the regex would fail
  if (b.first !== null && runEnd >= 0 && !b.first.has(wordAt(text, at, runEnd))) return -1;
  b.re.lastIndex = at;
  const m = b.re.exec(text);
  if (!m) return -1;
  let g = 1;
  while (g < m.length && m[g] === undefined) g++;
  hitEnd = at + m[0].length;
  return g - 1;
}

export interface CompiledLexicon<T> {
  buckets: Map<string, Bucket<T>>;
  /** the same buckets by char code: looking up by code avoids making a one-char string per try */
  byCode: Map<number, Bucket<T>>;
  any: Bucket<T> | null;
  entries: T[];
  /** index into every triple's answers (see Triple) */
  slot: number;
  /** the lexicon's bit in word masks (lexicons past the 30th share the last bit) */
  bit: number;
}

// Character classes. Narrowing a bucket at a position depends only on the next three characters,
// and only on whether each is a character some lexicon names: every such character gets a class
// of its own, all others share OTHER (whose stand-in "*" is what prefix sets use for "any"). A
// position's three classes make one small integer, the triple id. Each triple is narrowed once
// for every lexicon and kept; a scan looks each word split's triple up once, and a word whose
// splits no lexicon can match is skipped by every lexicon without trying a regex.
const END = 0; // past the end of the text
const OTHER = 1;
const CLASS = new Uint8Array(65536).fill(OTHER);
const REP: string[] = ["", "*"]; // a stand-in character per class
const MAX_CLASSES = 256;
let classesFull = false;
/** Bumped whenever a class is added: a scan made before knows fewer classes and is redone. */
let classVersion = 0;

function addClass(ch: string): void {
  const code = ch.charCodeAt(0);
  if (ch.length !== 1 || ch === "*" || CLASS[code] !== OTHER) return;
  if (REP.length >= MAX_CLASSES) {
    classesFull = true;
    return;
  }
  CLASS[code] = REP.length;
  REP.push(ch);
  classVersion++;
}

function tripleId(text: string, at: number): number {
  const n = text.length;
  const k0 = CLASS[text.charCodeAt(at)]!;
  const k1 = at + 1 < n ? CLASS[text.charCodeAt(at + 1)]! : END;
  const k2 = at + 2 < n ? CLASS[text.charCodeAt(at + 2)]! : END;
  return (k0 << 16) | (k1 << 8) | k2;
}

const LEXICONS: CompiledLexicon<unknown>[] = [];

/** What every lexicon can match where a triple starts: its two narrowed buckets, and who can match at all. */
interface Triple {
  /** by lexicon slot: [first-letter bucket, "any" bucket], each narrowed (null: nothing can match) */
  answers: (Bucket<unknown> | null)[][];
  /** bits of the lexicons with a bucket here */
  mask: number;
}
const TRIPLES = new Map<number, Triple>();
/** Triples kept; past this (odd scripts) they are narrowed afresh each time: bounded memory. */
const MAX_TRIPLES = 100_000;
// While there are at most 64 classes (Arabic lexicons use about 40), triples are also kept in a
// flat array indexed by 6 bits per class: an array read instead of a hash lookup per word split.
const DENSE = new Array<Triple | undefined>(1 << 18);
const denseIndex = (tid: number) => ((tid >>> 16) << 12) | (((tid >>> 8) & 0xff) << 6) | (tid & 0xff);

function tripleAt(tid: number, c0: number): Triple {
  const dense = REP.length <= 64;
  let t = dense ? DENSE[denseIndex(tid)] : TRIPLES.get(tid);
  if (t === undefined) {
    t = { answers: [], mask: 0 };
    if (dense) DENSE[denseIndex(tid)] = t;
    else if (TRIPLES.size < MAX_TRIPLES) TRIPLES.set(tid, t);
  }
  // lexicons compiled after the triple was first seen are answered now
  while (t.answers.length < LEXICONS.length) {
    const lex = LEXICONS[t.answers.length]!;
    const pair = bucketsAt(lex, tid, c0);
    t.answers.push(pair);
    if (pair[0] || pair[1]) t.mask |= lex.bit;
  }
  return t;
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
  for (const ps of prefixesOf.values()) for (const x of ps) for (let k = 0; k < x.length; k++) addClass(x[k]!);
  const make = (xs: T[]): Bucket<T> => makeBucket(xs, xs.map((e) => prefixesOf.get(e)!));
  const buckets = new Map<string, Bucket<T>>();
  for (const [c, xs] of groups) if (c !== ANY) buckets.set(c, make(xs));
  const anyXs = groups.get(ANY);
  const byCode = new Map<number, Bucket<T>>();
  for (const [c, b] of buckets) {
    if (c.length !== 1) continue;
    byCode.set(c.charCodeAt(0), b);
    addClass(c);
  }
  const slot = LEXICONS.length;
  const lex: CompiledLexicon<T> = { buckets, byCode, any: anyXs ? make(anyXs) : null, entries, slot, bit: 1 << Math.min(slot, 30) };
  LEXICONS.push(lex as CompiledLexicon<unknown>);
  return lex;
}

/**
 * The part of a bucket that can match where the text reads `chars` (its next three characters,
 * fewer at the end): same entries in the same order minus those that cannot start there, so the
 * alternation picks the same entry and match.
 */
function narrow<T>(b: Bucket<T>, chars: string): Bucket<T> | null {
  const keep: number[] = [];
  for (let k = 0; k < b.entries.length; k++) if (mayStartWith(b.prefixes[k]!, chars)) keep.push(k);
  if (!keep.length) return null;
  if (keep.length === b.entries.length) return b;
  const subsetKey = keep.join(",");
  let nb = b.bySubset.get(subsetKey);
  if (!nb) {
    const xs = keep.map((k) => b.entries[k]!);
    nb = makeBucket(xs, keep.map((k) => b.prefixes[k]!));
    b.bySubset.set(subsetKey, nb);
  }
  return nb;
}

/** A lexicon's two buckets narrowed to a triple (c0: the char code there, for the first-letter bucket). */
function bucketsAt<T>(lex: CompiledLexicon<T>, tid: number, c0: number): (Bucket<T> | null)[] {
  const b1 = lex.byCode.get(c0) ?? null;
  const k0 = tid >>> 16;
  const k1 = (tid >>> 8) & 0xff;
  const k2 = tid & 0xff;
  let chars = REP[k0]!;
  if (k1 !== END) chars += REP[k1]!;
  if (k1 !== END && k2 !== END) chars += REP[k2]!;
  return [b1 && narrow(b1, chars), lex.any && narrow(lex.any, chars)];
}

const LETTER_RE = /\p{L}/u;
const NUMBER_RE = /\p{N}/u;
/** /\p{L}/u on the code unit at i (the one-char string is made only outside Arabic and ASCII). */
function isLetterAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code >= 0x0621 && code <= 0x064a) return true;
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return LETTER_RE.test(text[i]!);
}

/** Word starts of a text and their proclitic splits, computed once and shared by every lexicon. */
export interface Scan {
  text: string;
  starts: Int32Array;
  /** bits of the lexicons that can match at some split of starts[k] */
  wordMask: Int32Array;
  /** the splits of starts[k] are split indexes splitFrom[k] .. splitFrom[k + 1] - 1 */
  splitFrom: Int32Array;
  /** where the core starts after the proclitics (absolute offset) */
  splitAt: Int32Array;
  /** 1 = light split: no article and no س */
  splitLight: Uint8Array;
  /** what the lexicons can match at the core (null: the core is past the end) */
  splitTriple: (Triple | null)[];
  /** where the letter run of starts[k] ends: the run end of every split of the word */
  wordEnd: Int32Array;
  /** the letter run from each split, sliced by the first lexicon that asks (see wordAt) */
  splitWord: (string | undefined)[];
  /** word starts glued to a digit before them ("5قتلى"): never a lexicon hit, still a word start */
  glued: Int32Array;
  classVersion: number;
  lexicons: number;
}

// Scratch buffers reused by every scan (grown when a text needs more); each scan copies out
// exactly what it filled. A scan of a report pushed to five growing JS arrays before.
let bufStarts = new Int32Array(1024);
let bufFrom = new Int32Array(1025);
let bufAt = new Int32Array(4096);
let bufLight = new Uint8Array(4096);
let bufGlued = new Int32Array(64);
let bufEnd = new Int32Array(1024);
function grown<A extends Int32Array | Uint8Array>(a: A, need: number): A {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => A)(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/**
 * Proclitic splits at a word start i, written to the split buffers from index q: (و|ف)? (ب|ل|ك|س)?
 * (ال|ل)?, in the order the matcher tries them (the first longest match wins). Returns the next q.
 */
function pushSplits(text: string, i: number, q: number): number {
  const c0 = text.charCodeAt(i);
  const a1 = c0 === WAW || c0 === FA ? 1 : 0;
  for (let a = 0; a <= a1; a++) {
    const c2 = text.charCodeAt(i + a);
    const b1 = c2 === BA || c2 === LAM || c2 === KAF || c2 === SIN ? 1 : 0;
    for (let b = 0; b <= b1; b++) {
      const j = i + a + b;
      bufAt[q] = j;
      bufLight[q++] = b === 0 || c2 !== SIN ? 1 : 0;
      const cj = text.charCodeAt(j);
      if (cj === ALEF && text.charCodeAt(j + 1) === LAM) {
        bufAt[q] = j + 2;
        bufLight[q++] = 0;
      }
      if (cj === LAM) {
        bufAt[q] = j + 1;
        bufLight[q++] = 0;
      }
    }
  }
  return q;
}
const WAW = 0x0648, FA = 0x0641, BA = 0x0628, LAM = 0x0644, KAF = 0x0643, SIN = 0x0633, ALEF = 0x0627;
/** Most splits one word start can have (2 × 2 × 2). */
const MAX_SPLITS = 8;

export function scanWords(text: string): Scan {
  let nw = 0; // word starts
  let q = 0; // splits
  let ng = 0; // glued starts
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (!isLetterAt(text, i)) {
      i++;
      continue;
    }
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0x20;
    const isGlued = i > 0 && ((prev >= 0x30 && prev <= 0x39) || (prev >= 0x80 && NUMBER_RE.test(text[i - 1]!)));
    if (!isGlued) {
      // (typed arrays drop writes past their end silently: each pair grows together, in step)
      if (nw + 1 >= bufStarts.length) {
        bufStarts = grown(bufStarts, nw + 2);
        bufFrom = grown(bufFrom, bufStarts.length + 1);
        bufEnd = grown(bufEnd, bufStarts.length);
      }
      if (q + MAX_SPLITS > bufAt.length) {
        bufAt = grown(bufAt, q + MAX_SPLITS);
        bufLight = grown(bufLight, bufAt.length);
      }
      bufStarts[nw] = i;
      bufFrom[nw++] = q;
      q = pushSplits(text, i, q);
    } else {
      if (ng >= bufGlued.length) bufGlued = grown(bufGlued, ng + 1);
      bufGlued[ng++] = i;
    }
    i++;
    while (i < n && isLetterAt(text, i)) i++;
    if (!isGlued) bufEnd[nw - 1] = i;
  }
  bufFrom[nw] = q;
  const triples: (Triple | null)[] = new Array(q);
  const wordMask = new Int32Array(nw);
  for (let k = 0; k < nw; k++) {
    let mask = 0;
    for (let s = bufFrom[k]!; s < bufFrom[k + 1]!; s++) {
      const p = bufAt[s]!;
      if (p >= n) {
        triples[s] = null;
        continue;
      }
      const t = (triples[s] = tripleAt(tripleId(text, p), text.charCodeAt(p)));
      mask |= t.mask;
    }
    // too many classes (never with Arabic lexicons): triples no longer tell characters apart
    wordMask[k] = classesFull ? -1 : mask;
  }
  const out: Scan = {
    text,
    starts: bufStarts.slice(0, nw),
    wordMask,
    splitFrom: bufFrom.slice(0, nw + 1),
    splitAt: bufAt.slice(0, q),
    splitLight: bufLight.slice(0, q),
    splitTriple: triples,
    wordEnd: bufEnd.slice(0, nw),
    splitWord: new Array<string | undefined>(q),
    glued: bufGlued.slice(0, ng),
    classVersion,
    lexicons: LEXICONS.length,
  };
  // an exceptionally long text does not keep its big buffers alive afterwards
  if (bufAt.length > 1 << 20) {
    bufStarts = new Int32Array(1024);
    bufFrom = new Int32Array(1025);
    bufAt = new Int32Array(4096);
    bufLight = new Uint8Array(4096);
    bufEnd = new Int32Array(1024);
  }
  if (bufGlued.length > 1 << 16) bufGlued = new Int32Array(64);
  return out;
}

function isFresh(scan: Scan | undefined, text: string): scan is Scan {
  return !!scan && scan.text === text && scan.classVersion === classVersion && scan.lexicons === LEXICONS.length;
}

/**
 * The matches a global regex finds in the scan's text, for a regex whose every match begins at a
 * word start where `gate` can match (a letter not preceded by a letter; the regex checks that
 * itself): `sticky` (the same regex with the y flag) is tried at those word starts only, instead
 * of at every position of the text. Same matches, same order.
 */
export function matchesAtWordStarts<T>(sticky: RegExp, gate: CompiledLexicon<T>, text: string, scan?: Scan): RegExpExecArray[] {
  const sc = isFresh(scan, text) ? scan : scanWords(text);
  const { starts, wordMask, glued } = sc;
  const bit = gate.bit;
  const out: RegExpExecArray[] = [];
  let from = 0;
  // word starts and glued starts, merged in text order (glued ones are not gated: never scanned by lexicons)
  let k = 0;
  let g = 0;
  while (k < starts.length || g < glued.length) {
    let p: number;
    if (g >= glued.length || (k < starts.length && starts[k]! < glued[g]!)) {
      p = starts[k]!;
      const gated = (wordMask[k++]! & bit) === 0;
      if (gated) continue;
    } else p = glued[g++]!;
    if (p < from) continue;
    sticky.lastIndex = p;
    const m = sticky.exec(text);
    if (!m) continue;
    out.push(m);
    from = p + Math.max(1, m[0].length);
  }
  return out;
}

/** All non-overlapping hits in [from, to), the longest at each word start. */
export function findAll<T>(lex: CompiledLexicon<T>, text: string, from = 0, to = text.length, scan?: Scan): Hit<T>[] {
  const sc = isFresh(scan, text) ? scan : scanWords(text);
  const out: Hit<T>[] = [];
  let minStart = from;
  const { starts, wordMask, splitFrom, splitAt, splitLight, splitTriple, wordEnd, splitWord } = sc;
  const bit = lex.bit;
  const n = text.length;
  for (let k = 0; k < starts.length; k++) {
    const i = starts[k]!;
    if (i < minStart) continue;
    if (i >= to) break;
    if ((wordMask[k]! & bit) === 0) continue; // no split of this word can start an entry
    // end of the letter run from every split (they lie in one word): -1 when a surrogate follows
    // it, which \p{L} may call a letter
    let runEnd = wordEnd[k]!;
    if (runEnd < n && (text.charCodeAt(runEnd) & 0xf800) === 0xd800) runEnd = -1;
    // no per-split arrays or strings: only the winning hit's text is sliced
    let bestEnd = -1;
    let bestEntry: T | null = null;
    for (let q = splitFrom[k]!, qEnd = splitFrom[k + 1]!; q < qEnd; q++) {
      const t = splitTriple[q];
      if (!t || (!classesFull && (t.mask & bit) === 0)) continue; // nothing of this lexicon starts here
      const at = splitAt[q]!;
      const pair = classesFull ? [lex.byCode.get(text.charCodeAt(at)) ?? null, lex.any] : (t.answers[lex.slot] as (Bucket<T> | null)[]);
      // the split's word as an earlier lexicon sliced it (its hash is kept with it)
      const known = splitWord[q];
      if (known !== undefined) {
        wText = text;
        wStart = at;
        wEnd = runEnd;
        wStr = known;
      }
      for (let pass = 0; pass < 2; pass++) {
        const b = pair[pass];
        if (!b) continue;
        const idx = tryBucket(b, text, at, runEnd);
        if (idx < 0) continue;
        const entry = b.entries[idx]!;
        if ((entry as { article?: boolean }).article === false && splitLight[q] === 0) continue;
        const end = hitEnd;
        if (bestEntry === null || end > bestEnd) {
          bestEnd = end;
          bestEntry = entry;
        }
      }
      if (known === undefined && wStart === at && wEnd === runEnd && wText === text) splitWord[q] = wStr;
    }
    if (bestEntry !== null) {
      out.push({ start: i, end: bestEnd, text: text.slice(i, bestEnd), entry: bestEntry });
      minStart = bestEnd;
    }
  }
  return out;
}
