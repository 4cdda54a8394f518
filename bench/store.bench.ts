// Store throughput: ≥ 10,000 generated reports extracted (the real extractReport) and saved, one
// transaction each, into SQLite and into a throwaway PostgreSQL. In the same loop the time spent
// extracting and the time spent in the store are measured apart, so the extraction-only rate (the
// baseline) and the store's share of the ingest (target < 30 %) come from the same run and the
// same machine load. heapUsed is sampled every 500 reports: it must stay flat.
//   BENCH_STORE_N=2000 npm run bench store     (a quicker run)
//   BENCH_STORE_ENGINES=sqlite                  (one engine only, e.g. under --cpu-prof)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXTRACTOR_VERSION, extractReport } from "../src/extract/index.js";
import { openStore } from "../src/store/index.js";
import { startPostgres } from "../test/helpers/postgres.js";
import { generateReports } from "./generate-reports.js";

const N = Number(process.env.BENCH_STORE_N ?? 10_000);
const SEED = 11;
const f1 = (x: number) => x.toFixed(1);
const mb = (x: number) => (x / 1024 / 1024).toFixed(1);
const gc = (globalThis as { gc?: () => void }).gc;

const reports = generateReports(N, SEED);

async function run(engine: string, url: string): Promise<void> {
  const store = await openStore(url);
  gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  let heapMax = heap0;
  let extractMs = 0;
  let saveMs = 0;
  let events = 0;
  const status = { new: 0, duplicate: 0, reprocessed: 0 };
  const start = performance.now();
  for (let i = 0; i < reports.length; i++) {
    const r = reports[i]!;
    const report = { text: r.text, published: r.published, outlet: r.outlet };
    const e0 = performance.now();
    const result = extractReport(report, { published: r.published, outlet: r.outlet });
    const s0 = performance.now();
    const out = await store.saveExtraction({ report, result, source: "bench", extractorVersion: EXTRACTOR_VERSION });
    saveMs += performance.now() - s0;
    extractMs += s0 - e0;
    events += result.events.length;
    status[out.status]++;
    if (i % 500 === 499) {
      gc?.(); // live heap, not garbage waiting for collection
      heapMax = Math.max(heapMax, process.memoryUsage().heapUsed);
    }
  }
  const totalSec = (performance.now() - start) / 1000;
  // Rerun of the first 1000: every one a duplicate, answered without the write lock.
  let dups = 0;
  let dupMs = 0;
  for (const r of reports.slice(0, 1000)) {
    const report = { text: r.text, published: r.published, outlet: r.outlet };
    const result = extractReport(report, { published: r.published, outlet: r.outlet });
    const s0 = performance.now();
    if ((await store.saveExtraction({ report, result, extractorVersion: EXTRACTOR_VERSION })).status === "duplicate") dups++;
    dupMs += performance.now() - s0;
  }
  const c = await store.counts();
  await store.close();
  console.log(
    `BENCH store-${engine} reports=${N} events=${events} ingest_per_s=${f1(N / totalSec)} extract_only_per_s=${f1(N / (extractMs / 1000))} ` +
      `store_only_per_s=${f1(N / (saveMs / 1000))} store_share_pct=${f1((100 * saveMs) / (saveMs + extractMs))} ` +
      `dup_check_per_s=${f1(dups / (dupMs / 1000))} new=${status.new} incidents=${c.incidents} violations=${c.violations} ` +
      `heap_start_mb=${mb(heap0)} heap_max_mb=${mb(heapMax)}`,
  );
}

const dir = mkdtempSync(join(tmpdir(), "hudna-bench-store-"));
const ENGINES = new Set((process.env.BENCH_STORE_ENGINES ?? "sqlite,postgres").split(",").map((x) => x.trim()));
const pg = !ENGINES.has("postgres") ? null : await startPostgres().catch((e: Error) => {
  console.error(`postgres: ${e.message}`);
  return null;
});
try {
  if (ENGINES.has("sqlite")) await run("sqlite", join(dir, "bench.db"));
  if (pg) await run("postgres", await pg.createDatabase());
  else if (ENGINES.has("postgres")) console.log("BENCH store-postgres skipped=no-postgresql-binaries");
} finally {
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
}
