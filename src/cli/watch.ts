// `hudna watch --feeds FILE`: poll RSS/Atom feeds every --interval seconds (conditional GET,
// back-off on errors), ingesting new items; --once for a single round.
import type { Command } from "commander";
import { createProgress, formatSummary, pollFeedsOnce, readFeedList } from "../ingest/index.js";
import { UsageError } from "./errors.js";
import { knownUrlCheck, openStoreOrFail, realExtractor, storeSink } from "./ingest.js";

interface WatchFlags {
  feeds: string;
  interval: string;
  once?: boolean;
  db?: string;
  allowPrivate?: boolean;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command("watch")
    .description("poll RSS/Atom feeds on a schedule and ingest their new items")
    .requiredOption("--feeds <file>", "file with one feed URL per line (# comments allowed)")
    .option("--interval <seconds>", "seconds between polling rounds", "300")
    .option("--once", "poll every feed once and exit")
    .option("--db <url>", "database: SQLite path, sqlite:PATH or postgres://… (default $HUDNA_DB or ./data/hudna.db)")
    .option("--allow-private", "allow fetching from loopback/private network addresses")
    .option("--json", "print each round's result as JSON on stdout")
    .action(async (o: WatchFlags) => {
      const interval = Number(o.interval);
      if (!Number.isFinite(interval) || interval < 1 || interval > 7 * 86400) throw new UsageError(`--interval must be seconds between 1 and 604800, got "${o.interval}"`);
      let feeds: string[];
      try {
        feeds = await readFeedList(o.feeds);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      if (!feeds.length) throw new UsageError(`no feed URLs in ${o.feeds}`);
      const store = await openStoreOrFail(o.db);
      let stopping = false;
      let wake: (() => void) | null = null;
      const stop = () => {
        stopping = true;
        wake?.();
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      try {
        while (!stopping) {
          const progress = createProgress({ label: "watch" });
          const round = await pollFeedsOnce(feeds, {
            extractor: realExtractor,
            sink: storeSink(store),
            state: store,
            interval,
            fetch: { allowPrivate: !!o.allowPrivate },
            isKnownUrl: knownUrlCheck(store),
            progress,
          });
          progress.stop();
          if (o.json) process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), ...round })}\n`);
          else {
            for (const f of round.feeds) {
              const extra = f.status === "ok" ? `${f.items} items` : f.status === "error" ? `${f.error}; next try ${f.nextPoll}` : f.status === "backing_off" ? `until ${f.nextPoll}` : "";
              process.stdout.write(`${f.status.padEnd(12)}  ${f.url}  ${extra}\n`);
            }
            process.stdout.write(`${formatSummary(round.summary)}\n`);
          }
          if (o.once) break;
          await new Promise<void>((res) => {
            const t = setTimeout(res, interval * 1000);
            wake = () => {
              clearTimeout(t);
              res();
            };
          });
        }
      } finally {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        await store.close();
      }
    });
}
