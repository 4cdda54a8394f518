// `hudna export --format geojson|csv|jsonl [--db URL] [--zone Z] [--type T] [--from D] [--to D] [--out FILE]`
// Incidents from the store, streamed page by page (constant memory). CSV columns follow ACLED's
// (event_date, event_type, … fatalities) plus Hudna's own (low, best, high, status, zone, report_ids…).
import { createWriteStream, existsSync, renameSync, rmSync } from "node:fs";
import { once } from "node:events";
import type { Writable } from "node:stream";
import type { Command } from "commander";
import { EVENT_TYPES } from "../model/index.js";
import { openStore, parseDbUrl } from "../store/index.js";
import { EXPORT_FORMATS, exportIncidents, type ExportFilter, type ExportFormat } from "../store/export/index.js";
import { UsageError } from "./errors.js";

interface ExportOptions {
  format: string;
  db?: string;
  zone?: string;
  type?: string;
  from?: string;
  to?: string;
  out?: string;
}

function validDate(flag: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) throw new UsageError(`${flag} wants a date YYYY-MM-DD, got "${v}"`);
  return v;
}

export function parseExportOptions(o: ExportOptions): { format: ExportFormat; filter: ExportFilter } {
  if (!(EXPORT_FORMATS as readonly string[]).includes(o.format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(", ")}; got "${o.format}"`);
  if (o.type !== undefined && !(EVENT_TYPES as readonly string[]).includes(o.type)) throw new UsageError(`unknown --type "${o.type}" (one of: ${EVENT_TYPES.join(", ")})`);
  if (o.zone !== undefined && !/^[\w.-]{1,100}$/.test(o.zone)) throw new UsageError(`bad --zone "${o.zone}"`);
  const from = validDate("--from", o.from);
  const to = validDate("--to", o.to);
  if (from && to && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  return { format: o.format as ExportFormat, filter: { zone: o.zone, type: o.type, from, to } };
}

export function register(program: Command): void {
  program
    .command("export")
    .description("export incidents as GeoJSON, CSV (ACLED-compatible columns) or JSON Lines")
    .requiredOption("--format <format>", `output format: ${EXPORT_FORMATS.join(" | ")}`)
    .option("--db <url>", "database: a SQLite path, sqlite:PATH or postgres://… (default $HUDNA_DB or ./data/hudna.db)")
    .option("--zone <id>", "only incidents in this monitored zone (e.g. idlib)")
    .option("--type <type>", "only incidents of this event type (e.g. air_strike)")
    .option("--from <date>", "only incidents starting on or after this day (YYYY-MM-DD)")
    .option("--to <date>", "only incidents starting on or before this day (YYYY-MM-DD)")
    .option("--out <file>", "write to FILE instead of stdout")
    .action(async (o: ExportOptions) => {
      const { format, filter } = parseExportOptions(o);
      let target;
      try {
        target = parseDbUrl(o.db);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      // Exporting reads: never create an empty database by mistake.
      if (target.dialect === "sqlite" && target.location !== ":memory:" && !existsSync(target.location)) {
        throw new UsageError(`no database at ${target.location} (give --db or set HUDNA_DB)`);
      }
      const store = await openStore(o.db);
      try {
        if (o.out) {
          // Write beside the target and rename at the end: a failed export never leaves half a file.
          const tmp = `${o.out}.partial-${process.pid}`;
          const file = createWriteStream(tmp);
          try {
            const n = await exportIncidents(store.db, format, filter, file);
            file.end();
            await once(file, "finish");
            renameSync(tmp, o.out);
            process.stderr.write(`hudna export: ${n} incident(s) → ${o.out}\n`);
          } catch (err) {
            file.destroy();
            rmSync(tmp, { force: true });
            throw err;
          }
        } else {
          const out: Writable = process.stdout;
          // A closed pipe (`| head`) ends the export quietly.
          out.on("error", (err: NodeJS.ErrnoException) => {
            if (err.code !== "EPIPE") throw err;
          });
          await exportIncidents(store.db, format, filter, out);
        }
      } finally {
        await store.close();
      }
    });
}
