// geocode: one place phrase → the chosen place, alternatives and why (as `hudna geocode` prints).
import { findPlaces } from "./find.js";
import type { ScoredPlace } from "./types.js";

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
  if (!mentions.length) return { query, best: null, alternatives: [], why: ["no gazetteer name found in the phrase"] };
  // the mention covering most of the phrase; ties → the first
  let m = mentions[0]!;
  for (const x of mentions) if (x.end - x.start > m.end - m.start) m = x;
  const why = (m.why ?? "").split("; ").filter(Boolean);
  if (mentions.length > 1) why.push(`other names in the phrase: ${mentions.filter((x) => x !== m).map((x) => x.text).join("، ")}`);
  return { query, best: m.best, alternatives: m.alternatives, why };
}
