// A crash mid-ingest (SIGKILL) leaves no half report; rerunning the same ingest finishes the job:
// every report exactly once, no orphan events, incident aggregates consistent with their events.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { forEachEngine } from "./engines.js";
import { openStore, type Store } from "../../src/store/index.js";

const CHILD = fileURLToPath(new URL("./crash-child.ts", import.meta.url));
const N = 120;

/** Runs the child; with `killAfter`, SIGKILLs it once it has reported that many commits. */
function runChild(url: string, killAfter?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; saved: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, url, String(N)], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let saved = 0;
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      saved = (out.match(/^saved /gm) ?? []).length;
      if (killAfter !== undefined && saved >= killAfter && child.exitCode === null && !child.killed) child.kill("SIGKILL");
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code !== 0 && signal !== "SIGKILL") reject(new Error(`child failed (${code}): ${err.slice(-500)}`));
      else resolve({ code, signal, saved, out });
    });
  });
}

async function checkConsistent(store: Store): Promise<void> {
  const db = store.db;
  // every stored report has all its events (no half report)
  const perReport = await db
    .selectFrom("reports")
    .leftJoin("events", "events.report_id", "reports.id")
    .select(["reports.id", "reports.event_count", sql<number>`count(events.id)`.as("n")])
    .groupBy(["reports.id", "reports.event_count"])
    .execute();
  for (const r of perReport) assert.equal(Number(r.n), r.event_count, `report ${r.id}`);
  // no event points at a missing incident; no event without its report (FK) — check anyway
  const orphans = await db
    .selectFrom("events")
    .leftJoin("incidents", "incidents.id", "events.incident_id")
    .select("events.id")
    .where("events.incident_id", "is not", null)
    .where("incidents.id", "is", null)
    .execute();
  assert.deepEqual(orphans, []);
  const noReport = await db.selectFrom("events").leftJoin("reports", "reports.id", "events.report_id").select("events.id").where("reports.id", "is", null).execute();
  assert.deepEqual(noReport, []);
  // incident aggregates match their events
  const agg = await db
    .selectFrom("incidents")
    .leftJoin("events", "events.incident_id", "incidents.id")
    .select(["incidents.id", "incidents.event_count", sql<number>`count(events.id)`.as("n")])
    .groupBy(["incidents.id", "incidents.event_count"])
    .execute();
  for (const a of agg) assert.equal(Number(a.n), a.event_count, `incident ${a.id}`);
}

forEachEngine("store: crash mid-ingest, then rerun", (engine) => {
  engine.it("SIGKILL mid-run, rerun → every report exactly once, no orphan events", async (store, url) => {
    await store.close(); // the child writes; reopen afterwards
    const killed = await runChild(url, 25);
    assert.equal(killed.signal, "SIGKILL");
    assert.ok(killed.saved >= 25 && killed.saved < N, `killed after ${killed.saved} saves`);

    let check = await openStore(url);
    const partial = await check.counts();
    assert.ok(partial.reports >= killed.saved && partial.reports < N);
    await checkConsistent(check);
    await check.close();

    const rerun = await runChild(url);
    assert.equal(rerun.code, 0);
    assert.equal(rerun.saved, N);
    const fresh = Number(/done (\d+)/.exec(rerun.out)?.[1]);
    assert.equal(fresh, N - partial.reports, "the rerun adds exactly the missing reports");

    check = await openStore(url);
    try {
      const c = await check.counts();
      assert.equal(c.reports, N);
      assert.equal(c.events, 2 * N);
      const dupReports = await check.db.selectFrom("reports").select("id").groupBy("id").having(sql`count(*)`, ">", 1).execute();
      assert.deepEqual(dupReports, []);
      await checkConsistent(check);
      // pairs of reports at the same place and day merged: 40 reports' strikes per day → 20 incidents a day
      const strikes = await check.db.selectFrom("incidents").select(sql<number>`count(*)`.as("n")).where("type", "=", "air_strike").executeTakeFirstOrThrow();
      assert.equal(Number(strikes.n), N / 2);
    } finally {
      await check.close();
    }
    // engines.ts closes `store` again: closing twice must be harmless
  });

  engine.it("two ingests of the same reports at once: each report stored once", async (store, url) => {
    await store.close();
    const [a, b] = await Promise.all([runChild(url), runChild(url)]);
    assert.equal(a.code, 0);
    assert.equal(b.code, 0);
    const freshA = Number(/done (\d+)/.exec(a.out)?.[1]);
    const freshB = Number(/done (\d+)/.exec(b.out)?.[1]);
    assert.equal(freshA + freshB, N, "every report is new to exactly one of the two");
    const check = await openStore(url);
    try {
      const c = await check.counts();
      assert.equal(c.reports, N);
      assert.equal(c.events, 2 * N);
      await checkConsistent(check);
    } finally {
      await check.close();
    }
  });
});
