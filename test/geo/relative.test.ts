// Relative locations: distance + bearing phrases around an anchor, folded into one mention.
import { test } from "node:test";
import assert from "node:assert/strict";
import { findPlaces, destination, haversineKm, bearingDeg } from "../../src/geo/index.js";

test("destination formula: 1° of latitude north is ~111.2 km; bearings round-trip", () => {
  const p = destination(35, 38, 111.195, 0);
  assert.ok(Math.abs(p.lat - 36) < 0.001 && Math.abs(p.lon - 38) < 0.001);
  const q = destination(35.95, 39.01, 40, 135);
  assert.ok(Math.abs(haversineKm(35.95, 39.01, q.lat, q.lon) - 40) < 0.05);
  assert.ok(Math.abs(bearingDeg(35.95, 39.01, q.lat, q.lon) - 135) < 0.5);
});

test("على بعد 40 كم جنوب شرقي الرقة: one mention, relation kept, point moved", () => {
  const text = "انفجر لغم على بعد 40 كم جنوب شرقي الرقة صباح اليوم.";
  const ms = findPlaces(text);
  assert.equal(ms.length, 1);
  const m = ms[0]!;
  assert.equal(m.text, "على بعد 40 كم جنوب شرقي الرقة");
  assert.deepEqual(m.best.relation, { km: 40, bearing: "SE", from: "Raqqa" });
  // 40 km from the city, towards the south-east
  const d = haversineKm(35.95, 39.01, m.best.lat!, m.best.lon!);
  assert.ok(d > 37 && d < 43, `distance ${d}`);
  assert.ok(m.best.lat! < 35.95 && m.best.lon! > 39.01);
});

test("على بعد نحو 45 كم غرب الرقة (approximation words)", () => {
  const m = findPlaces("سقطت طائرة مسيّرة على بعد نحو 45 كم غرب الرقة.")[0]!;
  assert.deepEqual(m.best.relation, { km: 45, bearing: "W", from: "Raqqa" });
  assert.ok(m.text.startsWith("على بعد نحو 45"));
  assert.ok(m.best.lon! < 38.6);
});

test("شمال حماة بـ 15 كيلومتراً: distance after the anchor", () => {
  const m = findPlaces("وقعت الاشتباكات شمال حماة بـ 15 كيلومتراً.")[0]!;
  assert.deepEqual(m.best.relation, { km: 15, bearing: "N", from: "Hama" });
  assert.ok(m.text.endsWith("كيلومتراً"));
  assert.ok(m.best.lat! > 35.2);
});

test("15 كم شمال مدينة حماة and Eastern-Arabic digits", () => {
  const a = findPlaces("سقط صاروخ 15 كم شمال مدينة حماة.")[0]!;
  const b = findPlaces("سقط صاروخ ١٥ كم شمال مدينة حماة.")[0]!;
  assert.deepEqual(a.best.relation, { km: 15, bearing: "N", from: "Hama" });
  assert.deepEqual(b.best.relation, a.best.relation);
  assert.equal(a.text, "15 كم شمال مدينة حماة");
});

test("إلى الشمال الغربي من إدلب: compound bearing, no distance keeps the anchor point", () => {
  const m = findPlaces("تقع القرية إلى الشمال الغربي من إدلب.")[0]!;
  assert.deepEqual(m.best.relation, { km: null, bearing: "NW", from: "Idlib" });
  assert.ok(haversineKm(m.best.lat!, m.best.lon!, 35.93, 36.634) < 2, "anchor point kept");
});

test("غرب المدينة: the city is the last town mentioned", () => {
  const ms = findPlaces("دخلت القوات بلدة خان شيخون، ثم دارت معارك غرب المدينة.");
  assert.equal(ms.length, 2);
  assert.equal(ms[1]!.text, "غرب المدينة");
  assert.deepEqual(ms[1]!.best.relation, { km: null, bearing: "W", from: "Khan Shaykhun" });
});

test("جنوب ريف إدلب is the southern countryside itself", () => {
  const m = findPlaces("دارت معارك في جنوب ريف إدلب.")[0]!;
  assert.equal(m.best.precision, "region");
  assert.equal(m.best.relation, undefined);
  assert.match(m.best.name, /Southern Idlib/);
});

test("a distance word alone does not create a relation", () => {
  const m = findPlaces("وصلت القافلة إلى حلب بعد رحلة 300 كم.")[0]!;
  assert.equal(m.best.relation, undefined);
});

test("distances in words: خمسة عشر كيلومتراً، كيلومترين، عشرة كيلومترات", () => {
  assert.equal(findPlaces("سقطت القذيفة على بعد خمسة عشر كيلومتراً شرق حمص.")[0]!.best.relation?.km, 15);
  assert.equal(findPlaces("وقع الانفجار على بعد كيلومترين جنوب إدلب.")[0]!.best.relation?.km, 2);
  assert.equal(findPlaces("تقدمت القوات عشرة كيلومترات شمال حماة.")[0]!.best.relation?.km, 10);
  // "several kilometres": a bearing, no distance
  const m = findPlaces("على بعد عدة كيلومترات غرب دير الزور.")[0]!;
  assert.deepEqual(m.best.relation, { km: null, bearing: "W", from: "Deir ez-Zor" });
});

test("a distance without a bearing keeps the anchor point: على بعد 30 كم من حلب", () => {
  const m = findPlaces("سقطت قذائف على بعد 30 كم من حلب.")[0]!;
  assert.deepEqual(m.best.relation, { km: 30, bearing: null, from: "Aleppo" });
  assert.equal(m.text, "على بعد 30 كم من حلب");
  assert.ok(haversineKm(m.best.lat!, m.best.lon!, 36.202, 37.134) < 2);
  assert.equal(findPlaces("تبعد البلدة 12 كيلومتراً عن مدينة إدلب.")[0]!.best.relation?.km, 12);
});
