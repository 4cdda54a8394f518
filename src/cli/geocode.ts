// `hudna geocode "…"`: resolve one place phrase as the extractor would. A table for people (the
// chosen place, the alternatives, why); `--format json` prints { query, best, alternatives }.
import type { Command } from "commander";
import { UsageError } from "./errors.js";
import { geocode, loadZonesFile, setOverlayPath, type ScoredPlace } from "../geo/index.js";

interface Opts {
  format: string;
  date?: string;
  zones?: string;
  gazetteerExtra?: string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function row(label: string, p: ScoredPlace): string {
  const rel = p.relation ? `  [${p.relation.km ?? "?"} km ${p.relation.bearing ?? ""} of ${p.relation.from}]` : "";
  const coords = p.lat === null || p.lon === null ? "—" : `${p.lat.toFixed(4)}, ${p.lon.toFixed(4)}`;
  return `${label.padEnd(6)} ${p.score.toFixed(2)}  ${p.name_ar} — ${p.name}  (${p.precision}${p.admin1 ? `, ${p.admin1}` : ""})  ${coords}  zone: ${p.zone ?? "none"}${rel}`;
}

export function register(program: Command): void {
  program
    .command("geocode")
    .description("resolve an Arabic (or English) place phrase to coordinates, with alternatives and why")
    .argument("<text...>", 'the place phrase, e.g. "ريف إدلب الجنوبي" or "على بعد 40 كم جنوب شرقي الرقة"')
    .option("--format <format>", "table | json", "table")
    .option("--date <YYYY-MM-DD>", "count a zone only if it was in force on this day")
    .option("--zones <file>", "GeoJSON FeatureCollection of monitored zones (replaces the 2017 zones)")
    .option("--gazetteer-extra <file>", "overlay gazetteer (default ./data/gazetteer-extra.json if present)")
    .action((words: string[], opts: Opts) => {
      const text = words.join(" ").trim();
      if (!text) throw new UsageError("geocode needs a place phrase");
      if (opts.format !== "table" && opts.format !== "json") throw new UsageError(`--format must be table or json, not "${opts.format}"`);
      if (opts.date !== undefined && !ISO_DAY.test(opts.date)) throw new UsageError(`--date must be YYYY-MM-DD, not "${opts.date}"`);
      if (opts.gazetteerExtra) setOverlayPath(opts.gazetteerExtra, { required: true });
      if (opts.zones) {
        try {
          loadZonesFile(opts.zones);
        } catch (e) {
          throw new UsageError((e as Error).message);
        }
      }
      let r;
      try {
        r = geocode(text, { date: opts.date ?? null });
      } catch (e) {
        throw new UsageError((e as Error).message.split("\n")[0]!);
      }
      if (opts.format === "json") {
        process.stdout.write(JSON.stringify({ query: r.query, best: r.best, alternatives: r.alternatives }, null, 2) + "\n");
        return;
      }
      const lines = [`query  ${r.query}`];
      if (!r.best) lines.push("best   (none)");
      else {
        lines.push(row("best", r.best));
        for (const a of r.alternatives) lines.push(row("alt", a));
      }
      for (const w of r.why) lines.push(`why    ${w}`);
      process.stdout.write(lines.join("\n") + "\n");
    });
}
