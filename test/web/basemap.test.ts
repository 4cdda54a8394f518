// The committed offline basemap: valid GeoJSON, Syria framed, Arabic names, small enough to ship.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "assets", "basemap");
const FILES = ["countries.geojson", "governorates.geojson", "rivers.geojson", "cities.geojson"];
type FC = { type: string; features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[] };
const load = (f: string): FC => JSON.parse(readFileSync(join(dir, f), "utf8")) as FC;

function coords(c: unknown, out: number[][] = []): number[][] {
  if (Array.isArray(c) && typeof c[0] === "number") out.push(c as number[]);
  else if (Array.isArray(c)) for (const x of c) coords(x, out);
  return out;
}

test("the basemap is under 2 MB in total and every file is a FeatureCollection", () => {
  let total = 0;
  for (const f of FILES) {
    total += statSync(join(dir, f)).size;
    const fc = load(f);
    assert.equal(fc.type, "FeatureCollection", f);
    assert.ok(fc.features.length > 0, f);
    for (const feat of fc.features) for (const [x, y] of coords(feat.geometry.coordinates)) {
      assert.ok(x! >= 20 && x! <= 65 && y! >= 10 && y! <= 45, `${f}: ${x},${y} outside the region`);
    }
  }
  assert.ok(total < 2 * 1024 * 1024, `basemap is ${total} bytes`);
});

test("Syria is there with its 14 governorates, named in Arabic", () => {
  const countries = load("countries.geojson");
  assert.ok(countries.features.some((f) => f.properties.code === "SY" && f.properties.name_ar === "سوريا"));
  const gov = load("governorates.geojson");
  assert.equal(gov.features.length, 14);
  const ar = gov.features.map((f) => String(f.properties.name_ar));
  for (const name of ["حلب", "إدلب", "دمشق", "درعا", "الرقة"]) assert.ok(ar.includes(name), name);
  assert.ok(ar.every((n) => /[\u0600-\u06FF]/.test(n) && !n.startsWith("محافظة")));
});

test("rivers are marked approximate and cities carry Arabic names", () => {
  assert.ok(load("rivers.geojson").features.every((f) => f.properties.approximate === true && f.geometry.type === "LineString"));
  const cities = load("cities.geojson").features;
  assert.ok(cities.some((f) => f.properties.name_ar === "دمشق"));
  assert.ok(cities.every((f) => f.geometry.type === "Point" && typeof f.properties.name_ar === "string"));
});
