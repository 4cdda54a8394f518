import BetterSqlite3 from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXTRACTOR_VERSION, extractReport } from "./src/extract/index.js";
import { openStore } from "./src/store/index.js";
import { generateReports } from "./bench/generate-reports.js";
const proto = Object.getPrototypeOf(new BetterSqlite3(":memory:").prepare("select 1"));
const stats = new Map<string, { n: number; ms: number }>();
const norm = (s: string) => s.replace(/\(\?(, \?)*\)(, \(\?(, \?)*\))*/g, "(…)").replace(/\?(, \?)+/g, "?…").slice(0, 160);
for (const m of ["all", "run", "get"]) {
  const orig = proto[m];
  proto[m] = function (this: { source: string }, ...a: unknown[]) {
    const t = performance.now();
    try { return orig.apply(this, a); } finally {
      const k = norm(this.source); if (k === "commit") { const d = performance.now() - t; (globalThis as any).big ??= []; if (d > 10) (globalThis as any).big.push(d.toFixed(0)); } const s = stats.get(k) ?? { n: 0, ms: 0 }; s.n++; s.ms += performance.now() - t; stats.set(k, s);
    }
  };
}
const dproto = BetterSqlite3.prototype as any; const oprep = dproto.prepare; let preps = 0, prepMs = 0;
dproto.prepare = function (...a: unknown[]) { const t = performance.now(); try { return oprep.apply(this, a); } finally { preps++; prepMs += performance.now() - t; const k = String(a[0]).slice(0, 50); const e = (globalThis as any).pk ??= new Map(); const v = e.get(k) ?? [0, 0]; v[0]++; v[1] += performance.now() - t; e.set(k, v); } };
const dir = mkdtempSync(join(tmpdir(), "hudna-sqlprof-"));
const store = await openStore(join(dir, "b.db"));
const reports = generateReports(Number(process.env.N ?? 1000), 11);
let save = 0;
const results = reports.map((r) => { const report = { text: r.text, published: r.published, outlet: r.outlet }; return { report, result: extractReport(report, { published: r.published, outlet: r.outlet }) }; });
const t0 = performance.now();
for (const x of results) { await store.saveExtraction({ ...x, source: "bench", extractorVersion: EXTRACTOR_VERSION }); }
save = performance.now() - t0;
await store.close(); rmSync(dir, { recursive: true, force: true });
console.log("big commits", (globalThis as any).big?.join(" "));
let sql = 0; for (const s of stats.values()) sql += s.ms;
for (const [k, v] of [...(globalThis as any).pk].sort((a: any, b: any) => b[1][1] - a[1][1]).slice(0, 8)) console.log("  prep", v[0], v[1].toFixed(0), k);
console.log(`prepares ${preps} ${prepMs.toFixed(0)}ms`);
console.log(`save ${save.toFixed(0)}ms per_s=${(reports.length / save * 1000).toFixed(1)} sql ${sql.toFixed(0)}ms`);
for (const [k, s] of [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)) console.log(s.ms.toFixed(0).padStart(6), String(s.n).padStart(6), k);
