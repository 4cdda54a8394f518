// Sources → items. A source is a text/HTML file, a folder (recursive), a JSON Lines file, an
// RSS/Atom feed (file or URL) or an article URL. Items are loaded lazily and one bad item never
// stops the others: loading throws an InputError, and the caller quarantines it.
import { createReadStream } from "node:fs";
import { open, readdir, stat } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { decodeBytes, isProbablyHtml } from "./decode.js";
import { InputError } from "./errors.js";
import { isProbablyFeed, parseFeed, type FeedItem } from "./feeds.js";
import { safeFetch, type SafeFetchOptions } from "./fetch.js";
import { isoDay } from "./html-meta.js";

/** Files above this are quarantined from their size alone (JSON Lines are streamed instead). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** One JSON Lines record. */
export const MAX_LINE_BYTES = 20 * 1024 * 1024;
/** Bytes kept as a quarantine sample. */
export const SAMPLE_BYTES = 512;

/** What an item yields once loaded. */
export interface LoadedItem {
  /** Decoded text (plain text or HTML). */
  text: string;
  html: boolean;
  url?: string | null;
  outlet?: string | null;
  published?: string | null;
  title?: string | null;
  /** Outlet when neither the item nor its page names one (a feed's channel title). */
  fallbackOutlet?: string | null;
  bytes?: number;
}

export interface Item {
  /** Where it came from: a path, "FILE:LINE", a URL, "FEED#n". */
  source: string;
  load(): Promise<LoadedItem>;
}

/** A failure to read a source or item, with what we know about it for the quarantine table. */
export class ItemError extends InputError {
  constructor(
    err: InputError,
    readonly sample?: string,
    readonly bytes?: number,
  ) {
    super(err.message, err.reason);
  }
}

export interface ExpandOptions {
  fetch?: SafeFetchOptions;
  /** Called with how many more items were discovered (for progress totals). */
  onDiscover?: (n: number) => void;
  /** Feed items whose link is already stored are skipped (watch: "new items only"). */
  isKnownUrl?: (url: string) => Promise<boolean>;
  /** Conditional GET for feed URLs (watch). */
  feedHeaders?: (url: string) => Record<string, string> | undefined;
}

type Meta = Pick<LoadedItem, "url" | "outlet" | "published" | "title">;

const TEXT_EXT = new Set([".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".shtml", ".xml", ".rss", ".atom"]);
const JSONL_EXT = new Set([".jsonl", ".ndjson"]);
const MANIFEST = "manifest.jsonl";

const isUrl = (s: string) => /^https?:\/\//i.test(s);

export async function* expandSources(sources: string[], opts: ExpandOptions = {}): AsyncGenerator<Item> {
  for (const src of sources) {
    if (src === "-") {
      // JSON Lines on standard input: `… | hudna ingest -`
      opts.onDiscover?.(1);
      yield* expandJsonl("-", opts, process.stdin);
      continue;
    }
    if (isUrl(src)) {
      opts.onDiscover?.(1);
      yield* expandUrl(src, opts, {});
      continue;
    }
    let st;
    try {
      st = await stat(src);
    } catch {
      opts.onDiscover?.(1);
      yield failing(src, new InputError(`no such file or folder: ${src}`, "not_found"));
      continue;
    }
    if (st.isDirectory()) yield* expandFolder(src, opts);
    else {
      opts.onDiscover?.(1);
      yield* expandFile(src, opts, {});
    }
  }
}

function failing(source: string, err: InputError, sample?: string, bytes?: number): Item {
  return {
    source,
    load: () => Promise.reject(new ItemError(err, sample, bytes)),
  };
}

async function* expandFolder(dir: string, opts: ExpandOptions): AsyncGenerator<Item> {
  const files = await walk(dir);
  const manifest = new Map<string, Meta>();
  const manifests = files.filter((f) => basename(f) === MANIFEST);
  for (const m of manifests) for (const [path, meta] of await readManifest(m)) manifest.set(path, meta);
  const wanted = files.filter((f) => basename(f) !== MANIFEST && (TEXT_EXT.has(extname(f).toLowerCase()) || JSONL_EXT.has(extname(f).toLowerCase())));
  opts.onDiscover?.(wanted.length);
  for (const f of wanted) yield* expandFile(f, opts, manifest.get(resolve(f)) ?? {});
}

/** Regular files under dir, sorted, without hidden files and folders. */
async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith(".") || e.name === "node_modules") continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** manifest.jsonl: {file, published, outlet, url, title} per line, file relative to the manifest. */
async function readManifest(path: string): Promise<Map<string, Meta>> {
  const map = new Map<string, Meta>();
  for await (const { value } of jsonLines(path)) {
    if (!value || typeof value !== "object") continue;
    const o = value as Record<string, unknown>;
    if (typeof o.file !== "string") continue;
    map.set(resolve(dirname(path), o.file), metaOf(o));
  }
  return map;
}

function metaOf(o: Record<string, unknown>): Meta {
  const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);
  return { url: str(o.url), outlet: str(o.outlet), published: isoDay(str(o.published)) ?? null, title: str(o.title) };
}

async function* expandFile(path: string, opts: ExpandOptions, meta: Meta): AsyncGenerator<Item> {
  const ext = extname(path).toLowerCase();
  if (JSONL_EXT.has(ext)) {
    yield* expandJsonl(path, opts);
    return;
  }
  const size = (await stat(path)).size;
  if (size > MAX_FILE_BYTES) {
    // Refused from its size alone: never read a huge file whole.
    yield failing(path, new InputError(`file too large (${size} bytes > ${MAX_FILE_BYTES})`, "too_large"), await head(path), size);
    return;
  }
  let text: string;
  let bytes: Buffer;
  try {
    bytes = await readSmall(path);
    text = decodeBytes(bytes);
  } catch (err) {
    const e = err instanceof InputError ? err : new InputError(`cannot read ${path}: ${(err as Error).message}`, "unreadable");
    yield failing(path, e, await head(path), size);
    return;
  }
  if (isProbablyFeed(text)) {
    yield* expandFeed(path, text, opts);
    return;
  }
  const html = isProbablyHtml(text);
  yield { source: path, load: async () => ({ text, html, bytes: bytes.length, ...meta }) };
}

async function readSmall(path: string): Promise<Buffer> {
  const fh = await open(path, "r");
  try {
    return await fh.readFile();
  } finally {
    await fh.close();
  }
}

/** The first bytes of a file, as a printable sample. */
async function head(path: string): Promise<string | undefined> {
  try {
    const fh = await open(path, "r");
    try {
      const buf = Buffer.alloc(SAMPLE_BYTES);
      const { bytesRead } = await fh.read(buf, 0, SAMPLE_BYTES, 0);
      return sampleOf(buf.subarray(0, bytesRead));
    } finally {
      await fh.close();
    }
  } catch {
    return undefined;
  }
}

/** A short, printable sample of some bytes (control characters shown as "."). */
export function sampleOf(buf: Buffer | string): string {
  const s = typeof buf === "string" ? buf.slice(0, SAMPLE_BYTES) : buf.subarray(0, SAMPLE_BYTES).toString("utf8");
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g, ".");
}

/**
 * Lines of a file, never holding more than `max` bytes of one line in memory: an over-long line is
 * reported by its length and first bytes, and skipped (readline would buffer it whole).
 */
export async function* boundedLines(
  input: string | AsyncIterable<Buffer | string>,
  max: number,
): AsyncGenerator<{ line: number; text?: string; tooLong?: { bytes: number; head: Buffer } }> {
  let parts: Buffer[] = [];
  let size = 0;
  let over: { bytes: number; head: Buffer } | null = null;
  let line = 0;
  const take = () => {
    line++;
    const out = over ? { line, tooLong: over } : { line, text: Buffer.concat(parts).toString("utf8").replace(/\r$/, "") };
    parts = [];
    size = 0;
    over = null;
    return out;
  };
  const chunks = typeof input === "string" ? (createReadStream(input, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) : input;
  for await (const raw of chunks) {
    const chunk = typeof raw === "string" ? Buffer.from(raw) : raw;
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, from);
      const piece = chunk.subarray(from, nl < 0 ? chunk.length : nl);
      if (over) over.bytes += piece.length;
      else if (size + piece.length > max) {
        over = { bytes: size + piece.length, head: Buffer.concat([...parts, piece]).subarray(0, SAMPLE_BYTES) };
        parts = [];
      } else {
        parts.push(piece);
        size += piece.length;
      }
      if (nl < 0) break;
      yield take();
      from = nl + 1;
    }
  }
  if (size > 0 || over) yield take();
}

async function* jsonLines(input: string | AsyncIterable<Buffer | string>): AsyncGenerator<{ line: number; value?: unknown; error?: InputError; raw: string }> {
  for await (const { line, text, tooLong } of boundedLines(input, MAX_LINE_BYTES)) {
    if (tooLong) {
      yield { line, raw: sampleOf(tooLong.head), error: new InputError(`line too long (${tooLong.bytes} bytes > ${MAX_LINE_BYTES})`, "too_large") };
      continue;
    }
    const raw = text!;
    if (!raw.trim()) continue;
    try {
      yield { line, raw, value: JSON.parse(raw) };
    } catch (err) {
      yield { line, raw, error: new InputError(`bad JSON: ${(err as Error).message}`, "bad_json") };
    }
  }
}

/**
 * JSON Lines of {text | html, url, outlet, published, title}; lines with only {file} point at files
 * (relative to the JSON Lines file). `path` "-" reads standard input.
 */
async function* expandJsonl(path: string, opts: ExpandOptions, input: string | AsyncIterable<Buffer | string> = path): AsyncGenerator<Item> {
  let first = true;
  for await (const { line, value, error, raw } of jsonLines(input)) {
    if (!first) opts.onDiscover?.(1);
    first = false;
    const source = `${path}:${line}`;
    if (error) {
      yield failing(source, error, sampleOf(raw), raw.length);
      continue;
    }
    const o = value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
    if (!o) {
      yield failing(source, new InputError("a JSON Lines record must be an object", "bad_json"), sampleOf(raw), raw.length);
      continue;
    }
    const meta = metaOf(o);
    if (typeof o.html === "string" || typeof o.text === "string") {
      const body = (typeof o.html === "string" ? o.html : o.text) as string;
      const html = typeof o.html === "string" || isProbablyHtml(body);
      const label = typeof o.id === "string" || typeof o.id === "number" ? `${source} (${o.id})` : source;
      if (!body.trim()) yield failing(label, new InputError("empty text", "empty"), sampleOf(raw), raw.length);
      else yield { source: label, load: async () => ({ text: body, html, bytes: Buffer.byteLength(body), ...meta }) };
      continue;
    }
    if (typeof o.file === "string") {
      const target = resolve(dirname(path), o.file);
      try {
        await stat(target);
      } catch {
        yield failing(source, new InputError(`no such file: ${o.file}`, "not_found"));
        continue;
      }
      yield* expandFile(target, opts, meta);
      continue;
    }
    yield failing(source, new InputError("record has no text, html or file", "bad_json"), sampleOf(raw), raw.length);
  }
}

async function* expandUrl(url: string, opts: ExpandOptions, meta: Meta): AsyncGenerator<Item> {
  let res;
  try {
    res = await safeFetch(url, { ...opts.fetch, headers: { ...opts.fetch?.headers, ...opts.feedHeaders?.(url) } });
  } catch (err) {
    yield failing(url, err instanceof InputError ? err : new InputError(String(err), "fetch_failed"));
    return;
  }
  if (res.notModified) return;
  let text: string;
  try {
    text = decodeBytes(res.body, res.charset);
  } catch (err) {
    yield failing(url, err as InputError, sampleOf(res.body), res.body.length);
    return;
  }
  const feedType = res.contentType && /rss|atom|rdf|xml/.test(res.contentType);
  if (feedType || isProbablyFeed(text)) {
    yield* expandFeed(url, text, opts);
    return;
  }
  const html = res.contentType === "text/plain" ? false : isProbablyHtml(text) || res.contentType !== null;
  yield { source: url, load: async () => ({ text, html, url: res.url, bytes: res.body.length, ...stripNull(meta) }) };
}

const stripNull = (m: Meta): Meta => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== null && v !== undefined)) as Meta;

/** A full body is used as is; an item with only a summary and a link is fetched from its link. */
const MIN_FULL_TEXT = 400;

/** The items of a feed document (already fetched or read). */
export async function* expandFeed(source: string, xml: string, opts: ExpandOptions): AsyncGenerator<Item> {
  let feed;
  try {
    feed = parseFeed(xml);
  } catch (err) {
    yield failing(source, err as InputError, sampleOf(xml), Buffer.byteLength(xml));
    return;
  }
  opts.onDiscover?.(feed.items.length - 1);
  for (const [i, raw] of feed.items.entries()) {
    const it = { ...raw, link: absoluteLink(raw.link, source) };
    const label = it.link ?? `${source}#${i + 1}`;
    if (it.link && opts.isKnownUrl && (await opts.isKnownUrl(it.link))) continue;
    yield feedItem(label, source, it, opts, feed.title);
  }
}

/** A feed's relative item link, resolved against the feed's own URL. */
function absoluteLink(link: string | null, feedSource: string): string | null {
  if (!link || /^https?:\/\//i.test(link) || !isUrl(feedSource)) return link;
  try {
    return new URL(link, feedSource).href;
  } catch {
    return link;
  }
}

function feedItem(label: string, feedSource: string, it: FeedItem, opts: ExpandOptions, channel: string | null): Item {
  const meta: Meta & { fallbackOutlet: string | null } = { url: it.link, published: it.published, title: it.title, fallbackOutlet: channel };
  const full = it.content ?? "";
  const fullText = full.replace(/<[^>]*>/g, "").trim();
  if (fullText.length >= MIN_FULL_TEXT || (!it.link && fullText)) {
    return { source: label, load: async () => ({ text: full, html: isProbablyHtml(full) || /<\w+[^>]*>/.test(full), bytes: Buffer.byteLength(full), ...meta }) };
  }
  if (it.link && /^https?:\/\//i.test(it.link)) {
    const link = it.link;
    return {
      source: label,
      load: async () => {
        for await (const inner of expandUrl(link, { ...opts, feedHeaders: undefined }, meta)) return inner.load();
        throw new InputError(`nothing to read at ${link}`, "empty");
      },
    };
  }
  const summary = it.summary ?? "";
  if (summary.replace(/<[^>]*>/g, "").trim()) {
    return { source: label, load: async () => ({ text: summary, html: /<\w+[^>]*>/.test(summary), bytes: Buffer.byteLength(summary), ...meta }) };
  }
  return failing(`${feedSource}#${label}`, new InputError("feed item has no text and no link", "empty"));
}
