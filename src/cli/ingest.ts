// `hudna ingest SOURCE…`: files, folders, JSON Lines, RSS/Atom feeds and URLs → extracted, stored
// events. A thin shell: the work is in src/ingest (pipeline) wired to src/extract and src/store.
import { existsSync } from "node:fs";
import type { Command } from "commander";
import { EXTRACTOR_VERSION, extractReport, reportIdOf } from "../extract/index.js";
import { createExtractPool, defaultWorkers, WorkersUnavailableError, type ExtractPool } from "../extract/pool.js";
import { createProgress, formatSummary, ingestSources, type Extractor, type IngestSummary, type ReportSink } from "../ingest/index.js";
import { openStore, type Store } from "../store/index.js";
import { UsageError } from "./errors.js";

export const realExtractor: Extractor = {
  version: EXTRACTOR_VERSION,
  extract: extractReport,
  // The extractor's own id rule, so the pre-check can skip extraction of a stored report.
  reportId: (r) => reportIdOf(r.text),
};

/**
 * The real extractor, extracting on the pool's worker threads. If the workers cannot start, it
 * says so once and extracts on this thread: the ingest goes on either way.
 */
export function pooledExtractor(pool: ExtractPool, warn: (msg: string) => void = (m) => process.stderr.write(`warning: ${m}\n`)): Extractor {
  let local = false;
  return {
    ...realExtractor,
    async extractAsync(report, opts) {
      if (!local) {
        try {
          return await pool.extract(report, opts);
        } catch (err) {
          if (!(err instanceof WorkersUnavailableError)) throw err;
          local = true;
          warn(`${err.message}; extracting on the main thread`);
        }
      }
      return extractReport(report, opts);
    },
  };
}

/** --workers: a whole number ≥ 0, or the machine's default. */
export function checkWorkers(v: string | number | undefined): number {
  if (v === undefined) return defaultWorkers();
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new UsageError(`--workers must be a whole number from 0 to 64, got "${v}"`);
  return n;
}

/** The store as ingest's sink, with the duplicate pre-check. */
export function storeSink(store: Store): ReportSink {
  return {
    saveExtraction: (input) => store.saveExtraction(input),
    saveMany: (inputs) => store.saveMany(inputs),
    overlapSaves: store.dialect === "postgres",
    quarantine: (item) => store.quarantine(item),
    storedVersion: async (id) =>
      (await store.db.selectFrom("reports").select("extractor_version").where("id", "=", id).executeTakeFirst())?.extractor_version ?? null,
  };
}

export interface RunIngestOptions {
  db?: string;
  outlet?: string;
  published?: string;
  allowPrivate?: boolean;
  json?: boolean;
  /** No progress output at all (embedding, e.g. `hudna start`). */
  quiet?: boolean;
  /** Extraction worker threads (0: extract on the main thread); default: cores − 1, at most 4. */
  workers?: string | number;
}

export function checkPublished(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const d = m ? new Date(`${v}T00:00:00Z`) : null;
  if (!m || !d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) {
    throw new UsageError(`--published must be a date YYYY-MM-DD, got "${v}"`);
  }
  return v;
}

export async function openStoreOrFail(db: string | undefined): Promise<Store> {
  try {
    return await openStore(db);
  } catch (err) {
    throw new UsageError(`cannot open the database: ${(err as Error).message.split("\n")[0]}`, 1);
  }
}

/** Known feed item links, so feeds don't refetch stored articles. */
export function knownUrlCheck(store: Store): (url: string) => Promise<boolean> {
  return async (url) => (await store.db.selectFrom("reports").select("id").where("url", "=", url).executeTakeFirst()) !== undefined;
}

/** Ingest sources into the store; used by the verb and by other verbs (e.g. `hudna start`). */
export async function runIngest(sources: string[], o: RunIngestOptions = {}): Promise<IngestSummary> {
  const published = checkPublished(o.published);
  const workers = checkWorkers(o.workers);
  for (const s of sources) {
    if (s !== "-" && !/^https?:\/\//i.test(s) && !existsSync(s)) throw new UsageError(`no such file or folder: ${s}`);
  }
  const store = await openStoreOrFail(o.db);
  const progress = createProgress({ quiet: o.quiet, label: "ingest" });
  const pool = workers > 0 ? createExtractPool({ size: workers }) : null;
  try {
    return await ingestSources(sources, {
      extractor: pool ? pooledExtractor(pool) : realExtractor,
      sink: storeSink(store),
      outlet: o.outlet ?? null,
      published: published ?? null,
      fetch: { allowPrivate: !!o.allowPrivate },
      isKnownUrl: knownUrlCheck(store),
      progress,
    });
  } finally {
    progress.stop();
    await pool?.close();
    await store.close();
  }
}

export function register(program: Command): void {
  program
    .command("ingest")
    .description("read reports (text/HTML files, folders, JSON Lines, RSS/Atom feeds, URLs), extract their events and store them")
    .argument("<sources...>", "files, folders, .jsonl files, feed files, http(s) URLs, or - for JSON Lines on stdin")
    .option("--db <url>", "database: SQLite path, sqlite:PATH or postgres://… (default $HUDNA_DB or ./data/hudna.db)")
    .option("--outlet <name>", "outlet for items that don't name their own")
    .option("--published <date>", "publication day YYYY-MM-DD for items that don't give one")
    .option("--allow-private", "allow fetching from loopback/private network addresses")
    .option("--json", "print the summary as JSON on stdout")
    .option("--workers <n>", "extraction worker threads; 0 extracts on the main thread (default: cores − 1, at most 4)")
    .action(async (sources: string[], o: RunIngestOptions) => {
      const summary = await runIngest(sources, o);
      process.stdout.write(o.json ? `${JSON.stringify(summary)}\n` : `${formatSummary(summary)}\n`);
    });
}
