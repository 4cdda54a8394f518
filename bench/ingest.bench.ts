// End-to-end `ingest` of a folder of generated reports into SQLite, against the extraction-only
// rate measured in the same run; and HTML → Report against bare Readability on the same pages.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { EXTRACTOR_VERSION, extractReport } from "../src/extract/index.js";
import { realExtractor, storeSink } from "../src/cli/ingest.js";
import { htmlToReport, ingestSources } from "../src/ingest/index.js";
import { openStore } from "../src/store/index.js";
import { generateReports } from "./generate-reports.js";

interface GeneratedReport {
  id: string;
  text: string;
  published: string | null;
  outlet: string | null;
}

const N = Number(process.env.BENCH_INGEST_N ?? 200);
const dir = mkdtempSync(join(tmpdir(), "hudna-bench-ingest-"));
const f = (x: number) => x.toFixed(1);

function page(title: string, text: string): string {
  const paras = text.split(/\n+/).filter(Boolean).map((p) => `<p>${p.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`).join("\n");
  return `<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>${title} | موقع تجريبي</title>
<meta property="article:published_time" content="2018-03-01T10:00:00+02:00"></head><body>
<header><nav><ul>${"<li><a href='/'>قسم</a></li>".repeat(12)}</ul></nav></header>
<main><article><h1>${title}</h1><div class="share-bar"><a>فيسبوك</a><a>تويتر</a></div><div class="entry-content">${paras}
<div class="read-also">اقرأ أيضاً: <a href="/x">خبر آخر</a></div></div></article>
<section id="comments"><h3>اترك تعليقاً</h3><form><textarea></textarea></form></section></main>
<aside><h3>الأكثر قراءة</h3><ol>${"<li><a href='/y'>عنوان خبر آخر في القائمة الجانبية</a></li>".repeat(8)}</ol></aside>
<footer><p>جميع الحقوق محفوظة</p></footer><script>var x = 1;</script></body></html>`;
}

try {
  const reports: GeneratedReport[] = generateReports(N, 7);
  mkdirSync(join(dir, "txt"));
  let bytes = 0;
  reports.forEach((r, i) => {
    writeFileSync(join(dir, "txt", `${String(i).padStart(5, "0")}.txt`), r.text);
    bytes += Buffer.byteLength(r.text);
  });

  // Warm up the JIT on both paths so neither pays for it alone.
  for (const r of reports.slice(0, 10)) extractReport({ text: r.text }, {});
  for (let i = 0; i < 5; i++) htmlToReport(page("عنوان", reports[i]!.text));

  // Baseline: extraction alone, in memory.
  let t0 = performance.now();
  for (const r of reports) extractReport({ text: r.text, published: r.published, outlet: r.outlet }, { published: r.published, outlet: r.outlet });
  const extractRate = N / ((performance.now() - t0) / 1000);

  const store = await openStore(join(dir, "bench.db"));
  // Where an ingest's time goes: extraction and the store's transaction, timed inside the run.
  let extractMs = 0;
  let saveMs = 0;
  const extractor = {
    version: EXTRACTOR_VERSION,
    extract: (r: Parameters<typeof extractReport>[0], o?: Parameters<typeof extractReport>[1]) => {
      const t = performance.now();
      const res = extractReport(r, o);
      extractMs += performance.now() - t;
      return res;
    },
  };
  const sink = {
    saveExtraction: async (input: Parameters<typeof store.saveExtraction>[0]) => {
      const t = performance.now();
      const res = await store.saveExtraction(input);
      saveMs += performance.now() - t;
      return res;
    },
    // What `hudna ingest` uses: batches of reports per transaction (group commit).
    saveMany: async (inputs: Parameters<typeof store.saveMany>[0]) => {
      const t = performance.now();
      const res = await store.saveMany(inputs);
      saveMs += performance.now() - t;
      return res;
    },
    quarantine: store.quarantine.bind(store),
  };
  t0 = performance.now();
  const s = await ingestSources([join(dir, "txt")], { extractor, sink, published: "2018-03-01" });
  const totalMs = performance.now() - t0;
  const ingestRate = s.read / (totalMs / 1000);
  t0 = performance.now();
  // Re-ingest as `hudna ingest` does it: known reports are recognised before extraction.
  const again = await ingestSources([join(dir, "txt")], { extractor: realExtractor, sink: storeSink(store) });
  const dupRate = again.read / ((performance.now() - t0) / 1000);
  await store.close();
  console.log(
    `BENCH ingest reports=${N} kb=${Math.round(bytes / 1024)} ingest_per_s=${f(ingestRate)} extract_only_per_s=${f(extractRate)} ingest_vs_extract=${(ingestRate / extractRate).toFixed(2)} share_extract=${(extractMs / totalMs).toFixed(2)} share_store=${(saveMs / totalMs).toFixed(2)} share_ingest_own=${(1 - (extractMs + saveMs) / totalMs).toFixed(2)} reingest_dup_per_s=${f(dupRate)} new=${s.new} duplicate=${again.duplicate}`,
  );

  // HTML: our htmlToReport (Readability + offset map) vs bare Readability on the same pages.
  const pages = reports.slice(0, Math.min(200, N)).map((r) => page(r.text.split("\n")[0]!.slice(0, 80), r.text));
  t0 = performance.now();
  for (const p of pages) {
    const { document } = parseHTML(p);
    new Readability(document as unknown as Document).parse();
  }
  const readabilityRate = pages.length / ((performance.now() - t0) / 1000);
  t0 = performance.now();
  let chars = 0;
  for (const p of pages) chars += htmlToReport(p).text.length;
  const htmlRate = pages.length / ((performance.now() - t0) / 1000);
  console.log(
    `BENCH ingest-html pages=${pages.length} html_to_report_per_s=${f(htmlRate)} readability_only_per_s=${f(readabilityRate)} vs_readability=${(htmlRate / readabilityRate).toFixed(2)} text_chars=${chars}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
