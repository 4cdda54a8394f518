import { openStore } from "../../src/store/index.js";
import { count, event, PARTIES, result } from "../incidents/fixtures.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPostgres } from "../helpers/postgres.js";
const dir = mkdtempSync(join(tmpdir(), "perf-"));
const pgs = process.argv[2] === "pg" ? await startPostgres() : null;
for (const url of [join(dir, "p.db"), ...(pgs ? [await pgs.createDatabase()] : [])]) {
  const store = await openStore(url);
  const n = 3000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const id = `r${i}`;
    const k = i % 500;
    const place = { name: `V${k}`, name_ar: `ق${k}`, admin1: "Idlib", lat: 35 + (k % 25) * 0.1, lon: 36 + Math.floor(k / 25) * 0.1, precision: "town" as const, zone: "idlib" };
    const day = `2017-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
    const date = { start: day, end: day, precision: "day" as const, text: "" };
    const evs = [event({ id: `${id}-0`, date, locations: [place], fatalities: count(i % 9) }), event({ id: `${id}-1`, type: "armed_clash", date, actors: [PARTIES.syrianArmy], targets: [PARTIES.hts], locations: [place] })];
    await store.saveExtraction({ report: { id, text: "نص تجريبي ".repeat(200) }, result: result(id, evs), extractorVersion: "1" });
  }
  const ms = performance.now() - t0;
  console.log(store.dialect, (n / (ms / 1000)).toFixed(0), "reports/s", await store.counts());
  await store.close();
}
await pgs?.stop();
rmSync(dir, { recursive: true });
