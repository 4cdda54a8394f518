import assert from "node:assert/strict";
import { test } from "node:test";
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { Command } from "commander";
import { forEachEngine } from "./engines.js";
import { count, event, PARTIES, PLACES, result, SOURCES, TEXTS } from "../incidents/fixtures.js";
import { openStore, type Store } from "../../src/store/index.js";
import { CSV_COLUMNS, exportIncidents, type ExportFilter, type ExportFormat } from "../../src/store/export/index.js";
import { register } from "../../src/cli/export.js";
import { UsageError } from "../../src/cli/errors.js";

/** RFC 4180 parser (quoted fields, doubled quotes, CRLF inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (ch === '"') (quoted = false), i++;
      else (field += ch), i++;
    } else if (ch === '"') (quoted = true), i++;
    else if (ch === ",") row.push(field), (field = ""), i++;
    else if (ch === "\r" && text[i + 1] === "\n") row.push(field), rows.push(row), (row = []), (field = ""), (i += 2);
    else (field += ch), i++;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

async function fill(store: Store): Promise<void> {
  const tricky = { ...PLACES.ariha, name: 'Ariha, "old town"\r\nquarter', name_ar: "أريحا، البلدة القديمة" };
  await store.saveExtraction({
    report: { id: "sana-1", text: TEXTS.sanaStrike, outlet: "SANA" },
    result: result("sana-1", [event({ id: "sana-1-e0", locations: [tricky], sources: [SOURCES.sana], fatalities: count(5) })], { outlet: "SANA" }),
  });
  await store.saveExtraction({
    report: { id: "sohr-1", text: TEXTS.sohrStrike },
    result: result("sohr-1", [event({ id: "sohr-1-e0", locations: [tricky], sources: [SOURCES.sohr], fatalities: count(12) })]),
  });
  await store.saveExtraction({
    report: { id: "d-1", text: TEXTS.shelling },
    result: result("d-1", [
      event({
        id: "d-1-e0",
        type: "shelling",
        actors: [{ name: "=HYPERLINK(1)", name_ar: "", kind: "unknown" }, PARTIES.rebels],
        locations: [PLACES.douma],
        injured: count(3),
        date: { start: "2017-09-25", end: "2017-09-25", precision: "day", text: "صباح اليوم" },
      }),
    ]),
  });
  // undated: exported last, and only without a date filter
  await store.saveExtraction({
    report: { id: "u-1", text: "اجتماع في مكان ما" },
    result: result("u-1", [event({ id: "u-1-e0", type: "meeting", actors: [], locations: [], date: { start: null, end: null, precision: "unknown", text: "" } })]),
  });
}

async function run(store: Store, format: ExportFormat, filter: ExportFilter = {}, pageSize = 2): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  await exportIncidents(store.db, format, filter, out, pageSize);
  out.end();
  return Buffer.concat(chunks).toString("utf8");
}

forEachEngine("export", (engine) => {
  engine.it("CSV: ACLED columns + ours, RFC 4180 quoting, parses back", async (store) => {
    await fill(store);
    const text = await run(store, "csv");
    const rows = parseCsv(text);
    assert.deepEqual(rows[0], [...CSV_COLUMNS]);
    assert.equal(rows.length, 1 + 3);
    const rec = rows.slice(1).map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]])));
    const strike = rec[0]!;
    assert.equal(strike.event_date, "2017-09-20");
    assert.equal(strike.event_type, "Explosions/Remote violence");
    assert.equal(strike.sub_event_type, "Air/drone strike");
    assert.equal(strike.location, 'Ariha, "old town"\r\nquarter');
    assert.equal(strike.actor1, "Russian Air Force");
    assert.equal(strike.actor2, "civilians");
    assert.equal(strike.fatalities, "5");
    assert.deepEqual([strike.low, strike.best, strike.high], ["5", "5", "12"]);
    assert.equal(strike.status, "corroborated");
    assert.equal(strike.zone, "idlib");
    assert.equal(strike.geo_precision, "1");
    assert.equal(strike.time_precision, "1");
    assert.equal(strike.report_ids, "sana-1;sohr-1");
    assert.equal(strike.source, "SANA; Syrian Observatory for Human Rights");
    assert.equal(strike.source_scale, "National-Other");
    assert.match(strike.notes!, /أريحا/);
    const shelling = rec[1]!;
    assert.equal(shelling.sub_event_type, "Shelling/artillery/missile attack");
    assert.ok(shelling.actor1!.startsWith("'="), "a formula-looking cell is defused");
    assert.equal(shelling.fatalities, "0");
    assert.equal(shelling.injured_best, "3");
    assert.equal(rec[2]!.event_type, "Strategic developments");
    assert.equal(rec[2]!.event_date, "");
  });

  engine.it("GeoJSON and JSONL, with filters", async (store) => {
    await fill(store);
    const gj = JSON.parse(await run(store, "geojson")) as { type: string; features: Array<{ geometry: { coordinates: number[] } | null; properties: Record<string, unknown> }> };
    assert.equal(gj.type, "FeatureCollection");
    assert.equal(gj.features.length, 3);
    assert.deepEqual(gj.features[0]!.geometry!.coordinates, [PLACES.ariha.lon, PLACES.ariha.lat]);
    assert.equal(gj.features[2]!.geometry, null);
    assert.deepEqual(gj.features[0]!.properties.killed, { low: 5, best: 5, high: 12 });

    const lines = (await run(store, "jsonl", { zone: "eastern-ghouta" })).trim().split("\n");
    assert.equal(lines.length, 1);
    assert.equal((JSON.parse(lines[0]!) as { type: string }).type, "shelling");
    assert.equal((await run(store, "jsonl", { type: "air_strike" })).trim().split("\n").length, 1);
    assert.equal((await run(store, "jsonl", { from: "2017-09-21", to: "2017-09-30" })).trim().split("\n").length, 1);
    const empty = JSON.parse(await run(store, "geojson", { type: "chemical_attack" })) as { features: unknown[] };
    assert.deepEqual(empty.features, []);
  });
});

test("hudna export: flags, --out file, usage errors", async () => {
  const dir = mkdtempSync(join(tmpdir(), "hudna-export-"));
  try {
    const db = join(dir, "h.db");
    const store = await openStore(db);
    await fill(store);
    await store.close();
    const cli = () => {
      const p = new Command().exitOverride();
      register(p);
      return p;
    };
    const out = join(dir, "out.csv");
    await cli().parseAsync(["node", "hudna", "export", "--format", "csv", "--db", db, "--type", "shelling", "--out", out]);
    const rows = parseCsv(readFileSync(out, "utf8"));
    assert.equal(rows.length, 2);
    assert.ok(!existsSync(`${out}.partial-${process.pid}`));
    await assert.rejects(cli().parseAsync(["node", "hudna", "export", "--format", "xml", "--db", db]), UsageError);
    await assert.rejects(cli().parseAsync(["node", "hudna", "export", "--format", "csv", "--db", db, "--from", "yesterday"]), UsageError);
    await assert.rejects(cli().parseAsync(["node", "hudna", "export", "--format", "csv", "--db", db, "--type", "bombing"]), UsageError);
    await assert.rejects(cli().parseAsync(["node", "hudna", "export", "--format", "csv", "--db", "mysql://x/y"]), /unsupported database URL/);
    await assert.rejects(cli().parseAsync(["node", "hudna", "export", "--format", "csv", "--db", join(dir, "missing.db")]), /no database at/);
    assert.ok(!existsSync(join(dir, "missing.db")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
