// Child process of crash.test.ts: ingests N generated reports into the store at URL, printing
// "saved I" after each commit. The parent kills it with SIGKILL mid-run, then runs it again.
import { openStore } from "../../src/store/index.js";
import { count, event, PARTIES, result } from "../incidents/fixtures.js";

const [url, nArg] = process.argv.slice(2);
const n = Number(nArg);
if (!url || !Number.isInteger(n) || n <= 0) {
  process.stderr.write("usage: crash-child URL N\n");
  process.exit(2);
}
const store = await openStore(url);
let fresh = 0;
for (let i = 0; i < n; i++) {
  const id = `crash-${String(i).padStart(5, "0")}`;
  // 20 places on a 0.1° grid, 2 reports per place and day: half the reports merge into an existing incident.
  const k = Math.floor(i / 2) % 20;
  const place = { name: `Village ${k}`, name_ar: `قرية ${k}`, admin1: "Idlib", lat: 35 + (k % 5) * 0.1, lon: 36 + Math.floor(k / 5) * 0.1, precision: "town" as const, zone: "idlib" };
  // days 3 apart: outside the ±1 day matching window
  const day = `2017-10-${String(1 + 3 * (Math.floor(i / 40) % 9)).padStart(2, "0")}`;
  const date = { start: day, end: day, precision: "day" as const, text: "أمس" };
  const events = [
    event({ id: `${id}-e0`, date, locations: [place], fatalities: count(1 + (i % 7)), sources: [{ name: i % 2 ? "SANA" : "SOHR", kind: "monitor", text: "" }] }),
    event({ id: `${id}-e1`, type: "armed_clash", date, actors: [PARTIES.syrianArmy], targets: [PARTIES.hts], locations: [{ ...place, lat: place.lat + 0.5 }] }),
  ];
  const text = `قال ناشطون إن قصفاً استهدف ${place.name_ar} وإن اشتباكات اندلعت قرب البلدة، رقم التقرير ${i}.`;
  const out = await store.saveExtraction({ report: { id, text, published: day }, result: result(id, events), extractorVersion: "1" });
  if (out.status === "new") fresh++;
  process.stdout.write(`saved ${i} ${out.status}\n`);
}
await store.close();
process.stdout.write(`done ${fresh}\n`);
