// Ingest with extraction on worker threads: the database ends up exactly as with extraction on the
// main thread; a report that kills its worker is quarantined alone; --workers is checked.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { emptySummary, ingestItems, ingestSources, reprocessReports, type Extractor } from "../../src/ingest/index.js";
import { BATCH } from "../../src/ingest/pipeline.js";
import { pooledExtractor, realExtractor, runIngest, storeSink } from "../../src/cli/ingest.js";
import { createExtractPool } from "../../src/extract/pool.js";
import { openStore } from "../../src/store/index.js";
import { generateNewsReports } from "../../bench/generate-news.js";

let dir = "";
before(() => (dir = mkdtempSync(join(tmpdir(), "hudna-workers-"))));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Every table that ingest writes, as sorted rows (times left out: they differ run to run). */
async function contents(url: string) {
  const store = await openStore(url);
  try {
    const db = store.db;
    const rows = async (q: { execute(): Promise<unknown[]> }) => (await q.execute()).map((r) => JSON.stringify(r)).sort();
    return {
      counts: await store.counts(),
      reports: await rows(db.selectFrom("reports").select(["id", "text", "outlet", "published", "title", "event_count", "extractor_version"])),
      events: await rows(db.selectFrom("events").select(["id", "report_id", "incident_id", "json"])),
      incidents: await rows(db.selectFrom("incidents").select(["id", "type", "date_start", "date_end", "place", "zone", "killed_low", "killed_best", "killed_high", "status", "report_count", "event_count", "actors", "targets"])),
      figures: await rows(db.selectFrom("incident_figures").select(["incident_id", "event_id", "source", "measure", "low", "best", "high", "used"])),
      violations: await rows(db.selectFrom("violations").select(["zone_id", "date", "incident_id", "party", "type"])),
    };
  } finally {
    await store.close();
  }
}

test("ingest on two worker threads stores exactly what ingest on the main thread stores", async () => {
  const file = join(dir, "news.jsonl");
  const n = 2 * BATCH + 40;
  writeFileSync(file, generateNewsReports(n, 23).map((r) => JSON.stringify({ text: r.text, published: r.published, outlet: r.outlet })).join("\n") + "\n");
  const onMain = join(dir, "main.db");
  const onWorkers = join(dir, "workers.db");
  const a = await runIngest([file], { db: onMain, workers: 0, quiet: true });
  const b = await runIngest([file], { db: onWorkers, workers: 2, quiet: true });
  assert.equal(a.new, n);
  assert.deepEqual({ ...b, seconds: 0 }, { ...a, seconds: 0 });
  const [x, y] = [await contents(onMain), await contents(onWorkers)];
  assert.ok(x.incidents.length > 100 && x.events.length > n);
  assert.deepEqual(y, x);
  // Rerun on workers: all duplicates, nothing extracted again.
  const again = await runIngest([file], { db: onWorkers, workers: 2, quiet: true });
  assert.equal(again.duplicate, n);
});

test("a report that kills its extraction worker is quarantined alone; the rest of the batch is stored", async () => {
  const pool = createExtractPool({ size: 1, entry: new URL("../extract/workers/crash-on-marker.ts", import.meta.url) });
  const store = await openStore(join(dir, "crash.db"));
  try {
    const texts = generateNewsReports(30, 5).map((r) => r.text);
    texts[12] = `CRASH-MARKER ${texts[12]}`;
    async function* items() {
      for (const [i, text] of texts.entries()) yield { source: `item-${i}`, load: async () => ({ text, html: false, published: "2018-04-02" }) };
    }
    const summary = emptySummary();
    await ingestItems(items(), { extractor: pooledExtractor(pool), sink: storeSink(store) }, summary);
    assert.equal(summary.quarantined, 1);
    assert.equal(summary.new + summary.duplicate, 29);
    const q = await store.listQuarantine();
    assert.equal(q.length, 1);
    assert.equal(q[0]!.source, "item-12");
    assert.match(q[0]!.reason, /^failed: extraction crashed its worker: worker exited with code 7/);
    assert.equal((await store.counts()).reports, 29 - summary.duplicate);
  } finally {
    await pool.close();
    await store.close();
  }
});

test("hudna ingest --workers: a bad value is a usage error, 0 and 1 work", () => {
  const bin = join(import.meta.dirname, "../../bin/hudna.js");
  writeFileSync(join(dir, "one.txt"), "قتل ثلاثة مدنيين أمس بقصف مدفعي على بلدة اللطامنة في ريف حماة الشمالي.");
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, "ingest", join(dir, "one.txt"), "--db", join(dir, "cli.db"), "--json", ...args], { encoding: "utf8" });
  const bad = run("--workers", "two");
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--workers must be a whole number from 0 to 64, got "two"/);
  const one = run("--workers", "1");
  assert.equal(one.status, 0, one.stderr);
  assert.equal(JSON.parse(one.stdout).new, 1);
  const zero = run("--workers", "0");
  assert.equal(zero.status, 0, zero.stderr);
  assert.equal(JSON.parse(zero.stdout).duplicate, 1);
});

test("reprocess in batches on worker threads leaves the database as reprocessing one report at a time does", async () => {
  const file = join(dir, "old.jsonl");
  const n = BATCH + 60;
  writeFileSync(file, generateNewsReports(n, 31).map((r) => JSON.stringify({ text: r.text, published: r.published, outlet: r.outlet })).join("\n") + "\n");
  // stored by an "older extractor": the same rules under another version, minus every second event
  const older: Extractor = { version: "extract-0.9", extract: (r, o) => { const x = realExtractor.extract(r, o); return { ...x, events: x.events.filter((_, i) => i % 2 === 0) }; } };
  const base = join(dir, "old.db");
  const st = await openStore(base);
  await ingestSources([file], { extractor: older, sink: storeSink(st) });
  await st.close();
  copyFileSync(base, join(dir, "one.db"));
  copyFileSync(base, join(dir, "batched.db"));
  // one at a time: a sink without group commit, extraction on this thread
  const one = await openStore(join(dir, "one.db"));
  const a = await reprocessReports(one.reportsNeedingReprocess(realExtractor.version), { extractor: realExtractor, sink: { ...storeSink(one), saveMany: undefined } });
  await one.close();
  const pool = createExtractPool({ size: 2 });
  const batched = await openStore(join(dir, "batched.db"));
  let b;
  try {
    b = await reprocessReports(batched.reportsNeedingReprocess(realExtractor.version), { extractor: pooledExtractor(pool), sink: storeSink(batched) });
  } finally {
    await pool.close();
    await batched.close();
  }
  assert.equal(a.reprocessed, n);
  assert.deepEqual({ ...b, seconds: 0 }, { ...a, seconds: 0 });
  const [x, y] = [await contents(join(dir, "one.db")), await contents(join(dir, "batched.db"))];
  assert.ok(x.events.length > n, "the re-extraction brought the dropped events back");
  assert.deepEqual(y, x);
});
