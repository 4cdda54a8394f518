// Ranking candidates of each mention, together: a prior (kind, population, how often UCDP names the
// place) plus document context (near the other places of the report, inside a governorate it
// names) plus what a type noun says ("حي" → neighbourhood). Three rounds settle the choices.
import type { GazKind, GazPlace } from "./types.js";
import { haversineKm } from "./sphere.js";

const KIND_PRIOR: Record<GazKind, number> = {
  city: 0.5, town: 0.4, governorate: 0.0, district: 0.0, subdistrict: -0.05, rural: 0.6, region: 0.5,
  neighbourhood: 0.2, camp: 0.45, airbase: 0.5, airport: 0.5, crossing: 0.5, dam: 0.5, field: 0.5,
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

export interface Ranked {
  place: GazPlace;
  s: number;
  near?: { name: string; km: number };
}

const POINTLIKE = new Set<GazKind>(["city", "town", "neighbourhood", "camp", "airbase", "airport", "crossing", "dam", "field", "checkpoint", "hill", "site"]);

/**
 * Rank the candidates of every mention. `cands[m]` are mention m's candidate places and `kinds[m]`
 * its type-noun kinds. Returns, per mention, candidates sorted best first with their raw scores.
 */
export function rankTogether(cands: GazPlace[][], kinds: (readonly GazKind[] | null)[]): Ranked[][] {
  const pri = cands.map((cs, m) => cs.map((p) => prior(p, kinds[m]!)));
  let best = cands.map((cs, m) => argmax(pri[m]!, cs));
  let ranked: Ranked[][] = [];
  for (let round = 0; round < 3; round++) {
    ranked = cands.map((cs, m) => {
      // context from the current best of the OTHER mentions
      const others: GazPlace[] = [];
      const admin = new Set<string>();
      for (let o = 0; o < cands.length; o++) {
        if (o === m || !best[o]) continue;
        const b = best[o]!;
        if (b.cc === "SY" && b.admin1) admin.add(b.admin1);
        if (POINTLIKE.has(b.kind) || b.kind === "rural") others.push(b);
      }
      return cs
        .map((p, k) => {
          let s = pri[m]![k]!;
          let near: Ranked["near"];
          if (cs.length > 1) {
            let d = Infinity;
            for (const o of others) {
              if (o === p) continue;
              const x = haversineKm(p.lat, p.lon, o.lat, o.lon);
              if (x < d) {
                d = x;
                near = { name: o.name, km: Math.round(x) };
              }
            }
            if (d < 15) s += 0.45;
            else if (d < 40) s += 0.3;
            else if (d < 80) s += 0.12;
            else near = undefined;
            if (p.cc === "SY" && p.admin1 && admin.has(p.admin1)) s += 0.2;
          }
          return { place: p, s, near };
        })
        .sort((x, y) => y.s - x.s);
    });
    best = ranked.map((r) => r[0]?.place ?? null);
  }
  return ranked;
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
  const e = r.map((x) => Math.exp(4 * (x.s - mx)));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}
