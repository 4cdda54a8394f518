// Zones: the four 2017 de-escalation zones, point-in-polygon, dates, custom zone files.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zoneAt, getZones, loadZonesFile, resetZones, findPlaces } from "../../src/geo/index.js";

const dir = mkdtempSync(join(tmpdir(), "hudna-geo-zones-"));
after(() => {
  resetZones();
  rmSync(dir, { recursive: true, force: true });
});

test("ships the four 2017 zones with both names, guarantors and dates", () => {
  resetZones();
  const zs = getZones();
  assert.deepEqual(zs.map((z) => z.properties.id).sort(), ["eastern-ghouta", "idlib", "northern-homs", "south"]);
  for (const z of zs) {
    assert.ok(z.properties.name && z.properties.name_ar, z.properties.id);
    assert.ok(z.properties.guarantors.includes("Russia") && z.properties.guarantors.includes("Turkey") && z.properties.guarantors.includes("Iran"));
    assert.equal(z.properties.start, "2017-05-04");
  }
  assert.equal(zs.find((z) => z.properties.id === "idlib")!.properties.end, null);
  assert.equal(zs.find((z) => z.properties.id === "eastern-ghouta")!.properties.end, "2018-04-14");
});

test("zoneAt: towns inside each zone, and outside any", () => {
  resetZones();
  assert.equal(zoneAt(35.93, 36.634), "idlib"); // Idlib city
  assert.equal(zoneAt(35.441, 36.65), "idlib"); // Khan Shaykhun
  assert.equal(zoneAt(34.926, 36.733), "northern-homs"); // Rastan
  assert.equal(zoneAt(33.572, 36.403), "eastern-ghouta"); // Douma
  assert.equal(zoneAt(32.887, 36.04), "south"); // Nawa
  assert.equal(zoneAt(33.513, 36.292), null); // Damascus
  assert.equal(zoneAt(36.202, 37.134), null); // Aleppo
  assert.equal(zoneAt(35.95, 39.01), null); // Raqqa
  assert.equal(zoneAt(Number.NaN, 36), null);
});

test("zoneAt is date-aware: a zone counts only between start and end", () => {
  resetZones();
  assert.equal(zoneAt(33.572, 36.403, "2017-04-30"), null);
  assert.equal(zoneAt(33.572, 36.403, "2017-05-04"), "eastern-ghouta");
  assert.equal(zoneAt(33.572, 36.403, "2018-04-14"), "eastern-ghouta");
  assert.equal(zoneAt(33.572, 36.403, "2018-04-15"), null);
  assert.equal(zoneAt(35.93, 36.634, "2024-01-01"), "idlib");
});

test("loadZonesFile replaces the active zones with any FeatureCollection", () => {
  const f = join(dir, "zones.geojson");
  writeFileSync(
    f,
    JSON.stringify({
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: { id: "box", name: "Box", name_ar: "مربع", guarantors: ["UN"], start: "2020-01-01", end: null },
          geometry: { type: "Polygon", coordinates: [[[36, 33], [37, 33], [37, 34], [36, 34], [36, 33]]] },
        },
      ],
    }),
  );
  loadZonesFile(f);
  assert.deepEqual(getZones().map((z) => z.properties.id), ["box"]);
  assert.equal(zoneAt(33.51, 36.29), "box");
  assert.equal(zoneAt(33.51, 36.29, "2019-12-31"), null);
  assert.equal(zoneAt(35.93, 36.634), null);
  assert.equal(findPlaces("انفجار في دمشق", { date: "2021-02-02" })[0]!.best.zone, "box");
  resetZones();
  assert.equal(zoneAt(35.93, 36.634), "idlib");
});

test("invalid zone files fail with one clear line", () => {
  const cases: [string, RegExp][] = [
    ["not json", /not JSON/],
    [JSON.stringify({ type: "Feature" }), /FeatureCollection/],
    [JSON.stringify({ type: "FeatureCollection", features: [{ type: "Feature", properties: {}, geometry: null }] }), /properties\.id/],
    [JSON.stringify({ type: "FeatureCollection", features: [{ type: "Feature", properties: { id: "a", start: "May 2017" }, geometry: { type: "Polygon", coordinates: [] } }] }), /YYYY-MM-DD/],
    [JSON.stringify({ type: "FeatureCollection", features: [{ type: "Feature", properties: { id: "a" }, geometry: { type: "Point", coordinates: [1, 2] } }] }), /Polygon or MultiPolygon/],
    [JSON.stringify({ type: "FeatureCollection", features: [{ type: "Feature", properties: { id: "a" }, geometry: { type: "Polygon", coordinates: [[[0, 0], [1, 1]]] } }] }), /at least 4/],
  ];
  for (const [body, re] of cases) {
    const f = join(dir, "bad.geojson");
    writeFileSync(f, body);
    assert.throws(() => loadZonesFile(f), (e: Error) => re.test(e.message) && !e.message.includes("\n"), body);
  }
  assert.throws(() => loadZonesFile(join(dir, "missing.geojson")), /cannot read zones file/);
  resetZones();
  assert.equal(getZones().length, 4, "a failed load leaves the zones as they were");
});
