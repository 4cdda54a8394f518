import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import iconv from "iconv-lite";
import { InputError } from "../../src/ingest/errors.js";
import { expandSources, type LoadedItem } from "../../src/ingest/sources.js";

let dir: string;
const LONG = "أفادت مصادر محلية بأن رتلاً عسكرياً تركياً دخل من معبر كفرلوسين باتجاه نقاط المراقبة في ريف إدلب الجنوبي. ".repeat(6);

before(() => {
  dir = mkdtempSync(join(tmpdir(), "hudna-sources-"));
  mkdirSync(join(dir, "f", ".hidden"), { recursive: true });
  mkdirSync(join(dir, "f", "pages"));
  writeFileSync(join(dir, "f", ".hidden", "x.txt"), "مخفي");
  writeFileSync(join(dir, "f", "pages", "p.htm"), iconv.encode(`<html><head><meta charset="windows-1256"></head><body><p>${LONG}</p></body></html>`, "windows-1256"));
  writeFileSync(
    join(dir, "f", "news.rss"),
    `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>ت</title>
<item><title>رتل تركي</title><link>https://example.org/r</link><pubDate>Wed, 11 Oct 2017 10:00:00 +0300</pubDate><content:encoded><![CDATA[<p>${LONG}</p>]]></content:encoded></item>
<item><title>بلا رابط</title><description>ملخص قصير عن اجتماع في جنيف</description></item></channel></rss>`,
  );
  writeFileSync(join(dir, "f", "feed.atom"), `<feed xmlns="http://www.w3.org/2005/Atom"><title>أ</title><entry><title>خبر</title><id>x</id><updated>2019-12-01T00:00:00Z</updated><content type="html">&lt;p&gt;${LONG}&lt;/p&gt;</content></entry></feed>`);
  writeFileSync(join(dir, "f", "list.jsonl"), `${JSON.stringify({ file: "pages/p.htm", outlet: "موقع", published: "2017-10-11" })}\n${JSON.stringify({ file: "missing.txt" })}\n`);
  writeFileSync(join(dir, "f", "data.json"), "{}");
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function loadAll(sources: string[]) {
  const out: Array<{ source: string; item?: LoadedItem; error?: InputError }> = [];
  for await (const it of expandSources(sources)) {
    try {
      out.push({ source: it.source.replace(dir, ""), item: await it.load() });
    } catch (err) {
      out.push({ source: it.source.replace(dir, ""), error: err as InputError });
    }
  }
  return out;
}

test("a folder: feeds expand into items, JSON Lines can point at files, hidden and unknown files are skipped", async () => {
  const got = await loadAll([join(dir, "f")]);
  assert.deepEqual(got.map((g) => g.source), ["/f/feed.atom#1", "/f/pages/p.htm", "/f/list.jsonl:2", "https://example.org/r", "/f/news.rss#2", "/f/pages/p.htm"]);
  const by = (s: string) => got.find((g) => g.source.includes(s))!;
  assert.equal(by("feed.atom#1").item!.published, "2019-12-01");
  assert.equal(by("feed.atom#1").item!.html, true);
  assert.equal(by("https://example.org/r").item!.published, "2017-10-11");
  assert.equal(by("https://example.org/r").item!.title, "رتل تركي");
  assert.equal(by("news.rss#").item!.text, "ملخص قصير عن اجتماع في جنيف", "no link: the summary is the text");
  const fromList = got.find((g) => g.source === "/f/pages/p.htm" && g.item?.outlet === "موقع");
  assert.ok(fromList, "JSON Lines {file} carries its metadata");
  assert.ok(fromList!.item!.text.includes("رتلاً عسكرياً تركياً"), "windows-1256 page decoded");
  assert.equal(by("list.jsonl:2").error!.reason, "not_found");
  assert.ok(!got.some((g) => g.source.includes(".hidden") || g.source.includes("data.json")));
});

test("JSON Lines: lines are read with a bounded buffer; an over-long line is reported, not held", async () => {
  const { boundedLines } = await import("../../src/ingest/sources.js");
  const p = join(dir, "bounded.jsonl");
  writeFileSync(p, `{"text":"أ"}\r\n${"x".repeat(5000)}\n\n{"text":"ب"}`);
  const got = [];
  for await (const l of boundedLines(p, 1000)) got.push(l.tooLong ? { line: l.line, long: l.tooLong.bytes, head: l.tooLong.head.length } : { line: l.line, text: l.text });
  assert.deepEqual(got, [
    { line: 1, text: '{"text":"أ"}' },
    { line: 2, long: 5000, head: 512 },
    { line: 3, text: "" },
    { line: 4, text: '{"text":"ب"}' },
  ]);
});
