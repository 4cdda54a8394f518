// rankTogether ranks a place named again in a report once and shares that ranking (rank.ts,
// repeats). Checked here against the ranking computed for every mention on its own (the rounds
// as they were written before the sharing) over the dev reports and made-up repeated mentions.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { rankTogether, prior, type Ranked } from "../../src/geo/rank.js";
import { loadGazetteer } from "../../src/geo/gazetteer.js";
import { recognize } from "../../src/geo/recognize.js";
import { geoTokens } from "../../src/geo/text.js";
import { normalizeWithMap, normalizeKey } from "../../src/arabic/normalize.js";
import type { GazKind, GazPlace } from "../../src/geo/types.js";

const TOWNLIKE = new Set<GazKind>(["city", "town", "neighbourhood", "camp", "airbase", "airport", "crossing", "dam", "field", "site"]);
const POINTLIKE = new Set<GazKind>(["city", "town", "neighbourhood", "camp", "airbase", "airport", "crossing", "dam", "field", "checkpoint", "hill", "site"]);

/** Every mention ranked on its own, every round (no sharing). */
function reference(cands: GazPlace[][], kinds: (readonly GazKind[] | null)[], keys: string[]): Ranked[][] {
  const byScore = (xs: Ranked[]) => xs.sort((a, b) => b.s - a.s);
  const pri = cands.map((cs, m) => {
    const base = cs.map((p) => prior(p, kinds[m]!) + (keys[m] && normalizeKey(p.name_ar) === keys[m] ? 0.15 : 0));
    if (!kinds[m] && cs.some((p) => TOWNLIKE.has(p.kind)))
      cs.forEach((p, k) => {
        if (p.kind === "governorate" || p.kind === "district" || p.kind === "subdistrict") base[k]! -= 0.4;
      });
    return base;
  });
  const argmax = (sc: number[], cs: GazPlace[]) => {
    let bi = -1;
    let bs = -Infinity;
    sc.forEach((x, k) => {
      if (x > bs) (bs = x), (bi = k);
    });
    return bi >= 0 ? cs[bi]! : null;
  };
  let best = cands.map((cs, m) => argmax(pri[m]!, cs));
  let ranked = cands.map((cs, m) => byScore(cs.map((p, k) => ({ place: p, s: pri[m]![k]! }))));
  if (!(cands.length >= 2 && cands.some((cs) => cs.length > 1))) return ranked;
  for (let round = 0; round < 3; round++) {
    const chosen = new Map<GazPlace, number>();
    for (const b of best) if (b) chosen.set(b, (chosen.get(b) ?? 0) + 1);
    const anchors = [...chosen.keys()].filter((b) => POINTLIKE.has(b.kind) || b.kind === "rural");
    const adminCount = new Map<string, number>();
    for (const b of best) if (b && b.cc === "SY" && b.admin1) adminCount.set(b.admin1, (adminCount.get(b.admin1) ?? 0) + 1);
    const nearestOf = (p: GazPlace) => {
      const r = { d1: Infinity, b1: null as GazPlace | null, d2: Infinity, b2: null as GazPlace | null };
      const cosLat = Math.cos((p.lat * Math.PI) / 180);
      for (const b of anchors) {
        if (b === p) continue;
        const dLat = (b.lat - p.lat) * 111.2;
        if (dLat > 80 || dLat < -80) continue;
        const dLon = (b.lon - p.lon) * 111.2 * cosLat;
        const x = Math.sqrt(dLat * dLat + dLon * dLon);
        if (x < r.d1) (r.d2 = r.d1), (r.b2 = r.b1), (r.d1 = x), (r.b1 = b);
        else if (x < r.d2) (r.d2 = x), (r.b2 = b);
      }
      return r;
    };
    ranked = cands.map((cs, m) => {
      if (cs.length < 2) return ranked[m]!;
      const own = best[m];
      const ownAlone = own ? chosen.get(own) === 1 : false;
      return byScore(cs.map((p, k) => {
        let s = pri[m]![k]!;
        let near: Ranked["near"];
        if (POINTLIKE.has(p.kind) || p.kind === "rural" || p.kind === "region") {
          const r = nearestOf(p);
          const second = r.b1 === own && ownAlone;
          const d = second ? r.d2 : r.d1;
          const b = second ? r.b2 : r.b1;
          if (b && d < 80) {
            near = { name: b.name, km: Math.round(d) };
            s += d < 15 ? 0.45 : d < 40 ? 0.3 : 0.12;
          }
        }
        if (p.cc === "SY" && p.admin1) {
          const n = (adminCount.get(p.admin1) ?? 0) - (own && own.admin1 === p.admin1 && own.cc === "SY" ? 1 : 0);
          if (n > 0) s += 0.2;
        }
        return { place: p, s, near };
      }));
    });
    const next = ranked.map((r) => r[0]?.place ?? null);
    const stable = next.every((b, m) => b === best[m]);
    best = next;
    if (stable && round > 0) break;
  }
  return ranked;
}

const plain = (rs: Ranked[][]) => rs.map((r) => r.map((x) => ({ id: x.place.id, s: x.s, near: x.near })));

test("shared rankings of repeated places equal rankings computed mention by mention (dev reports)", () => {
  const gaz = loadGazetteer();
  const dir = "test/fixtures/reports";
  let repeated = 0;
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".txt")).sort()) {
    const text = readFileSync(`${dir}/${f}`, "utf8");
    const { text: norm, map } = normalizeWithMap(text);
    const raws = recognize(gaz, geoTokens(norm), text, map);
    const cands = raws.map((r) => r.ids.map((k) => gaz.places[k]!));
    const kinds = raws.map((r) => r.kinds);
    const keys = raws.map((r) => r.key);
    repeated += keys.length - new Set(keys).size;
    assert.deepEqual(plain(rankTogether(cands, kinds, keys)), plain(reference(cands, kinds, keys)), f);
  }
  assert.ok(repeated > 20, `only ${repeated} repeated mentions in the dev reports`);
});

test("repeated mentions with other kinds or other places are ranked on their own", () => {
  const gaz = loadGazetteer();
  const ids = (key: string) => gaz.byPhrase.get(key)!.map((k) => gaz.places[k]!);
  const keys = ["حلب", "ادلب", "حلب", "حلب", "ادلب", "حلب"];
  const cands = keys.map(ids);
  cands[3] = [...cands[3]!].reverse(); // same places, other order
  const kinds: (readonly GazKind[] | null)[] = [null, null, null, null, ["city"], ["governorate"]];
  assert.deepEqual(plain(rankTogether(cands, kinds, keys)), plain(reference(cands, kinds, keys)));
});
