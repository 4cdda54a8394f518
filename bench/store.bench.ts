// Store throughput: ≥ 10,000 generated reports extracted (the real extractReport) and saved into
// SQLite and into a throwaway PostgreSQL, as `hudna ingest` saves them: in batches of
// BENCH_STORE_BATCH reports per transaction (store.saveMany, each report in its own savepoint;
// 1 = one transaction per report through saveExtraction). Extraction and store time are measured
// apart in the same loop, one after the other on one core (no overlap), so the extraction-only
// rate (the baseline), the store-only rate and the store's share (target < 30 %) are sequential
// figures from the same run and machine load. heapUsed is sampled every 500 reports: it must stay
// flat. `checksum` hashes every incident's id and fields and every violation: equal on both
// engines, and equal to the figures before any store change.
//   BENCH_STORE_N=2000 npm run bench store     (a quicker run; BENCH_N works too)
//   BENCH_STORE_ENGINES=sqlite                  (one engine only, e.g. under --cpu-prof)
//   BENCH_STORE_BATCH=1                         (the old one-transaction-per-report path)
//   BENCH_STORE_MIX=news|dense                  (one mix only; both by default)
//   BENCH_STORE_PIPELINE=0                      (skip the pipeline figures below)
//   BENCH_WORKERS=N                             (extraction workers for them; default as hudna ingest)
// Then the same reports go through ingest's own pipeline (`ingestItems`, extraction on worker
// threads as `hudna ingest` does, this thread storing): once into a sink that stores nothing (the
// pipeline's extraction-only rate) and once into each engine. The store's cost there is
// 1 − ingest/extraction-only: what storing costs a user's ingest on this machine.
// Two mixes of generated reports: `news` (generate-news.ts: the density of real reporting,
// ~1.5 events a report, stories retold by several outlets, publication order) and `dense`
// (generate-reports.ts: ~15 events a report, nearly all new incidents, random days: a stress mix
// that costs the store about ten times as much per report as real reports do).
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXTRACTOR_VERSION, extractReport } from "../src/extract/index.js";
import { openStore } from "../src/store/index.js";
import { createExtractPool, defaultWorkers } from "../src/extract/pool.js";
import { pooledExtractor, realExtractor, storeSink } from "../src/cli/ingest.js";
import { emptySummary, ingestItems, type Extractor, type ReportSink } from "../src/ingest/index.js";
import { startPostgres } from "../test/helpers/postgres.js";
import { generateReports } from "./generate-reports.js";
import { generateNewsReports } from "./generate-news.js";

const N = Number(process.env.BENCH_STORE_N ?? process.env.BENCH_N ?? 10_000);
const BATCH = Math.max(1, Number(process.env.BENCH_STORE_BATCH ?? 100));
const SEED = 11;
const f1 = (x: number) => x.toFixed(1);
const mb = (x: number) => (x / 1024 / 1024).toFixed(1);
const gc = (globalThis as { gc?: () => void }).gc;

const MIXES = (process.env.BENCH_STORE_MIX ?? "news,dense").split(",").map((x) => x.trim()).filter(Boolean);
for (const m of MIXES) if (m !== "news" && m !== "dense") throw new Error(`BENCH_STORE_MIX: unknown mix ${m} (news, dense)`);
const mixReports = (mix: string) => (mix === "news" ? generateNewsReports(N, SEED) : generateReports(N, SEED));

/** Every incident (id, place, dates, figures, status, counts, parties) and every violation. */
async function checksum(store: Awaited<ReturnType<typeof openStore>>): Promise<string> {
  const h = createHash("sha256");
  const cols = ["id", "type", "date_start", "date_end", "lat", "lon", "place", "zone", "killed_low", "killed_best", "killed_high", "injured_low", "injured_best", "injured_high", "status", "report_count", "source_count", "event_count", "actors", "targets", "is_violation"] as const;
  for (const r of await store.db.selectFrom("incidents").select(cols).orderBy("id").execute()) h.update(JSON.stringify(Object.values(r)) + "\n");
  const v = await store.db.selectFrom("violations").select(["zone_id", "date", "incident_id", "party", "party_kind", "type"]).execute();
  h.update(v.map((x) => JSON.stringify(Object.values(x))).sort().join("\n"));
  return h.digest("hex").slice(0, 16);
}

async function run(engine: string, url: string, mix: string): Promise<void> {
  const reports = mixReports(mix);
  const store = await openStore(url);
  gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  let heapMax = heap0;
  let heapFifth = 0; // after a fifth of the run: growth from here on is what "flat" is about
  let heapEnd = 0;
  let extractMs = 0;
  let saveMs = 0;
  let events = 0;
  const status = { new: 0, duplicate: 0, reprocessed: 0 };
  const start = performance.now();
  for (let i = 0; i < reports.length; i += BATCH) {
    const inputs = [];
    const e0 = performance.now();
    for (const r of reports.slice(i, i + BATCH)) {
      const report = { text: r.text, published: r.published, outlet: r.outlet };
      const result = extractReport(report, { published: r.published, outlet: r.outlet });
      events += result.events.length;
      inputs.push({ report, result, source: "bench", extractorVersion: EXTRACTOR_VERSION });
    }
    const s0 = performance.now();
    const outs = BATCH === 1 ? [await store.saveExtraction(inputs[0]!)] : await store.saveMany(inputs);
    saveMs += performance.now() - s0;
    extractMs += s0 - e0;
    for (const out of outs) {
      if (out instanceof Error) throw out;
      status[out.status]++;
    }
    if (Math.floor((i + BATCH) / 500) > Math.floor(i / 500)) {
      gc?.(); // live heap, not garbage waiting for collection
      heapEnd = process.memoryUsage().heapUsed;
      heapMax = Math.max(heapMax, heapEnd);
      if (!heapFifth && i + BATCH >= reports.length / 5) heapFifth = heapEnd;
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
  const cache = store.cacheSize();
  const sum = await checksum(store);
  await store.close();
  console.log(
    `BENCH store-${engine} mix=${mix} reports=${N} events=${events} ingest_per_s=${f1(N / totalSec)} extract_only_per_s=${f1(N / (extractMs / 1000))} ` +
      `store_only_per_s=${f1(N / (saveMs / 1000))} store_share_pct=${f1((100 * saveMs) / (saveMs + extractMs))} ` +
      `dup_check_per_s=${f1(dups / (dupMs / 1000))} new=${status.new} incidents=${c.incidents} violations=${c.violations} ` +
      `heap_start_mb=${mb(heap0)} heap_fifth_mb=${mb(heapFifth)} heap_end_mb=${mb(heapEnd)} heap_max_mb=${mb(heapMax)} cache_rows=${cache.rows} cache_cap=${cache.cap} batch=${BATCH} checksum=${sum}`,
  );
}

const PIPELINE = process.env.BENCH_STORE_PIPELINE !== "0";
const WORKERS = process.env.BENCH_WORKERS !== undefined ? Number(process.env.BENCH_WORKERS) : defaultWorkers();

/** The pipeline's extraction-only rate for a mix (a sink that stores nothing), by mix. */
const pipelineExtractRate = new Map<string, number>();

/** The reports through `ingestItems` into `sink` (null: a sink that stores nothing); reports/s. */
async function pipelineRate(mix: string, sink: ReportSink | null): Promise<{ rate: number; events: number; heapEnd: number }> {
  const reports = mixReports(mix);
  const pool = WORKERS > 0 ? createExtractPool({ size: WORKERS }) : null;
  const extractor: Extractor = pool ? pooledExtractor(pool) : realExtractor;
  const nothing: ReportSink = {
    saveExtraction: () => Promise.reject(new Error("unused")),
    saveMany: async (inputs) => inputs.map((x) => ({ reportId: x.result.report.id, status: "new" as const, events: x.result.events.length, incidents: [] })),
    quarantine: async () => {},
  };
  async function* items() {
    for (const [i, r] of reports.entries()) yield { source: `r${i}`, load: async () => ({ text: r.text, html: false, published: r.published, outlet: r.outlet }) };
  }
  const summary = emptySummary();
  try {
    // warm-up: workers started and warm, as in a long ingest
    if (pool) await Promise.all(reports.slice(0, 300).map((r) => pool.extract({ text: r.text }, { published: r.published })));
    const t0 = performance.now();
    await ingestItems(items(), { extractor, sink: sink ?? nothing }, summary);
    const rate = reports.length / ((performance.now() - t0) / 1000);
    if (summary.quarantined) throw new Error(`${summary.quarantined} quarantined`);
    gc?.();
    return { rate, events: summary.events, heapEnd: process.memoryUsage().heapUsed };
  } finally {
    await pool?.close();
  }
}

async function pipeline(engine: string, url: string, mix: string): Promise<void> {
  if (!pipelineExtractRate.has(mix)) {
    const x = await pipelineRate(mix, null);
    pipelineExtractRate.set(mix, x.rate);
    console.log(`BENCH pipeline-extract-only mix=${mix} reports=${N} workers=${WORKERS} per_s=${f1(x.rate)} events=${x.events}`);
  }
  const store = await openStore(url);
  try {
    const x = await pipelineRate(mix, storeSink(store));
    const base = pipelineExtractRate.get(mix)!;
    console.log(
      `BENCH pipeline-${engine} mix=${mix} reports=${N} workers=${WORKERS} ingest_per_s=${f1(x.rate)} extract_only_per_s=${f1(base)} ` +
        `store_cost_pct=${f1(100 * Math.max(0, 1 - x.rate / base))} events=${x.events} heap_end_mb=${mb(x.heapEnd)} checksum=${await checksum(store)}`,
    );
  } finally {
    await store.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), "hudna-bench-store-"));
const ENGINES = new Set((process.env.BENCH_STORE_ENGINES ?? "sqlite,postgres").split(",").map((x) => x.trim()));
const pg = !ENGINES.has("postgres") ? null : await startPostgres().catch((e: Error) => {
  console.error(`postgres: ${e.message}`);
  return null;
});
try {
  for (const mix of MIXES) {
    if (ENGINES.has("sqlite")) await run("sqlite", join(dir, `bench-${mix}.db`), mix);
    if (pg) await run("postgres", await pg.createDatabase(), mix);
    if (PIPELINE && ENGINES.has("sqlite")) await pipeline("sqlite", join(dir, `pipe-${mix}.db`), mix);
    if (PIPELINE && pg) await pipeline("postgres", await pg.createDatabase(), mix);
  }
  if (!pg && ENGINES.has("postgres")) console.log("BENCH store-postgres skipped=no-postgresql-binaries");
} finally {
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
}
