import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { decodeHTML } from "entities";
import { htmlToReport } from "../../src/ingest/html.js";
import { sourceText } from "../../src/ingest/html-source.js";

const here = dirname(fileURLToPath(import.meta.url));
const wp = readFileSync(join(here, "../fixtures/ingest/article-wp.html"), "utf8");

/** The source of html[a..b) with tags removed and entities decoded, whitespace squeezed. */
function sourceSpan(html: string, a: number, b: number): string {
  return decodeHTML(html.slice(a, b).replace(/<[^>]*>/g, "")).replace(/\s+/g, " ").trim();
}

/** Every non-space character maps to itself in the HTML, or to the entity that produced it. */
function assertOffsetsPointAtSource(html: string, text: string, offsets: ArrayLike<number>): void {
  assert.equal(offsets.length, text.length + 1);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) continue;
    const o = offsets[i]!;
    if (html[o] === ch) continue;
    assert.equal(html[o], "&", `text[${i}]=${ch} maps to ${JSON.stringify(html.slice(o, o + 10))}`);
    const semi = html.indexOf(";", o);
    assert.ok(decodeHTML(html.slice(o, semi + 1)).includes(ch));
  }
  for (let i = 1; i < offsets.length; i++) assert.ok(offsets[i]! >= offsets[i - 1]!, "offsets never go back");
}

test("article text keeps the paragraphs and drops site furniture", () => {
  const r = htmlToReport(wp, { url: "https://example.org/a" });
  const paras = r.text.split("\n\n");
  assert.equal(paras[0], "اشتباكات عنيفة في ريف حماة الشمالي");
  assert.ok(paras[1]!.startsWith("دارت اشتباكات عنيفة مساء الأحد"));
  assert.ok(r.text.includes('عن "خسائر كبيرة" في صفوف المهاجمين & استعادة نقطتين.'));
  assert.ok(r.text.includes("شنّت أربع غارات على قرية الهبيط جنوبي إدلب"), "numeric entity and &nbsp; decoded");
  for (const furniture of ["اقرأ أيضاً", "اترك تعليقاً", "زر الذهاب", "الأكثر قراءة", "الوسوم", "فيسبوك", "الرئيسية", "جميع الحقوق", "ملفات تعريف", "نص من سكربت", "color"]) {
    assert.ok(!r.text.includes(furniture), `furniture left: ${furniture}`);
  }
  assert.equal(paras.length, 4);
  assert.equal(r.format, "html");
  assert.equal(r.url, "https://example.org/a");
  assert.equal(r.originalLength, wp.length);
});

test("metadata: og:title, site name, published day in the outlet's time zone", () => {
  const r = htmlToReport(wp);
  assert.equal(r.title, "اشتباكات في ريف حماة الشمالي");
  assert.equal(r.outlet, "موقع الوادي الإخباري");
  assert.equal(r.published, "2019-03-11");
});

test("offsets map every character back into the HTML", () => {
  const r = htmlToReport(wp);
  assertOffsetsPointAtSource(wp, r.text, r.offsets!);
  // An evidence span across an inline tag maps to the same words in the page.
  const phrase = "على أطراف بلدة كفرنبودة في ريف حماة";
  const s = r.text.indexOf(phrase);
  assert.ok(s > 0);
  const a = r.offsets![s]!;
  const b = r.offsets![s + phrase.length]!;
  assert.ok(wp.slice(a, b).includes("<b>كفرنبودة</b>"));
  assert.equal(sourceSpan(wp, a, b), phrase);
  // The end of the text maps to the end of the last paragraph's words.
  const end = r.offsets![r.text.length]!;
  assert.ok(wp.slice(0, end).endsWith("من دون ورود أنباء عن إصابات."));
});

test("scripts are never executed", () => {
  htmlToReport(wp);
  assert.equal((globalThis as Record<string, unknown>).__hudnaPwned, undefined);
});

test("published from JSON-LD, <time datetime> and a compact pubdate; title from <title> without the site", () => {
  const body = `<article><h1>عنوان الخبر</h1><p>${"أعلن الدفاع المدني عن إخماد حريق في سوق المدينة القديمة بعد ساعات من اندلاعه. ".repeat(4)}</p></article>`;
  const ld = htmlToReport(`<html><head><title>خبر محلي - جريدة الساحل</title><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2020-02-03T08:00:00Z","publisher":{"name":"جريدة الساحل"}}]}</script></head><body>${body}</body></html>`);
  assert.equal(ld.published, "2020-02-03");
  assert.equal(ld.title, "خبر محلي");
  assert.equal(ld.outlet, "جريدة الساحل");
  const time = htmlToReport(`<html><body><article><time datetime="2017-08-17">١٧ آب</time>${body}</article></body></html>`);
  assert.equal(time.published, "2017-08-17");
  const compact = htmlToReport(`<html><head><meta name="pubdate" content="20180919"></head><body>${body}</body></html>`);
  assert.equal(compact.published, "2018-09-19");
  const none = htmlToReport(`<html><body>${body}</body></html>`);
  assert.equal(none.published, null);
  assert.equal(none.title, "عنوان الخبر");
});

test("broken HTML still yields the text, mapped", () => {
  const html = `<html><body><div><p>سقطت قذيفتان على حي الميدان <i>صباح اليوم<p>وأصيب شخصان بجروح طفيفة &amp نقلا إلى المستشفى <span class="x`;
  const r = htmlToReport(html);
  assert.ok(r.text.includes("سقطت قذيفتان على حي الميدان صباح اليوم"));
  assert.ok(r.text.includes("وأصيب شخصان بجروح طفيفة & نقلا إلى المستشفى"));
  assertOffsetsPointAtSource(html, r.text, r.offsets!);
});

test("link-only blocks (teasers, related lists) and share/print strips are not article text", () => {
  const html = `<html><body><div class="teaser"><h2><a href="/a">عنوان خبر أول</a></h2><h2><a href="/b">عنوان خبر ثان</a></h2></div>
<table><tr><td>سقطت قذيفتا هاون على حي القصاع في دمشق صباح اليوم، وأصيب مدنيان بجروح طفيفة نقلا على إثرها إلى مشفى قريب.<br><br><a href="/p">طباعة</a> | <a href="/s">أرسل لصديق</a></td></tr></table></body></html>`;
  const r = htmlToReport(html);
  assert.equal(r.text, "سقطت قذيفتا هاون على حي القصاع في دمشق صباح اليوم، وأصيب مدنيان بجروح طفيفة نقلا على إثرها إلى مشفى قريب.");
});

test("an empty or text-free page gives empty text, not a crash", () => {
  const r = htmlToReport("<html><head><title>فارغ</title></head><body><script>x()</script></body></html>");
  assert.equal(r.text, "");
  assert.deepEqual(Array.from(r.offsets!), [0]);
});

test("source tokenizer: entities map to their '&', raw text elements are skipped", () => {
  const html = `<p title="a>b">س&amp;ص</p><script>if (a<b) x()</script><!-- تعليق --><p>&#x627;&#1576;</p>`;
  const s = sourceText(html);
  assert.equal(s.text, "س&صاب");
  assert.equal(html[s.pos[1]!], "&");
  assert.equal(s.end[1]! - s.pos[1]!, "&amp;".length);
  assert.equal(html.slice(s.pos[3]!, s.end[3]!), "&#x627;");
});

const WORDS = ["قصف", "مدفعي", "على", "بلدة", "الهبيط", "جنوب", "إدلب", "وأصيب", "ثلاثة", "مدنيين", "«الهلال»", "،", "&", "<", "٣٥"];
const encode = (w: string, how: number) => {
  const esc = w.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  if (how === 1) return `<b>${esc}</b>`;
  if (how === 2) return Array.from(w).map((c) => `&#${c.codePointAt(0)};`).join("");
  if (how === 3) return `<a href="/x?a=1&b=2">${esc}</a>`;
  return esc;
};

test("property: any mix of inline tags and entities maps back exactly", () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.integer({ min: 0, max: 3 }), fc.constantFrom(" ", "  ", "\n", "&nbsp;")), { minLength: 3, maxLength: 25 }), { minLength: 1, maxLength: 5 }),
      (paras) => {
        // Each paragraph opens with a plain word: a paragraph of nothing but links is navigation.
        const html = `<html><body><article>${paras.map((p) => `<p>خبر ${p.map(([w, how, sp]) => encode(w, how) + sp).join("")}</p>`).join("\n")}</article></body></html>`;
        const r = htmlToReport(html);
        assertOffsetsPointAtSource(html, r.text, r.offsets!);
        for (const p of paras) assert.ok(r.text.includes(`خبر ${p.map(([w]) => w).join(" ")}`));
      },
    ),
    { numRuns: 60 },
  );
});

test("outlet without og:site_name: the site part of <title>, else the logo, else the © line", () => {
  const body = `<article><h1>سقوط قذائف على حي الميدان</h1><p>${"سقطت ثلاث قذائف هاون على حي الميدان في دمشق ظهر اليوم دون وقوع إصابات. ".repeat(4)}</p></article>`;
  const head = htmlToReport(`<html><head><title>وكالة النهر للأنباء - سقوط قذائف على حي الميدان</title></head><body>${body}</body></html>`);
  assert.equal(head.outlet, "وكالة النهر للأنباء");
  assert.equal(head.title, "سقوط قذائف على حي الميدان");
  const logo = htmlToReport(`<html><body><header><a class="logo" href="/">صحيفة السهل</a></header>${body}</body></html>`);
  assert.equal(logo.outlet, "صحيفة السهل");
  const copy = htmlToReport(`<html><body>${body}<footer><p>© 2019 موقع الضفة. جميع الحقوق محفوظة.</p></footer></body></html>`);
  assert.equal(copy.outlet, "موقع الضفة");
});

test("property: any string at all gives a Report with offsets in range, never a crash", () => {
  const pieces = fc.constantFrom("<", ">", "&", "&amp;", "&#", "&#x;", "&#99999999;", "<p>", "</p>", "<br>", "<script>", "</script>", "<!--", "-->", "<a href='", "\"", "'", "قصف", " ", "\n", "<![CDATA[", "<!DOCTYPE html>", "<svg/>", "<textarea>", "&nbsp;", "\u0000", "😀");
  fc.assert(
    fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 5 })), { maxLength: 60 }), (parts) => {
      const html = parts.join("");
      const r = htmlToReport(html);
      assert.equal(r.offsets!.length, r.text.length + 1);
      for (let i = 0; i < r.offsets!.length; i++) {
        const o = r.offsets![i]!;
        assert.ok(o >= 0 && o <= html.length);
        if (i) assert.ok(o >= r.offsets![i - 1]!);
      }
    }),
    { numRuns: 200 },
  );
});

test("the headline is the article's <h1>, not a logo <h1> with the site name", () => {
  const html = `<html><head><title>غارات على سراقب - شبكة السهل</title><meta property="og:site_name" content="شبكة السهل"></head><body>
<header><h1 class="logo"><a href="/">شبكة السهل</a></h1><nav><a href="/">الرئيسية</a></nav></header>
<main><article><h1 class="entry-title">غارات على سراقب</h1><p>${"شنت طائرات حربية غارات عدة على مدينة سراقب في ريف إدلب الشرقي صباح اليوم. ".repeat(4)}</p></article></main></body></html>`;
  const r = htmlToReport(html);
  assert.ok(r.text.startsWith("غارات على سراقب\n\nشنت طائرات حربية"), r.text.slice(0, 60));
  assert.ok(!r.text.includes("شبكة السهل"));
  assert.equal(r.title, "غارات على سراقب");
});

test("a page beyond the size bound is refused with an InputError, before any parsing", async () => {
  const { InputError } = await import("../../src/ingest/errors.js");
  const { MAX_HTML_CHARS } = await import("../../src/ingest/html.js");
  const huge = `<html><body><p>${"ا".repeat(MAX_HTML_CHARS)}</p></body></html>`;
  assert.throws(() => htmlToReport(huge), (e: unknown) => e instanceof InputError && e.reason === "too_large");
});

test("a publication day stated in the byline: numeric, Eastern digits, Levantine and Gulf month names", async () => {
  const { statedDay, isoDay } = await import("../../src/ingest/html-meta.js");
  assert.equal(statedDay("بقلم المحرر | تاريخ النشر: 19/09/2018 – 01:15 ص"), "2018-09-19");
  assert.equal(statedDay("نشر في ٧ أيار ٢٠١٨"), "2018-05-07");
  assert.equal(statedDay("نُشر في: الاثنين، 17 أيلول/سبتمبر 2018"), "2018-09-17");
  assert.equal(statedDay("نشر في 3 تشرين الثاني 2017 الساعة العاشرة"), "2017-11-03");
  assert.equal(statedDay("تاريخ النشر 2 يوليو 2019"), "2019-07-02");
  assert.equal(statedDay("تاريخ النشر: 31/02/2018"), null, "no 31 February");
  assert.equal(statedDay("الأربعاء 19 سبتمبر 2018"), null, "a masthead date is not a publication date");
  assert.equal(isoDay("2018-05-07T11:24:00+03:00"), "2018-05-07");
  assert.equal(isoDay("20180919"), "2018-09-19");
  assert.equal(isoDay("2018-13-01"), null);
});
