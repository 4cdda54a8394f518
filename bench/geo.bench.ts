// Geo layer figures: gazetteer load time and memory; findPlaces ms per KB on generated ~4 KB reports
// (our own phrases, dense in place names) against normalizeWithMap over the same text (the baseline
// every extraction pays anyway); import + load of a generated GeoNames-size Syria dump (20,000 rows).
// Prints: BENCH geo <metric>=<value> …
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { normalizeWithMap } from "../src/arabic/normalize.js";
import { findPlaces, loadGazetteer, resetGazetteer, setOverlayPath } from "../src/geo/index.js";
import { importGeoNames } from "../src/geo/geonames.js";

const PHRASES = [
  "قصفت طائرات حربية بلدة كفرنبل في ريف إدلب الجنوبي فجر اليوم، ما أدى إلى مقتل ثلاثة مدنيين.",
  "وسقطت قذائف هاون على حي باب توما في دمشق القديمة، وأصيب شخصان بجروح.",
  "ودارت اشتباكات عنيفة على أطراف مدينة مورك شمال حماة بـ 25 كيلومتراً.",
  "وانفجرت عبوة ناسفة على بعد 40 كم جنوب شرقي الرقة، وفق ما أفاد ناشطون.",
  "وأعلنت الدول الضامنة روسيا وتركيا وإيران في أستانا تمديد العمل بمناطق خفض التصعيد.",
  "ونزحت مئات العائلات من ريفي حماة الشمالي وإدلب الجنوبي نحو المخيمات الحدودية قرب أطمة.",
  "وقال المرصد إن الطيران استهدف مدينتي دوما وحرستا في الغوطة الشرقية بعشرات الغارات.",
  "وأفاد مراسل محلي بأن الهدوء الحذر يسود المنطقة منذ ساعات الصباح الأولى.",
  "\n\n",
  "وتقدمت القوات الحكومية في محيط مطار أبو الظهور العسكري، فيما تراجعت الفصائل نحو سراقب.",
  "وأغلقت السلطات معبر نصيب الحدودي مع الأردن أمام حركة الشاحنات التجارية.",
];

function makeText(chars: number, seed: number): string {
  let s = "";
  let x = seed;
  while (s.length < chars) {
    x = (x * 1103515245 + 12345) % 2147483648;
    s += PHRASES[x % PHRASES.length] + " ";
  }
  return s;
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const heapMB = () => {
  gc();
  return process.memoryUsage().heapUsed / 1048576;
};
function minOf(n: number, f: () => void): number {
  let best = Infinity;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

// 1. Gazetteer load (file read + parse + index), cold-ish: min of 5 reloads
setOverlayPath(null);
const h0 = heapMB();
const first = minOf(1, () => loadGazetteer());
const h1 = heapMB();
const reload = minOf(5, () => {
  resetGazetteer();
  loadGazetteer();
});
const g = loadGazetteer();
console.log(
  `BENCH geo gazetteer_places=${g.places.length} syrian=${g.counts.syrian} phrases=${g.byPhrase.size} ` +
    `load_first_ms=${first.toFixed(1)} load_ms=${reload.toFixed(1)} heap_mb=${(h1 - h0).toFixed(1)}`,
);

// 2. findPlaces vs normalizeWithMap over 200 generated ~4 KB reports
const texts = Array.from({ length: 200 }, (_, i) => makeText(4096, i + 1));
const kb = texts.reduce((s, t) => s + t.length, 0) / 1024;
for (const t of texts.slice(0, 20)) findPlaces(t); // warm-up
const base = minOf(5, () => {
  for (const t of texts) normalizeWithMap(t);
});
const geo = minOf(5, () => {
  for (const t of texts) findPlaces(t);
});
const mentions = texts.reduce((s, t) => s + findPlaces(t).length, 0);
console.log(
  `BENCH geo find_ms_per_kb=${(geo / kb).toFixed(4)} baseline_normalize_ms_per_kb=${(base / kb).toFixed(4)} ` +
    `ratio_vs_normalize=${(geo / base).toFixed(2)} reports_per_s=${((texts.length * 1000) / geo).toFixed(0)} mentions_per_report=${(mentions / texts.length).toFixed(1)}`,
);

// 3. A generated GeoNames-size dump: import it, then load built + overlay
const dir = mkdtempSync(join(tmpdir(), "hudna-geo-bench-"));
try {
  const rows: string[] = [];
  const syll = ["كفر", "تل", "عين", "دير", "خربة", "بيت", "أم", "أبو"];
  const stems = ["الزيتون", "الرمان", "السنديان", "الورد", "الحمام", "النخيل", "الصفصاف", "البلوط", "الكرمة", "التين"];
  for (let i = 0; i < 20000; i++) {
    const ar = `${syll[i % syll.length]} ${stems[(i >> 3) % stems.length]} ${i}`;
    const en = `Generated Place ${i}`;
    const lat = 32.4 + ((i * 7919) % 4600) / 1000;
    const lon = 35.8 + ((i * 104729) % 6400) / 1000;
    rows.push([9_100_000 + i, en, en, `${ar},Gen ${i}`, lat.toFixed(5), lon.toFixed(5), "P", "PPL", "SY", "", "0" + (i % 14), "", "", "", i % 5000, "", "300", "Asia/Damascus", "2024-01-01"].join("\t"));
  }
  const dump = join(dir, "SY.txt");
  writeFileSync(dump, rows.join("\n") + "\n");
  const out = join(dir, "extra.json");
  const t0 = performance.now();
  const st = await importGeoNames(dump, out);
  const importMs = performance.now() - t0;
  setOverlayPath(out);
  const m0 = heapMB();
  const withOverlay = minOf(3, () => {
    resetGazetteer();
    loadGazetteer();
  });
  const m1 = heapMB();
  console.log(
    `BENCH geo geonames_rows=${st.rows} imported=${st.added} import_ms=${importMs.toFixed(0)} ` +
      `load_with_overlay_ms=${withOverlay.toFixed(1)} ratio_vs_built=${(withOverlay / reload).toFixed(2)} heap_mb_with_overlay=${(m1 - m0 + (h1 - h0)).toFixed(1)}`,
  );
} finally {
  setOverlayPath(null);
  rmSync(dir, { recursive: true, force: true });
}
