// Fetching pages and feeds safely: http(s) only, public addresses only (unless allowPrivate),
// checked AFTER DNS resolution and pinned for the connection (no DNS rebinding), re-checked on
// every redirect (max 5), connect and total timeouts, a streamed size cap (also after gzip),
// and a Content-Type check. Failures are InputErrors: the item is quarantined, the batch goes on.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http, { type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import zlib from "node:zlib";
import { InputError } from "./errors.js";
import { nonPublicReason } from "./ip-policy.js";

export interface SafeFetchOptions {
  /**
   * Allow loopback, private, link-local… addresses (tests, intranets): true for all, or a predicate
   * allowing some of them (e.g. one intranet host). Default false.
   */
  allowPrivate?: boolean | ((ip: string) => boolean);
  connectTimeoutMs?: number;
  /** Whole request including the body. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Extra request headers (If-None-Match, If-Modified-Since…). */
  headers?: Record<string, string>;
  /** Accepted media types (lower case, no parameters). Default: pages, text and feeds. */
  accept?: readonly string[];
}

export interface FetchResult {
  /** Final URL after redirects. */
  url: string;
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Media type without parameters, lower case. */
  contentType: string | null;
  charset: string | undefined;
  /** True for a 304 answer to a conditional request (body empty). */
  notModified: boolean;
}

export const PAGE_AND_FEED_TYPES = [
  "text/html",
  "application/xhtml+xml",
  "text/plain",
  "application/rss+xml",
  "application/atom+xml",
  "application/xml",
  "text/xml",
  "application/rdf+xml",
] as const;

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const USER_AGENT = "Hudna/0.1 (+ceasefire monitoring; news ingest)";

export async function safeFetch(url: string, opts: SafeFetchOptions = {}): Promise<FetchResult> {
  const maxRedirects = opts.maxRedirects ?? 5;
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  let current = parseHttpUrl(url);
  for (let hop = 0; ; hop++) {
    const res = await requestOnce(current, opts, deadline);
    if (res.redirect) {
      if (hop >= maxRedirects) throw new InputError(`too many redirects (more than ${maxRedirects}) from ${url}`, "fetch_redirects");
      current = parseHttpUrl(new URL(res.redirect, current).href);
      continue;
    }
    return res.result!;
  }
}

function parseHttpUrl(raw: string): URL {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new InputError(`not a URL: ${raw.slice(0, 200)}`, "bad_url");
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") throw new InputError(`only http and https URLs are fetched, not ${u.protocol}`, "bad_url");
  if (u.username || u.password) throw new InputError("URLs with credentials are not fetched", "bad_url");
  return u;
}

type PrivatePolicy = NonNullable<SafeFetchOptions["allowPrivate"]>;

/** Why connecting to ip is refused, or null. */
function refusal(ip: string, policy: PrivatePolicy): string | null {
  if (policy === true) return null;
  const why = nonPublicReason(ip);
  if (!why) return null;
  return typeof policy === "function" && policy(ip) ? null : why;
}

/** A DNS lookup that refuses non-public addresses; the socket connects to what we checked. */
function checkedLookup(policy: PrivatePolicy, host: string): LookupFunction {
  return ((hostname: string, options: { all?: boolean; family?: number }, callback: (...args: unknown[]) => void) => {
    dnsLookup(hostname, { all: true, family: options?.family ?? 0 }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(new InputError(`cannot resolve ${host}: ${err.code ?? err.message}`, "fetch_dns"));
      if (!addresses.length) return callback(new InputError(`cannot resolve ${host}`, "fetch_dns"));
      {
        for (const a of addresses) {
          const why = refusal(a.address, policy);
          if (why) return callback(new InputError(`refused: ${host} resolves to a ${why} address (${a.address}); use --allow-private to allow`, "fetch_private"));
        }
      }
      if (options?.all) callback(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  }) as LookupFunction;
}

interface Hop {
  redirect?: string;
  result?: FetchResult;
}

function requestOnce(u: URL, opts: SafeFetchOptions, deadline: number): Promise<Hop> {
  const policy = opts.allowPrivate ?? false;
  const host = u.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) {
    const why = refusal(host, policy);
    if (why) return Promise.reject(new InputError(`refused: ${host} is a ${why} address; use --allow-private to allow`, "fetch_private"));
  }
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const accept = opts.accept ?? PAGE_AND_FEED_TYPES;
  const remaining = deadline - Date.now();
  if (remaining <= 0) return Promise.reject(new InputError(`timed out fetching ${u.href}`, "fetch_timeout"));

  return new Promise<Hop>((resolve, reject) => {
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(total);
      clearTimeout(connectTimer);
      req.destroy();
      reject(err instanceof InputError ? err : new InputError(`fetch failed for ${u.href}: ${err.message}`, "fetch_failed"));
    };
    const mod = u.protocol === "https:" ? https : http;
    const req = mod.request(u, {
      method: "GET",
      lookup: checkedLookup(policy, host),
      headers: {
        "user-agent": USER_AGENT,
        accept: "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8",
        "accept-encoding": "gzip, deflate",
        ...opts.headers,
      },
      agent: false, // no pooled sockets: each connection goes through our lookup
    });
    const total = setTimeout(() => fail(new InputError(`timed out fetching ${u.href}`, "fetch_timeout")), remaining);
    const connectTimer = setTimeout(
      () => fail(new InputError(`connect timeout for ${u.host}`, "fetch_timeout")),
      Math.min(opts.connectTimeoutMs ?? 10_000, remaining),
    );
    req.on("socket", (sock) => {
      if (!sock.connecting) clearTimeout(connectTimer);
      sock.once("connect", () => clearTimeout(connectTimer));
      sock.once("secureConnect", () => clearTimeout(connectTimer));
    });
    req.on("error", (err) => {
      clearTimeout(connectTimer);
      fail(err);
    });
    req.on("response", (res: IncomingMessage) => {
      clearTimeout(connectTimer);
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && status !== 304 && res.headers.location) {
        res.resume();
        settled = true;
        clearTimeout(total);
        req.destroy();
        return resolve({ redirect: res.headers.location });
      }
      const contentType = (res.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase() || null;
      const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(res.headers["content-type"] ?? "")?.[1];
      const base = { url: u.href, status, headers: res.headers, contentType, charset };
      if (status === 304) {
        res.resume();
        settled = true;
        clearTimeout(total);
        return resolve({ result: { ...base, body: Buffer.alloc(0), notModified: true } });
      }
      if (status < 200 || status >= 300) return fail(new InputError(`HTTP ${status} from ${u.href}`, "fetch_status"));
      if (contentType && !accept.includes(contentType)) {
        return fail(new InputError(`unsupported content type ${contentType} from ${u.href}`, "fetch_content_type"));
      }
      const declared = Number(res.headers["content-length"] ?? NaN);
      if (declared > maxBytes) return fail(new InputError(`response too large (${declared} bytes > ${maxBytes}) from ${u.href}`, "too_large"));

      const enc = String(res.headers["content-encoding"] ?? "").toLowerCase();
      const stream = enc === "gzip" || enc === "x-gzip" ? res.pipe(zlib.createGunzip()) : enc === "deflate" ? res.pipe(zlib.createInflate()) : res;
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (c: Buffer) => {
        size += c.length;
        // Counted after decompression: a small gzip bomb is as refused as a large body.
        if (size > maxBytes) return fail(new InputError(`response too large (over ${maxBytes} bytes) from ${u.href}`, "too_large"));
        chunks.push(c);
      });
      stream.on("error", (err: Error) => fail(new InputError(`bad response body from ${u.href}: ${err.message}`, "fetch_failed")));
      res.on("aborted", () => fail(new InputError(`connection closed early by ${u.host}`, "fetch_failed")));
      stream.on("end", () => {
        if (settled) return;
        settled = true;
        clearTimeout(total);
        resolve({ result: { ...base, body: Buffer.concat(chunks), notModified: false } });
      });
    });
    req.end();
  });
}
