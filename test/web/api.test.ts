import { test } from "node:test";
import assert from "node:assert/strict";
import { incidentQuery, normalizeDetail, normalizePage, normalizeViolations, normalizeZones } from "../../web/src/api.js";
import { parseState } from "../../web/src/state.js";
import { num, range } from "../../web/src/i18n.js";

const ROW = {
  id: "inc_1", type: "air_strike", date_start: "2017-09-11", date_end: "2017-09-11",
  place: { name: "Saraqib", name_ar: "سراقب", admin1: "Idlib", lat: 35.86, lon: 36.8, precision: "town" },
  zone: "idlib", killed: { low: 5, best: 7, high: 7 }, injured: { low: null, best: null, high: null },
  status: "corroborated", report_count: 2, source_count: 2,
  actors: [{ name: "Syrian Air Force", name_ar: "القوات الجوية السورية", kind: "state_force" }], targets: [], is_violation: true,
};

test("an incident page normalizes nested place and figures, and keeps the cursor", () => {
  const p = normalizePage({ items: [ROW, { bogus: true }], next_cursor: "abc" });
  assert.equal(p.items.length, 1);
  assert.equal(p.next, "abc");
  const r = p.items[0]!;
  assert.equal(r.place_ar, "سراقب");
  assert.equal(r.lat, 35.86);
  assert.deepEqual(r.killed, { low: 5, best: 7, high: 7 });
  assert.equal(r.actors[0]!.name_ar, "القوات الجوية السورية");
});

test("flat killed_* columns are read too", () => {
  const p = normalizePage([{ id: "x", type: "shelling", killed_low: 2, killed_best: "3", killed_high: null, lat: 33.5, lon: 36.4 }]);
  assert.deepEqual(p.items[0]!.killed, { low: 2, best: 3, high: null });
  assert.equal(p.items[0]!.lon, 36.4);
});

test("the detail gathers evidence spans per report and the source kind of each figure", () => {
  const text = "قتل خمسة مدنيين في سراقب أمس.";
  const d = normalizeDetail({
    ...ROW,
    reports: [{ id: "r1", outlet: "شبكة", url: "https://example.org/a", published: "2017-09-12", title: null, text,
      events: [{ id: "e1", evidence: [{ start: 0, end: 15, quote: "قتل خمسة مدنيين" }, { start: -1, end: -1 }] }] }],
    figures: [{ source: "SOHR", measure: "killed", low: 5, best: 5, high: 5, qualifier: "exact", text: "خمسة", used: true, report_id: "r1" }],
    sources: [{ name: "SOHR", kind: "monitor", report_id: "r1" }],
    revisions: [{ at: "2017-09-12T00:00:00Z", field: "killed_best", old_value: "5", new_value: "7" }],
  });
  assert.ok(d);
  assert.deepEqual(d.reports[0]!.spans, [{ start: 0, end: 15 }]);
  assert.equal(d.figures[0]!.source_kind, "monitor");
  assert.equal(d.figures[0]!.used, true);
  assert.equal(d.revisions.length, 1);
});

test("violations: buckets with by_party become one row per party and day", () => {
  const v = normalizeViolations({ zone: "idlib", buckets: [
    { start: "2017-09-11", total: 3, by_party: { "Syrian Air Force": 2, "Russian Air Force": 1 } },
    { start: "2017-09-12", total: 0, by_party: {} },
  ] });
  assert.deepEqual(v, [
    { date: "2017-09-11", party: "Syrian Air Force", count: 2 },
    { date: "2017-09-11", party: "Russian Air Force", count: 1 },
  ]);
  assert.deepEqual(normalizeViolations([{ date: "2017-09-13", party: "unknown", count: 4 }]), [{ date: "2017-09-13", party: "unknown", count: 4 }]);
  assert.deepEqual(normalizeViolations("nonsense"), []);
});

test("zones keep features with geometry and an id", () => {
  const z = normalizeZones({ type: "FeatureCollection", features: [
    { type: "Feature", id: "idlib", properties: { name: "Idlib", name_ar: "إدلب" }, geometry: { type: "Polygon", coordinates: [] } },
    { type: "Feature", properties: { id: "x" }, geometry: null },
  ] });
  assert.equal(z.features.length, 1);
  assert.equal(z.features[0]!.properties.id, "idlib");
});

test("the API query carries the filters of the URL state", () => {
  const q = new URLSearchParams(incidentQuery(parseState("?zone=idlib&type=shelling&from=2017-09-01&inc=x&lang=en"), { limit: "25" }));
  assert.equal(q.get("zone"), "idlib");
  assert.equal(q.get("type"), "shelling");
  assert.equal(q.get("from"), "2017-09-01");
  assert.equal(q.get("limit"), "25");
  assert.equal(q.has("inc"), false);
  assert.equal(q.has("lang"), false);
});

test("numbers use Arabic-Indic digits in Arabic and Latin digits in English", () => {
  assert.equal(num("ar", 1234), "١٬٢٣٤");
  assert.equal(num("en", 1234), "1,234");
  assert.equal(num("ar", null), "–");
  assert.equal(range("en", 5, 7, 9), "5–9 (Best 7)");
  assert.equal(range("ar", 3, 3, 3), "٣");
});

test("zone labels drop the generic 'de-escalation zone' words in both languages", async () => {
  const { shortZoneName } = await import("../../web/src/i18n.js");
  assert.equal(shortZoneName("ar", "Idlib de-escalation zone", "منطقة خفض التصعيد في إدلب"), "إدلب");
  assert.equal(shortZoneName("en", "Idlib de-escalation zone", "منطقة خفض التصعيد في إدلب"), "Idlib");
  assert.equal(shortZoneName("en", "Eastern Ghouta", null), "Eastern Ghouta");
  assert.equal(shortZoneName("ar", null, "منطقة خفض التصعيد"), "منطقة خفض التصعيد");
});
