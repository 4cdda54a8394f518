// geocode(), countryOf(), and the `hudna geocode` / `hudna gazetteer` verbs run as real processes.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { geocode, countryOf, loadGazetteer } from "../../src/geo/index.js";

const dir = mkdtempSync(join(tmpdir(), "hudna-geo-cli-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function hudna(...args: string[]) {
  const r = spawnSync(process.execPath, ["bin/hudna.js", ...args], { encoding: "utf8", cwd: process.cwd(), env: { ...process.env, HUDNA_DEBUG: "" } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test("geocode: best, alternatives and why", () => {
  const r = geocode("ريف إدلب الجنوبي");
  assert.equal(r.best?.precision, "region");
  assert.ok(r.why.some((w) => w.includes("ريف ادلب الجنوبي")));
  const k = geocode("الخالدية");
  assert.ok(k.best && k.alternatives.length >= 2, "an ambiguous name keeps its alternatives");
  assert.ok(k.best.score >= k.alternatives[0]!.score);
  // a query is a place phrase: no cue is needed even for words common in prose
  assert.equal(geocode("الحرية").best?.admin1, "Hama");
  assert.equal(geocode("Khan Shaykhun").best?.name, "Khan Shaykhun");
  assert.equal(geocode("لا شيء هنا").best, null);
  assert.equal(geocode("").best, null);
});

test("geocode: relative phrase moves the point", () => {
  const r = geocode("على بعد 40 كم جنوب شرقي الرقة");
  assert.deepEqual(r.best?.relation, { km: 40, bearing: "SE", from: "Raqqa" });
  assert.ok(r.best!.lat! < 35.9);
});

test("countryOf: names, adjectives and demonyms", () => {
  for (const [w, cc] of [
    ["روسيا", "RU"], ["الروسية", "RU"], ["الروسي", "RU"], ["روس", "RU"], ["التركي", "TR"], ["أتراك", "TR"],
    ["الإيراني", "IR"], ["الإيرانية", "IR"], ["الأمريكية", "US"], ["واشنطن", null], ["الأميركي", "US"],
    ["بريطانيا", "GB"], ["والأردن", "JO"], ["السورية", "SY"], ["Russia", "RU"], ["حلب", null], ["", null],
  ] as [string, string | null][]) {
    assert.equal(countryOf(w)?.code ?? null, cc, w);
  }
  assert.equal(countryOf("تركيا")?.name, "Turkey");
});

test("the gazetteer: counts, Arabic names, every governorate", () => {
  const g = loadGazetteer();
  assert.ok(g.counts.syrian! >= 4000, `syrian ${g.counts.syrian}`);
  assert.equal(g.counts.governorate, 14);
  assert.ok(g.places.filter((p) => p.cc === "SY").every((p) => p.name_ar.length > 0));
  assert.equal(loadGazetteer(), g, "cached");
});

test("hudna geocode --format json prints { query, best, alternatives }", () => {
  const r = hudna("geocode", "--format", "json", "مدينة", "حلب");
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.deepEqual(Object.keys(j), ["query", "best", "alternatives"]);
  assert.equal(j.query, "مدينة حلب");
  assert.equal(j.best.name, "Aleppo");
  assert.equal(j.best.precision, "town");
  for (const k of ["name", "name_ar", "admin1", "lat", "lon", "precision", "zone", "score"]) assert.ok(k in j.best, k);
});

test("hudna geocode table, and usage errors exit 2 with one line", () => {
  const r = hudna("geocode", "حي الوعر");
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /best\s+\d\.\d\d\s+الوعر — Al-Waer/);
  assert.match(r.out, /why/);
  const bad = hudna("geocode", "--format", "xml", "حلب");
  assert.equal(bad.code, 2);
  assert.equal(bad.err.trim().split("\n").length, 1);
  const badDate = hudna("geocode", "--date", "yesterday", "حلب");
  assert.equal(badDate.code, 2);
  const badZones = hudna("geocode", "--zones", join(dir, "nope.geojson"), "حلب");
  assert.equal(badZones.code, 2);
  assert.match(badZones.err, /cannot read zones file/);
});

// A small GeoNames-format dump (19 tab-separated columns) of places we made up plus one duplicate.
const row = (id: number, name: string, alt: string, lat: number, lon: number, fcl: string, fcode: string, cc: string, a1: string, pop: number) =>
  [id, name, name, alt, lat, lon, fcl, fcode, cc, "", a1, "", "", "", pop, "", "100", "Asia/Damascus", "2020-01-01"].join("\t");
const DUMP = [
  row(9000001, "Qaryat al-Tajriba", "Qaryat Tajriba,قرية التجربة,التجربة", 35.1, 36.9, "P", "PPL", "SY", "12", 1200),
  row(9000002, "Wadi al-Mithal", "وادي المثال", 34.5, 37.5, "T", "VAL", "SY", "11", 0),
  row(9000003, "Douma", "Duma,دوما", 33.5719, 36.4019, "P", "PPLA2", "SY", "08", 110000),
  row(9000004, "Some Stream", "", 34.0, 37.0, "H", "STM", "SY", "08", 0),
  row(9000005, "Ciudad Ejemplo", "مدينة المثال الكبرى,المثال الكبرى", 10.5, -66.9, "P", "PPLA", "VE", "25", 90000),
  "this line is broken",
].join("\n");

test("hudna gazetteer --import writes an overlay that geocode then uses", () => {
  const dump = join(dir, "XX.txt");
  writeFileSync(dump, DUMP + "\n");
  const out = join(dir, "extra.json");
  const r = hudna("gazetteer", "--import", dump, "--out", out, "--format", "json");
  assert.equal(r.code, 0, r.err);
  const s = JSON.parse(r.out);
  assert.equal(s.added, 3);
  assert.equal(s.skippedDuplicate, 1, "Douma is already known");
  assert.equal(s.skippedClass, 1);
  assert.equal(s.skippedBad, 1);
  assert.ok(existsSync(out));
  const file = JSON.parse(readFileSync(out, "utf8"));
  const t = file.places.find((p: { id: string }) => p.id === "gn-9000001");
  assert.equal(t.name_ar, "قرية التجربة");
  assert.equal(t.kind, "town");
  assert.ok(t.admin1, "admin1 from the nearest known place");

  const g = hudna("geocode", "--format", "json", "--gazetteer-extra", out, "المثال الكبرى");
  assert.equal(g.code, 0, g.err);
  const j = JSON.parse(g.out);
  assert.equal(j.best.name, "Ciudad Ejemplo");
  assert.equal(j.best.lat, 10.5);

  const st = hudna("gazetteer", "--stats", "--out", out);
  assert.equal(st.code, 0, st.err);
  assert.match(st.out, /overlay\s+3 places/);
  // importing again is idempotent
  const again = JSON.parse(hudna("gazetteer", "--import", dump, "--out", out, "--format", "json").out);
  assert.equal(again.total, 3);
});

test("hudna gazetteer --import rejects what is not a GeoNames dump", () => {
  const f = join(dir, "notes.txt");
  writeFileSync(f, "hello\nworld\nthis is\nnot\ngeonames\n");
  const r = hudna("gazetteer", "--import", f, "--out", join(dir, "x.json"));
  assert.equal(r.code, 2);
  assert.match(r.err, /does not look like a GeoNames dump/);
  assert.equal(hudna("gazetteer", "--import", join(dir, "missing.txt")).code, 2);
});

test("geocode: English transliterations spelled otherwise", () => {
  for (const q of ["Khan Sheikhoun", "Maarat al-Numan", "Jisr al-Shughur", "Deir Ezzor", "Kafranbel"]) {
    const r = geocode(q);
    assert.ok(r.best, q);
    assert.equal(r.best!.precision === "town" || r.best!.precision === "governorate" || r.best!.precision === "district", true, q);
  }
  assert.equal(geocode("Khan Sheikhoun").best?.admin1, "Idlib");
});

test("a broken overlay: named → one-line error; default → skipped, built gazetteer still works", () => {
  const bad = join(dir, "broken.json");
  writeFileSync(bad, "{ not json");
  const r = hudna("geocode", "--gazetteer-extra", bad, "حلب");
  assert.equal(r.code, 2);
  assert.match(r.err, /not valid JSON/);
  const work = mkdtempSync(join(tmpdir(), "hudna-geo-cwd-"));
  try {
    const dataDir = join(work, "data");
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, "gazetteer-extra.json"), "{ not json");
    const q = spawnSync(process.execPath, [join(process.cwd(), "bin/hudna.js"), "geocode", "--format", "json", "حلب"], { encoding: "utf8", cwd: work });
    assert.equal(q.status, 0, q.stderr);
    assert.equal(JSON.parse(q.stdout).best.name, "Aleppo");
    assert.match(q.stderr, /skipping gazetteer overlay/);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test("hudna gazetteer with no flag prints the counts", () => {
  const r = hudna("gazetteer", "--out", join(dir, "none.json"));
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /places\s+\d+/);
  assert.match(r.out, /governorate\s+14/);
  assert.match(r.out, /overlay\s+none/);
  const j = JSON.parse(hudna("gazetteer", "--stats", "--format", "json", "--out", join(dir, "none.json")).out);
  assert.equal(j.governorate, 14);
  assert.ok(j.syrian_with_arabic >= 4000);
});

test("the build script says clearly when its source data is missing", () => {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/build-gazetteer.ts", "--data", join(dir, "no-such-dir"), "--out", join(dir, "out")], { encoding: "utf8" });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /data folder not found/);
  assert.ok(!existsSync(join(dir, "out")), "nothing written");
});
