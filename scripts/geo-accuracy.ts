// Dev-only: how well findPlaces resolves the places of the annotated examples in ../shared/examples
// (never used by tests or the product). For each gold event with `near` points:
//  - named: a mention whose text contains one of `place_names_any` (Arabic forms) must resolve
//    within 10 km (or the gold radius, if larger) of one of the `near` points;
//  - any: some mention of the report lies within the gold radius (a recall proxy).
// Usage: node --import tsx scripts/geo-accuracy.ts [--dir ../shared/examples] [-v]
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { findPlaces, haversineKm } from "../src/geo/index.js";
import { normalizeKey } from "../src/arabic/normalize.js";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const di = args.indexOf("--dir");
const DIR = resolve(di >= 0 ? args[di + 1]! : join(here, "../../shared/examples"));
const verbose = args.includes("-v");
if (!existsSync(DIR)) {
  console.error(`no examples at ${DIR}`);
  process.exit(2);
}
const strip = (html: string) => html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, " ").replace(/<[^>]+>/g, " ").replace(/&nbsp;/g, " ");

let named = 0;
let namedOk = 0;
let anyN = 0;
let anyOk = 0;
for (const f of readdirSync(DIR).filter((x) => x.endsWith(".gold.json")).sort()) {
  const base = f.replace(/\.gold\.json$/, "");
  const gold = JSON.parse(readFileSync(join(DIR, f), "utf8"));
  const txt = existsSync(join(DIR, base + ".txt")) ? readFileSync(join(DIR, base + ".txt"), "utf8") : strip(readFileSync(join(DIR, base + ".html"), "utf8"));
  const ms = findPlaces(txt, { date: gold.published ?? null });
  if (verbose) console.log(`\n# ${base}\n  ` + ms.map((m) => `${m.text}→${m.best.name}(${m.best.precision}${m.best.relation ? ",rel" : ""})`).join(" | "));
  for (const ev of gold.events ?? []) {
    const near: { lat: number; lon: number; km: number }[] = ev.near ?? [];
    if (!near.length) continue;
    anyN++;
    const within = (m: (typeof ms)[number], r: number) =>
      m.best.lat !== null && m.best.lon !== null && near.some((n) => haversineKm(n.lat, n.lon, m.best.lat!, m.best.lon!) <= Math.max(r, n.km));
    if (ms.some((m) => within(m, 0))) anyOk++;
    else if (verbose) console.log(`  MISS any: ${ev.id} near ${JSON.stringify(near)}`);
    const names: string[] = (ev.place_names_any ?? []).filter((n: string) => /[\u0600-\u06ff]/.test(n)).map((n: string) => normalizeKey(n));
    if (!names.length) continue;
    const hits = ms.filter((m) => names.some((n) => normalizeKey(m.text).includes(n)));
    if (!hits.length) {
      // the gold names may be alternatives not all in the text: count only if one occurs in it
      const occurs = names.some((n) => normalizeKey(txt).includes(n));
      if (!occurs) continue;
      named++;
      if (verbose) console.log(`  MISS named (not recognized): ${ev.id} ${names.join("/")}`);
      continue;
    }
    named++;
    if (hits.some((m) => within(m, 10))) namedOk++;
    else if (verbose) console.log(`  MISS named (wrong place): ${ev.id} ${hits.map((h) => `${h.text}→${h.best.name} ${h.best.lat},${h.best.lon}`).join("; ")}`);
  }
}
const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : "n/a");
console.log(`named place mentions within 10 km: ${namedOk}/${named} = ${pct(namedOk, named)} %`);
console.log(`events with a mention inside the gold radius: ${anyOk}/${anyN} = ${pct(anyOk, anyN)} %`);
