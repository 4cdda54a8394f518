// Saves that overlap extraction (sinks with `overlapSaves`: PostgreSQL): one batch is saved while
// the next is extracted, batches are saved one at a time and in order, and nothing is lost.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { emptySummary, ingestItems, ingestSources, type Extractor, type ReportSink } from "../../src/ingest/index.js";
import { BATCH } from "../../src/ingest/pipeline.js";
import { pooledExtractor, realExtractor, storeSink } from "../../src/cli/ingest.js";
import { createExtractPool } from "../../src/extract/pool.js";
import { openStore } from "../../src/store/index.js";
import { startPostgres, type TestPostgres } from "../helpers/postgres.js";
import { generateNewsReports } from "../../bench/generate-news.js";

const fake: Extractor = { version: "1", extract: () => ({ report: { id: "x" }, events: [], warnings: [] }) as unknown as ReturnType<Extractor["extract"]> };
const tick = () => new Promise((r) => setTimeout(r, 5));

async function* texts(n: number, onLoad?: () => void) {
  for (let i = 0; i < n; i++) {
    yield {
      source: `item-${i}`,
      load: async () => {
        onLoad?.();
        return { text: `نص التقرير رقم ${i}`, html: false };
      },
    };
  }
}

test("overlapping sink: the next batch is extracted while one is saved; saves never overlap; outcomes in order", async () => {
  let active = 0;
  let maxActive = 0;
  let loadedWhileSaving = 0;
  const batches: number[] = [];
  const sink: ReportSink = {
    overlapSaves: true,
    saveExtraction: () => Promise.reject(new Error("ingest must batch when the sink can")),
    async saveMany(inputs) {
      active++;
      maxActive = Math.max(maxActive, active);
      batches.push(inputs.length);
      await tick();
      await tick();
      active--;
      return inputs.map((_, k) => ({ reportId: `r${batches.length}-${k}`, status: "new" as const, events: 0, incidents: [] }));
    },
    async quarantine() {},
  };
  const order: string[] = [];
  const summary = emptySummary();
  const n = 2 * BATCH + 7;
  await ingestItems(texts(n, () => active > 0 && loadedWhileSaving++), { extractor: fake, sink, progress: { item: (o) => order.push(o.source) } }, summary);
  assert.equal(maxActive, 1, "one save at a time");
  assert.ok(loadedWhileSaving > 0, "items were read and extracted while a batch was being saved");
  assert.equal(batches.reduce((a, b) => a + b, 0), n);
  assert.deepEqual(order, Array.from({ length: n }, (_, i) => `item-${i}`), "outcomes in input order");
  assert.equal(summary.new, n);
});

test("overlapping sink: a failing save fails the ingest, after the save in flight has settled", async () => {
  let settled = 0;
  let calls = 0;
  const sink: ReportSink = {
    overlapSaves: true,
    saveExtraction: () => Promise.reject(new Error("unused")),
    async saveMany(inputs) {
      const k = ++calls;
      await tick();
      settled++;
      if (k === 2) throw new Error("database went away");
      return inputs.map(() => ({ reportId: "r", status: "new" as const, events: 0, incidents: [] }));
    },
    async quarantine() {},
  };
  await assert.rejects(ingestItems(texts(3 * BATCH + 1), { extractor: fake, sink }, emptySummary()), /database went away/);
  assert.equal(settled, calls, "no save left running when ingest returns");
});

let dir = "";
let pg: TestPostgres | null = null;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), "hudna-overlap-"));
  pg = await startPostgres();
});
after(async () => {
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test("PostgreSQL ingest with overlapping saves (and with extraction on worker threads) stores what SQLite stores", async (t) => {
  if (!pg) return t.skip("no PostgreSQL binaries (see the loud message above)");
  const file = join(dir, "news.jsonl");
  const n = 2 * BATCH + 40;
  writeFileSync(file, generateNewsReports(n, 17).map((r) => JSON.stringify({ text: r.text, published: r.published, outlet: r.outlet })).join("\n") + "\n");
  const incidents = async (url: string, workers = 0) => {
    const store = await openStore(url);
    const pool = workers ? createExtractPool({ size: workers }) : null;
    try {
      const sink = storeSink(store);
      const summary = await ingestSources([file], { extractor: pool ? pooledExtractor(pool) : realExtractor, sink });
      assert.equal(summary.new, n);
      assert.equal(summary.quarantined, 0);
      return {
        sink: sink.overlapSaves,
        counts: await store.counts(),
        rows: await store.db.selectFrom("incidents").select(["id", "type", "date_start", "place", "killed_best", "status", "report_count", "event_count"]).orderBy("id").execute(),
      };
    } finally {
      await pool?.close();
      await store.close();
    }
  };
  const onPg = await incidents(await pg.createDatabase());
  // and with extraction on worker threads (as `hudna ingest` runs by default)
  const onPgWorkers = await incidents(await pg.createDatabase(), 2);
  const onSqlite = await incidents(join(dir, "h.db"));
  assert.equal(onPg.sink, true);
  assert.equal(onSqlite.sink, false);
  assert.ok(onPg.rows.some((r) => r.report_count > 1), "stories told by several reports merge");
  assert.deepEqual(onPg.counts, onSqlite.counts);
  assert.deepEqual(onPg.rows, onSqlite.rows);
  assert.deepEqual(onPgWorkers.counts, onSqlite.counts);
  assert.deepEqual(onPgWorkers.rows, onSqlite.rows);
});
