// Countable nouns whose DUAL form is a count of 2 ("قذيفتين" = two shells). Singulars in
// normalizeKey form. A noun marked "*" has a sound masculine plural in ـين ("مدنيين", "مسلحين"):
// its ـين form is the plural, so it counts as a dual only when written with a fatha before the
// ي ("مواطنَين") or followed by "اثنين"; its ـان form ("مدنيان") is always a dual.
// Only words whose singular is listed here are duals: "لبنان", "سكان", "بين", "الحسين" never are.

const RAW = `
طفل طفله شخص رجل امراه سيده فتاه شاب صبي رضيع ولد فرد شقيق شقيقه زوج زوجه
جندي ضابط عنصر* مقاتل* مسلح* عسكري* طيار* قائد قيادي* مسؤول* مدني* مواطن* ناشط* صحفي* اعلامي*
مراسل* مصور* مسعف* متطوع* طبيب ممرض* عامل* موظف* سائق* معتقل* اسير مخطوف* رهينه لاجئ* نازح* مهاجر*
قتيل جريح مصاب* شهيد ضحيه جثه عائله اسره مزارع* تلميذ معلم* مدرس*
صاروخ قذيفه غاره برميل قنبله لغم عبوه رصاصه طلقه سياره دراجه شاحنه حافله دبابه مدرعه عربه اليه
طائره مروحيه مسيره زورق سفينه مدفع راجمه
انفجار هجوم اشتباك كمين خرق انتهاك عمليه ضربه
منزل بيت مبني بنايه عماره مدرسه مسجد كنيسه مستشفي مستوصف مشفي مركز مخيم سوق فرن جسر بئر
قريه بلده مدينه موقع* نقطه حاجز تله قاعده مطار معبر مقر مستودع كتيبه لواء فصيل فوج
يوم اسبوع شهر عام سنه ساعه دقيقه ليله مره
`;

const NOUNS = new Map<string, { plural: boolean }>();
for (const w of RAW.split(/\s+/)) {
  if (!w) continue;
  const star = w.endsWith("*");
  NOUNS.set(star ? w.slice(0, -1) : w, { plural: star });
}

export interface DualHit {
  /** singular in normalized form */
  singular: string;
  /** the ـين form of a noun with a sound plural: needs confirmation (fatha or "اثنين") */
  ambiguous: boolean;
  /** construct form (ـا / ـي: "قذيفتي هاون") — needs a following noun */
  construct: boolean;
}

const ARTICLE = ["وبال", "وال", "فال", "بال", "ولل", "لل", "كال", "ال"];
const SINGLE = ["و", "ف", "ب", "ل", "ك"];

function singularOf(stem: string): string[] {
  // the ta marbuta is written open (ت) before dual endings: قذيفت → قذيفه
  const out = [stem];
  if (stem.endsWith("ت")) out.unshift(stem.slice(0, -1) + "ه");
  return out;
}

function lookupBare(w: string): DualHit | null {
  // longest endings first; each ending strips back to a candidate singular
  const endings: [string, boolean][] = [
    ["تين", false], ["تان", false], ["ين", false], ["ان", false], ["تا", true], ["تي", true], ["ي", true], ["ا", true],
  ];
  for (const [end, construct] of endings) {
    if (!w.endsWith(end) || w.length - end.length < 2) continue;
    let stem = w.slice(0, -end.length);
    if (end === "تين" || end === "تان" || end === "تا" || end === "تي") stem += "ه";
    for (const s of singularOf(stem)) {
      const n = NOUNS.get(s);
      if (!n) continue;
      // ـا alone (construct nominative "طفلا") is too ambiguous with the accusative tanween: only ـتا
      if (end === "ا") continue;
      // ـي after a noun that itself ends in ي would be "جنديي"; a bare ـي on a non-ه noun is the
      // "my" suffix or a nisba: only ـتي (feminine construct) counts.
      if (end === "ي") continue;
      return { singular: s, ambiguous: n.plural && (end === "ين"), construct };
    }
  }
  return null;
}

function lookupSlow(norm: string): DualHit | null {
  const direct = lookupBare(norm);
  if (direct) return direct;
  for (const p of ARTICLE) {
    if (norm.startsWith(p) && norm.length - p.length >= 4) {
      const h = lookupBare(norm.slice(p.length));
      if (h) return h;
    }
  }
  for (const p of SINGLE) {
    if (norm.startsWith(p) && norm.length - 1 >= 4) {
      const h = lookupBare(norm.slice(1));
      if (h) return h;
    }
  }
  return null;
}

// All dual forms with every proclitic, built once from the noun list: one Map lookup per token.
const DUALS = new Map<string, DualHit>();
(function build() {
  const forms = (s: string): string[] => {
    const stem = s.endsWith("ه") ? s.slice(0, -1) + "ت" : s;
    return [stem + "ين", stem + "ان", ...(s.endsWith("ه") ? [stem + "ا", stem + "ي"] : [])];
  };
  for (const s of NOUNS.keys()) {
    for (const f of forms(s)) {
      for (const p of ["", ...ARTICLE, ...SINGLE]) {
        const k = p + f;
        if (DUALS.has(k)) continue;
        const h = lookupSlow(k);
        if (h) DUALS.set(k, h);
      }
    }
  }
})();

/** Every token lookupDual answers (for a union filter of the words that can start a count). */
export function dualForms(): IterableIterator<string> {
  return DUALS.keys();
}

/** Dual reading of a normalized token ("قذيفتين", "وطفلان", "بقذيفتي"), or null. */
export function lookupDual(norm: string): DualHit | null {
  // every dual form ends in ن (ـين/ـان), ا (ـتا) or ي (ـتي): skip the map for other words
  const z = norm.charCodeAt(norm.length - 1);
  if (z !== 0x0646 && z !== 0x0627 && z !== 0x064a) return null;
  return DUALS.get(norm) ?? null;
}

export function isCountNoun(norm: string): boolean {
  return NOUNS.has(norm);
}
