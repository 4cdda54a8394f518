#!/usr/bin/env node
// `npm test`: type-check, then every test/**/*.test.ts with Node's own test runner (through tsx).
// Node 20's --test does not glob TypeScript files, so we list them here.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const args = process.argv.slice(2);
const filter = args.filter((a) => !a.startsWith("--"));
const skipTypecheck = args.includes("--no-typecheck");

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (name.endsWith(".test.ts")) out.push(p);
  }
  return out;
}

if (!skipTypecheck) {
  const tc = spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "tsconfig.json"], { stdio: "inherit" });
  if (tc.status !== 0) {
    console.error("typecheck failed");
    process.exit(tc.status ?? 1);
  }
}
let files = walk("test");
if (filter.length) files = files.filter((f) => filter.some((x) => f.includes(x)));
if (!files.length) {
  console.error("no test files matched");
  process.exit(1);
}
const run = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=2", ...files], { stdio: "inherit" });
process.exit(run.status ?? 1);
