// Sentence splitter for Arabic news text: ends at . ! ? ؟ ؛ … and at line breaks (each run of line
// breaks also starts a new paragraph). Not inside «…» / "…" / “…” quotes (a quote closing right
// after a terminator ends the sentence), not after one-letter abbreviations (د. م. أ. ص.ب),
// not inside numbers (3.5) or dotted names (www.sana.sy). Spans are trimmed of whitespace.

export interface Sentence {
  start: number;
  end: number;
  text: string;
  paragraph: number;
}

// Per-code-unit flags, built once: the scan below touches every character of every report.
const TERM = 1, CLOSE = 2, QUOTE = 4, NEWLINE = 8, SPACE = 16;
const FLAGS = new Uint8Array(0x10000);
for (const ch of ".!?؟؛…۔") FLAGS[ch.charCodeAt(0)]! |= TERM;
for (const ch of "»\"”’)]›'") FLAGS[ch.charCodeAt(0)]! |= CLOSE;
for (const ch of "«»“”\"") FLAGS[ch.charCodeAt(0)]! |= QUOTE;
for (const c of [0x0a, 0x0d, 0x2028, 0x2029]) FLAGS[c]! |= NEWLINE;
// spaces and invisible controls (zero-width, bidi marks and embeddings) are trimmed from spans
for (const c of [0x20, 0x09, 0xa0, 0x202f, 0x3000, 0xfeff, 0x061c, 0x2060]) FLAGS[c]! |= SPACE;
for (let c = 0x2000; c <= 0x200f; c++) FLAGS[c]! |= SPACE;
for (let c = 0x202a; c <= 0x202e; c++) FLAGS[c]! |= SPACE;
for (let c = 0x2066; c <= 0x2069; c++) FLAGS[c]! |= SPACE;
// Unclosed quotes would otherwise swallow the rest of a paragraph: give up after this many chars.
const MAX_QUOTE = 600;

function isSpace(c: number): boolean {
  return (FLAGS[c]! & SPACE) !== 0;
}
function isNewline(c: number): boolean {
  return (FLAGS[c]! & NEWLINE) !== 0;
}
function isTerminator(c: number): boolean {
  return (FLAGS[c]! & TERM) !== 0;
}
function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x0621 && c <= 0x064a) || (c >= 0x0671 && c <= 0x06d3);
}
function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9);
}
function isMark(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640;
}

function letterRunBefore(text: string, i: number): number {
  let k = i - 1;
  let n = 0;
  while (k >= 0) {
    const c = text.charCodeAt(k);
    if (isLetter(c)) n++;
    else if (!isMark(c)) break;
    k--;
  }
  return n;
}

/** Does the "." at i end an abbreviation of one letter ("د." "م." "ص.ب")? */
function isAbbreviation(text: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && isMark(text.charCodeAt(k))) k--;
  if (k < 0 || !isLetter(text.charCodeAt(k))) return false;
  const letter = text[k];
  let b = k - 1;
  while (b >= 0 && isMark(text.charCodeAt(b))) b--;
  if (b >= 0 && isLetter(text.charCodeAt(b))) return false; // a whole word ends here
  // "هـ." closes Hijri dates at sentence ends: not an abbreviation
  return letter !== "ه";
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  if (typeof text !== "string" || !text) return out;
  const n = text.length;
  let paragraph = 0;
  let segStart = 0;
  let quoteDepth = 0; // «» and “” nest; ASCII " toggles
  let asciiQuote = false;
  let quoteStart = -1;
  let sawText = false; // current paragraph has content (so the next line break starts a new one)

  const emit = (a: number, b: number) => {
    while (a < b && (isSpace(text.charCodeAt(a)) || isNewline(text.charCodeAt(a)))) a++;
    while (b > a && (isSpace(text.charCodeAt(b - 1)) || isNewline(text.charCodeAt(b - 1)))) b--;
    if (b > a) {
      out.push({ start: a, end: b, text: text.slice(a, b), paragraph });
      sawText = true;
    }
  };

  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const f = FLAGS[c]!;
    if ((f & (TERM | QUOTE | NEWLINE)) === 0) {
      // fast path: an ordinary character (quote-length bookkeeping happens at the next special one)
      i++;
      continue;
    }
    const ch = text[i]!;
    if (f & NEWLINE) {
      emit(segStart, i);
      while (i < n && (isNewline(text.charCodeAt(i)) || isSpace(text.charCodeAt(i)))) i++;
      if (sawText) paragraph++;
      sawText = false;
      segStart = i;
      quoteDepth = 0;
      asciiQuote = false;
      continue;
    }
    if (ch === "«" || ch === "“") {
      if (quoteDepth === 0 && !asciiQuote) quoteStart = i;
      quoteDepth++;
    } else if ((ch === "»" || ch === "”") && quoteDepth > 0) {
      quoteDepth--;
      if (quoteDepth === 0 && !asciiQuote) {
        // «… انتهى.» ends the sentence after the closing quote
        let k = i - 1;
        while (k > segStart && isSpace(text.charCodeAt(k))) k--;
        const kc = text.charCodeAt(k);
        if (isTerminator(kc) && (kc !== 0x2e || !isAbbreviation(text, k))) {
          emit(segStart, i + 1);
          segStart = i + 1;
        }
      }
    } else if (ch === "\"") {
      asciiQuote = !asciiQuote;
      if (asciiQuote && quoteDepth === 0) quoteStart = i;
    }
    const inQuote = (quoteDepth > 0 || asciiQuote) && i - quoteStart < MAX_QUOTE;
    if (!inQuote && (quoteDepth > 0 || asciiQuote)) {
      quoteDepth = 0;
      asciiQuote = false;
    }
    if (!inQuote && (f & TERM)) {
      if (ch === ".") {
        const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        if (isDigit(prev) && isDigit(next)) {
          i++;
          continue;
        }
        if (next && (isLetter(next) || isDigit(next)) && next < 0x0600 && !isSpace(next)) {
          i++; // www.sana.sy, U.S.
          continue;
        }
        if (next && isLetter(next) && letterRunBefore(text, i) <= 3) {
          i++; // spelled-out acronyms: "سي.بي.إس"، "إيه.بي.سي"
          continue;
        }
        if (isAbbreviation(text, i)) {
          i++;
          continue;
        }
      }
      // swallow a run of terminators and closing quotes/brackets: "..", "؟!", ".»", ".)"
      let j = i + 1;
      while (j < n && (FLAGS[text.charCodeAt(j)]! & (TERM | CLOSE)) !== 0) j++;
      emit(segStart, j);
      segStart = j;
      i = j;
      continue;
    }
    i++;
  }
  emit(segStart, n);
  return out;
}
