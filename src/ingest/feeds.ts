// RSS 2.0 and Atom feeds → items. Parsed with fast-xml-parser with entity processing OFF and any
// DOCTYPE refused up front: no internal entities, so "billion laughs" has nothing to expand. The five
// predefined XML entities and numeric references are decoded afterwards, once, without recursion.
import { decodeXML } from "entities";
import { XMLParser } from "fast-xml-parser";
import { InputError } from "./errors.js";
import { isoDay } from "./html-meta.js";

export interface FeedItem {
  title: string | null;
  /** Article URL. */
  link: string | null;
  /** guid / id, else the link. */
  id: string | null;
  published: string | null;
  /** Short description (HTML or text), as given. */
  summary: string | null;
  /** Full article body (content:encoded / Atom content), as given. */
  content: string | null;
}

export interface Feed {
  kind: "rss" | "atom";
  title: string | null;
  items: FeedItem[];
}

/** Cheap check on the start of a document: is this an RSS/Atom feed rather than a page? */
export function isProbablyFeed(text: string): boolean {
  const head = text.slice(0, 2048).replace(/<\?xml[^>]*\?>/, "").replace(/<!--[\s\S]*?-->/g, "").trimStart();
  return /^(<!DOCTYPE[^>]*>\s*)?<(rss|feed|rdf:RDF)[\s>]/i.test(head);
}

const MAX_ITEMS = 5000;

export function parseFeed(xml: string): Feed {
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) {
    throw new InputError("feed refused: it declares a DOCTYPE/ENTITY (entity expansion is not allowed)", "feed_doctype");
  }
  let doc: Record<string, unknown>;
  try {
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "@",
      processEntities: false,
      htmlEntities: false,
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: true,
      cdataPropName: "#cdata",
      isArray: (name) => name === "item" || name === "entry" || name === "link" || name === "category",
    });
    doc = parser.parse(xml, true) as Record<string, unknown>;
  } catch (err) {
    const msg = err instanceof Error ? err.message.split("\n")[0] : String(err);
    throw new InputError(`feed is not well-formed XML: ${msg}`, "feed_xml");
  }
  const rss = obj(doc.rss);
  const channel = obj(rss?.channel) ?? obj(obj(doc["rdf:RDF"])?.channel);
  if (rss || doc["rdf:RDF"]) {
    const rawItems = arr(channel?.item ?? obj(doc["rdf:RDF"])?.item);
    return { kind: "rss", title: text(channel?.title), items: rawItems.slice(0, MAX_ITEMS).map(rssItem) };
  }
  const feed = obj(doc.feed);
  if (feed) return { kind: "atom", title: text(feed.title), items: arr(feed.entry).slice(0, MAX_ITEMS).map(atomItem) };
  throw new InputError("not an RSS or Atom feed (no <rss> or <feed> root)", "feed_xml");
}

function rssItem(raw: unknown): FeedItem {
  const it = obj(raw) ?? {};
  const link = text(arr(it.link)[0]) ?? null;
  const guid = text(it.guid);
  return {
    title: text(it.title),
    link: link && /^https?:\/\//i.test(link) ? link : guid && /^https?:\/\//i.test(guid) ? guid : link,
    id: guid ?? link,
    published: rfc822Day(text(it.pubDate) ?? text(it["dc:date"])),
    summary: text(it.description),
    content: text(it["content:encoded"]),
  };
}

function atomItem(raw: unknown): FeedItem {
  const it = obj(raw) ?? {};
  const links = arr(it.link).map(obj).filter((l): l is Record<string, unknown> => !!l);
  const alt = links.find((l) => !l["@rel"] || l["@rel"] === "alternate") ?? links[0];
  const link = alt ? text(alt["@href"]) : null;
  return {
    title: text(it.title),
    link,
    id: text(it.id) ?? link,
    published: isoDay(text(it.published) ?? text(it.updated)),
    summary: text(it.summary),
    content: text(it.content),
  };
}

const obj = (v: unknown): Record<string, unknown> | null => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** Text of a node: a string, a CDATA section, or "#text"; predefined entities decoded once. */
function text(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    const parts = [o["#cdata"], o["#text"]].flat().filter((x) => typeof x === "string") as string[];
    if (!parts.length) return null;
    // CDATA is literal; #text still carries entity references.
    const cdata = typeof o["#cdata"] === "string" ? (o["#cdata"] as string) : Array.isArray(o["#cdata"]) ? (o["#cdata"] as string[]).join("") : "";
    const plain = typeof o["#text"] === "string" ? decodeXML(o["#text"] as string) : "";
    const s = (cdata + plain).trim();
    return s || null;
  }
  const s = decodeXML(String(v)).trim();
  return s || null;
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/** "Mon, 11 Mar 2019 22:40:00 +0300" → "2019-03-11" (the day as the outlet wrote it). */
export function rfc822Day(v: string | null): string | null {
  if (!v) return null;
  const iso = isoDay(v);
  if (iso) return iso;
  const m = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})/.exec(v);
  const mo = m ? MONTHS[m[2]!.toLowerCase()] : undefined;
  return m && mo ? isoDay(`${m[3]}-${mo}-${m[1]}`) : null;
}
