// Relative locations: "على بعد 40 كم جنوب شرقي الرقة", "شمال حماة بـ 15 كيلومتراً",
// "15 كم شمال مدينة حماة", "إلى الشمال الغربي من إدلب", "غرب المدينة". Pure token logic over
// GeoToken[]: given where an anchor place sits, find the distance and bearing words around it.
import type { Bearing } from "../model/index.js";
import type { GeoToken } from "./text.js";
import { isAnyGap, isHardGap } from "./text.js";

export const BEARING_DEG: Record<Bearing, number> = { N: 0, NE: 45, E: 90, SE: 135, S: 180, SW: 225, W: 270, NW: 315 };

// normalized words → axis
const AXIS: Record<string, "N" | "S" | "E" | "W"> = {
  شمال: "N", شمالي: "N", الشمال: "N", الشمالي: "N", شمالا: "N",
  جنوب: "S", جنوبي: "S", الجنوب: "S", الجنوبي: "S", جنوبا: "S",
  شرق: "E", شرقي: "E", الشرق: "E", الشرقي: "E", شرقا: "E",
  غرب: "W", غربي: "W", الغرب: "W", الغربي: "W", غربا: "W",
};

function axisOf(t: string): "N" | "S" | "E" | "W" | null {
  const a = AXIS[t];
  if (a) return a;
  // attached و/ب/ل/في-less clitics: "وشمال", "بشمال", "لشمال"
  for (const p of ["و", "ب", "ل", "وب", "ول"]) if (t.startsWith(p) && AXIS[t.slice(p.length)]) return AXIS[t.slice(p.length)]!;
  return null;
}

function combine(a: "N" | "S" | "E" | "W", b: "N" | "S" | "E" | "W" | null): Bearing | null {
  if (!b) return a;
  const ns = a === "N" || a === "S" ? a : b === "N" || b === "S" ? b : null;
  const ew = a === "E" || a === "W" ? a : b === "E" || b === "W" ? b : null;
  if (!ns || !ew) return null;
  return (ns + ew) as Bearing;
}

/** Bearing words ending just before token index `end` (exclusive). Returns start index too. */
export function bearingBefore(toks: GeoToken[], end: number): { bearing: Bearing; start: number } | null {
  // skip "من" / "مدينة"-type words handled by caller; here: [..] AX1 [AX2] end
  const k = end - 1;
  if (k < 0) return null;
  const a2 = axisOf(toks[k]!.t);
  // "شمالاً" is an adverb that follows what it locates, never "شمالاً حماة"
  if (!a2 || toks[k]!.t.endsWith("ا")) return null;
  if (k - 1 >= 0 && !isHardGap(toks[k]!.gap)) {
    const a1 = axisOf(toks[k - 1]!.t);
    if (a1 && a1 !== a2) {
      const b = combine(a1, a2);
      if (b) return { bearing: b, start: k - 1 };
    }
  }
  return { bearing: a2, start: k };
}

const UNIT_KM: Record<string, number> = {
  كم: 1, كلم: 1, كيلو: 1, كيلومتر: 1, كيلومترا: 1, كيلومترات: 1, km: 1,
  كيلومترين: 1, ميل: 1.609, اميال: 1.609, ميلا: 1.609, متر: 0.001, مترا: 0.001, امتار: 0.001,
};
const SMALL_NUM: Record<string, number> = {
  واحد: 1, اثنين: 2, ثلاثه: 3, ثلاث: 3, اربعه: 4, اربع: 4, خمسه: 5, خمس: 5, سته: 6, ست: 6, سبعه: 7, سبع: 7,
  ثمانيه: 8, ثماني: 8, تسعه: 9, تسع: 9, عشره: 10, عشر: 10, عشرين: 20, عشرون: 20, ثلاثين: 30, اربعين: 40,
  خمسين: 50, ستين: 60, سبعين: 70, ثمانين: 80, تسعين: 90, مئه: 100, مائه: 100,
};
const APPROX = new Set(["نحو", "حوالي", "حوالى", "قرابه", "زهاء", "قرب", "مسافه", "بمسافه", "بنحو", "بحوالي", "ما", "يقارب", "يقرب", "من", "تقريبا", "اقل", "اكثر", "بقرابه"]);

/** A distance "N كم" whose unit token is at index u; returns km (null if not a distance). */
function distanceAt(toks: GeoToken[], u: number): { km: number; start: number } | null {
  const unit = toks[u]?.t;
  if (!unit) return null;
  const f = UNIT_KM[unit] ?? UNIT_KM[unit.replace(/^ب/, "")];
  if (f === undefined) return null;
  if (unit === "كيلومترين") return { km: 2, start: u };
  const n = toks[u - 1];
  if (!n) return null;
  if (n.num !== undefined) return { km: n.num * f, start: u - 1 };
  const w = SMALL_NUM[n.t];
  if (w === undefined) return null;
  // "خمسة عشر كيلومتراً" = 15
  const m = toks[u - 2];
  if ((n.t === "عشر" || n.t === "عشره") && m && SMALL_NUM[m.t] !== undefined && SMALL_NUM[m.t]! < 10)
    return { km: (SMALL_NUM[m.t]! + 10) * f, start: u - 2 };
  return { km: w * f, start: u - 1 };
}

export interface RelativeHit {
  km: number | null;
  bearing: Bearing | null;
  /** token range covered, including the anchor */
  start: number;
  end: number;
}

/**
 * Relation words around an anchor that ends at token b (exclusive) and starts at `typeStart`, its
 * type noun included ("مدينة" in "شمال مدينة حماة").
 */
export function relativeAround(toks: GeoToken[], b: number, typeStart: number): RelativeHit | null {
  let k = typeStart; // index of the first token of "[مدينة] anchor"
  // "… شمالاً، وحرستا": punctuation between the bearing and the anchor breaks the phrase
  if (k === 0 || isAnyGap(toks[k]?.gap ?? "")) return null;
  // optional "من" before the anchor ("إلى الشمال من حماة", "40 كم جنوب شرقي من الرقة")
  if (k - 1 >= 0 && (toks[k - 1]!.t === "من" || toks[k - 1]!.t === "عن")) {
    k--;
    if (isAnyGap(toks[k]!.gap)) return null;
  }
  const br = bearingBefore(toks, k);
  if (!br) {
    // "على بعد 30 كم من X" — distance without bearing
    const d = k >= 2 ? distanceAt(toks, k - 1) : null;
    if (d && (toks[k]!.t === "من" || toks[k]!.t === "عن")) return { km: d.km, bearing: null, start: extendBack(toks, d.start), end: b };
    return null;
  }
  let start = br.start;
  // "إلى الشمال من"
  if (start - 1 >= 0 && (toks[start - 1]!.t === "الي" || toks[start - 1]!.t === "نحو")) start--;
  // distance before the bearing: "[على بعد] [نحو] 40 كم [إلى] جنوب شرقي"
  let u = start - 1;
  if (u >= 0 && toks[u]!.t === "الي") u--;
  const d = u >= 1 ? distanceAt(toks, u) : null;
  if (d && !isHardGap(toks[start]!.gap)) return { km: d.km, bearing: br.bearing, start: extendBack(toks, d.start), end: b };
  return after(toks, b, br.bearing, start);
}

/** "على بعد نحو" before a number: include it in the span. */
function extendBack(toks: GeoToken[], s: number): number {
  let k = s;
  while (k - 1 >= 0 && !isHardGap(toks[k]!.gap) && (APPROX.has(toks[k - 1]!.t) || toks[k - 1]!.t === "بعد" || toks[k - 1]!.t === "علي")) {
    k--;
    if (s - k > 4) break;
  }
  return k;
}

/** Distance AFTER the anchor: "شمال حماة بـ 15 كيلومتراً", "شمال حماة بنحو 15 كم", "على بعد 15 كم". */
function after(toks: GeoToken[], b: number, bearing: Bearing, start: number): RelativeHit | null {
  let k = b;
  let steps = 0;
  while (k < toks.length && steps < 4 && !isHardGap(toks[k]!.gap)) {
    const t = toks[k]!.t;
    if (toks[k]!.num !== undefined || SMALL_NUM[t] !== undefined) {
      const d = distanceAt(toks, k + 1);
      if (d && !isHardGap(toks[k + 1]!.gap)) return { km: d.km, bearing, start, end: k + 2 };
      break;
    }
    if (t === "ب" || t === "علي" || t === "بعد" || APPROX.has(t)) {
      k++;
      steps++;
      continue;
    }
    break;
  }
  return { km: null, bearing, start, end: b };
}
