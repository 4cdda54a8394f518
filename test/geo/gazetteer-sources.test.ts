// What the 2026-11 gazetteer sources add: GeoNames' Arabic names, our Arabic for UCDP places,
// more neighbourhoods and camps — and that the new names do not turn common words into places.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { findPlaces, haversineKm, loadGazetteer } from "../../src/geo/index.js";
import { mergeGeoNames, readGeoNamesTsv, latinKey, type GeoNamesRow } from "../../scripts/geo-geonames.js";
import type { GazPlace } from "../../src/geo/types.js";

const at = (text: string, phrase: string) => {
  const m = findPlaces(text).find((x) => x.text.includes(phrase));
  assert.ok(m, `no mention containing "${phrase}" in: ${text}`);
  return m;
};
const near = (m: ReturnType<typeof at>, lat: number, lon: number, km: number) =>
  assert.ok(haversineKm(m.best.lat!, m.best.lon!, lat, lon) <= km, `${m.best.name} at ${m.best.lat},${m.best.lon} is not within ${km} km of ${lat},${lon}`);

test("a Damascus neighbourhood from the new hand list resolves inside Damascus", () => {
  const m = at("سقطت قذيفتا هاون على حي الدويلعة شرقي العاصمة ظهر اليوم.", "الدويلعة");
  assert.equal(m.best.admin1, "Damascus");
  near(m, 33.51, 36.3, 5);
  const s = at("تجمع العشرات في ساحة المرجة وسط دمشق.", "المرجة");
  near(s, 33.512, 36.301, 2);
});

test("a camp and a Hasakah quarter from the new lists resolve to their city", () => {
  near(at("وصلت عائلات نازحة إلى مخيم العريشة جنوب الحسكة.", "مخيم العريشة"), 36.23, 40.77, 5);
  const g = at("اندلعت اشتباكات قرب سجن غويران في مدينة الحسكة.", "غويران");
  assert.equal(g.best.admin1, "Al-Hasakah");
});

test("UCDP places carry their real Arabic names, not our transliteration", () => {
  // UCDP "Hayt" (Daraa) and "Hadar" (Quneitra): حيط and حضر, once transliterated حيت and حدار
  near(at("سيطر مسلحون على بلدة حيط في حوض اليرموك.", "حيط"), 32.75, 35.91, 5);
  near(at("قصفت المدفعية أطراف بلدة حضر في ريف القنيطرة.", "حضر"), 33.28, 35.83, 5);
  const gaz = loadGazetteer();
  const hayt = gaz.places.find((p) => p.name === "Hayt" && p.cc === "SY");
  assert.ok(hayt && hayt.name_ar === "حيط" && !hayt.derived);
  // GeoNames gives Ad Dumayr its Arabic (our rules had made it الدومير)
  const dumayr = gaz.places.find((p) => p.name === "Ad Dumayr");
  assert.ok(dumayr && dumayr.name_ar === "الضمير" && !dumayr.derived, JSON.stringify(dumayr));
});

test("common words that are also village names stay words without a place cue", () => {
  for (const text of [
    "وتساءل ناشطون عن دور فريضة الزكاة في الاقتصاد.", // الزكاة, a village in Hama
    "قامت ثورة في البلاد قبل سنوات، وتغير كل شيء.", // GeoNames lists "ثورة" for الثورة (Tabqa)
    "التقت سفيرة الاتحاد الأوروبي وزير الخارجية أمس.", // and "سفيرة" for السفيرة
    "نُقل الطفلان في كيسين إلى المستشفى.", // كيسين, a village in Homs
    "قال مظلوم عبدي إن المحادثات مستمرة.", // مظلوم, a village in Deir ez-Zor
  ]) {
    const ms = findPlaces(text);
    assert.equal(ms.length, 0, `${text} → ${ms.map((m) => `${m.text}=${m.best.name}`).join(", ")}`);
  }
  // with a type noun the village is found
  assert.equal(at("قصفت الطائرات قرية الزكاة شمالي حماة.", "الزكاة").best.admin1, "Hama");
});

test("the shipped GeoNames extract parses, and every row lies in Syria", () => {
  const rows = readGeoNamesTsv(fileURLToPath(new URL("../../scripts/geo-data/geonames-sy-cities500.tsv", import.meta.url)));
  assert.ok(rows.length >= 250, `${rows.length} rows`);
  for (const r of rows) {
    assert.ok(r.lat > 32.3 && r.lat < 37.4 && r.lon > 35.6 && r.lon < 42.5, `${r.name} ${r.lat},${r.lon}`);
    assert.ok(r.arabic.every((a) => /^[\u0621-\u0652 \-]+$/.test(a)), `${r.name}: ${r.arabic.join("|")}`);
  }
});

test("mergeGeoNames: merges spellings, fixes a transliteration, adds a town, rejects a wrong governorate", () => {
  const place = (o: Partial<GazPlace>): GazPlace => ({ id: "x", kind: "town", name: "", name_ar: "", lat: 0, lon: 0, admin1: "Hama", cc: "SY", src: "localities", ...o });
  const places: GazPlace[] = [
    place({ id: "a", name: "Kafr Zita", name_ar: "كفرزيتا", lat: 35.3736, lon: 36.6017 }),
    place({ id: "b", name: "Ad Dumayr", name_ar: "الدومير", lat: 33.642, lon: 36.693, admin1: "Rif Dimashq", derived: 1, src: "ucdp" }),
  ];
  const row = (o: Partial<GeoNamesRow>): GeoNamesRow => ({ id: "1", name: "", latin: [], arabic: [], lat: 0, lon: 0, fcode: "PPL", admin1: "Hama", pop: 0, ...o });
  const rows = [
    row({ id: "1", name: "Kafr Zayta", latin: ["Kafr Zaytā"], arabic: ["كفر زيتا", "كفر زيتة"], lat: 35.3742, lon: 36.6033 }),
    row({ id: "2", name: "Ad Dumayr", latin: ["Aḑ Ḑumayr"], arabic: ["الضمير", "ضمير"], lat: 33.6419, lon: 36.6928, admin1: "Rif Dimashq" }),
    row({ id: "3", name: "Al Qahtaniyah", latin: ["Al Qaḩţānīyah"], arabic: ["القحطانية", "قحطانية"], lat: 37.029, lon: 41.546, admin1: "Al-Hasakah" }),
    row({ id: "4", name: "Nowhere", arabic: ["مكان"], lat: 37.0, lon: 41.5, admin1: "Daraa" }),
  ];
  const gov = (lat: number) => (lat > 36.5 ? "Al-Hasakah" : lat < 34 ? "Rif Dimashq" : "Hama");
  const st = mergeGeoNames(rows, places, gov, (lat) => new Set([gov(lat)]), () => true);
  assert.deepEqual({ merged: st.merged, fixed: st.fixed, added: st.added, rejected: st.rejected }, { merged: 1, fixed: 1, added: 1, rejected: 1 });
  // "كفر زيتا" is كفرزيتا with a space: no new spelling; "كفر زيتة" is one
  assert.deepEqual(places[0]!.ar, ["كفر زيتة"]);
  assert.equal(places[1]!.name_ar, "الضمير");
  assert.ok(!places[1]!.derived && places[1]!.ar!.includes("الدومير") && !places[1]!.ar!.includes("ضمير"));
  const added = places.find((p) => p.id === "gn-3")!;
  assert.equal(added.name_ar, "القحطانية");
  assert.equal(added.ar, undefined, "the article-less قحطانية is not kept");
  assert.equal(latinKey("Aḑ Ḑumayr"), latinKey("Ad Dumayr"));
});
