// HTML page → Report: the article's paragraphs as plain text, plus offsets from every text index
// back into the HTML as given, so evidence spans can point at the page itself.
//
// How: Readability (on a linkedom DOM, after removing site furniture) decides WHICH paragraphs are
// the article; our own position-keeping tokenizer (html-source.ts) supplies the characters and
// their source positions. Each paragraph is located in the source text by its non-whitespace
// characters, so markup between words, entities and whitespace differences don't matter.
// Scripts are never executed: linkedom builds a DOM and nothing else.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { Report } from "../model/index.js";
import { InputError } from "./errors.js";
import { FURNITURE_TAGS, foldArabic, isFurnitureElement, isFurnitureText } from "./furniture.js";
import { pageOutlet, pagePublished, pageTitle } from "./html-meta.js";
import { sourceText, type SourceText } from "./html-source.js";

export interface HtmlToReportOptions {
  url?: string;
}

const PARAGRAPH_SEPARATOR = "\n\n";

/** Larger pages are refused: a DOM of tens of MB costs gigabytes and tens of seconds. */
export const MAX_HTML_CHARS = 8_000_000;

export function htmlToReport(html: string, opts: HtmlToReportOptions = {}): Report {
  if (html.length > MAX_HTML_CHARS) {
    throw new InputError(`HTML page too large to read (${html.length} characters > ${MAX_HTML_CHARS})`, "too_large");
  }
  // linkedom only builds a proper document from a whole page: wrap fragments (feed bodies, JSONL
  // "html" fields). Offsets are unaffected: they come from the original string.
  const whole = /<(html|body)[\s>]/i.test(html.slice(0, 8192));
  const { document } = parseHTML(whole ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
  const doc = document as unknown as Document;

  const outlet = pageOutlet(doc);
  const title = pageTitle(doc, outlet);
  const published = pagePublished(doc, opts.url);
  const headline = pickHeadline(doc, title, outlet);

  removeFurniture(doc);
  let blocks: string[] = [];
  try {
    const article = new Readability(doc.cloneNode(true) as Document, {
      serializer: (el: Node) => el,
      charThreshold: 250,
      // Pathological pages (tens of thousands of elements) skip Readability for the plain body walk.
      maxElemsToParse: 30_000,
    }).parse();
    if (article?.content) blocks = collectBlocks(article.content as Node);
  } catch {
    blocks = []; // Readability gave up on a broken page: fall back to the whole cleaned body
  }
  if (blocks.join("").length < 80 && doc.body) blocks = collectBlocks(doc.body);
  blocks = blocks.filter((b) => !isFurnitureText(b));
  if (headline && !isFurnitureText(headline) && !blocks.some((b) => foldArabic(b) === foldArabic(headline))) {
    blocks.unshift(headline);
  }

  const { text, offsets } = mapBlocks(blocks, sourceText(html), html.length);
  return {
    text,
    offsets,
    originalLength: html.length,
    title: title || headline || null,
    published,
    outlet,
    url: opts.url ?? null,
    format: "html",
  };
}

/**
 * The article's headline element: the <h1> that matches the page title, else the first <h1> in
 * the article or main content; never a logo <h1> holding the site name.
 */
function pickHeadline(doc: Document, title: string | null, outlet: string | null): string {
  const text = (el: Element) => (el.textContent ?? "").replace(/\s+/g, " ").trim();
  const h1s = Array.from(doc.querySelectorAll("h1")).filter((h) => {
    const t = text(h);
    return t.length >= 8 && (!outlet || foldArabic(t) !== foldArabic(outlet)) && !h.closest("nav, footer, aside, .logo, [class*=logo]");
  });
  const ft = title ? foldArabic(title) : "";
  const matching = ft ? h1s.find((h) => { const f = foldArabic(text(h)); return f.includes(ft) || ft.includes(f); }) : undefined;
  const inArticle = h1s.find((h) => h.closest("article, main, [itemprop=articleBody], .post, .entry, .article"));
  const chosen = matching ?? inArticle ?? h1s.find((h) => !h.closest("header:not(article header)")) ?? null;
  return chosen ? text(chosen) : "";
}

function removeFurniture(doc: Document): void {
  const guard = (el: Element) =>
    el.querySelector("article, main, h1, [itemprop=articleBody]") !== null || el.querySelectorAll("p").length > 5;
  for (const el of Array.from(doc.querySelectorAll(FURNITURE_TAGS))) {
    if (el.isConnected !== false && !guard(el)) el.remove();
  }
  for (const el of Array.from(doc.querySelectorAll("[class], [id], [role], [hidden], [aria-hidden]"))) {
    if (isFurnitureElement(el)) el.remove();
  }
}

const BLOCK_TAGS = new Set([
  "p", "div", "section", "article", "main", "header", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd",
  "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "h1", "h2", "h3", "h4", "h5", "h6",
  "figure", "address", "center", "hr", "details", "summary",
]);
const SKIP_TAGS = new Set(["script", "style", "noscript", "template", "svg", "math", "img", "picture", "video", "audio"]);

/**
 * Paragraph texts of a DOM subtree: block elements and <br> end a paragraph. A paragraph made only
 * of link text (related-article lists, tag clouds, teaser headlines) is navigation, not article.
 */
function collectBlocks(root: Node): string[] {
  const blocks: string[] = [];
  let buf = "";
  let ownText = false; // some non-whitespace text outside any <a>
  const flush = () => {
    const t = buf.replace(/\s+/g, " ").trim();
    if (t && ownText) blocks.push(t);
    buf = "";
    ownText = false;
  };
  const walk = (node: Node, inLink: boolean) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const t = child.textContent ?? "";
        buf += t;
        if (!inLink && /[^\s|·•,،:\-–—/»«()]/.test(t)) ownText = true;
      } else if (child.nodeType === 1) {
        const tag = (child as Element).tagName.toLowerCase();
        if (SKIP_TAGS.has(tag)) continue;
        if (tag === "br") {
          flush();
          continue;
        }
        const block = BLOCK_TAGS.has(tag);
        if (block) flush();
        walk(child, inLink || tag === "a");
        if (block) flush();
      }
    }
  };
  walk(root, false);
  flush();
  return blocks;
}

const isSpace = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** The source text without whitespace, with each key character's index in the source text. */
function keyOf(s: string): { key: string; idx: Int32Array } {
  const idx = new Int32Array(s.length);
  const runs: string[] = [];
  let n = 0;
  let runStart = -1;
  for (let i = 0; i <= s.length; i++) {
    const space = i === s.length || isSpace(s.charCodeAt(i));
    if (space) {
      if (runStart >= 0) runs.push(s.slice(runStart, i));
      runStart = -1;
    } else {
      if (runStart < 0) runStart = i;
      idx[n++] = i;
    }
  }
  return { key: runs.join(""), idx: idx.subarray(0, n) };
}

const squeeze = (s: string) => {
  let out = "";
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) out += s[i];
  return out;
};

function mapBlocks(blocks: string[], src: SourceText, htmlLength: number): { text: string; offsets: number[] } {
  const { key, idx } = keyOf(src.text);
  const out: string[] = [];
  const offsets: number[] = [];
  let lastEnd = 0; // source index just after the last emitted character
  let cursor = 0; // key position to search from: paragraphs come in page order

  const emit = (ch: string, at: number, end: number) => {
    out.push(ch);
    offsets.push(at);
    lastEnd = end;
  };
  // Emit source text [from, to] (indices into src.text), whitespace runs squeezed to one space.
  const emitRange = (from: number, to: number) => {
    let pendingSpace = -1;
    for (let i = from; i <= to; i++) {
      const ch = src.text[i]!;
      if (isSpace(ch.charCodeAt(0))) {
        if (pendingSpace < 0) pendingSpace = i;
        continue;
      }
      if (pendingSpace >= 0) {
        emit(" ", src.pos[pendingSpace]!, src.end[pendingSpace]!);
        pendingSpace = -1;
      }
      emit(ch, src.pos[i]!, src.end[i]!);
    }
  };

  for (const block of blocks) {
    if (out.length) for (const ch of PARAGRAPH_SEPARATOR) emit(ch, lastEnd, lastEnd);
    const k = squeeze(block);
    let at = key.indexOf(k, cursor);
    if (at < 0) at = key.indexOf(k);
    if (at >= 0 && k.length) {
      emitRange(idx[at]!, idx[at + k.length - 1]!);
      cursor = at + k.length;
      continue;
    }
    // Not found whole (the DOM and our tokenizer disagreed somewhere): align word by word.
    const words = block.split(" ");
    words.forEach((w, wi) => {
      if (wi > 0) emit(" ", lastEnd, lastEnd);
      const wk = squeeze(w);
      const found = wk ? key.indexOf(wk, cursor) : -1;
      if (found >= 0 && found - cursor < 2000) {
        emitRange(idx[found]!, idx[found + wk.length - 1]!);
        cursor = found + wk.length;
      } else {
        for (const ch of w) emit(ch, lastEnd, lastEnd);
      }
    });
  }
  offsets.push(out.length ? lastEnd : 0);
  if (offsets[offsets.length - 1]! > htmlLength) offsets[offsets.length - 1] = htmlLength;
  return { text: out.join(""), offsets };
}
