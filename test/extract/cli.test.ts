// The `hudna extract` verb end to end: real processes, real files in a temp dir.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

let dir = "";
const REPORT = "مقتل أربعة مدنيين بقصف على بلدة الهبيط\n\nقُتل أربعة مدنيين أمس بقصف مدفعي على بلدة الهبيط، بحسب الدفاع المدني السوري.\n";
const HTML = `<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>غارة على سرمين</title></head><body>
<nav><a href="/">الرئيسية</a></nav><article><h1>غارة على سرمين</h1>
<p>قُتل ثلاثة مدنيين فجر اليوم بغارة جوية استهدفت مدينة سرمين في ريف إدلب الشرقي، بحسب ما أفاد ناشطون محليون من المدينة نفسها.</p>
<p>وقال الناشطون إن الطائرات الحربية نفذت غارتين متتاليتين على حي سكني في وسط المدينة، ما أدى إلى دمار كبير في المنازل.</p></article>
<footer>جميع الحقوق محفوظة</footer></body></html>`;

function hudna(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ["bin/hudna.js", "extract", ...args], { encoding: "utf8", input, timeout: 60000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), "hudna-extract-"));
  writeFileSync(join(dir, "a.txt"), REPORT);
  writeFileSync(join(dir, "b.html"), HTML);
  writeFileSync(join(dir, "empty.txt"), "");
  writeFileSync(join(dir, "bin.dat"), Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 0, 7, 8, 9, 0, 0, 0, 1]));
  mkdirSync(join(dir, "sub"));
  writeFileSync(
    join(dir, "in.jsonl"),
    [JSON.stringify({ id: "r1", text: REPORT, published: "2020-03-11" }), "{not json", JSON.stringify({ id: "r3", title: "no text" }), JSON.stringify({ id: "r4", html: HTML })].join("\n") + "\n",
  );
});
after(() => rmSync(dir, { recursive: true, force: true }));

test("one text file → one JSON object in the contract's shape", () => {
  const r = hudna([join(dir, "a.txt"), "--published", "2020-03-11", "--outlet", "الاختبار"]);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.report.language, "ar");
  assert.equal(j.report.published, "2020-03-11");
  assert.equal(j.report.outlet, "الاختبار");
  assert.match(j.report.id, /^[0-9a-f]{64}$/);
  const e = j.events.find((x: { type: string }) => x.type === "shelling");
  assert.ok(e);
  for (const k of ["id", "type", "stance", "disputes", "date", "actors", "targets", "locations", "fatalities", "injured", "sources", "evidence", "confidence", "details"]) assert.ok(k in e, k);
  assert.equal(e.date.start, "2020-03-10");
  assert.equal(e.fatalities.best, 4);
});

test("an HTML page is detected and evidence points into the HTML", () => {
  const r = hudna([join(dir, "b.html"), "--published", "2020-03-11"]);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  const e = j.events.find((x: { type: string }) => x.type === "air_strike");
  assert.ok(e, r.out);
  const ev = e.evidence[0];
  assert.ok(HTML.slice(ev.start, ev.end).includes("سرمين"));
});

test("--format table prints a readable row per event", () => {
  const r = hudna([join(dir, "a.txt"), "--published", "2020-03-11", "--format", "table"]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /type\s+stance\s+date/);
  assert.match(r.out, /shelling\s+claimed\s+2020-03-10/);
});

test("several files → JSON Lines in order, a bad file becomes an error line", () => {
  const r = hudna([join(dir, "a.txt"), join(dir, "missing.txt"), join(dir, "b.html")]);
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(lines.length, 3);
  assert.equal(lines[0].input_id, join(dir, "a.txt"));
  assert.ok(lines[1].error && !lines[1].events);
  assert.ok(Array.isArray(lines[2].events));
});

test("--input-jsonl: one line per input line, bad lines reported, never stops", () => {
  const r = hudna(["--input-jsonl", join(dir, "in.jsonl")]);
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trim().split("\n").map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.input_id), ["r1", "line 2", "r3", "r4"]);
  assert.ok(lines[0].events.length >= 1);
  assert.match(lines[1].error, /invalid JSON/);
  assert.match(lines[2].error, /missing text/);
  assert.ok(Array.isArray(lines[3].events));
});

test("--input-jsonl - reads stdin", () => {
  const r = hudna(["--input-jsonl", "-"], JSON.stringify({ id: "s1", text: REPORT }) + "\n");
  assert.equal(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).input_id, "s1");
});

test("bad input → one line on stderr, exit 2, no stack trace", () => {
  for (const args of [[join(dir, "missing.txt")], [join(dir, "sub")], [join(dir, "empty.txt")], [join(dir, "bin.dat")], [join(dir, "a.txt"), "--published", "2020-13-45"], [join(dir, "a.txt"), "--format", "xml"]]) {
    const r = hudna(args);
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.err}`);
    assert.equal(r.err.trim().split("\n").length, 1, r.err);
    assert.doesNotMatch(r.err, /\bat .*\(.*:\d+:\d+\)/);
    assert.equal(r.out, "");
  }
});
