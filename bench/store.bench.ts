// Store throughput: ≥ 10,000 generated reports extracted (the real extractReport) and saved, one
// transaction each, into SQLite and into a throwaway PostgreSQL; beside it, the extraction-only
// rate of the same reports measured in the same run, and the share of wall time spent in the
// store (target: < 30 %). heapUsed sampled every 500 reports, to show memory stays flat.
//   BENCH_STORE_N=2000 npm run bench store     (a quicker run)
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

function extractOne(r: (typeof reports)[number]) {
  const report = { text: r.text, published: r.published, outlet: r.outlet };
  return { report, result: extractReport(report, { published: r.published, outlet: r.outlet }) };
}

// Baseline: extraction alone.
let t0 = performance.now();
let events = 0;
for (const r of reports) events += extractOne(r).result.events.length;
const extractSec = (performance.now() - t0) / 1000;
console.log(`BENCH store-baseline reports=${N} events=${events} extract_only_per_s=${f1(N / extractSec)}`);

async function run(engine: string, url: string): Promise<void> {
  const store = await openStore(url);
  gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  let heapMax = heap0;
  let saveMs = 0;
  const status = { new: 0, duplicate: 0, reprocessed: 0 };
  const start = performance.now();
  for (let i = 0; i < reports.length; i++) {
    const { report, result } = extractOne(reports[i]!);
    const s = performance.now();
    const out = await store.saveExtraction({ report, result, source: "bench", extractorVersion: EXTRACTOR_VERSION });
    saveMs += performance.now() - s;
    status[out.status]++;
    if (i % 500 === 499) heapMax = Math.max(heapMax, process.memoryUsage().heapUsed);
  }
  const totalSec = (performance.now() - start) / 1000;
  // The same reports again: every one a duplicate, no writes.
  const d0 = performance.now();
  let dups = 0;
  for (const r of reports.slice(0, 2000)) {
    const { report, result } = extractOne(r);
    if ((await store.saveExtraction({ report, result, extractorVersion: EXTRACTOR_VERSION })).status === "duplicate") dups++;
  }
  const dupSec = (performance.now() - d0) / 1000;
  const c = await store.counts();
  await store.close();
  const ingestRate = N / totalSec;
  console.log(
    `BENCH store-${engine} reports=${N} ingest_per_s=${f1(ingestRate)} store_only_per_s=${f1(N / (saveMs / 1000))} ` +
      `extract_only_per_s=${f1(N / extractSec)} ingest_vs_extract=${(ingestRate / (N / extractSec)).toFixed(2)} ` +
      `store_share_pct=${f1((100 * saveMs) / 1000 / totalSec)} new=${status.new} duplicate=${status.duplicate} ` +
      `rerun_dup_per_s=${f1(dups / dupSec)} incidents=${c.incidents} events=${c.events} violations=${c.violations} ` +
      `heap_start_mb=${mb(heap0)} heap_max_mb=${mb(heapMax)}`,
  );
}

const dir = mkdtempSync(join(tmpdir(), "hudna-bench-store-"));
const pg = await startPostgres().catch((e: Error) => {
  console.error(`postgres: ${e.message}`);
  return null;
});
try {
  await run("sqlite", join(dir, "bench.db"));
  t0 = performance.now();
  if (pg) await run("postgres", await pg.createDatabase());
  else console.log("BENCH store-postgres skipped=no-postgresql-binaries");
} finally {
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
}
