import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../../src/ingest/errors.js";
import { isProbablyFeed, parseFeed, rfc822Day } from "../../src/ingest/feeds.js";

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>الوادي &amp; الجبل</title>
<item><title>قصف على بلدة التمانعة</title><link>https://example.org/2019/03/11/a</link><guid isPermaLink="false">a-1</guid>
<pubDate>Mon, 11 Mar 2019 23:40:00 +0300</pubDate><description><![CDATA[<p>ملخص قصير</p>]]></description>
<content:encoded><![CDATA[<p>نص كامل عن القصف &amp; النزوح</p>]]></content:encoded></item>
<item><title>خبر بلا نص</title><link>https://example.org/b</link><description>&lt;p&gt;ملخص &#1575;لخبر&lt;/p&gt;</description></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">أطلس الأخبار</title>
<entry><title>اجتماع في أستانا</title><link rel="alternate" href="https://example.org/c"/><link rel="self" href="https://example.org/c.atom"/>
<id>tag:example.org,2018:c</id><published>2018-05-07T01:30:00+03:00</published>
<summary type="html">&lt;b&gt;ملخص&lt;/b&gt;</summary><content type="html">&lt;p&gt;نص&lt;/p&gt;</content></entry></feed>`;

test("RSS 2.0 items: link, guid, day, summary, full content; entities decoded once", () => {
  const f = parseFeed(RSS);
  assert.equal(f.kind, "rss");
  assert.equal(f.title, "الوادي & الجبل");
  assert.equal(f.items.length, 2);
  const [a, b] = f.items;
  assert.equal(a!.link, "https://example.org/2019/03/11/a");
  assert.equal(a!.id, "a-1");
  assert.equal(a!.published, "2019-03-11");
  assert.equal(a!.summary, "<p>ملخص قصير</p>");
  assert.equal(a!.content, "<p>نص كامل عن القصف &amp; النزوح</p>", "CDATA is literal");
  assert.equal(b!.summary, "<p>ملخص الخبر</p>");
  assert.equal(b!.content, null);
  assert.equal(b!.id, "https://example.org/b");
});

test("Atom entries: alternate link, id, published day", () => {
  const f = parseFeed(ATOM);
  assert.equal(f.kind, "atom");
  assert.equal(f.title, "أطلس الأخبار");
  assert.deepEqual(f.items[0], {
    title: "اجتماع في أستانا",
    link: "https://example.org/c",
    id: "tag:example.org,2018:c",
    published: "2018-05-07",
    summary: "<b>ملخص</b>",
    content: "<p>نص</p>",
  });
});

test("billion laughs and any DOCTYPE are refused before parsing", () => {
  const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]><rss><channel><item><title>&lol9;</title></item></channel></rss>`;
  assert.throws(() => parseFeed(lol), (e: unknown) => e instanceof InputError && e.reason === "feed_doctype");
  // Even without a DOCTYPE, an undeclared entity stays literal text: nothing is expanded.
  const f = parseFeed("<rss><channel><item><title>&lol9;</title><link>https://example.org/x</link></item></channel></rss>");
  assert.equal(f.items[0]!.title, "&lol9;");
});

test("broken XML and non-feeds are InputErrors", () => {
  assert.throws(() => parseFeed("<rss><channel><item><title>x</item></rss"), InputError);
  assert.throws(() => parseFeed("<html><body>صفحة</body></html>"), (e: unknown) => e instanceof InputError && e.reason === "feed_xml");
});

test("feed sniffing and RFC 822 days", () => {
  assert.equal(isProbablyFeed(RSS), true);
  assert.equal(isProbablyFeed(ATOM), true);
  assert.equal(isProbablyFeed("<!DOCTYPE html><html></html>"), false);
  assert.equal(rfc822Day("Tue, 1 Aug 2017 02:00:00 GMT"), "2017-08-01");
  assert.equal(rfc822Day("2017-08-01T02:00:00Z"), "2017-08-01");
  assert.equal(rfc822Day("قبل ساعة"), null);
});
