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

/** The outlet's name: og:site_name, JSON-LD publisher, the site part of <title>, the logo, the © line. */
export function pageOutlet(doc: Doc): string | null {
  return (
    meta(doc, "og:site_name", "application-name", "publisher") ??
    jsonLdField(doc, "publisher") ??
    titleSitePart(doc) ??
    logoName(doc) ??
    copyrightName(doc)
  );
}

const TITLE_SEP = /\s+[|–—-]\s+|\s*[|»]\s*/;
const shortName = (s: string | null | undefined): string | null => {
  const t = clean(s);
  return t && t.length <= 50 && t.split(" ").length <= 6 ? t : null;
};

/** "Headline – Site" or "Site | Headline" in <title>: the part that is not the headline. */
function titleSitePart(doc: Doc): string | null {
  const parts = clean(doc.querySelector("title")?.textContent).split(TITLE_SEP).map(clean).filter(Boolean);
  if (parts.length < 2) return null;
  const headline = clean(meta(doc, "og:title", "twitter:title") ?? doc.querySelector("h1")?.textContent);
  if (headline) {
    const others = parts.filter((p) => !headline.includes(p) && !p.includes(headline));
    if (others.length === 1) return shortName(others[0]);
  }
  return shortName(parts[parts.length - 1]);
}

function logoName(doc: Doc): string | null {
  const logo = doc.querySelector(".logo, #logo, .site-title, .site-name, .brand, [class*=logo]");
  if (!logo) return null;
  return shortName(logo.textContent) ?? shortName(doc.querySelector(".logo img, #logo img, [class*=logo] img")?.getAttribute("alt"));
}

function copyrightName(doc: Doc): string | null {
  const foot = clean(doc.querySelector("footer")?.textContent ?? "");
  const m =
    /©\s*(?:\d{4}\s*)?([^.،|©\d]{3,50}?)\s*(?:[.،|]|جميع الحقوق|$)/.exec(foot) ??
    /جميع الحقوق محفوظة\s*لـ?\s*([^.،|©\d]{3,50}?)\s*(?:©|[.،|]|\d|$)/.exec(foot);
  return m ? shortName(m[1]) : null;
}

/** og:title, else <title> without its site name (head or tail), else the first <h1>. */
export function pageTitle(doc: Doc, outlet: string | null): string | null {
  const og = meta(doc, "og:title", "twitter:title");
  if (og) return og;
  const t = clean(doc.querySelector("title")?.textContent);
  if (t) {
    const parts = t.split(TITLE_SEP).map(clean).filter(Boolean);
    if (parts.length > 1 && outlet) {
      const rest = parts.filter((p) => p !== outlet);
      if (rest.length && rest.length < parts.length) return rest.join(" - ");
    }
    if (parts.length > 1 && parts[parts.length - 1]!.length < 40) return parts.slice(0, -1).join(" - ");
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
  // "تاريخ النشر: 19/09/2018" or "نشر في 7 أيار 2018" in the byline, then /2018/09/19/ in the URL.
  const stated = statedDay(clean(doc.querySelector("body")?.textContent).slice(0, 20000));
  if (stated) return stated;
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? meta(doc, "og:url") ?? url ?? "";
  const inUrl = /\/((?:19|20)\d\d)\/(\d{1,2})\/(\d{1,2})\//.exec(canonical);
  return inUrl ? isoDay(`${inUrl[1]}-${inUrl[2]}-${inUrl[3]}`) : null;
}

const MONTHS_AR: Record<string, number> = {
  "كانون الثاني": 1, "شباط": 2, "آذار": 3, "اذار": 3, "نيسان": 4, "أيار": 5, "ايار": 5, "حزيران": 6, "تموز": 7, "آب": 8, "اب": 8,
  "أيلول": 9, "ايلول": 9, "تشرين الأول": 10, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الأول": 12, "كانون الاول": 12,
  "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7,
  "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
};
const MONTH_RE = Object.keys(MONTHS_AR).sort((a, b) => b.length - a.length).join("|");
const STATED = /(?:تاريخ النشر|نشر بتاريخ|نُشر في|نشر في|نُشر بتاريخ|تاريخ الخبر)\s*:?\s*(?:(?:السبت|الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة)\s*،?\s*)?/;

/** A publication day stated in words next to "تاريخ النشر" / "نشر في" (Eastern digits too). */
export function statedDay(text: string): string | null {
  const t = text.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
  const numeric = new RegExp(`${STATED.source}(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})`).exec(t);
  if (numeric) return isoDay(`${numeric[3]}-${numeric[2]}-${numeric[1]}`);
  const iso = new RegExp(`${STATED.source}(\\d{4}-\\d{1,2}-\\d{1,2})`).exec(t);
  if (iso) return isoDay(iso[1]);
  const words = new RegExp(`${STATED.source}(\\d{1,2})\\s+(${MONTH_RE})(?:\\s*/\\s*[^\\s\\d]+)?\\s+(\\d{4})`).exec(t);
  if (words) return isoDay(`${words[3]}-${MONTHS_AR[words[2]!]}-${words[1]}`);
  return null;
}

export function isoDay(v: string | null | undefined): string | null {
  const s = v ?? "";
  const m = /^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)/.exec(s) ?? /^\s*(\d{4})(\d\d)(\d\d)(?!\d)/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return null; // 31 February
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
