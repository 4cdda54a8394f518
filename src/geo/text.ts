// Word tokens over normalized text (normalizeWithMap output), with what separates them, so the
// matcher can tell "حلب، إدلب" (a list) from "حلب. إدلب" (two sentences). No regexes: one pass.

export interface GeoToken {
  /** start/end in the NORMALIZED text */
  s: number;
  e: number;
  /** the token (Arabic folded, Latin lower-cased) */
  t: string;
  /** non-space characters between the previous token and this one ("" when only spaces) */
  gap: string;
  /** numeric value for digit tokens */
  num?: number;
}

function isWordCode(c: number): boolean {
  return (c >= 0x0621 && c <= 0x064a) || (c >= 0x0671 && c <= 0x06d3) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * Made by a constructor, not an object literal: V8 moves every object of a literal's allocation
 * site to the old generation once most of them outlive a young collection (a report's tokens live
 * through its whole place search), where only full collections free them. `num` is set on digit
 * tokens only, as before.
 */
class Tok implements GeoToken {
  declare s: number;
  declare e: number;
  declare t: string;
  declare gap: string;
  declare num?: number;
  constructor(s: number, e: number, t: string, gap: string) {
    this.s = s;
    this.e = e;
    this.t = t;
    this.gap = gap;
  }
}

export function geoTokens(norm: string): GeoToken[] {
  const out: GeoToken[] = [];
  const n = norm.length;
  let i = 0;
  let gapStart = 0;
  while (i < n) {
    const c = norm.charCodeAt(i);
    if (isWordCode(c)) {
      const s = i;
      while (i < n && isWordCode(norm.charCodeAt(i))) i++;
      out.push(new Tok(s, i, norm.slice(s, i), gapOf(norm, gapStart, s)));
      gapStart = i;
    } else if (isDigit(c)) {
      const s = i;
      while (i < n) {
        const d = norm.charCodeAt(i);
        if (isDigit(d)) i++;
        else if ((d === 0x2e || d === 0x2c) && i + 1 < n && isDigit(norm.charCodeAt(i + 1))) i += 2;
        else break;
      }
      const raw = norm.slice(s, i);
      // "1,500" is thousands; "1.5" or "1,5" (one digit group after the mark) a decimal
      const num = /^\d{1,3}(,\d{3})+$/.test(raw) ? Number(raw.replace(/,/g, "")) : Number(raw.replace(",", "."));
      const tok = new Tok(s, i, raw, gapOf(norm, gapStart, s));
      tok.num = Number.isFinite(num) ? num : undefined;
      out.push(tok);
      gapStart = i;
    } else i++;
  }
  return out;
}

function gapOf(norm: string, a: number, b: number): string {
  if (b - a <= 1) return b - a === 1 && norm.charCodeAt(a) === 0x0a ? "\n" : b - a === 1 && norm.charCodeAt(a) !== 0x20 ? norm[a]! : "";
  let g = "";
  for (let k = a; k < b; k++) if (norm.charCodeAt(k) !== 0x20) g += norm[k];
  return g;
}

/** A gap that ends a sentence or clause list: phrases never span it. */
export function isHardGap(gap: string): boolean {
  for (let k = 0; k < gap.length; k++) {
    const ch = gap[k]!;
    if (ch === "." || ch === "\n" || ch === "!" || ch === "?" || ch === "؟" || ch === "؛" || ch === ";" || ch === ":") return true;
  }
  return false;
}

/** Any punctuation (a comma included): multi-token names never span it. */
export function isAnyGap(gap: string): boolean {
  for (let k = 0; k < gap.length; k++) {
    const ch = gap[k]!;
    if (ch !== "-" && ch !== "ـ") return true;
  }
  return false;
}
