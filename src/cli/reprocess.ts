// `hudna reprocess`: re-extract every stored report whose extractor version is not the current one.
import type { Command } from "commander";
import { createProgress, formatSummary, reprocessReports } from "../ingest/index.js";
import { createExtractPool } from "../extract/pool.js";
import { checkWorkers, openStoreOrFail, pooledExtractor, realExtractor, storeSink } from "./ingest.js";

export function register(program: Command): void {
  program
    .command("reprocess")
    .description("re-extract stored reports made by an older extractor version, in place")
    .option("--db <url>", "database: SQLite path, sqlite:PATH or postgres://… (default $HUDNA_DB or ./data/hudna.db)")
    .option("--json", "print the summary as JSON on stdout")
    .option("--workers <n>", "extraction worker threads; 0 extracts on the main thread (default: cores − 1, at most 4)")
    .action(async (o: { db?: string; json?: boolean; workers?: string }) => {
      const workers = checkWorkers(o.workers);
      const store = await openStoreOrFail(o.db);
      const progress = createProgress({ label: "reprocess" });
      const pool = workers > 0 ? createExtractPool({ size: workers }) : null;
      try {
        const summary = await reprocessReports(store.reportsNeedingReprocess(realExtractor.version), {
          extractor: pool ? pooledExtractor(pool) : realExtractor,
          sink: storeSink(store),
          progress,
        });
        progress.stop();
        process.stdout.write(o.json ? `${JSON.stringify({ ...summary, extractor_version: realExtractor.version })}\n` : `${formatSummary(summary)}\n`);
      } finally {
        progress.stop();
        await pool?.close();
        await store.close();
      }
    });
}
