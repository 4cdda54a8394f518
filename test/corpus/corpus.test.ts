// The demo corpus and the dev evaluation set are data the product ships: check them with
// scripts/check-corpus.mjs, and check that the checker itself rejects broken corpora.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const script = join(repo, "scripts", "check-corpus.mjs");

interface Summary {
  demo: { reports: number; html: number; years: Record<string, number>; zones: Record<string, number>; outside: Record<string, number> };
  dev: { reports: number; events: number; empty: number; types: Record<string, number> };
  problems: string[];
}

function run(root: string): { status: number | null; summary: Summary | null; stderr: string } {
  const r = spawnSync(process.execPath, [script, "--root", root, "--json"], { encoding: "utf8" });
  let summary: Summary | null = null;
  try {
    summary = JSON.parse(r.stdout) as Summary;
  } catch {
    summary = null;
  }
  return { status: r.status, summary, stderr: r.stderr };
}

function withTempRoot(fn: (root: string) => void): void {
  const root = mkdtempSync(join(tmpdir(), "hudna-corpus-"));
  try {
    mkdirSync(join(root, "demo", "reports"), { recursive: true });
    mkdirSync(join(root, "test", "fixtures", "reports"), { recursive: true });
    fn(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

test("the shipped corpora pass the checker", () => {
  const r = run(repo);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.summary);
  assert.deepEqual(r.summary.problems, []);
});

test("the demo corpus is spread over years, zones and places outside them", () => {
  const { summary } = run(repo);
  assert.ok(summary);
  assert.ok(summary.demo.reports >= 60, `only ${summary.demo.reports} demo reports`);
  assert.ok(summary.demo.html >= 5, "some demo reports must be HTML pages");
  for (const y of ["2017", "2018", "2019"]) assert.ok((summary.demo.years[y] ?? 0) >= 5, `few reports in ${y}`);
  for (const z of ["idlib", "northern-homs", "eastern-ghouta", "south"]) {
    assert.ok((summary.demo.zones[z] ?? 0) >= 3, `zone ${z} is barely mentioned`);
  }
  for (const p of ["الرقة", "دير الزور", "عفرين", "منبج", "دمشق", "القامشلي"]) {
    assert.ok((summary.demo.outside[p] ?? 0) >= 1, `${p} is never mentioned`);
  }
});

test("the dev evaluation set has 30+ annotated reports, some of them empty", () => {
  const { summary } = run(repo);
  assert.ok(summary);
  assert.ok(summary.dev.reports >= 30, `only ${summary.dev.reports} dev reports`);
  assert.ok(summary.dev.empty >= 2, "opinion and furniture-only pages must be annotated with no events");
  for (const t of ["air_strike", "shelling", "armed_clash", "denial", "threat", "humanitarian", "agreement"]) {
    assert.ok((summary.dev.types[t] ?? 0) >= 1, `no gold event of type ${t}`);
  }
});

test("a manifest naming a missing file and a bad date is rejected with clear messages", () => {
  withTempRoot((root) => {
    writeFileSync(
      join(root, "demo", "reports", "manifest.jsonl"),
      JSON.stringify({ file: "001-nowhere.txt", published: "2018-02-30", outlet: "صوت الوادي", url: "https://example.org/a/1" }) + "\n",
    );
    const r = run(root);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /001-nowhere\.txt does not exist/);
    assert.match(r.stderr, /2018-02-30" is not a valid YYYY-MM-DD day/);
  });
});

test("gold files with unknown types, misplaced coordinates or no report beside them are rejected", () => {
  withTempRoot((root) => {
    writeFileSync(join(root, "demo", "reports", "manifest.jsonl"), "");
    const dir = join(root, "test", "fixtures", "reports");
    writeFileSync(join(dir, "a.txt"), "عنوان\n\nحماة – «صوت الوادي»\n\nسقطت قذيفتان على حي سكني.\n");
    writeFileSync(
      join(dir, "a.gold.json"),
      JSON.stringify({ published: "2018-03-01", events: [{ id: "e1", types: ["bombardment"], near: [{ lat: 36.7, lon: 35.1 }] }] }),
    );
    writeFileSync(join(dir, "b.gold.json"), "{ not json");
    const r = run(root);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /type "bombardment" is not in the event model/);
    assert.match(r.stderr, /is not in Syria/);
    assert.match(r.stderr, /b\.gold\.json: no b\.txt or b\.html beside it/);
    assert.match(r.stderr, /b\.gold\.json: not valid JSON/);
  });
});

test("relative weekdays that contradict the publication day are reported", () => {
  withTempRoot((root) => {
    const dir = join(root, "demo", "reports");
    // 2019-06-10 was a Monday: "اليوم الاثنين" and "أول أمس السبت" fit, "أمس الأربعاء" does not.
    writeFileSync(
      join(dir, "manifest.jsonl"),
      JSON.stringify({ file: "003-weekdays.txt", published: "2019-06-10", outlet: "صوت الوادي", url: "https://example.org/a/3" }) + "\n",
    );
    writeFileSync(
      join(dir, "003-weekdays.txt"),
      "عنوان\n\nحماة – «صوت الوادي»\n\nسقطت قذيفة اليوم الاثنين على حي سكني، بعد غارة أول أمس السبت وقصف أمس الأربعاء.\n",
    );
    const r = run(root);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /"أمس الأربعاء" does not fit publication day 2019-06-10/);
    assert.doesNotMatch(r.stderr, /اليوم الاثنين|أول أمس السبت/);
  });
});

test("a report not listed in the manifest is reported", () => {
  withTempRoot((root) => {
    const dir = join(root, "demo", "reports");
    writeFileSync(join(dir, "manifest.jsonl"), "");
    writeFileSync(join(dir, "002-stray.txt"), "عنوان\n\nدرعا – «صوت الوادي»\n\nنص قصير.\n");
    const r = run(root);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /002-stray\.txt: not listed in manifest\.jsonl/);
  });
});
