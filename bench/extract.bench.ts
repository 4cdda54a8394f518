// Extraction throughput and memory: reports/s on one core over generated 1–8 KB reports, as a
// ratio against a baseline of just normalizeWithMap over the same reports, and heapUsed sampled
// over 10,000 reports (must stay flat: no state grows between reports).
import { generateReports } from "./generate-reports.js";
import { extractText } from "../src/extract/index.js";
import { normalizeWithMap } from "../src/arabic/normalize.js";
import { findNumbers } from "../src/arabic/numbers.js";
import { findDates } from "../src/arabic/dates.js";
import { geoModule } from "../src/extract/places.js";

const N = Number(process.env.BENCH_N ?? 2000);
const reports = generateReports(N, 7);
const kb = reports.reduce((a, r) => a + Buffer.byteLength(r.text), 0) / 1024;

// warm-up on other reports (JIT, gazetteer load)
for (const r of generateReports(300, 5)) extractText(r.text, { published: r.published, outlet: r.outlet });

let t0 = performance.now();
let sink = 0;
for (const r of reports) sink += normalizeWithMap(r.text).text.length;
const baseMs = performance.now() - t0;

t0 = performance.now();
let events = 0;
for (const r of reports) events += extractText(r.text, { published: r.published, outlet: r.outlet }).events.length;
const ms = performance.now() - t0;
const perSec = (N / ms) * 1000;
const basePerSec = (N / baseMs) * 1000;
console.log(
  `BENCH extract reports=${N} kb=${kb.toFixed(0)} reports_per_s=${perSec.toFixed(0)} kb_per_s=${((kb / ms) * 1000).toFixed(0)} ` +
    `events_per_report=${(events / N).toFixed(2)} baseline_normalize_per_s=${basePerSec.toFixed(0)} ratio_vs_normalize=${(perSec / basePerSec).toFixed(3)} sink=${sink % 7}`,
);

// Where the time goes: the upstream stages extraction calls (numbers, dates, places), on fresh
// reports (stages may memoize the last texts they saw), against extraction of those same reports.
const sub = generateReports(400, 99);
const geo = geoModule();
const timeIt = (f: (t: string, p: string) => unknown) => {
  const t1 = performance.now();
  for (const r of sub) f(r.text, r.published);
  return (performance.now() - t1) / sub.length;
};
const msNumbers = timeIt((t) => findNumbers(t));
const msDates = timeIt((t, p) => findDates(t, p));
const msPlaces = geo ? timeIt((t, p) => geo.findPlaces(t, { date: p })) : 0;
const msTotal = timeIt((t, p) => extractText(t, { published: p }));
console.log(
  `BENCH extract_breakdown ms_per_report=${msTotal.toFixed(2)} numbers_ms=${msNumbers.toFixed(2)} dates_ms=${msDates.toFixed(2)} places_ms=${msPlaces.toFixed(2)} ` +
    `extract_own_ms=${Math.max(0, msTotal - msNumbers - msDates - msPlaces).toFixed(2)}`,
);

// Memory: 10,000 reports in batches, heapUsed after GC at each checkpoint.
const M = Number(process.env.BENCH_MEM_N ?? 10000);
const gc = (globalThis as { gc?: () => void }).gc;
const samples: number[] = [];
const pool = generateReports(500, 11);
for (let i = 0; i < M; i++) {
  const r = pool[i % pool.length]!;
  extractText(r.text, { published: r.published, outlet: r.outlet });
  if ((i + 1) % 2000 === 0) {
    gc?.();
    samples.push(process.memoryUsage().heapUsed / 1048576);
  }
}
const growth = samples.length > 1 ? samples[samples.length - 1]! - samples[0]! : 0;
console.log(`BENCH extract_memory reports=${M} heap_mb=${samples.map((s) => s.toFixed(1)).join("/")} growth_mb=${growth.toFixed(1)} gc=${gc ? "yes" : "no"}`);
