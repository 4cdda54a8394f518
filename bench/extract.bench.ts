// Extraction throughput and memory: reports/s on one core over generated 1–8 KB reports, as a
// ratio against a baseline of just normalizeWithMap over the same reports, and heapUsed sampled
// over 10,000 reports (must stay flat: no state grows between reports).
import { generateReports } from "./generate-reports.js";
import { extractText } from "../src/extract/index.js";
import { normalizeWithMap } from "../src/arabic/normalize.js";

const N = Number(process.env.BENCH_N ?? 2000);
const reports = generateReports(N, 7);
const kb = reports.reduce((a, r) => a + Buffer.byteLength(r.text), 0) / 1024;

// warm-up (JIT, gazetteer load)
for (const r of reports.slice(0, 50)) extractText(r.text, { published: r.published, outlet: r.outlet });

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
