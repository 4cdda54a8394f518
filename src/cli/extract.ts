// `hudna extract`: one report in (UTF-8/legacy-encoded text or an HTML page), one JSON object out,
// per ../shared/spec/event-model.md. Batch forms: several files → JSON Lines (a bad file becomes an
// {"input_id","error"} line; exit 0 unless every file failed), and --input-jsonl FILE|- (streamed
// with readline, one output line per input line, never stopping on a bad line; exit 0).
import type { Command } from "commander";
import { createReadStream, readFileSync, statSync } from "node:fs";
import { createInterface } from "node:readline";
import { UsageError } from "./errors.js";
import { extractReport } from "../extract/index.js";
import { reportFromBytes, reportFromText, BadInput } from "../extract/input.js";
import { loadZones } from "../extract/places.js";
import { formatTable } from "../extract/table.js";
import type { ExtractResult } from "../model/index.js";

interface Opts {
  published?: string;
  outlet?: string;
  format: string;
  zones?: string;
  inputJsonl?: string;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
export function validDay(s: string): boolean {
  const m = ISO_DAY.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function readReport(file: string) {
  let st;
  try {
    st = statSync(file);
  } catch {
    throw new BadInput(`${file}: no such file`);
  }
  if (st.isDirectory()) throw new BadInput(`${file}: is a directory`);
  if (!st.isFile()) throw new BadInput(`${file}: not a regular file`);
  try {
    return reportFromBytes(readFileSync(file));
  } catch (e) {
    throw new BadInput(`${file}: ${(e as Error).message}`);
  }
}

// `hudna extract … | head`: a closed pipe ends the run quietly, not with a stack trace.
let epipeHooked = false;
function hookEpipe(): void {
  if (epipeHooked) return;
  epipeHooked = true;
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
  });
}

async function write(line: string): Promise<void> {
  hookEpipe();
  if (!process.stdout.write(line)) await new Promise<void>((r) => process.stdout.once("drain", () => r()));
}

function render(r: ExtractResult, format: string, pretty: boolean): string {
  if (format === "table") return formatTable(r);
  return (pretty ? JSON.stringify(r, null, 2) : JSON.stringify(r)) + "\n";
}

export function register(program: Command): void {
  program
    .command("extract")
    .description("extract structured events from Arabic news reports (text or HTML)")
    .argument("[files...]", "report files (UTF-8 or legacy-encoded text, or HTML pages)")
    .option("--published <YYYY-MM-DD>", "publication date: anchors relative dates (أمس، الاثنين…)")
    .option("--outlet <name>", "the publishing outlet")
    .option("--format <fmt>", "json (default) or table", "json")
    .option("--zones <file>", "GeoJSON file of monitored zones (default: the 2017 de-escalation zones)")
    .option("--input-jsonl <file>", "read JSON Lines {id, text|html, published?, outlet?, url?} from FILE or - (stdin)")
    .action(async (files: string[], opts: Opts) => {
      if (opts.format !== "json" && opts.format !== "table") throw new UsageError(`--format must be json or table, not '${opts.format}'`);
      if (opts.published !== undefined && !validDay(opts.published)) throw new UsageError(`--published must be a date YYYY-MM-DD, not '${opts.published}'`);
      if (opts.zones) {
        try {
          loadZones(opts.zones);
        } catch (e) {
          throw new UsageError(`--zones ${opts.zones}: ${(e as Error).message.split("\n")[0]}`);
        }
      }
      if (opts.inputJsonl) {
        if (files.length) throw new UsageError("give either files or --input-jsonl, not both");
        await runJsonl(opts.inputJsonl, opts);
        return;
      }
      if (!files.length) throw new UsageError("no input: give a FILE or --input-jsonl FILE|-");
      const meta = { published: opts.published ?? null, outlet: opts.outlet ?? null };
      if (files.length === 1) {
        let report;
        try {
          report = readReport(files[0]!);
        } catch (e) {
          throw new UsageError((e as Error).message.split("\n")[0]!);
        }
        const r = extractReport(report, { published: meta.published ?? report.published ?? null, outlet: meta.outlet ?? report.outlet ?? null });
        await write(render(r, opts.format, true));
        return;
      }
      let failed = 0;
      for (const f of files) {
        try {
          const report = readReport(f);
          const r = extractReport(report, { published: meta.published ?? report.published ?? null, outlet: meta.outlet ?? report.outlet ?? null });
          await write(opts.format === "table" ? `== ${f}\n${formatTable(r)}` : JSON.stringify({ ...r, input_id: f }) + "\n");
        } catch (e) {
          failed++;
          const msg = (e as Error).message.split("\n")[0]!;
          await write(opts.format === "table" ? `== ${f}\nerror: ${msg}\n` : JSON.stringify({ input_id: f, error: msg }) + "\n");
        }
      }
      if (failed === files.length) throw new UsageError(`all ${failed} inputs failed`);
    });
}

async function runJsonl(path: string, opts: Opts): Promise<void> {
  let input: NodeJS.ReadableStream;
  if (path === "-") input = process.stdin;
  else {
    try {
      const st = statSync(path);
      if (st.isDirectory()) throw new UsageError(`${path}: is a directory`);
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(`${path}: no such file`);
    }
    input = createReadStream(path, { encoding: "utf8" });
  }
  const rl = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    if (!line.trim()) continue;
    let id: string = `line ${n}`;
    try {
      if (line.length > 20 * 1024 * 1024) throw new BadInput("line too long");
      let rec: unknown;
      try {
        rec = JSON.parse(line);
      } catch {
        throw new BadInput("invalid JSON");
      }
      if (!rec || typeof rec !== "object" || Array.isArray(rec)) throw new BadInput("not a JSON object");
      const o = rec as Record<string, unknown>;
      if (typeof o.id === "string" || typeof o.id === "number") id = String(o.id);
      const url = typeof o.url === "string" ? o.url : null;
      let report;
      if (typeof o.text === "string") report = reportFromText(o.text, { url });
      else if (typeof o.html === "string") report = reportFromText(o.html, { url, html: true });
      else throw new BadInput("missing text or html");
      const pub = typeof o.published === "string" ? o.published.slice(0, 10) : null;
      const published = opts.published ?? (pub && validDay(pub) ? pub : null) ?? report.published ?? null;
      const outlet = opts.outlet ?? (typeof o.outlet === "string" ? o.outlet : null) ?? report.outlet ?? null;
      const r = extractReport(report, { published, outlet });
      await write(opts.format === "table" ? `== ${id}\n${formatTable(r)}` : JSON.stringify({ ...r, input_id: id }) + "\n");
    } catch (e) {
      const msg = (e as Error).message.split("\n")[0]!;
      await write(opts.format === "table" ? `== ${id}\nerror: ${msg}\n` : JSON.stringify({ input_id: id, error: msg }) + "\n");
    }
  }
}
