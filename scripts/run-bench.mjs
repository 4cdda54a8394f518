#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) one after the
// other, so they don't compete for the two cores, and collects their `BENCH …` lines into
// bench/results/latest.txt. Figures are ratios against baselines measured in the same run.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const only = process.argv.slice(2);
let files = readdirSync("bench")
  .filter((f) => f.endsWith(".bench.ts"))
  .sort();
if (only.length) files = files.filter((f) => only.some((o) => f.includes(o)));
const lines = [];
let failed = 0;
for (const f of files) {
  console.log(`\n=== ${f}`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", join("bench", f)], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(r.stdout ?? "");
  for (const l of (r.stdout ?? "").split("\n")) if (l.startsWith("BENCH ")) lines.push(l);
  if (r.status !== 0) {
    failed++;
    lines.push(`BENCH ${f} FAILED exit=${r.status}`);
  }
  console.log(`=== ${f} took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
mkdirSync("bench/results", { recursive: true });
const header = `# npm run bench — ${new Date().toISOString()} — node ${process.version}\n`;
writeFileSync("bench/results/latest.txt", header + lines.join("\n") + "\n");
console.log(`\n${lines.join("\n")}\n(saved to bench/results/latest.txt)`);
process.exit(failed ? 1 : 0);
