// geocode: one place phrase → the chosen place, alternatives and why (as `hudna geocode` prints).
import { findPlaces, toPlace } from "./find.js";
import { loadGazetteer, type Gazetteer } from "./gazetteer.js";
import { rankTogether, shares } from "./rank.js";
import type { GazPlace, ScoredPlace } from "./types.js";

/**
 * Latin spelling key: transliterations differ in vowels, doubled letters, articles and dashes
 * ("Khan Sheikhoun" = "Khan Shaykhun", "Maarat al-Numan" = "Ma'arrat al-Nu'man").
 */
export function latinKey(s: string): string {
  return s
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\b(al|el|ar|as|ash|ad|at|az|an|ad|ed|es|ez|er|et|en)[- ]/g, "")
    .replace(/[^a-z]/g, "")
    .replace(/ou|oo|u/g, "o")
    .replace(/ee|ei|ey|ay|ai|ie|i/g, "e")
    .replace(/[aeowyh']/g, "")
    .replace(/q/g, "k")
    .replace(/(.)\1+/g, "$1");
}

let latinIndex: { gaz: Gazetteer; map: Map<string, GazPlace[]> } | null = null;
function byLatin(q: string): GazPlace[] {
  const gaz = loadGazetteer();
  if (!latinIndex || latinIndex.gaz !== gaz) {
    const map = new Map<string, GazPlace[]>();
    for (const p of gaz.places)
      for (const n of [p.name, ...(p.en ?? [])]) {
        const k = latinKey(n);
        if (k.length < 3) continue;
        const l = map.get(k);
        if (!l) map.set(k, [p]);
        else if (!l.includes(p)) l.push(p);
      }
    latinIndex = { gaz, map };
  }
  return latinIndex.map.get(latinKey(q)) ?? [];
}

export interface GeocodeResult {
  query: string;
  best: ScoredPlace | null;
  alternatives: ScoredPlace[];
  why: string[];
}

const MAX_QUERY = 2000;

export function geocode(phrase: string, opts: { date?: string | null } = {}): GeocodeResult {
  const query = typeof phrase === "string" ? phrase.trim() : "";
  if (!query) return { query, best: null, alternatives: [], why: ["empty query"] };
  if (query.length > MAX_QUERY) return { query: query.slice(0, 80), best: null, alternatives: [], why: [`query longer than ${MAX_QUERY} characters`] };
  const mentions = findPlaces(query, { date: opts.date ?? null, assumeCue: true });
  if (!mentions.length) {
    // an English transliteration spelled differently from ours
    const cands = /[a-z]/i.test(query) ? byLatin(query) : [];
    if (!cands.length) return { query, best: null, alternatives: [], why: ["no gazetteer name found in the phrase"] };
    const ranked = rankTogether([cands], [null])[0]!;
    const sh = shares(ranked);
    const places = ranked.slice(0, 5).map((r, k) => toPlace(r.place, sh[k]! * 0.9, opts.date));
    return { query, best: places[0]!, alternatives: places.slice(1), why: [`Latin spelling matched "${latinKey(query)}"`, `${cands.length} candidates`] };
  }
  // the mention covering most of the phrase; ties → the first
  let m = mentions[0]!;
  for (const x of mentions) if (x.end - x.start > m.end - m.start) m = x;
  const why = (m.why ?? "").split("; ").filter(Boolean);
  if (mentions.length > 1) why.push(`other names in the phrase: ${mentions.filter((x) => x !== m).map((x) => x.text).join("، ")}`);
  return { query, best: m.best, alternatives: m.alternatives, why };
}
