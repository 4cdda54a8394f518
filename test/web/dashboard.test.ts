// End-to-end: build the dashboard, extract our own Arabic reports into a real SQLite store, serve
// it with the real server on 127.0.0.1, and drive the page in real headless Chromium
// (see dashboard-checks.ts for what is checked). Screenshots land in test-artifacts/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ExtractResult, Report } from "../../src/model/index.js";
import { openStore, type ZoneInput } from "../../src/store/index.js";
import { buildServer } from "../../src/server/app.js";
import { browserSkipReason } from "../helpers/browser.js";
import { checkDashboard } from "./dashboard-checks.js";
import { TEST_REPORTS } from "./reports.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const skip = browserSkipReason();

type ExtractFn = (report: Report, opts: { published?: string; outlet?: string }) => ExtractResult | Promise<ExtractResult>;
// Resolved at run time: the extractor is another stage's module.
const EXTRACT = "../../src/extract/index.js";

/** The shipped 2017 zones when present; else rough rectangles with the same ids. */
function zones(): ZoneInput[] {
  const file = join(root, "assets", "geo", "zones-2017.geojson");
  if (!existsSync(file)) return ZONES;
  const fc = JSON.parse(readFileSync(file, "utf8")) as { features: { properties: Record<string, unknown>; geometry: unknown }[] };
  return fc.features.map((f) => ({
    id: String(f.properties.id),
    name: String(f.properties.name),
    name_ar: typeof f.properties.name_ar === "string" ? f.properties.name_ar : null,
    guarantors: Array.isArray(f.properties.guarantors) ? f.properties.guarantors.map(String) : [],
    start: typeof f.properties.start === "string" ? f.properties.start : null,
    end: typeof f.properties.end === "string" ? f.properties.end : null,
    geometry: f.geometry,
  }));
}

/** Rough de-escalation zones (ids as the geo stage ships them); only the map needs their shapes. */
function rect(x0: number, y0: number, x1: number, y1: number) {
  return { type: "Polygon", coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] };
}
const ZONES: ZoneInput[] = [
  { id: "idlib", name: "Idlib", name_ar: "إدلب", start: "2017-05-06", end: null, guarantors: ["Russia", "Turkey", "Iran"], geometry: rect(36.1, 35.25, 37.2, 36.45) },
  { id: "eastern-ghouta", name: "Eastern Ghouta", name_ar: "الغوطة الشرقية", start: "2017-05-06", end: null, geometry: rect(36.3, 33.45, 36.6, 33.65) },
  { id: "northern-homs", name: "Northern Homs", name_ar: "ريف حمص الشمالي", start: "2017-05-06", end: null, geometry: rect(36.6, 34.8, 36.9, 35.05) },
  { id: "south", name: "South", name_ar: "الجنوب", start: "2017-05-06", end: null, geometry: rect(35.7, 32.5, 36.6, 33.3) },
];

test("dashboard end to end in headless Chromium", { skip: skip ?? false, timeout: 240_000 }, async () => {
  const build = spawnSync(process.execPath, [join(root, "scripts", "build-web.mjs")], { encoding: "utf8" });
  assert.equal(build.status, 0, `build:web failed: ${build.stderr}`);

  const dir = mkdtempSync(join(tmpdir(), "hudna-web-e2e-"));
  const store = await openStore(join(dir, "hudna.db"));
  let app: Awaited<ReturnType<typeof buildServer>> | null = null;
  try {
    await store.upsertZones(zones());
    const { extractReport } = (await import(EXTRACT)) as { extractReport: ExtractFn };
    for (const r of TEST_REPORTS) {
      const report: Report = { text: r.text, published: r.published, outlet: r.outlet, url: r.url, title: r.text.split("\n")[0]!, format: "text" };
      const result = await extractReport(report, { published: r.published, outlet: r.outlet });
      await store.saveExtraction({ report, result, source: `test:${r.name}` });
    }
    const counts = await store.counts();
    assert.ok(counts.incidents > 0, `extraction produced incidents: ${JSON.stringify(counts)}`);

    app = await buildServer({ store, webRoot: join(root, "web", "dist") });
    const address = await app.listen({ host: "127.0.0.1", port: 0 });
    const report = await checkDashboard({
      baseUrl: `${address}/`,
      artifacts: join(root, "test-artifacts"),
      log: (line) => console.log(`# ${line}`),
    });
    assert.ok(report.screenshots.length >= 4);
  } finally {
    await app?.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
