// `hudna quarantine`: what ingest refused and why (newest first).
import type { Command } from "commander";
import { openStoreOrFail } from "./ingest.js";
import { UsageError } from "./errors.js";

export function register(program: Command): void {
  program
    .command("quarantine")
    .description("list items that ingest refused (binary, empty, too large, undecodable, unreachable…), newest first")
    .option("--db <url>", "database: SQLite path, sqlite:PATH or postgres://… (default $HUDNA_DB or ./data/hudna.db)")
    .option("--limit <n>", "how many to list", "50")
    .option("--json", "print JSON Lines, one item per line")
    .action(async (o: { db?: string; limit: string; json?: boolean }) => {
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new UsageError(`--limit must be a whole number 1..10000, got "${o.limit}"`);
      const store = await openStoreOrFail(o.db);
      try {
        const rows = await store.listQuarantine({ limit });
        if (o.json) {
          for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
          return;
        }
        if (!rows.length) {
          process.stdout.write("quarantine is empty\n");
          return;
        }
        for (const r of rows) {
          const size = r.bytes === null ? "" : `  ${r.bytes} bytes`;
          process.stdout.write(`${r.created_at}  ${r.source}${size}\n    ${r.reason}\n`);
        }
      } finally {
        await store.close();
      }
    });
}
