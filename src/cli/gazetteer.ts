// `hudna gazetteer`: counts of the built gazetteer (+ overlay), and `--import FILE` to extend it with
// a GeoNames-format dump into a user overlay (default ./data/gazetteer-extra.json).
import type { Command } from "commander";
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { UsageError } from "./errors.js";
import { loadGazetteer, setOverlayPath } from "../geo/index.js";
import { importGeoNames } from "../geo/geonames.js";

interface Opts {
  stats?: boolean;
  import?: string;
  out: string;
  country?: string;
  format: string;
}

export function register(program: Command): void {
  program
    .command("gazetteer")
    .description("show gazetteer counts, or import a GeoNames dump into the user overlay")
    .option("--stats", "print counts by kind (built gazetteer + overlay)")
    .option("--import <file>", "GeoNames-format dump (tab-separated, 19 columns, e.g. SY.txt)")
    .option("--out <file>", "overlay file to write", "data/gazetteer-extra.json")
    .option("--country <CC>", "import only rows of this ISO country code")
    .option("--format <format>", "table | json", "table")
    .action(async (opts: Opts) => {
      if (opts.format !== "table" && opts.format !== "json") throw new UsageError(`--format must be table or json, not "${opts.format}"`);
      if (opts.country !== undefined && !/^[A-Za-z]{2}$/.test(opts.country)) throw new UsageError("--country must be a two-letter ISO code");
      const out = resolve(opts.out);
      setOverlayPath(out);
      if (opts.import) {
        const file = resolve(opts.import);
        if (!existsSync(file)) throw new UsageError(`cannot read ${opts.import}: no such file`);
        if (!statSync(file).isFile()) throw new UsageError(`${opts.import}: not a regular file`);
        let s;
        try {
          s = await importGeoNames(file, out, { country: opts.country });
        } catch (e) {
          throw new UsageError((e as Error).message);
        }
        if (opts.format === "json") process.stdout.write(JSON.stringify(s) + "\n");
        else
          process.stdout.write(
            `imported ${s.added} places (${s.withArabic} with Arabic names) from ${s.rows} rows into ${s.out}\n` +
              `skipped: ${s.skippedDuplicate} already known, ${s.skippedClass} other feature classes, ${s.skippedBad} malformed; overlay now holds ${s.total}\n`,
          );
        if (!opts.stats) return;
      }
      let g;
      try {
        g = loadGazetteer();
      } catch (e) {
        throw new UsageError((e as Error).message.split("\n")[0]!);
      }
      const byKind = { ...g.counts };
      const withAr = g.places.filter((p) => p.name_ar).length;
      const syrianAr = g.places.filter((p) => p.cc === "SY" && p.name_ar).length;
      const derived = g.places.filter((p) => p.derived).length;
      const stats = { ...byKind, with_arabic: withAr, syrian_with_arabic: syrianAr, derived_arabic: derived, overlay: g.overlay };
      if (opts.format === "json") {
        process.stdout.write(JSON.stringify(stats) + "\n");
        return;
      }
      const lines = [`places            ${g.counts.total}`, `syrian            ${g.counts.syrian} (${syrianAr} with an Arabic name, ${derived} of them derived)`];
      for (const [k, v] of Object.entries(byKind).sort((a, b) => b[1] - a[1])) if (k !== "total" && k !== "syrian") lines.push(`  ${k.padEnd(16)}${v}`);
      lines.push(
        !g.overlay ? "overlay           none"
        : g.overlay.error ? `overlay           skipped (${g.overlay.error})`
        : `overlay           ${g.overlay.places} places from ${g.overlay.path}`,
      );
      process.stdout.write(lines.join("\n") + "\n");
    });
}
