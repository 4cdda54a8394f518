// `hudna start` (what `npm start` runs): the main job on the embedded default — build the dashboard,
// ingest the bundled demo reports into the SQLite database (idempotent: a second start re-ingests
// nothing), then serve the API and the dashboard.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Command } from "commander";
import { formatSummary } from "../ingest/index.js";
import { runIngest } from "./ingest.js";
import { serveUntilStopped, parsePort } from "./serve.js";
import { UsageError } from "./errors.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DEMO_DIR = join(ROOT, "demo", "reports");

interface StartOptions {
  port: string;
  host: string;
  db?: string;
  demo: string;
  ingest: boolean;
}

async function buildDashboard(): Promise<void> {
  const script = join(ROOT, "scripts", "build-web.mjs");
  const mod = (await import(pathToFileURL(script).href)) as { buildWeb(o?: { quiet?: boolean }): Promise<unknown> };
  await mod.buildWeb({ quiet: true });
}

export function register(program: Command): void {
  program
    .command("start")
    .description("ingest the bundled demo reports into the local database and serve the dashboard (what `npm start` runs)")
    .option("--port <n>", "port to listen on (or $PORT)", process.env.PORT ?? "8080")
    .option("--host <addr>", "address to bind", "127.0.0.1")
    .option("--db <url>", "database (default $HUDNA_DB or ./data/hudna.db)")
    .option("--demo <dir>", "folder of reports to ingest first", DEMO_DIR)
    .option("--no-ingest", "skip ingesting; just serve what the database holds")
    .action(async (o: StartOptions) => {
      const port = parsePort(o.port);
      if (o.ingest && !existsSync(o.demo)) throw new UsageError(`no such folder: ${o.demo}`);
      const t0 = performance.now();
      await buildDashboard();
      process.stderr.write(`hudna: dashboard built (${Math.round(performance.now() - t0)} ms)\n`);
      if (o.ingest) {
        const summary = await runIngest([o.demo], { db: o.db, quiet: !process.stderr.isTTY });
        process.stderr.write(`hudna: demo reports — ${formatSummary(summary)}\n`);
      }
      await serveUntilStopped({ port, host: o.host, db: o.db });
    });
}
