// Page metadata for a Report: title, publication day, outlet name. Read from the DOM before
// Readability rewrites it.

interface Doc {
  querySelector(sel: string): El | null;
  querySelectorAll(sel: string): Iterable<El>;
}
interface El {
  getAttribute(name: string): string | null;
  textContent: string | null;
}

const clean = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim();

function meta(doc: Doc, ...keys: string[]): string | null {
  for (const k of keys) {
    for (const attr of ["property", "name", "itemprop"]) {
      const v = clean(doc.querySelector(`meta[${attr}="${k}"]`)?.getAttribute("content"));
      if (v) return v;
    }
  }
  return null;
}

export function pageOutlet(doc: Doc): string | null {
  return meta(doc, "og:site_name", "application-name", "publisher") ?? jsonLdField(doc, "publisher") ?? titleTail(doc);
}

const TITLE_SEP = /\s+[|–—-]\s+/;

/** "Headline – Site name" in <title>: the site name, when the tail is short. */
function titleTail(doc: Doc): string | null {
  const parts = clean(doc.querySelector("title")?.textContent).split(TITLE_SEP);
  const tail = parts.length > 1 ? parts[parts.length - 1]! : "";
  return tail && tail.length <= 50 && tail.split(" ").length <= 6 ? tail : null;
}

/** og:title, else <title> without its " | Site name" tail, else the first <h1>. */
export function pageTitle(doc: Doc, outlet: string | null): string | null {
  const og = meta(doc, "og:title", "twitter:title");
  if (og) return og;
  let t = clean(doc.querySelector("title")?.textContent);
  if (t) {
    const parts = t.split(TITLE_SEP);
    if (parts.length > 1 && (outlet ? parts[parts.length - 1] === outlet : parts[parts.length - 1]!.length < 40)) {
      t = parts.slice(0, -1).join(" - ");
    }
    return t;
  }
  return clean(doc.querySelector("h1")?.textContent) || null;
}

/** Publication day (YYYY-MM-DD) as the page states it, in the outlet's own time zone. */
export function pagePublished(doc: Doc, url?: string | null): string | null {
  const fromMeta = meta(doc, "article:published_time", "datePublished", "pubdate", "publishdate", "publish-date", "date", "DC.date.issued", "dc.date");
  const fromLd = jsonLdField(doc, "datePublished");
  const article = doc.querySelector("article time[datetime], [itemprop=datePublished][datetime]");
  const anyTime = doc.querySelector("time[datetime]");
  for (const v of [fromMeta, fromLd, article?.getAttribute("datetime"), anyTime?.getAttribute("datetime")]) {
    const d = isoDay(v);
    if (d) return d;
  }
  // "تاريخ النشر: 19/09/2018" in the byline, then /2018/09/19/ in the canonical URL.
  const body = clean(doc.querySelector("body")?.textContent).slice(0, 20000);
  const stated = /(?:تاريخ النشر|نشر بتاريخ|نُشر في|نشر في)\s*:?\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/.exec(body);
  if (stated) {
    const d = isoDay(`${stated[3]}-${stated[2]}-${stated[1]}`);
    if (d) return d;
  }
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? meta(doc, "og:url") ?? url ?? "";
  const inUrl = /\/((?:19|20)\d\d)\/(\d{1,2})\/(\d{1,2})\//.exec(canonical);
  return inUrl ? isoDay(`${inUrl[1]}-${inUrl[2]}-${inUrl[3]}`) : null;
}

export function isoDay(v: string | null | undefined): string | null {
  const s = v ?? "";
  const m = /^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)/.exec(s) ?? /^\s*(\d{4})(\d\d)(\d\d)(?!\d)/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${m[1]}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** First value of `field` in any JSON-LD block (also inside @graph); names for objects. */
function jsonLdField(doc: Doc, field: string): string | null {
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(s.textContent ?? "");
    } catch {
      continue; // broken JSON-LD is common; ignore it
    }
    const found = findField(data, field, 0);
    if (found) return found;
  }
  return null;
}

function findField(node: unknown, field: string, depth: number): string | null {
  if (depth > 6 || node === null || typeof node !== "object") return null;
  if (Array.isArray(node)) {
    for (const x of node) {
      const f = findField(x, field, depth + 1);
      if (f) return f;
    }
    return null;
  }
  const o = node as Record<string, unknown>;
  const v = o[field];
  if (typeof v === "string" && v.trim()) return v.trim();
  if (v && typeof v === "object" && typeof (v as Record<string, unknown>).name === "string") {
    return ((v as Record<string, unknown>).name as string).trim() || null;
  }
  if (o["@graph"]) return findField(o["@graph"], field, depth + 1);
  return null;
}
