// Extraction on worker threads: the same results as on this thread, a report that kills its worker
// fails alone, and workers that cannot start make the caller extract on its own thread.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { extractReport } from "../../src/extract/index.js";
import { createExtractPool, ExtractionCrashError, WorkersUnavailableError } from "../../src/extract/pool.js";
import { pooledExtractor } from "../../src/cli/ingest.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/reports");
const reports = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".gold.json"))
  .sort()
  .slice(0, 24)
  .map((f) => {
    const gold = JSON.parse(readFileSync(join(FIXTURES, f), "utf8")) as { published?: string | null; outlet?: string | null };
    return { text: readFileSync(join(FIXTURES, f.replace(/\.gold\.json$/, ".txt")), "utf8"), published: gold.published, outlet: gold.outlet };
  });

test("two workers give exactly what extractReport gives here, in any completion order", async () => {
  const pool = createExtractPool({ size: 2 });
  try {
    const got = await Promise.all(reports.map((r) => pool.extract({ text: r.text }, { published: r.published ?? null, outlet: r.outlet ?? null })));
    assert.equal(got.length, reports.length);
    reports.forEach((r, i) => assert.deepEqual(got[i], extractReport({ text: r.text }, { published: r.published ?? null, outlet: r.outlet ?? null }), `report ${i}`));
    assert.ok(got.some((g) => g.events.length > 0));
  } finally {
    await pool.close();
  }
});

test("a report that kills its worker fails alone; the reports queued behind it are still extracted", async () => {
  const pool = createExtractPool({ size: 1, entry: new URL("./workers/crash-on-marker.ts", import.meta.url) });
  try {
    const texts = ["قتل 3 مدنيين بقصف على مدينة إدلب اليوم", "CRASH-MARKER قصف على حماة", "سقطت قذيفتا هاون على حي في دمشق دون إصابات", "قصف مدفعي على بلدة اللطامنة"];
    const settled = await Promise.allSettled(texts.map((text) => pool.extract({ text }, { published: "2018-03-01" })));
    assert.equal(settled[1]!.status, "rejected");
    assert.ok((settled[1] as PromiseRejectedResult).reason instanceof ExtractionCrashError);
    assert.match((settled[1] as PromiseRejectedResult).reason.message, /code 7/);
    for (const i of [0, 2, 3]) {
      assert.equal(settled[i]!.status, "fulfilled", `report ${i}`);
      assert.deepEqual((settled[i] as PromiseFulfilledResult<unknown>).value, extractReport({ text: texts[i]! }, { published: "2018-03-01" }));
    }
    // the pool replaced the dead worker
    assert.deepEqual(await pool.extract({ text: texts[0]! }, { published: "2018-03-01" }), extractReport({ text: texts[0]! }, { published: "2018-03-01" }));
  } finally {
    await pool.close();
  }
});

test("workers that cannot start: every call says so, and the pooled extractor falls back to this thread, warning once", async () => {
  const pool = createExtractPool({ size: 1, entry: new URL("./workers/broken.ts", import.meta.url) });
  try {
    await assert.rejects(pool.extract({ text: "قصف على إدلب" }), (e: Error) => e instanceof WorkersUnavailableError && /broken on purpose/.test(e.message));
    const warnings: string[] = [];
    const ex = pooledExtractor(pool, (m) => warnings.push(m));
    const text = "قتل 3 مدنيين بقصف على مدينة إدلب اليوم";
    assert.deepEqual(await ex.extractAsync!({ text }, {}), extractReport({ text }, {}));
    assert.deepEqual(await ex.extractAsync!({ text }, {}), extractReport({ text }, {}));
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /cannot start.*main thread/);
  } finally {
    await pool.close();
  }
});

test("a closed pool refuses work and rejects what it had in flight", async () => {
  const pool = createExtractPool({ size: 1 });
  const inFlight = pool.extract({ text: "قصف على إدلب ".repeat(2000) });
  await pool.close();
  await assert.rejects(inFlight, /closed/);
  await assert.rejects(pool.extract({ text: "قصف" }), /closed/);
});
