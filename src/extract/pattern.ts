// Compiles lexicon entries (written in ordinary Arabic, with regex syntax for inflections) into one
// regex over NORMALIZED text (see arabic/normalize.ts: أ/إ/آ→ا, ة→ه, ى→ي, no harakat, ASCII digits).
// Every entry may carry proclitics (و/ف + ب/ل/ك/س + ال) and must end at a word boundary, so one
// stem entry covers "قصف"، "وقصفت"، "بالقصف"، "للقصف" without listing every surface form.
import { foldChar } from "../arabic/normalize.js";

/** Fold only Arabic letters of a pattern (regex syntax and ASCII stay as written). */
export function foldPattern(p: string): string {
  let out = "";
  for (const ch of p) {
    const c = ch.charCodeAt(0);
    out += c >= 0x0600 && c <= 0x06ff ? foldChar(ch) : ch;
  }
  return out;
}

const PROCLITICS = "(?:[وف])?(?:[بلكس])?(?:ال|ل)?";
const PROCLITICS_LIGHT = "(?:[وف])?(?:[بلك])?";

export interface Hit<T> {
  start: number;
  end: number;
  text: string;
  entry: T;
}

export interface CompiledLexicon<T> {
  re: RegExp;
  entries: T[];
}

/**
 * Compile entries to one regex: each entry becomes a named-free capture group so the matching
 * entry is found by the first defined group. `article: false` entries get only و/ف/ب/ل/ك.
 */
export function compile<T extends { re: string; article?: boolean }>(input: T[]): CompiledLexicon<T> {
  // JS alternation takes the first alternative that matches: longer (more specific) patterns first.
  for (const e of input) if (/\((?!\?)/.test(e.re)) throw new Error(`lexicon pattern has a capturing group: ${e.re}`);
  const entries = [...input].sort((a, b) => b.re.length - a.re.length);
  const parts = entries.map((e) => `(${e.article === false ? PROCLITICS_LIGHT : PROCLITICS}(?:${foldPattern(e.re)}))`);
  // an optional tanwin alef: accusative nouns ("انفجاراً"، "هجوماً") are written with a final ا
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join("|")})(?:ا)?(?![\\p{L}])`, "gu");
  return { re, entries };
}

/** All non-overlapping hits, longest alternative first at each position (regex order breaks ties). */
export function findAll<T>(lex: CompiledLexicon<T>, text: string, from = 0, to = text.length): Hit<T>[] {
  const out: Hit<T>[] = [];
  const re = lex.re;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m.index >= to) break;
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    let k = 1;
    while (k < m.length && m[k] === undefined) k++;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], entry: lex.entries[k - 1]! });
  }
  return out;
}
