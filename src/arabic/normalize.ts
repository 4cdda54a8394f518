// Arabic normalization for matching. One lookup table built at module load folds every UTF-16 code
// unit to its matching form, so normalizing is a single linear pass with no regexes.
//
// Folding decisions (documented because lexicons everywhere depend on them):
// - drop harakat (U+064B–U+065F), superscript alef (U+0670), Quranic marks, tatweel (U+0640),
//   zero-width and bidi controls (ZWSP/ZWNJ/ZWJ/LRM/RLM/ALM/BOM, embeddings, isolates);
// - أ إ آ ٱ → ا ; ى → ي ; ة → ه ; Persian/Urdu variants ک→ك, ی ے ې→ي, ە ۀ ۃ→ه, ڪ→ك;
// - ء ؤ ئ are KEPT as-is (folding them merges unrelated words; lexicons write them as-is:
//   "مسؤول" and "مسئول" are two spellings, list both where needed);
// - Arabic-Indic (٠-٩) and Eastern (۰-۹) digits → ASCII; ٫ (decimal) → "." ; ٬ (thousands) → ",";
// - Arabic presentation forms (FB50–FDFF, FE70–FEFF) → their NFKC letters (one may become two, e.g. ﻻ → لا);
// - ASCII letters lower-cased; every Unicode space and "_" (hashtags) → " " (normalizeKey also collapses runs and trims).

const TABLE: (string | undefined)[] = new Array(0x10000);

function set(chars: string, to: string): void {
  for (const c of chars) TABLE[c.charCodeAt(0)] = to;
}

(function build() {
  for (let c = 0x064b; c <= 0x065f; c++) TABLE[c] = "";
  TABLE[0x0670] = "";
  for (let c = 0x06d6; c <= 0x06ed; c++) TABLE[c] = ""; // Quranic annotation marks
  for (let c = 0x0610; c <= 0x061a; c++) TABLE[c] = "";
  TABLE[0x0640] = "";
  for (const c of [0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x061c, 0xfeff, 0x00ad, 0x2060]) TABLE[c] = "";
  for (let c = 0x202a; c <= 0x202e; c++) TABLE[c] = "";
  for (let c = 0x2066; c <= 0x2069; c++) TABLE[c] = "";
  set("أإآٱٲٳ", "ا");
  set("ى", "ي");
  set("ة", "ه");
  set("کڪ", "ك");
  set("یےېۍ", "ي");
  set("ەۀۃ", "ه");
  for (let d = 0; d < 10; d++) {
    TABLE[0x0660 + d] = String(d);
    TABLE[0x06f0 + d] = String(d);
  }
  TABLE[0x066b] = ".";
  TABLE[0x066c] = ",";
  for (let c = 0x41; c <= 0x5a; c++) TABLE[c] = String.fromCharCode(c + 32);
  // Presentation forms: NFKC, then fold the result again (e.g. ﺓ → ة → ه).
  const presentation = (c: number) => {
    const n = String.fromCharCode(c).normalize("NFKC");
    if (n.length === 1 && n.charCodeAt(0) === c) return;
    let out = "";
    for (const ch of n) {
      const code = ch.charCodeAt(0);
      if (ch.length === 1 && code === 0x20) continue; // isolated harakat forms decompose to " " + mark
      const f = ch.length === 1 ? TABLE[code] : undefined;
      out += f === undefined ? ch : f;
    }
    TABLE[c] = out;
  };
  for (let c = 0xfb50; c <= 0xfdff; c++) presentation(c);
  for (let c = 0xfe70; c <= 0xfefc; c++) presentation(c);
  // Spaces (not newlines: normalizeWithMap keeps paragraph structure).
  for (const c of [0x09, 0x0b, 0x0c, 0xa0, 0x1680, 0x202f, 0x205f, 0x3000]) TABLE[c] = " ";
  for (let c = 0x2000; c <= 0x200a; c++) TABLE[c] = " ";
  // "_" joins the words of a hashtag ("#هيئة_تحرير_الشام"): it separates words like a space
  TABLE[0x5f] = " ";
  TABLE[0x0d] = "\n";
  TABLE[0x2028] = "\n";
  TABLE[0x2029] = "\n";
})();

// The same table as numbers for hot loops: -1 keep, -2 drop, -3 expands (use TABLE), else the code.
const KEEP = -1, DROP = -2, MULTI = -3;
const FOLD = new Int32Array(0x10000).fill(KEEP);
for (let c = 0; c < 0x10000; c++) {
  const f = TABLE[c];
  if (f === undefined) continue;
  FOLD[c] = f === "" ? DROP : f.length === 1 ? f.charCodeAt(0) : MULTI;
}

/**
 * Folded form of text[start,end) without whitespace handling (used for word tokens). Builds a flat
 * string (a slice when nothing changes) so Map/Set lookups don't have to flatten a rope.
 */
export function foldRange(text: string, start: number, end: number, slice?: string): string {
  let k = start;
  while (k < end && FOLD[text.charCodeAt(k)] === KEEP) k++;
  // nothing to fold: the caller's slice of the same range, when it has one (one copy, not two)
  if (k === end) return slice ?? text.slice(start, end);
  // folded code units into a scratch buffer (no array per word); short words, the usual case,
  // become a string with one call and no argument list
  if ((end - start) * MAX_EXPANSION > foldBuf.length) foldBuf = new Uint16Array((end - start) * MAX_EXPANSION);
  const b = foldBuf;
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const f = FOLD[c]!;
    if (f === KEEP) b[n++] = c;
    else if (f >= 0) b[n++] = f;
    else if (f === MULTI) for (const ch of TABLE[c]!) b[n++] = ch.charCodeAt(0);
  }
  switch (n) {
    case 0: return "";
    case 1: return String.fromCharCode(b[0]!);
    case 2: return String.fromCharCode(b[0]!, b[1]!);
    case 3: return String.fromCharCode(b[0]!, b[1]!, b[2]!);
    case 4: return String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!);
    case 5: return String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!, b[4]!);
    case 6: return String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!, b[4]!, b[5]!);
    case 7: return String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!, b[4]!, b[5]!, b[6]!);
    case 8: return String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!, b[4]!, b[5]!, b[6]!, b[7]!);
    default: return codesToString(b, n);
  }
}
/** Most code units one folded code unit becomes (presentation forms expand). */
const MAX_EXPANSION = (() => {
  let mx = 1;
  for (let c = 0; c < 0x10000; c++) mx = Math.max(mx, TABLE[c]?.length ?? 1);
  return mx;
})();
let foldBuf = new Uint16Array(256);

/** One character (UTF-16 code unit string) → its matching form; "" when it is dropped. */
export function foldChar(c: string): string {
  if (typeof c !== "string") return "";
  if (c.length !== 1) return c;
  const f = TABLE[c.charCodeAt(0)];
  return f === undefined ? c : f;
}

/** Fold one code unit; exported for hot loops in this folder. */
export function foldCode(code: number, ch: string): string {
  const f = TABLE[code];
  return f === undefined ? ch : f;
}

/** True when the code unit is dropped by folding (harakat, tatweel, zero-width…). */
export function isDropped(code: number): boolean {
  return TABLE[code] === "";
}

/** Matching key: folded, whitespace runs collapsed to one space, trimmed. */
export function normalizeKey(s: string): string {
  if (typeof s !== "string") return "";
  const n = s.length;
  // fast path: nothing to fold, single inner spaces only, no leading/trailing space
  let k = 0;
  let prevSpace = true;
  for (; k < n; k++) {
    const c = s.charCodeAt(k);
    if (c === 0x20) {
      if (prevSpace) break;
      prevSpace = true;
    } else if (FOLD[c] !== KEEP || c === 0x0a) break;
    else prevSpace = false;
  }
  if (k === n && !prevSpace) return s;
  const codes: number[] = [];
  let pendingSpace = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const f = FOLD[c]!;
    if (f === DROP) continue;
    const o = f === KEEP ? c : f;
    if (o === 0x20 || o === 0x0a) {
      pendingSpace = codes.length > 0;
      continue;
    }
    if (pendingSpace) {
      codes.push(0x20);
      pendingSpace = false;
    }
    if (f === MULTI) for (const ch of TABLE[c]!) codes.push(ch.charCodeAt(0));
    else codes.push(o);
  }
  return codesToStringArr(codes);
}

function codesToStringArr(codes: number[]): string {
  if (codes.length <= 8192) return String.fromCharCode.apply(null, codes);
  let out = "";
  for (let k = 0; k < codes.length; k += 8192) out += String.fromCharCode.apply(null, codes.slice(k, k + 8192));
  return out;
}

/**
 * The same folding over a whole text, keeping structure: a whitespace run becomes one " ", or one
 * "\n" when it contains a line break (paragraphs stay visible). Nothing is trimmed.
 * map[i] = index in `text` of normalized char i; map has normalized.length + 1 entries, the last
 * being text.length, so a normalized span [a,b) is the original span [map[a], map[b]).
 */
export function normalizeWithMap(text: string): { text: string; map: Int32Array } {
  if (typeof text !== "string") return { text: "", map: new Int32Array(1) };
  // extract and geo both normalize the same report: the last result is reused (treat it as read-only)
  if (text === lastText && lastResult) return lastResult;
  const r = computeWithMap(text);
  lastText = text;
  lastResult = r;
  return r;
}

let lastText: string | null = null;
let lastResult: { text: string; map: Int32Array } | null = null;

// No folding expands to whitespace (presentation forms drop their spaces): then a whitespace run
// is one " " or "\n" in normalizeWithMap's text, exactly where normalizeKey puts one space.
const EXPANDS_TO_SPACE = TABLE.some((f) => f !== undefined && f.length > 1 && /[ \n]/.test(f));

/**
 * normalizeKey(text), read off normalizeWithMap(text) (memoized: extraction normalizes the same
 * report with a map anyway) instead of folding the whole report a second time.
 */
export function normalizeKeyViaMap(text: string): string {
  if (typeof text !== "string" || EXPANDS_TO_SPACE) return normalizeKey(text);
  let norm = normalizeWithMap(text).text;
  if (norm.includes("\n")) norm = norm.replace(/\n/g, " ");
  let a = 0;
  let b = norm.length;
  while (a < b && norm.charCodeAt(a) === 0x20) a++;
  while (b > a && norm.charCodeAt(b - 1) === 0x20) b--;
  return a === 0 && b === norm.length ? norm : norm.slice(a, b);
}

function computeWithMap(text: string): { text: string; map: Int32Array } {
  const len = text.length;
  let buf = new Uint16Array(len + 8);
  let map = new Int32Array(len + 1);
  let n = 0;
  let i = 0;
  while (i < len) {
    const code = text.charCodeAt(i);
    const f = FOLD[code]!;
    if (f === DROP) {
      i++;
      continue;
    }
    const out = f === KEEP ? code : f;
    if (out === 0x20 || out === 0x0a) {
      // whitespace run (dropped marks inside the run are skipped too)
      const start = i;
      let newline = false;
      while (i < len) {
        const c = text.charCodeAt(i);
        const g = FOLD[c]!;
        const o = g === KEEP ? c : g;
        if (o === 0x20 || g === DROP) i++;
        else if (o === 0x0a) {
          newline = true;
          i++;
        } else break;
      }
      buf[n] = newline ? 0x0a : 0x20;
      map[n++] = start;
    } else if (f === MULTI) {
      const m = TABLE[code]!;
      // capacity for this output, one entry per remaining input char, and the final entry
      const need = n + m.length + (len - i - 1) + 1;
      if (need > map.length) {
        const cap = Math.max(need, map.length * 2);
        const bm = new Int32Array(cap);
        bm.set(map);
        map = bm;
        const bb = new Uint16Array(cap + 8);
        bb.set(buf);
        buf = bb;
      }
      for (let k = 0; k < m.length; k++) {
        buf[n] = m.charCodeAt(k);
        map[n++] = i;
      }
      i++;
    } else {
      buf[n] = out;
      map[n++] = i;
      i++;
    }
  }
  map[n] = len;
  return { text: decodeUtf16(buf, n), map: map.length === n + 1 ? map : map.slice(0, n + 1) };
}

const UTF16 = new TextDecoder("utf-16le");
function decodeUtf16(buf: Uint16Array, n: number): string {
  // TextDecoder would replace lone surrogates with U+FFFD; keep them as they are (offsets must match)
  for (let k = 0; k < n; k++) {
    const c = buf[k]!;
    if (c >= 0xd800 && c <= 0xdfff) return codesToString(buf, n);
  }
  return UTF16.decode(buf.subarray(0, n));
}
function codesToString(buf: Uint16Array, n: number): string {
  let s = "";
  for (let k = 0; k < n; k += 4096) s += String.fromCharCode.apply(null, Array.from(buf.subarray(k, Math.min(n, k + 4096))));
  return s;
}
