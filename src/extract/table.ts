// `--format table`: one readable row per event for a terminal.
import type { Count, ExtractResult } from "../model/index.js";

const cut = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + "…" : s);
const num = (c: Count | null) => (!c ? "-" : c.best != null ? String(c.best) : c.low != null ? `${c.low}${c.high != null ? "-" + c.high : "+"}` : "?");

export function formatTable(r: ExtractResult): string {
  const head = `report ${r.report.id.slice(0, 12)}  published ${r.report.published ?? "?"}  outlet ${r.report.outlet ?? "?"}  events ${r.events.length}\n`;
  const cols = ["type", "stance", "date", "place", "killed", "injured", "actors", "sources"];
  const rows = r.events.map((e) => [
    e.type,
    e.stance,
    e.date.start ?? (e.date.text || "?"),
    cut(e.locations[0] ? e.locations[0].name_ar || e.locations[0].name : "-", 24),
    num(e.fatalities),
    num(e.injured),
    cut(e.actors.map((a) => a.name).join(", ") || "-", 36),
    cut(e.sources.map((s) => s.name).join(", ") || "-", 40),
  ]);
  const widths = cols.map((c, i) => Math.max(c.length, ...rows.map((row) => row[i]!.length)));
  const line = (xs: string[]) => xs.map((x, i) => x.padEnd(widths[i]!)).join("  ").trimEnd() + "\n";
  let out = head + line(cols) + line(widths.map((w) => "-".repeat(w)));
  for (const row of rows) out += line(row);
  for (const w of r.warnings) out += `warning: ${w}\n`;
  return out;
}
