// Feeds over real HTTP (127.0.0.1, port 0) into a real SQLite store: network policy, full-content
// and summary-only items, conditional GET, back-off, new items only.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { EXTRACTOR_VERSION, extractReport } from "../../src/extract/index.js";
import { ingestSources, pollFeedsOnce, type Extractor } from "../../src/ingest/index.js";
import { openStore, type Store } from "../../src/store/index.js";
import { send, startServer, type TestServer } from "./server.js";

const real: Extractor = { version: EXTRACTOR_VERSION, extract: extractReport };

const FULL_BODY = `<p>${"أعلنت وزارة الدفاع الروسية تسجيل خمسة خروقات لوقف إطلاق النار في منطقة خفض التصعيد في إدلب خلال الساعات الأربع والعشرين الماضية. ".repeat(4)}</p>`;
const ARTICLE = `<!DOCTYPE html><html><head><meta property="og:site_name" content="بوابة الوادي"></head><body><article><h1>قصف على بلدة التح</h1>
<p>تعرضت بلدة التح في ريف إدلب الجنوبي لقصف صاروخي مصدره مواقع قوات النظام مساء أمس، ما أدى إلى إصابة ثلاثة مدنيين بجروح متفاوتة، وفق ما أفاد ناشطون من المنطقة.</p></article></body></html>`;

const rss = (base: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>أخبار الوادي</title>
<item><title>خروقات في إدلب</title><link>${base}/full</link><guid>full-1</guid><pubDate>Sun, 10 Sep 2017 08:00:00 +0300</pubDate>
<content:encoded><![CDATA[${FULL_BODY}]]></content:encoded></item>
<item><title>قصف على بلدة التح</title><link>/article</link><pubDate>Mon, 11 Sep 2017 09:00:00 +0300</pubDate><description>ملخص قصير</description></item>
</channel></rss>`;

const LAUGHS = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><rss><channel><item><title>&c;</title><link>https://example.org/l</link></item></channel></rss>`;

let srv: TestServer;
let dir: string;
let flaky = true;

before(async () => {
  srv = await startServer({
    "/feed.xml": (req, res) => {
      if (req.headers["if-none-match"] === '"f1"') return void res.writeHead(304).end();
      res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag: '"f1"' }).end(rss(srv.base));
    },
    "/article": send(ARTICLE, "text/html; charset=utf-8"),
    "/laughs.xml": send(LAUGHS, "application/rss+xml"),
    "/image.png": send(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), "image/png"),
    "/flaky.xml": (_q, res) => {
      if (flaky) return void res.writeHead(500, { "content-type": "text/plain" }).end("down");
      res.writeHead(200, { "content-type": "application/rss+xml" }).end("<rss><channel></channel></rss>");
    },
  });
  dir = mkdtempSync(join(tmpdir(), "hudna-watch-"));
});

after(async () => {
  await srv.close();
  rmSync(dir, { recursive: true, force: true });
});

async function withStore(name: string, fn: (s: Store) => Promise<void>) {
  const s = await openStore(join(dir, `${name}.db`));
  try {
    await fn(s);
  } finally {
    await s.close();
  }
}

test("a feed URL on loopback is refused (quarantined) without --allow-private", async () => {
  await withStore("refused", async (store) => {
    const s = await ingestSources([`${srv.base}/feed.xml`], { extractor: real, sink: store });
    assert.equal(s.quarantined, 1);
    assert.equal(s.new, 0);
    const [q] = await store.listQuarantine();
    assert.match(q!.reason, /^fetch_private: refused: 127\.0\.0\.1 is a loopback address/);
  });
});

test("with --allow-private: full-content items stored from the feed, summary-only items fetched from their (relative) link", async () => {
  await withStore("feed", async (store) => {
    const hitsBefore = srv.hits.get("/article") ?? 0;
    const s = await ingestSources([`${srv.base}/feed.xml`], { extractor: real, sink: store, fetch: { allowPrivate: true } });
    assert.equal(s.new, 2, JSON.stringify(s));
    assert.equal(srv.hits.get("/article"), hitsBefore + 1);
    const rows = await store.db.selectFrom("reports").selectAll().orderBy("published").execute();
    assert.equal(rows[0]!.published, "2017-09-10");
    assert.equal(rows[0]!.url, `${srv.base}/full`);
    assert.equal(rows[0]!.title, "خروقات في إدلب");
    assert.equal(rows[0]!.outlet, "أخبار الوادي", "no page: the channel title names the outlet");
    assert.equal(rows[1]!.published, "2017-09-11");
    assert.equal(rows[1]!.outlet, "بوابة الوادي", "the page's own site name wins over the channel title");
    assert.ok(rows[1]!.text.includes("تعرضت بلدة التح في ريف إدلب الجنوبي لقصف صاروخي"));
  });
});

test("an article URL is fetched and stored with its page metadata; an image URL is quarantined", async () => {
  await withStore("article", async (store) => {
    const s = await ingestSources([`${srv.base}/article`, `${srv.base}/image.png`], { extractor: real, sink: store, fetch: { allowPrivate: true } });
    assert.equal(s.new, 1);
    assert.equal(s.quarantined, 1);
    const row = await store.db.selectFrom("reports").selectAll().executeTakeFirstOrThrow();
    assert.equal(row.url, `${srv.base}/article`);
    assert.equal(row.outlet, "بوابة الوادي");
    assert.equal(row.format, "html");
    assert.match((await store.listQuarantine())[0]!.reason, /^fetch_content_type: unsupported content type image\/png/);
  });
});

test("a billion-laughs feed is quarantined, not expanded", async () => {
  await withStore("laughs", async (store) => {
    const s = await ingestSources([`${srv.base}/laughs.xml`], { extractor: real, sink: store, fetch: { allowPrivate: true } });
    assert.equal(s.quarantined, 1);
    assert.match((await store.listQuarantine())[0]!.reason, /^feed_doctype/);
  });
});

test("watch: conditional GET gives 304 on the next round; known links are not fetched again", async () => {
  await withStore("watch", async (store) => {
    const feed = `${srv.base}/feed.xml`;
    const isKnownUrl = async (u: string) => !!(await store.db.selectFrom("reports").select("id").where("url", "=", u).executeTakeFirst());
    const opts = { extractor: real, sink: store, state: store, interval: 60, fetch: { allowPrivate: true }, isKnownUrl };
    const r1 = await pollFeedsOnce([feed], opts);
    assert.equal(r1.feeds[0]!.status, "ok");
    assert.equal(r1.summary.new, 2);
    assert.equal((await store.getFeedState(feed))!.etag, '"f1"');
    const r2 = await pollFeedsOnce([feed], opts);
    assert.equal(r2.feeds[0]!.status, "not_modified");
    assert.equal(r2.summary.read, 0);
    // Without the ETag the feed is read again, but its stored items are skipped, not refetched.
    await store.setFeedState(feed, { etag: null });
    const articleHits = srv.hits.get("/article");
    const r3 = await pollFeedsOnce([feed], opts);
    assert.equal(r3.feeds[0]!.status, "ok");
    assert.equal(r3.summary.read, 0);
    assert.equal(srv.hits.get("/article"), articleHits);
  });
});

test("watch: a failing feed backs off exponentially, then recovers", async () => {
  await withStore("backoff", async (store) => {
    const feed = `${srv.base}/flaky.xml`;
    let clock = new Date("2020-01-01T00:00:00Z");
    const opts = { extractor: real, sink: store, state: store, interval: 100, fetch: { allowPrivate: true }, now: () => clock };
    const r1 = await pollFeedsOnce([feed], opts);
    assert.equal(r1.feeds[0]!.status, "error");
    assert.equal(r1.feeds[0]!.nextPoll, "2020-01-01T00:03:20.000Z"); // 100 s × 2¹
    assert.equal((await pollFeedsOnce([feed], opts)).feeds[0]!.status, "backing_off");
    clock = new Date("2020-01-01T00:03:21Z");
    const r3 = await pollFeedsOnce([feed], opts);
    assert.equal(r3.feeds[0]!.status, "error");
    assert.equal(r3.feeds[0]!.nextPoll, "2020-01-01T00:10:01.000Z"); // 100 s × 2²
    assert.equal((await store.getFeedState(feed))!.failures, 2);
    flaky = false;
    clock = new Date("2020-01-01T00:11:00Z");
    assert.equal((await pollFeedsOnce([feed], opts)).feeds[0]!.status, "ok");
    const st = (await store.getFeedState(feed))!;
    assert.equal(st.failures, 0);
    assert.equal(st.next_poll, null);
  });
});
