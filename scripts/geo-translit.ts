// English → Arabic for Syrian place names as UCDP/English media write them, and a shared
// "consonant skeleton" used to cross-check an English name against Arabic names nearby.
// Build-time only. The skeleton folds letters English spelling cannot tell apart (ح/ه, س/ص, ت/ط,
// د/ض, ز/ظ/ذ, ك/ق) and drops vowels and weak letters (ا و ي ع ء ة), so "Khan Shaykhun" and
// "خان شيخون" both become "X N S X N".

import type { GazKind } from "../src/geo/types.js";

const SUFFIX_KIND: Record<string, GazKind> = {
  village: "town", town: "town", city: "city", suburb: "town", neighbourhood: "neighbourhood",
  neighborhood: "neighbourhood", camp: "camp", airbase: "airbase", base: "site", airport: "airport",
  field: "field", mountain: "hill", hill: "hill", dam: "dam", checkpoint: "checkpoint", crossing: "crossing",
};

/** "Teir Maaleh village" → {name:"Teir Maaleh", kind:"town"}; kind null for areas/units. */
export function stripUcdpSuffix(raw: string): { name: string; kind: GazKind | null } {
  const s = raw.replace(/\s+/g, " ").trim();
  const m = /^(.*?)\s+(\w+)$/.exec(s);
  if (m) {
    const kind = SUFFIX_KIND[m[2]!.toLowerCase()];
    if (kind) {
      const name = m[1]!.replace(/\s+(air|military|oil|gas)$/i, "").trim();
      return { name, kind };
    }
  }
  return { name: s, kind: null };
}

// Whole words with a fixed Arabic form.
const WORDS: Record<string, string> = {
  kafr: "كفر", kfar: "كفر", kafar: "كفر", kfr: "كفر", tell: "تل", tal: "تل", tel: "تل", tall: "تل", til: "تل",
  ain: "عين", ayn: "عين", ein: "عين", ayin: "عين", deir: "دير", dayr: "دير", dair: "دير", der: "دير",
  khirbet: "خربة", khirbat: "خربة", kherbet: "خربة", khirba: "خربة", khirbit: "خربة", jabal: "جبل", jebel: "جبل",
  jabel: "جبل", beit: "بيت", bayt: "بيت", bait: "بيت", bir: "بئر", "bi'r": "بئر", beer: "بئر", umm: "أم", um: "أم",
  abu: "أبو", abou: "أبو", bab: "باب", ras: "رأس", rass: "رأس", qasr: "قصر", maarat: "معرة", maarrat: "معرة",
  "ma'arrat": "معرة", "ma'arat": "معرة", marrat: "معرة", maaret: "معرة", marj: "مرج", wadi: "وادي", khan: "خان",
  sheikh: "شيخ", shaykh: "شيخ", sheik: "شيخ", shaikh: "شيخ", qalaat: "قلعة", qalat: "قلعة", "qal'at": "قلعة",
  jisr: "جسر", suq: "سوق", souq: "سوق", mazraat: "مزرعة", mazraa: "مزرعة", bani: "بني", beni: "بني", ibn: "ابن",
  nahr: "نهر", sahl: "سهل", hammam: "حمام", hamam: "حمام", arab: "عرب", qaryat: "قرية", madinat: "مدينة",
  rasm: "رسم", tall_: "تل", mashta: "مشتى", zor: "زور", zour: "زور", bou: "بو", bu: "بو", ard: "أرض",
  tulul: "تلول", wa: "و", sultan: "سلطان", hama: "حماة", homs: "حمص", idlib: "إدلب", aleppo: "حلب",
  damascus: "دمشق", raqqa: "الرقة", daraa: "درعا", quneitra: "القنيطرة", latakia: "اللاذقية",
  saghir: "صغير", sghir: "صغير", kabir: "كبير", kebir: "كبير", gharbi: "غربي", sharqi: "شرقي",
  shamali: "شمالي", janubi: "جنوبي", qibli: "قبلي", fawqani: "فوقاني", tahtani: "تحتاني", jadida: "جديدة",
  jdeideh: "جديدة", jdeidet: "جديدة", qadim: "قديم", qadima: "قديمة", sheikho: "شيخو", mughayr: "مغير",
  hayy: "حي", tallat: "تلة", tallet: "تلة", talla: "تلة", bustan: "بستان", mahatta: "محطة", mahattat: "محطة",
};

const ARTICLE = /^(al|el|ar|as|ash|ad|adh|at|ath|az|an|ad|ed|es|ez|er|et|en|esh)$/i;

/** One Latin word → Arabic by rules (no dictionary). */
function ruleWord(w: string): string {
  let s = w.toLowerCase().replace(/[āâ]/g, "aa").replace(/[īî]/g, "ii").replace(/[ūû]/g, "uu").replace(/ḩ|ḥ/g, "h")
    .replace(/[^a-z']/g, "");
  let out = "";
  let i = 0;
  const at = (k: number) => s[k] ?? "";
  const isV = (c: string) => "aeiou".includes(c) && c !== "";
  while (i < s.length) {
    const c = s[i]!;
    const two = s.slice(i, i + 2);
    const first = i === 0;
    const last = (n: number) => i + n >= s.length;
    // final feminine endings
    if ((two === "ah" || two === "eh" || two === "ih") && last(2)) { out += "ة"; i += 2; continue; }
    if (c === "a" && last(1) && !first) { out += "ا"; i++; continue; }
    if (c === "e" && last(1) && !first) { out += "ة"; i++; continue; }
    if (two === "sh") { out += "ش"; i += 2; continue; }
    if (two === "kh") { out += "خ"; i += 2; continue; }
    if (two === "gh") { out += "غ"; i += 2; continue; }
    if (two === "th") { out += "ث"; i += 2; continue; }
    if (two === "dh") { out += "ذ"; i += 2; continue; }
    if (two === "ch") { out += "ش"; i += 2; continue; }
    if (two === "ou" || two === "oo" || two === "uu") { out += first ? "أو" : "و"; i += 2; continue; }
    if (two === "ee" || two === "ii" || two === "ei" || two === "ey") { out += first ? "إي" : "ي"; i += 2; continue; }
    if (two === "ay" || two === "ai") { out += first ? "أي" : "ي"; i += 2; continue; }
    if (two === "aw" || two === "au") { out += first ? "أو" : "و"; i += 2; continue; }
    if (two === "aa") { out += first ? "آ" : "ا"; i += 2; continue; }
    if (c === "'") { out += "ع"; i++; continue; }
    if (isV(c)) {
      if (first) out += c === "a" ? "أ" : c === "i" || c === "e" ? "إ" : "أو";
      else if (c === "u" || c === "o") out += "و";
      // medial a/e/i: short vowels, not written
      i++;
      continue;
    }
    // doubled consonant → one letter (shadda)
    if (c === at(i + 1)) i++;
    const map: Record<string, string> = {
      b: "ب", t: "ت", d: "د", r: "ر", z: "ز", s: "س", f: "ف", l: "ل", m: "م", n: "ن", w: "و", y: "ي",
      h: "ح", q: "ق", k: "ك", j: "ج", g: "ج", v: "ف", p: "ب", x: "كس", c: "ك",
    };
    out += map[c] ?? "";
    i++;
  }
  return out;
}

/** Candidate Arabic forms of an English Syrian place name, most likely first. */
export function transliterate(en: string): string[] {
  const words = en.replace(/[()]/g, " ").replace(/-/g, " ").split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const parts: string[] = [];
  let article = false;
  for (const raw of words) {
    const w = raw.toLowerCase();
    if (ARTICLE.test(w)) {
      article = true;
      continue;
    }
    let ar = WORDS[w] ?? ruleWord(w);
    if (!ar) continue;
    if (article) ar = "ال" + ar;
    article = false;
    parts.push(ar);
  }
  if (!parts.length) return [];
  const main = parts.join(" ");
  const alts = new Set<string>([main]);
  // كفر is often written joined ("كفرنبل"); a final ا is often ة and vice versa
  if (parts[0] === "كفر" && parts.length > 1) alts.add("كفر" + parts.slice(1).join(" "));
  if (main.endsWith("ة")) alts.add(main.slice(0, -1) + "ا");
  return [...alts];
}

const SKEL_AR: Record<string, string> = {
  ب: "B", ت: "T", ط: "T", ث: "T", ج: "J", ح: "H", ه: "H", خ: "X", د: "D", ض: "D", ذ: "Z", ز: "Z", ظ: "Z",
  ر: "R", س: "S", ص: "S", ش: "C", غ: "G", ف: "F", ق: "K", ك: "K", ل: "L", م: "M", ن: "N",
};
/** Consonant skeleton of an Arabic name (article dropped, weak letters dropped). */
export function skeletonAr(ar: string): string {
  return ar
    .split(/\s+/)
    .map((w) => w.replace(/^ال/, ""))
    .join("")
    .split("")
    .map((c) => SKEL_AR[c] ?? "")
    .join("")
    .replace(/(.)\1+/g, "$1");
}
/** Consonant skeleton of a Latin name, comparable with skeletonAr. */
export function skeletonEn(en: string): string {
  const words = en.toLowerCase().replace(/[^a-z' -]/g, "").split(/[\s-]+/).filter((w) => w && !ARTICLE.test(w));
  let s = "";
  for (const w of words) {
    let t = w.replace(/'/g, "");
    t = t.replace(/sh|ch/g, "C").replace(/kh/g, "X").replace(/gh/g, "G").replace(/th|dh/g, "T")
      .replace(/(ah|eh|ih)$/, "").replace(/q|k|c/g, "K").replace(/g/g, "J").replace(/[wy]/g, "").replace(/v/g, "F").replace(/p/g, "B");
    t = t.replace(/[aeiou]/g, "").toUpperCase().replace(/^H$/, "");
    // final h after a vowel is the feminine ending
    s += t.replace(/H$/, w.match(/[aei]h$/) ? "" : "H");
  }
  // "th"/"dh" fold to T above but Arabic ذ → Z: accept both by mapping Z→T on both sides in compare
  return s.replace(/(.)\1+/g, "$1");
}
/** Loose equality of skeletons (ذ/ث vs th/dh, ج vs g). */
export function skeletonsMatch(a: string, b: string): boolean {
  const f = (s: string) => s.replace(/Z/g, "T");
  return a.length >= 2 && f(a) === f(b);
}
