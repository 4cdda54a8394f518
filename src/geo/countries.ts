// countryOf: a country from its Arabic/English name or an Arabic adjective/demonym
// ("روسيا"، "الروسية"، "الروسي"، "أتراك"، "الإيراني"). Built from the gazetteer's country entries.
import { normalizeKey } from "../arabic/normalize.js";
import { loadGazetteer, type Gazetteer } from "./gazetteer.js";

export interface CountryRef {
  code: string;
  name: string;
  name_ar: string;
}

let index: { gaz: Gazetteer; map: Map<string, CountryRef> } | null = null;

function build(gaz: Gazetteer): Map<string, CountryRef> {
  const map = new Map<string, CountryRef>();
  for (const p of gaz.places) {
    if (p.kind !== "country") continue;
    const ref: CountryRef = { code: p.cc, name: p.name, name_ar: p.name_ar };
    const words = [p.name_ar, ...(p.ar ?? []), ...(p.adj ?? [])].map((w) => normalizeKey(w));
    const latin = [p.name, ...(p.en ?? [])].map((w) => w.toLowerCase());
    for (const w of [...words, ...latin]) if (w && !map.has(w)) map.set(w, ref);
  }
  return map;
}

const PRE = ["وبال", "وال", "بال", "فال", "لل", "وب", "ول", "و", "ب", "ل", "ف"];

export function countryOf(word: string): CountryRef | null {
  if (typeof word !== "string") return null;
  const gaz = loadGazetteer();
  if (!index || index.gaz !== gaz) index = { gaz, map: build(gaz) };
  const w = normalizeKey(word).replace(/[^\u0621-\u064aa-z ]+/g, " ").trim();
  if (!w) return null;
  const hit = index.map.get(w) ?? index.map.get(w.toLowerCase());
  if (hit) return hit;
  for (const p of PRE) {
    if (w.length > p.length + 2 && w.startsWith(p)) {
      const rest = p.endsWith("ال") || p === "لل" ? "ال" + w.slice(p.length) : w.slice(p.length);
      const h = index.map.get(rest) ?? (rest.startsWith("ال") ? index.map.get(rest.slice(2)) : undefined);
      if (h) return h;
    }
  }
  if (w.startsWith("ال")) return index.map.get(w.slice(2)) ?? null;
  return null;
}
