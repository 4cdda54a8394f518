import { htmlToReport } from "./src/ingest/html.js";
import { readFileSync } from "node:fs";
for (const f of process.argv.slice(2)) {
const html = readFileSync(f, "utf8");
const t0=performance.now();
const r = htmlToReport(html);
console.log(performance.now()-t0, "ms");
console.log(JSON.stringify({...r, text: undefined, offsets: r.offsets!.length}));
console.log(r.text);
// verify mapping: each non-space char equals html at offset (unless entity)
let bad=0; for (let i=0;i<r.text.length;i++){ const o=r.offsets![i]!; if (r.text[i]!.trim() && html[o]!==r.text[i] && html[o]!=='&') bad++; }
console.log("bad", bad);
}
