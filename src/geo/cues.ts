// Words that introduce a place. All forms are normalized (normalizeKey: أ→ا، ة→ه، ى→ي).
// A "type noun" (بلدة، حي، مخيم…) is a strong cue and says what kind of place follows;
// a preposition/position word (في، قرب، أطراف، شمال…) is a weak cue.
import type { GazKind } from "./types.js";

/** Type noun → kinds it points at (used to prefer e.g. the neighbourhood over the village). */
export const TYPE_NOUNS: ReadonlyMap<string, readonly GazKind[]> = new Map<string, readonly GazKind[]>([
  ["مدينه", ["city", "town"]], ["مدينتي", ["city", "town"]], ["مدن", ["city", "town"]],
  ["بلده", ["town", "city"]], ["بلدتي", ["town", "city"]], ["بلدات", ["town", "city"]],
  ["قريه", ["town"]], ["قريتي", ["town"]], ["قري", ["town"]], ["مزرعه", ["town"]], ["مزارع", ["town"]],
  ["بلدتا", ["town", "city"]], ["قريتا", ["town"]], ["مدينتا", ["city", "town"]],
  ["حي", ["neighbourhood"]], ["حيي", ["neighbourhood"]], ["احياء", ["neighbourhood"]], ["حاره", ["neighbourhood"]],
  ["ضاحيه", ["neighbourhood", "town"]],
  ["مخيم", ["camp"]], ["مخيمات", ["camp"]], ["مخيمي", ["camp"]],
  ["محافظه", ["governorate"]], ["محافظتي", ["governorate"]], ["محافظات", ["governorate"]],
  ["ناحيه", ["subdistrict"]], ["منطقه", ["district", "region", "subdistrict", "town"]], ["مناطق", ["region", "town"]],
  ["ريف", ["rural"]], ["ريفي", ["rural"]], ["ارياف", ["rural"]],
  ["مطار", ["airbase", "airport"]], ["قاعده", ["airbase", "site"]], ["معبر", ["crossing"]], ["سد", ["dam"]],
  ["حقل", ["field"]], ["حقول", ["field"]], ["تله", ["hill"]], ["جبل", ["hill", "region"]], ["سهل", ["region"]],
  ["دوله", ["country"]], ["العاصمه", ["city", "foreign_city"]], ["عاصمه", ["city", "foreign_city"]],
]);

/** Weak cues: prepositions and position words that usually precede a place. */
export const PLACE_PREPS: ReadonlySet<string> = new Set([
  // deliberately not من/إلى/على/بين/عند: "من أجل"، "على خطاب" would make common words places
  "في", "قرب", "بالقرب", "محيط", "اطراف", "طرف", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي",
  "داخل", "نحو", "باتجاه", "اتجاه", "مداخل", "مدخل", "تخوم", "جوار", "ضواحي", "انحاء", "جنوبا", "شمالا", "شرقا",
  "غربا", "بمحيط", "باطراف", "مشارف", "محاور", "محور", "جبهه", "جبهات", "ارجاء", "سماء", "اجواء", "منطقتي",
  "اهالي", "سكان", "خارج", "قصف", "استهداف", "استهدف", "استهدفت", "قصفت", "بلدتي", "مدينتي",
]);

/** Clitic prefixes a cue or a name may carry (normalized), longest first. */
export const PREFIXES = ["وبال", "فبال", "وال", "فال", "بال", "ولل", "لل", "وب", "ول", "وف", "فب", "فل", "و", "ف", "ب", "ل"] as const;

function lookup(t: string): { strong: readonly GazKind[] | null; weak: boolean } | null {
  const strong = TYPE_NOUNS.get(t) ?? (t.startsWith("ال") ? TYPE_NOUNS.get(t.slice(2)) : undefined);
  if (strong) return { strong, weak: true };
  if (PLACE_PREPS.has(t)) return { strong: null, weak: true };
  return null;
}

const cueCache = new Map<string, { strong: readonly GazKind[] | null; weak: boolean }>();

/** A cue word, with any clitic prefix ("وبلدة"، "بمحيط"، "والريف") stripped. Cached. */
export function cueOf(token: string): { strong: readonly GazKind[] | null; weak: boolean } {
  const hit = cueCache.get(token);
  if (hit) return hit;
  let r = lookup(token);
  if (!r) {
    // every prefix reading: "وبلدة" is و+بلدة, not وب+لدة
    for (const p of PREFIXES) {
      if (token.length <= p.length + 1 || !token.startsWith(p)) continue;
      const rest = p.endsWith("ال") || p.endsWith("لل") ? "ال" + token.slice(p.length) : token.slice(p.length);
      r = lookup(rest);
      if (r) break;
    }
  }
  r ??= { strong: null, weak: false };
  if (cueCache.size >= 200_000) cueCache.clear(); // bounded: a long-running server sees endless words
  cueCache.set(token, r);
  return r;
}

/** Length of the clitic on a type-noun token ("وبلدة" → 1, "وبمدينة" → 2), 0 if none. */
export function cuePrefixLen(token: string): number {
  if (lookup(token)) return 0;
  for (const p of PREFIXES) {
    if (p.endsWith("ال") || p.endsWith("لل")) continue;
    if (token.length > p.length + 1 && token.startsWith(p) && lookup(token.slice(p.length))) return p.length;
  }
  return 0;
}
