// Build-time: the four 2017 de-escalation zones as GeoJSON, from the admin units they covered.
// No sub-district polygons ship in the open data (only centroids), so each zone is the union of
// buffered convex hulls of the localities that belong to its member sub-districts (locality →
// nearest sub-district centroid of the same governorate) or of an explicit town list. See
// assets/geo/ZONES.md for how approximate the lines are.
import { normalizeKey } from "../src/arabic/normalize.js";
import type { GazPlace, ZoneFeature } from "../src/geo/types.js";

interface Sub { id: string; name_ar: string; gov: string; lat: number; lon: number }
type Pt = [number, number]; // [lon, lat]

function hull(points: Pt[]): Pt[] {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (p.length < 3) return p;
  const cross = (o: Pt, a: Pt, b: Pt) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Pt[] = [];
  for (const q of p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, q) <= 0) lower.pop();
    lower.push(q);
  }
  const upper: Pt[] = [];
  for (let i = p.length - 1; i >= 0; i--) {
    const q = p[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, q) <= 0) upper.pop();
    upper.push(q);
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}

/** Convex hull pushed out by `km` (each vertex moved away from the centroid), closed ring. */
function bufferedHull(points: Pt[], km: number): number[][] {
  // a lone point or a line: add a small cross so the hull has area
  const pts = points.flatMap(([x, y]) => [[x, y] as Pt, [x + 0.01, y] as Pt, [x - 0.01, y] as Pt, [x, y + 0.01] as Pt, [x, y - 0.01] as Pt]);
  const h = hull(pts);
  const cx = h.reduce((s, q) => s + q[0], 0) / h.length;
  const cy = h.reduce((s, q) => s + q[1], 0) / h.length;
  const ring = h.map(([x, y]) => {
    const dx = (x - cx) * Math.cos((cy * Math.PI) / 180) * 111.32;
    const dy = (y - cy) * 110.57;
    const d = Math.hypot(dx, dy) || 1;
    const f = (d + km) / d;
    return [Math.round((cx + (x - cx) * f) * 1e4) / 1e4, Math.round((cy + (y - cy) * f) * 1e4) / 1e4];
  });
  ring.push(ring[0]!);
  return ring;
}

export function buildZones(places: GazPlace[], subs: Sub[]): { type: "FeatureCollection"; features: ZoneFeature[] } {
  const locs = places.filter((p) => p.src === "localities");
  const subOf = (p: GazPlace): Sub | null => {
    let best: Sub | null = null;
    let bd = Infinity;
    for (const s of subs) {
      if (s.gov !== p.admin1) continue;
      const d = (s.lat - p.lat) ** 2 + ((s.lon - p.lon) * Math.cos((p.lat * Math.PI) / 180)) ** 2;
      if (d < bd) {
        bd = d;
        best = s;
      }
    }
    return best;
  };
  const member = new Map<GazPlace, Sub | null>(locs.map((l) => [l, subOf(l)]));
  const bySubs = (names: string[], gov: string, keep: (p: GazPlace) => boolean = () => true): Pt[] => {
    const want = new Set(names.map((n) => normalizeKey(n)));
    return locs
      .filter((l) => {
        const s = member.get(l);
        return s && s.gov === gov && (want.has(normalizeKey(s.name_ar)) || want.has("*")) && keep(l);
      })
      .map((l) => [l.lon, l.lat] as Pt);
  };
  /** Named towns, each the match nearest to `ref` [lat, lon] and within maxKm of it. */
  const byTowns = (names: string[], ref: [number, number], maxKm = 30): Pt[] => {
    const out: Pt[] = [];
    const dist = (p: GazPlace) => Math.hypot((p.lat - ref[0]) * 111.2, (p.lon - ref[1]) * 111.2 * Math.cos((ref[0] * Math.PI) / 180));
    for (const n of names) {
      // spaces ignored: "كفرنبودة" = "كفر نبودة"
      const k = normalizeKey(n).replace(/ /g, "");
      const same = (s: string) => normalizeKey(s).replace(/ /g, "") === k;
      const hit = places
        .filter((p) => p.cc === "SY" && p.kind !== "rural" && (same(p.name_ar) || (p.ar ?? []).some(same)) && dist(p) <= maxKm)
        .sort((a, b) => dist(a) - dist(b))[0];
      if (hit) out.push([hit.lon, hit.lat]);
      else console.warn(`zones: town not in gazetteer: ${n}`);
    }
    return out;
  };
  const zone = (props: ZoneFeature["properties"], groups: Pt[][], km: number): ZoneFeature => ({
    type: "Feature",
    properties: props,
    geometry: { type: "MultiPolygon", coordinates: groups.filter((g) => g.length).map((g) => [bufferedHull(g, km)]) },
  });
  const G = ["Russia", "Iran", "Turkey"];
  const features: ZoneFeature[] = [
    zone(
      {
        id: "idlib", name: "Idlib de-escalation zone", name_ar: "منطقة خفض التصعيد في إدلب", guarantors: G,
        start: "2017-05-04", end: null,
        note: "Idlib governorate with adjoining parts of Latakia (Kabani/Jabal al-Akrad/Turkmen), northern Hama and western Aleppo; open-ended",
      },
      [
        bySubs(["*"], "Idlib"),
        bySubs(["كنسبا", "ربيعة"], "Latakia"),
        [...bySubs(["كفر زيتا", "قلعة المضيق", "الزيارة", "شطحة"], "Hama"), ...byTowns(["مورك", "اللطامنة", "كفرنبودة", "خان شيخون"], [35.4, 36.6])],
        // western Aleppo countryside up to the city's western edge (the city itself was government-held)
        [
          ...bySubs(["مركز الأتارب", "دارة عزة", "الزربة"], "Aleppo", (p) => p.lon < 37.06),
          ...byTowns(["حريتان", "عندان", "كفر حمرة", "حيان", "بيانون", "كفرناها", "خان العسل", "خان طومان"], [36.2, 37.0], 25),
        ],
      ],
      3,
    ),
    zone(
      {
        id: "northern-homs", name: "Northern Homs de-escalation zone", name_ar: "منطقة خفض التصعيد في ريف حمص الشمالي",
        guarantors: G, start: "2017-05-04", end: "2018-05-16",
        note: "Rastan and Talbiseh sub-districts and the Houla plain; retaken by the government in May 2018",
      },
      [byTowns(["الرستن", "تلبيسة", "الحولة", "كفرلاها", "تلدو", "تلذهب", "الغنطو", "الزعفرانة", "تير معلة", "الدار الكبيرة", "عز الدين", "حربنفسه", "عقرب", "برج قاعي", "دير فول"], [34.9, 36.7], 25)],
      2,
    ),
    zone(
      {
        id: "eastern-ghouta", name: "Eastern Ghouta de-escalation zone", name_ar: "منطقة خفض التصعيد في الغوطة الشرقية",
        guarantors: G, start: "2017-05-04", end: "2018-04-14",
        note: "Douma and the besieged Ghouta towns (Harasta, Arbin, Zamalka, Ein Tarma, Kafr Batna, Saqba, Hamouriyah, Jobar…); retaken by the government in April 2018",
      },
      [byTowns(["دوما", "حرستا", "عربين", "زملكا", "عين ترما", "كفر بطنا", "سقبا", "حمورية", "جسرين", "حزة", "مسرابا", "مديرا", "بيت سوا", "الأشعري", "المحمدية", "الشيفونية", "جوبر", "أوتايا", "النشابية", "الريحان"], [33.57, 36.4], 15)],
      1.5,
    ),
    zone(
      {
        id: "south", name: "Southern de-escalation zone", name_ar: "منطقة خفض التصعيد في الجنوب",
        guarantors: [...G, "United States", "Jordan"], start: "2017-05-04", end: "2018-07-31",
        note: "Opposition-held parts of Daraa and Quneitra (not Sanamayn district, Izra, Sheikh Miskin, Khirbet Ghazaleh; not the occupied Golan); retaken July 2018",
      },
      [
        bySubs(["الشجرة", "بصرى الشام", "داعل", "مركز درعا", "الجيزة", "المسيفرة", "مزيريب", "الحراك", "جاسم", "نوى", "تسيل"], "Daraa"),
        bySubs(["*"], "Quneitra", (p) => p.lon >= 35.81),
      ],
      2,
    ),
  ];
  return { type: "FeatureCollection", features };
}
