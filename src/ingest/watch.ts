// `hudna watch`: poll feeds on a schedule. Conditional GET (ETag / Last-Modified → 304) so an
// unchanged feed costs one small request; failures back off exponentially per feed; only items
// whose link is not stored yet are fetched and ingested.
import { readFile } from "node:fs/promises";
import { InputError } from "./errors.js";
import { safeFetch } from "./fetch.js";
import { emptySummary, ingestItems, round, type IngestOptions, type IngestSummary } from "./pipeline.js";
import { expandFeed } from "./sources.js";
import { decodeBytes } from "./decode.js";
import { parseFeed } from "./feeds.js";

export interface FeedStateRow {
  etag: string | null;
  last_modified: string | null;
  failures: number;
  next_poll: string | null;
}

export interface FeedStateStore {
  getFeedState(url: string): Promise<FeedStateRow | undefined>;
  setFeedState(
    url: string,
    state: { etag?: string | null; last_modified?: string | null; last_polled?: string | null; failures?: number; next_poll?: string | null; last_error?: string | null },
  ): Promise<void>;
}

export interface FeedRound {
  url: string;
  status: "ok" | "not_modified" | "backing_off" | "error";
  items?: number;
  error?: string;
  nextPoll?: string | null;
}

export interface WatchRoundOptions extends IngestOptions {
  state: FeedStateStore;
  /** Seconds between rounds; also the base of the back-off. */
  interval: number;
  now?: () => Date;
}

/** Longest back-off after repeated failures. */
const MAX_BACKOFF_S = 24 * 3600;

/** Feed URLs from a feeds file: one per line, "#" comments and blank lines ignored. */
export async function readFeedList(path: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new InputError(`cannot read feeds file: ${path}`, "not_found");
  }
  const urls = text
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*$/, "").trim())
    .filter(Boolean);
  for (const u of urls) if (!/^https?:\/\//i.test(u)) throw new InputError(`not an http(s) feed URL in ${path}: ${u}`, "bad_url");
  return urls;
}

export function backoffSeconds(interval: number, failures: number): number {
  return Math.min(MAX_BACKOFF_S, interval * 2 ** Math.min(failures, 20));
}

/** One polling round over all feeds. */
export async function pollFeedsOnce(feeds: string[], opts: WatchRoundOptions): Promise<{ feeds: FeedRound[]; summary: IngestSummary }> {
  const t0 = performance.now();
  const now = opts.now ?? (() => new Date());
  const summary = emptySummary();
  const rounds: FeedRound[] = [];
  for (const url of feeds) {
    const st = await opts.state.getFeedState(url);
    if (st?.next_poll && st.next_poll > now().toISOString()) {
      rounds.push({ url, status: "backing_off", nextPoll: st.next_poll });
      continue;
    }
    const headers: Record<string, string> = {};
    if (st?.etag) headers["if-none-match"] = st.etag;
    if (st?.last_modified) headers["if-modified-since"] = st.last_modified;
    try {
      const res = await safeFetch(url, { ...opts.fetch, headers: { ...opts.fetch?.headers, ...headers } });
      if (res.notModified) {
        await opts.state.setFeedState(url, { last_polled: now().toISOString(), failures: 0, next_poll: null, last_error: null });
        rounds.push({ url, status: "not_modified" });
        continue;
      }
      const xml = decodeBytes(res.body, res.charset);
      const before = summary.read;
      // A broken feed document is a failure of the feed (back-off), not a quarantined item.
      parseFeed(xml);
      await ingestItems(expandFeed(url, xml, { ...opts, onDiscover: (n) => opts.progress?.discover?.(n) }), opts, summary);
      await opts.state.setFeedState(url, {
        etag: header(res.headers.etag),
        last_modified: header(res.headers["last-modified"]),
        last_polled: now().toISOString(),
        failures: 0,
        next_poll: null,
        last_error: null,
      });
      rounds.push({ url, status: "ok", items: summary.read - before });
    } catch (err) {
      const failures = (st?.failures ?? 0) + 1;
      const nextPoll = new Date(now().getTime() + backoffSeconds(opts.interval, failures) * 1000).toISOString();
      const message = (err as Error).message.split("\n")[0]!;
      await opts.state.setFeedState(url, { last_polled: now().toISOString(), failures, next_poll: nextPoll, last_error: message });
      rounds.push({ url, status: "error", error: message, nextPoll });
    }
  }
  summary.seconds = round((performance.now() - t0) / 1000);
  return { feeds: rounds, summary };
}

const header = (v: string | string[] | undefined): string | null => (Array.isArray(v) ? (v[0] ?? null) : (v ?? null));
