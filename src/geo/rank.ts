// Ranking candidates of each mention, together: a prior (kind, population, how often UCDP names the
// place) plus document context (near the other places of the report, inside a governorate it
// names) plus what a type noun says ("حي" → neighbourhood). Three rounds settle the choices.
import type { GazKind, GazPlace } from "./types.js";
import { normalizeKey } from "../arabic/normalize.js";

const KIND_PRIOR: Record<GazKind, number> = {
  city: 0.5, town: 0.4, governorate: 0.0, district: -0.1, subdistrict: -0.15, rural: 0.6, region: 0.5,
  neighbourhood: 0.2, camp: 0.45, airbase: 0.75, airport: 0.65, crossing: 0.5, dam: 0.5, field: 0.5,
  checkpoint: 0.4, hill: 0.35, site: 0.45, country: 0.55, foreign_city: 0.3,
};

export function prior(p: GazPlace, kinds: readonly GazKind[] | null): number {
  let s = KIND_PRIOR[p.kind] ?? 0.3;
  if (p.pop) s += 0.08 * Math.log10(1 + p.pop);
  if (p.ev) s += 0.1 * Math.log10(1 + p.ev);
  if (p.derived) s -= 0.15;
  if (kinds && kinds.includes(p.kind)) s += 0.6;
  // "مدينة X" also fits a town entry; "بلدة X" a city entry
  else if (kinds && (kinds.includes("town") || kinds.includes("city")) && (p.kind === "town" || p.kind === "city")) s += 0.5;
  return s;
}

// normalized main name per place: the same few places are ranked in every report
const mainKeys = new WeakMap<GazPlace, string>();
function mainKey(p: GazPlace): string {
  let k = mainKeys.get(p);
  if (k === undefined) mainKeys.set(p, (k = normalizeKey(p.name_ar)));
  return k;
}

export interface Ranked {
  place: GazPlace;
  s: number;
  near?: { name: string; km: number };
}

const TOWNLIKE = new Set<GazKind>(["city", "town", "neighbourhood", "camp", "airbase", "airport", "crossing", "dam", "field", "site"]);
const POINTLIKE = new Set<GazKind>(["city", "town", "neighbourhood", "camp", "airbase", "airport", "crossing", "dam", "field", "checkpoint", "hill", "site"]);

/**
 * Rank the candidates of every mention. `cands[m]` are mention m's candidate places and `kinds[m]`
 * its type-noun kinds. Returns, per mention, candidates sorted best first with their raw scores.
 */
export function rankTogether(cands: GazPlace[][], kinds: (readonly GazKind[] | null)[], keys: string[] = []): Ranked[][] {
  const rep = repeats(cands, kinds, keys);
  const pri = cands.map((cs, m) => {
    if (rep[m] !== m) return null;
    // a place whose main name is the phrase beats one that only lists it as an alias
    const base = cs.map((p) => prior(p, kinds[m]!) + (keys[m] && mainKey(p) === keys[m] ? 0.15 : 0));
    // "دير الزور" alone is the city, not the governorate/district/sub-district of the same name
    if (!kinds[m] && cs.some((p) => TOWNLIKE.has(p.kind)))
      cs.forEach((p, k) => {
        if (p.kind === "governorate" || p.kind === "district" || p.kind === "subdistrict") base[k]! -= 0.4;
      });
    return base;
  });
  for (let m = 0; m < pri.length; m++) if (rep[m] !== m) pri[m] = pri[rep[m]!]!;
  let best = cands.map((cs, m) => argmax(pri[m]!, cs));
  // only mentions with a choice need context; a report naming one place needs none
  const rounds = cands.length >= 2 && cands.some((cs) => cs.length > 1);
  // with rounds, round 0 ranks every mention with a choice afresh: no prior ranking of those is read
  let ranked: Ranked[][] = cands.map((cs, m) => (rounds && cs.length > 1 ? [] : byScore(cs.map((p, k) => ({ place: p, s: pri[m]![k]! })))));
  if (!rounds) return ranked;
  for (let round = 0; round < 3; round++) {
    // distinct current choices, with how many mentions chose each
    const chosen = new Map<GazPlace, number>();
    for (const b of best) if (b) chosen.set(b, (chosen.get(b) ?? 0) + 1);
    const anchors = [...chosen.keys()].filter((b) => POINTLIKE.has(b.kind) || b.kind === "rural");
    const adminCount = new Map<string, number>();
    for (const b of best) if (b && b.cc === "SY" && b.admin1) adminCount.set(b.admin1, (adminCount.get(b.admin1) ?? 0) + 1);
    // per candidate place: the two nearest distinct anchors (the nearest may be the mention's own choice)
    const nearMemo = new Map<GazPlace, { d1: number; b1: GazPlace | null; d2: number; b2: GazPlace | null }>();
    const nearestOf = (p: GazPlace) => {
      let r = nearMemo.get(p);
      if (r) return r;
      r = { d1: Infinity, b1: null, d2: Infinity, b2: null };
      const cosLat = Math.cos((p.lat * Math.PI) / 180);
      for (const b of anchors) {
        if (b === p) continue;
        const dLat = (b.lat - p.lat) * 111.2;
        if (dLat > 80 || dLat < -80) continue;
        const dLon = (b.lon - p.lon) * 111.2 * cosLat;
        const x = Math.sqrt(dLat * dLat + dLon * dLon);
        if (x < r.d1) {
          r.d2 = r.d1;
          r.b2 = r.b1;
          r.d1 = x;
          r.b1 = b;
        } else if (x < r.d2) {
          r.d2 = x;
          r.b2 = b;
        }
      }
      nearMemo.set(p, r);
      return r;
    };
    const prevRanked = ranked;
    ranked = [];
    for (let m = 0; m < cands.length; m++) {
      const cs = cands[m]!;
      if (cs.length < 2) {
        ranked.push(prevRanked[m]!);
        continue;
      }
      if (rep[m] !== m) {
        ranked.push(ranked[rep[m]!]!);
        continue;
      }
      const own = best[m];
      const ownAlone = own ? chosen.get(own) === 1 : false;
      ranked.push(byScore(cs.map((p, k) => {
        let s = pri[m]![k]!;
        let near: Ranked["near"];
        if (POINTLIKE.has(p.kind) || p.kind === "rural" || p.kind === "region") {
          const r = nearestOf(p);
          // the mention's own choice is no evidence for itself
          const second = r.b1 === own && ownAlone;
          const d = second ? r.d2 : r.d1;
          const b = second ? r.b2 : r.b1;
          if (b && d < 80) {
            near = { name: b.name, km: Math.round(d) };
            s += d < 15 ? 0.45 : d < 40 ? 0.3 : 0.12;
          }
        }
        if (p.cc === "SY" && p.admin1) {
          // governorates named by OTHER mentions (this mention's own choice does not count)
          const n = (adminCount.get(p.admin1) ?? 0) - (own && own.admin1 === p.admin1 && own.cc === "SY" ? 1 : 0);
          if (n > 0) s += 0.2;
        }
        return { place: p, s, near };
      })));
    }
    const next = ranked.map((r) => r[0]?.place ?? null);
    const stable = next.every((b, m) => b === best[m]);
    best = next;
    if (stable && round > 0) break;
  }
  return ranked;
}

/**
 * For each mention, the first mention ranked exactly like it (itself when none): the same
 * candidates in the same order, the same type-noun kinds and the same phrase. A place named again
 * in a report has the same choice as before in every round (by induction: the same scores, the
 * same own choice, never alone), so its ranking is the first one's; read-only, shared.
 */
function repeats(cands: GazPlace[][], kinds: (readonly GazKind[] | null)[], keys: string[]): Int32Array {
  const rep = new Int32Array(cands.length);
  // the first mention of each phrase; a later one with other kinds or places keeps its own ranking
  const first = new Map<string, number>();
  for (let m = 0; m < cands.length; m++) {
    rep[m] = m;
    const key = keys[m] ?? "";
    const r = first.get(key);
    if (r === undefined) first.set(key, m);
    else if (sameKinds(kinds[r]!, kinds[m]!) && sameList(cands[r]!, cands[m]!)) rep[m] = r;
  }
  return rep;
}
function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}
function sameKinds(a: readonly GazKind[] | null, b: readonly GazKind[] | null): boolean {
  return a === b || (a !== null && b !== null && sameList(a, b));
}

/**
 * xs sorted by score, best first, ties in input order: what .sort((x, y) => y.s - x.s) gives. An
 * insertion sort: candidate lists are short, and the builtin sort allocates a work array per call.
 */
function byScore(xs: Ranked[]): Ranked[] {
  // NaN scores make the comparator inconsistent: leave those lists to the builtin
  for (const x of xs) if (x.s !== x.s) return xs.sort((a, b) => b.s - a.s);
  for (let i = 1; i < xs.length; i++) {
    const v = xs[i]!;
    let j = i - 1;
    while (j >= 0 && xs[j]!.s < v.s) {
      xs[j + 1] = xs[j]!;
      j--;
    }
    xs[j + 1] = v;
  }
  return xs;
}

function argmax(scores: number[], cs: GazPlace[]): GazPlace | null {
  let bi = -1;
  let bs = -Infinity;
  for (let k = 0; k < scores.length; k++)
    if (scores[k]! > bs) {
      bs = scores[k]!;
      bi = k;
    }
  return bi >= 0 ? cs[bi]! : null;
}

/** Softmax-style share of the winner among candidates, for the score shown to users. */
export function shares(r: Ranked[]): number[] {
  if (!r.length) return [];
  const mx = r[0]!.s;
  const e = r.map((x) => Math.exp(6 * (x.s - mx)));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}
