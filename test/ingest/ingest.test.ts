// End to end through the real extractor and a real SQLite store in a temp dir.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import iconv from "iconv-lite";
import { EXTRACTOR_VERSION, extractReport } from "../../src/extract/index.js";
import { emptySummary, ingestItems, ingestSources, reprocessReports, type Extractor, type IngestSummary, type ReportSink } from "../../src/ingest/index.js";
import { BATCH } from "../../src/ingest/pipeline.js";
import { openStore, type Store } from "../../src/store/index.js";

const real: Extractor = { version: EXTRACTOR_VERSION, extract: extractReport };
const old: Extractor = { version: "0.0.0-old", extract: extractReport };

const REPORT_A = `مقتل ثلاثة مدنيين بقصف مدفعي على بلدة كفرنبل

إدلب – «مرصد الوادي»

قُتل ثلاثة مدنيين وأصيب سبعة آخرون صباح اليوم الثلاثاء جراء قصف مدفعي لقوات النظام استهدف الأحياء السكنية في بلدة كفرنبل بريف إدلب الجنوبي، بحسب ما أفاد الدفاع المدني.`;
const REPORT_B = `وصول قافلة مساعدات إلى مدينة دوما

دخلت قافلة مساعدات أممية تضم ثلاثين شاحنة إلى مدينة دوما في الغوطة الشرقية أمس الاثنين، محملة بمواد غذائية وطبية، وفق ما أعلنت الأمم المتحدة.`;
const PAGE = `<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>غارات على ريف حماة | الوادي</title>
<meta property="article:published_time" content="2018-02-14T09:00:00+02:00"></head><body>
<nav><a href="/">الرئيسية</a></nav><article><h1>غارات جوية على بلدة اللطامنة</h1>
<p>شنت طائرات حربية أربع غارات جوية على بلدة اللطامنة في ريف حماة الشمالي فجر اليوم، ما أدى إلى مقتل مدنيين اثنين وإصابة خمسة آخرين بجروح، بحسب ناشطين محليين.</p>
<p>وقال ناشطون إن الغارات استهدفت منازل المدنيين وسط البلدة، وإن فرق الدفاع المدني عملت على انتشال الجرحى ونقلهم إلى مشاف ميدانية قريبة.</p>
<div class="read-also">اقرأ أيضاً: <a href="/x">خبر آخر</a></div></article>
<footer>جميع الحقوق محفوظة</footer><a class="back-to-top" href="#">زر الذهاب إلى الأعلى</a></body></html>`;

let dir: string;
let store: Store;
const input = () => join(dir, "in");

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "hudna-ingest-"));
  mkdirSync(join(dir, "in", "html"), { recursive: true });
  writeFileSync(join(dir, "in", "a.txt"), REPORT_A);
  writeFileSync(join(dir, "in", "b-1256.txt"), iconv.encode(REPORT_B, "windows-1256"));
  writeFileSync(join(dir, "in", "html", "page.html"), PAGE);
  writeFileSync(join(dir, "in", "binary.txt"), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0, 1, 2, 3]));
  writeFileSync(join(dir, "in", "empty.txt"), "");
  writeFileSync(join(dir, "in", "manifest.jsonl"), `${JSON.stringify({ file: "a.txt", outlet: "مرصد الوادي", published: "2019-04-02", url: "https://example.org/a" })}\n`);
  writeFileSync(join(dir, "in", "notes.gold.json"), "{}"); // not a report format: skipped in folders
  // 50 MB without writing 50 MB: a sparse file. Refused from stat alone.
  writeFileSync(join(dir, "in", "huge.txt"), "");
  truncateSync(join(dir, "in", "huge.txt"), 50 * 1024 * 1024);
  writeFileSync(
    join(dir, "in", "lines.jsonl"),
    [
      JSON.stringify({ text: "اشتباكات عنيفة بين فصائل المعارضة وقوات النظام على أطراف مدينة درعا البلد مساء السبت.", outlet: "صحيفة الجنوب", published: "2018-06-30" }),
      "{not json",
      JSON.stringify({ html: "<p>انفجرت عبوة ناسفة في سيارة عسكرية قرب دوار الباسل في مدينة القامشلي، ما أسفر عن إصابة عنصرين.</p>", url: "https://example.org/q" }),
      JSON.stringify({ title: "بلا نص" }),
      "",
    ].join("\n"),
  );
  store = await openStore(join(dir, "hudna.db"));
});

after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const reasons = async () => (await store.listQuarantine({ limit: 100 })).map((q) => `${q.source.replace(dir, "")} ${q.reason.split(":")[0]}`).sort();

test("a folder: text, windows-1256, HTML, JSON Lines stored; bad items quarantined; batch never stops", async () => {
  const s = await ingestSources([input()], { extractor: real, sink: store });
  assert.equal(s.new, 5, JSON.stringify(s));
  assert.equal(s.quarantined, 5);
  assert.equal(s.read, 10);
  assert.equal(s.duplicate, 0);
  assert.deepEqual(await reasons(), [
    "/in/binary.txt binary",
    "/in/empty.txt empty",
    "/in/huge.txt too_large",
    "/in/lines.jsonl:2 bad_json",
    "/in/lines.jsonl:4 bad_json",
  ]);
  const huge = (await store.listQuarantine()).find((q) => q.source.endsWith("huge.txt"))!;
  assert.equal(huge.bytes, 50 * 1024 * 1024);

  const rows = await store.db.selectFrom("reports").selectAll().execute();
  const a = rows.find((r) => r.source?.endsWith("a.txt"))!;
  assert.equal(a.outlet, "مرصد الوادي", "manifest metadata");
  assert.equal(a.published, "2019-04-02");
  assert.equal(a.url, "https://example.org/a");
  assert.equal(a.text, REPORT_A);
  const b = rows.find((r) => r.source?.endsWith("b-1256.txt"))!;
  assert.equal(b.text, REPORT_B, "windows-1256 decoded");
  const page = rows.find((r) => r.source?.endsWith("page.html"))!;
  assert.equal(page.format, "html");
  assert.equal(page.published, "2018-02-14");
  assert.equal(page.original, PAGE);
  assert.ok(page.text.startsWith("غارات جوية على بلدة اللطامنة\n\nشنت طائرات حربية"));
  assert.ok(!page.text.includes("اقرأ أيضاً") && !page.text.includes("الرئيسية") && !page.text.includes("زر الذهاب"));
  const line1 = rows.find((r) => r.source?.endsWith("lines.jsonl:1"))!;
  assert.equal(line1.outlet, "صحيفة الجنوب");
  assert.equal(line1.published, "2018-06-30");
  assert.equal(rows.find((r) => r.source?.endsWith("lines.jsonl:3"))!.url, "https://example.org/q");
});

test("idempotent: the same reports again are duplicates, nothing new is stored", async () => {
  const before = await store.counts();
  const s = await ingestSources([input()], { extractor: real, sink: store });
  assert.equal(s.new, 0);
  assert.equal(s.duplicate, 5);
  const afterCounts = await store.counts();
  assert.equal(afterCounts.reports, before.reports);
  assert.equal(afterCounts.events, before.events);
});

test("an extractor upgrade re-extracts in place instead of duplicating", async () => {
  const d = mkdtempSync(join(tmpdir(), "hudna-upgrade-"));
  const st = await openStore(join(d, "db.sqlite"));
  try {
    writeFileSync(join(d, "a.txt"), REPORT_A);
    const first = await ingestSources([join(d, "a.txt")], { extractor: old, sink: st });
    assert.equal(first.new, 1);
    const again = await ingestSources([join(d, "a.txt")], { extractor: real, sink: st });
    assert.equal(again.reprocessed, 1);
    assert.equal((await st.counts()).reports, 1);
    const row = await st.db.selectFrom("reports").select("extractor_version").executeTakeFirstOrThrow();
    assert.equal(row.extractor_version, EXTRACTOR_VERSION);
  } finally {
    await st.close();
    rmSync(d, { recursive: true, force: true });
  }
});

test("reprocess re-extracts every report stored by an older extractor, HTML from its page", async () => {
  const d = mkdtempSync(join(tmpdir(), "hudna-reprocess-"));
  const st = await openStore(join(d, "db.sqlite"));
  try {
    writeFileSync(join(d, "a.txt"), REPORT_A);
    writeFileSync(join(d, "page.html"), PAGE);
    await ingestSources([d], { extractor: old, sink: st });
    const s: IngestSummary = await reprocessReports(st.reportsNeedingReprocess(real.version), { extractor: real, sink: st });
    assert.equal(s.reprocessed, 2);
    assert.equal(s.quarantined, 0);
    const none = await reprocessReports(st.reportsNeedingReprocess(real.version), { extractor: real, sink: st });
    assert.equal(none.read, 0);
    // Evidence of the HTML report still points into the stored page.
    const page = await st.db.selectFrom("reports").selectAll().where("format", "=", "html").executeTakeFirstOrThrow();
    const events = await st.db.selectFrom("events").select("json").where("report_id", "=", page.id).execute();
    for (const e of events) {
      for (const ev of JSON.parse(e.json).evidence as { start: number; end: number }[]) {
        assert.ok(ev.start >= 0 && ev.end <= PAGE.length && ev.start <= ev.end);
      }
    }
  } finally {
    await st.close();
    rmSync(d, { recursive: true, force: true });
  }
});

test("the CLI's duplicate pre-check agrees with the extractor's report id, and skips re-extraction", async () => {
  const { realExtractor, storeSink } = await import("../../src/cli/ingest.js");
  const { htmlToReport } = await import("../../src/ingest/index.js");
  for (const report of [{ text: REPORT_A }, { text: `  ${REPORT_B}\r\n` }, htmlToReport(PAGE)]) {
    assert.equal(realExtractor.reportId!(report), extractReport(report).report.id);
  }
  const d = mkdtempSync(join(tmpdir(), "hudna-precheck-"));
  const st = await openStore(join(d, "db.sqlite"));
  try {
    writeFileSync(join(d, "a.txt"), REPORT_A);
    let extracted = 0;
    const counting: Extractor = { ...realExtractor, extract: (r, o) => (extracted++, extractReport(r, o)) };
    const first = await ingestSources([join(d, "a.txt")], { extractor: counting, sink: storeSink(st) });
    assert.equal(first.new, 1);
    const again = await ingestSources([join(d, "a.txt")], { extractor: counting, sink: storeSink(st) });
    assert.equal(again.duplicate, 1);
    assert.equal(extracted, 1, "the duplicate was not extracted again");
  } finally {
    await st.close();
    rmSync(d, { recursive: true, force: true });
  }
});

test("group commit: saves go to the sink in batches, in order; a report failing in its batch is quarantined alone", async () => {
  const n = BATCH + 30;
  const batches: string[][] = [];
  const quarantined: string[] = [];
  const sink: ReportSink = {
    saveExtraction: () => Promise.reject(new Error("ingest must batch when the sink can")),
    async saveMany(inputs) {
      batches.push(inputs.map((i) => i.source!));
      return inputs.map((i, k) =>
        i.source === "item-7" ? new Error("constraint failed") : { reportId: `r${batches.length}-${k}`, status: "new" as const, events: 1, incidents: [] },
      );
    },
    async quarantine(q) {
      quarantined.push(`${q.source} ${q.reason}`);
    },
  };
  async function* items() {
    for (let i = 0; i < n; i++) yield { source: `item-${i}`, load: async () => ({ text: i === 3 ? "  " : `نص التقرير رقم ${i}`, html: false }) };
  }
  const order: string[] = [];
  const summary = emptySummary();
  const fake: Extractor = { version: "1", extract: (r) => ({ report: { id: "x" }, events: [], warnings: [] }) as unknown as ReturnType<Extractor["extract"]> };
  await ingestItems(items(), { extractor: fake, sink, progress: { item: (o) => order.push(`${o.source}:${o.status}`) } }, summary);
  assert.equal(batches.length, 2, "a full batch, then the rest at the end");
  // the first batch: the first BATCH items, less the empty one (quarantined in its place)
  assert.deepEqual(batches[0], Array.from({ length: BATCH }, (_, i) => `item-${i}`).filter((x) => x !== "item-3"));
  assert.equal(batches[0]!.length + batches[1]!.length, n - 1, "the empty item never reaches the sink");
  assert.deepEqual(
    order,
    Array.from({ length: n }, (_, i) => `item-${i}:${i === 3 || i === 7 ? "quarantined" : "new"}`),
    "outcomes in input order",
  );
  assert.deepEqual(quarantined.sort(), ["item-3 no_text: empty text", "item-7 failed: constraint failed"]);
  assert.deepEqual([summary.new, summary.quarantined, summary.read], [n - 2, 2, n]);
});

test("group commit: finished reports are stored before waiting on a slow item", async () => {
  const batches: number[] = [];
  let release!: () => void;
  const slow = new Promise<void>((r) => (release = r));
  const sink: ReportSink = {
    saveExtraction: () => Promise.reject(new Error("unused")),
    async saveMany(inputs) {
      batches.push(inputs.length);
      // the first batch is written while the slow item is still loading
      if (batches.length === 1) setTimeout(release, 10);
      return inputs.map(() => ({ reportId: "r", status: "new" as const, events: 0, incidents: [] }));
    },
    async quarantine() {},
  };
  async function* items() {
    for (let i = 0; i < 3; i++) yield { source: `fast-${i}`, load: async () => ({ text: `نص ${i}`, html: false }) };
    yield { source: "slow", load: async () => (await slow, { text: "نص بطيء", html: false }) };
  }
  const fake: Extractor = { version: "1", extract: () => ({ report: { id: "x" }, events: [], warnings: [] }) as unknown as ReturnType<Extractor["extract"]> };
  await ingestItems(items(), { extractor: fake, sink }, emptySummary());
  assert.deepEqual(batches, [3, 1]);
});
