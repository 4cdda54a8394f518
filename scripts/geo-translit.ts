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
  tulul: "تلول", albu: "البو", albou: "البو", wa: "و", sultan: "سلطان", hama: "حماة", homs: "حمص", idlib: "إدلب", aleppo: "حلب",
  damascus: "دمشق", raqqa: "الرقة", daraa: "درعا", quneitra: "القنيطرة", latakia: "اللاذقية",
  saghir: "صغير", sghir: "صغير", kabir: "كبير", kebir: "كبير", gharbi: "غربي", sharqi: "شرقي",
  shamali: "شمالي", janubi: "جنوبي", qibli: "قبلي", fawqani: "فوقاني", tahtani: "تحتاني", jadida: "جديدة",
  jdeideh: "جديدة", jdeidet: "جديدة", qadim: "قديم", qadima: "قديمة", sheikho: "شيخو", mughayr: "مغير",
  hayy: "حي", tallat: "تلة", tallet: "تلة", talla: "تلة", bustan: "بستان", mahatta: "محطة", mahattat: "محطة",
};

const ARTICLE = /^(al|el|ar|as|ash|ad|adh|at|ath|az|an|ad|ed|es|ez|er|et|en|esh)$/i;

const CONS: Record<string, string> = {
  sh: "ش", kh: "خ", gh: "غ", th: "ث", dh: "ذ", ch: "ش", b: "ب", t: "ت", d: "د", r: "ر", z: "ز", s: "س", f: "ف",
  l: "ل", m: "م", n: "ن", w: "و", y: "ي", h: "ح", q: "ق", k: "ك", j: "ج", g: "ج", v: "ف", p: "ب", x: "كس", c: "ك",
  "'": "ع",
};
const LONG: Record<string, string> = { a: "ا", e: "ي", i: "ي", o: "و", u: "و" };

/**
 * One Latin word → Arabic by rules (no dictionary). Syllable-aware: a vowel before a consonant
 * cluster is short (not written); the vowel of a final closed syllable, or the one before a final
 * feminine ending (-ah, -iyah), is long ("Kissin" → كسين، "Fatirah" → فتيرة، "Aziziyah" → أزيزية).
 */
function ruleWord(w: string): string {
  let s = w.toLowerCase().replace(/[āâ]/g, "aa").replace(/[īî]/g, "ii").replace(/[ūû]/g, "uu").replace(/ḩ|ḥ/g, "h")
    .replace(/[^a-z']/g, "");
  if (!s) return "";
  // feminine endings
  let tail = "";
  const fem = /(iy{1,2}ah|iy{1,2}eh|iy{1,2}a|iyyeh|iye|iah|ieh)$/.exec(s);
  if (fem && s.length > fem[0].length + 1) {
    tail = "ية";
    s = s.slice(0, -fem[0].length);
  } else if (/[aei]h$/.test(s) && s.length > 3) {
    tail = "ة";
    s = s.slice(0, -2);
  } else if (/[^aeiou]e$/.test(s) && s.length > 3) {
    tail = "ة";
    s = s.slice(0, -1);
  }
  // units: consonants (digraphs first) and vowels (long digraphs first)
  type U = { c?: string; v?: string; long?: boolean };
  const units: U[] = [];
  for (let i = 0; i < s.length; ) {
    const two = s.slice(i, i + 2);
    if (["sh", "kh", "gh", "th", "dh", "ch"].includes(two)) {
      units.push({ c: two });
      i += 2;
    } else if (["aa", "ee", "ii", "oo", "ou", "uu"].includes(two)) {
      units.push({ v: two[0] === "o" ? "u" : two[0] === "e" ? "i" : two[0], long: true });
      i += 2;
    } else if (["ay", "ai", "ei", "ey"].includes(two) && !"aeiouy".includes(s[i + 2] ?? "x")) {
      units.push({ v: "i", long: true }); // diphthong → ي
      i += 2;
    } else if (["aw", "au", "uw"].includes(two) && !"aeiouw".includes(s[i + 2] ?? "x")) {
      units.push({ v: "u", long: true });
      i += 2;
    } else if ("aeiou".includes(s[i]!)) {
      units.push({ v: s[i] });
      i++;
    } else {
      // doubled consonant = shadda: one letter
      if (units.length && units[units.length - 1]!.c === s[i]) {
        units[units.length - 1]!.long = true;
        i++;
        continue;
      }
      units.push({ c: s[i] });
      i++;
    }
  }
  let out = "";
  for (let k = 0; k < units.length; k++) {
    const u = units[k]!;
    if (u.c) {
      out += CONS[u.c] ?? "";
      continue;
    }
    const v = u.v!;
    if (k === 0) {
      out += v === "a" ? (u.long ? "آ" : "أ") : v === "u" || v === "o" ? "أو" : "إ";
      if ((v === "i" || v === "e") && u.long) out += "ي";
      continue;
    }
    if (u.long) {
      out += LONG[v];
      continue;
    }
    const after = units.slice(k + 1);
    const consAfter = after.findIndex((x) => x.v !== undefined);
    const nCons = consAfter < 0 ? after.length : consAfter;
    const doubled = after[0]?.long === true && after[0]?.c !== undefined;
    if (k === units.length - 1) {
      out += tail ? "" : v === "a" ? "ا" : v === "u" || v === "o" ? "و" : "ي";
      continue;
    }
    if (nCons >= 2 || doubled) continue; // closed syllable: short vowel
    const lastSyllable = consAfter < 0 && nCons === 1;
    const beforeEnding = tail !== "" && consAfter < 0 && nCons === 1;
    if (lastSyllable || beforeEnding) out += LONG[v];
    else if (v === "u" || v === "o") out += "و";
  }
  return out + tail;
}

const ENGLISH_WORDS = /\b(army|idp|idps|camp|road|street|hospital|school|factory|roundabout|bridge|checkpoint|panorama|station|company|base|airport|farm|farms|area|hill|mountain|prison|university|college|plant|crossroads|square|junction|bakery|mosque|market|building|highway|brigade|battalion|regiment|division|village|city|town|district|governorate|countryside|outskirts|near|between|and|of|the)\b/i;
const DIRECTION: Record<string, string> = { east: "شرقي", eastern: "شرقي", west: "غربي", western: "غربي", north: "شمالي", northern: "شمالي", south: "جنوبي", southern: "جنوبي", upper: "فوقاني", lower: "تحتاني", new: "الجديدة", old: "القديمة" };

/** Candidate Arabic forms of an English Syrian place name, most likely first. */
export function transliterate(en: string): string[] {
  // "Aaliyah (Qurujah)": the name before the brackets
  const main0 = en.replace(/\(.*?\)/g, " ").trim();
  let words = main0.replace(/-/g, " ").split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  // a direction word ("East Farahaniah") goes after the name, as Arabic writes it
  let suffix = "";
  words = words.filter((w) => {
    const d = DIRECTION[w.toLowerCase()];
    if (d && words.length > 1) {
      suffix = d;
      return false;
    }
    return true;
  });
  if (ENGLISH_WORDS.test(words.join(" "))) return [];
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
  if (suffix) parts.push(suffix);
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
  const words = ar.split(/\s+/).filter(Boolean);
  return words
    // the construct state: "معرة النعمان" is read Maarat al-Numan (ة → t before another word)
    .map((w, i) => w.replace(/^ال/, "").replace(/ة$/, i < words.length - 1 ? "ت" : "ة"))
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
