import { extractReport } from "../../src/extract/index.js";
import { TEXTS } from "../incidents/fixtures.js";
const texts = Object.values(TEXTS);
const n = 500;
let ev = 0;
const t0 = performance.now();
for (let i = 0; i < n; i++) { const r = extractReport({ text: texts[i % texts.length]! + ` (${i})\n` + texts[(i + 1) % texts.length]!, published: "2017-09-21" }); ev += r.events.length; }
const ms = performance.now() - t0;
console.log((n / (ms / 1000)).toFixed(0), "reports/s extraction", ev / n, "events/report");
console.log(JSON.stringify(extractReport({ text: TEXTS.sohrStrike + "\n" + TEXTS.denial, published: "2017-09-21" }).events, null, 1).slice(0, 3000));
