// Build-time: which place names are also common words? Counts, over a news corpus, how often each
// gazetteer name occurs and how often a place cue precedes it. Only counts are kept (no text).
import { readFileSync } from "node:fs";
import { normalizeKey } from "../src/arabic/normalize.js";
import { cueOf, PREFIXES } from "../src/geo/cues.js";
import type { GazPlace } from "../src/geo/types.js";

/** Words that name villages/neighbourhoods but are first of all common words, months or names. */
export const STOP_STRONG: ReadonlySet<string> = new Set(
  [
    "الحريه", "السلام", "النصر", "الجبهه", "تل", "عين", "الثوره", "تشرين", "الشهداء", "المحافظه", "الفرقان",
    "العروبه", "الباسل", "الاندلس", "السبيل", "الفيض", "العقبه", "الزهراء", "الزهور", "الميدان", "الشهباء",
    "الهدي", "النور", "الامل", "الوحده", "الجامعه", "المطار", "المحطه", "الشيخ", "القريه", "المدينه", "الفرات",
    "الصالحين", "السكري", "الجلوم", "العجم", "المرجه", "الكرامه", "البعث", "الاستقلال", "التحرير", "العوده",
    "الحميديه", "الاشرفيه", "السليمانيه", "العزيزيه", "الجميليه", "الانصاري", "الامريه", "الشعار", "صلاح الدين",
    "سيف الدوله", "طارق بن زياد", "سليمان الحلبي", "الكواكبي", "الغزالي", "الشهداء", "الصاخور", "هنانو",
    "كانون", "شباط", "اذار", "نيسان", "ايار", "حزيران", "تموز", "اب", "ايلول", "محمد", "احمد", "علي", "حسن",
    "حسين", "عمر", "خالد", "عثمان", "ابراهيم", "يوسف", "سعيد", "عيسي", "موسي", "الرئيس", "الجيش", "الدوله",
    "الخير", "الفتح", "العز", "الرحمه", "الرشيد", "المنصوره", "الحمراء", "البيضاء", "الخضراء", "الجديده",
    "الحاضر", "البلد", "السوق", "الساحه", "الجسر", "الملعب", "المزرعه", "الحي", "المخيم", "الحاجز", "الدوار",
    "ام", "ابو", "بيت", "الصحه", "الشام", "الساحل",
    "الوادي", "الجبل", "السهل", "الطريق", "البادية", "الباديه", "الحدود", "المعارضه", "الهيئه", "الامم",
    "الاسد", "بشار", "حافظ", "ماهر", "قاسم", "سليماني", "اردوغان", "بوتين", "ترامب", "لافروف", "الحسن",
    "الحسين", "العباس", "علي", "جعفر", "زينب", "فاطمه", "مريم", "ليلي", "سلمي", "هدي", "نور", "امل", "سلام",
    "دمشق القديمه", "الكفر", "الخان", "الرابيه", "القصر", "البرج", "الجامع", "المسجد", "الكنيسه", "القلعه",
    "الشرقيه", "الغربيه", "الشماليه", "الجنوبيه", "الوسطي", "الكبير", "الصغير", "الجديد", "القديم",
    "المختاره", "الرحمن", "الرحيم", "الله", "البيت", "الامام", "الحجاز", "الرمل", "البحر", "النهر", "الشمس",
    "القمر", "الصفا", "المروه", "المنار", "الهلال", "النجمه", "السلامه", "المنصور", "المعتصم", "الحمام",
    "المستشفي", "المدرسه", "البستان", "الحديقه", "الغرب", "الشرق", "الشمال", "الجنوب", "الاحد", "الاثنين",
    "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "اليوم", "امس", "غدا",
    "جديده", "الجوله", "العربيه", "الصور", "علما", "وقف", "حالات", "جروح", "سلوك", "الرقابه", "الجيش الحر",
    "اجل", "سلسله", "خطاب", "متن", "الدور", "الاسلحه", "السجن", "صراع", "اسقاط", "جمله", "الثدي", "القبو",
    "المهاجرين", "الوليد", "اراك", "الحديث", "الاعلام", "البرلمان", "الرياضه", "الفن", "الثقافه",
    "المنطقه الخضراء", "مدرسه", "الزراعه", "بله", "رفيعه", "عريقه", "الكريم", "النهضه", "ميل", "الجميله",
    "العاليه", "المرتفعه", "الهامه", "السوداء", "خليل", "ريان", "كريمه", "العال", "جيل", "اباد", "البلاط",
    "الصنوبر", "عروبه", "المعلقه", "الجديد", "جسم", "المنطقه الصناعيه", "المال", "صور", "السعر", "الحصان", "قصر",
    "كوكب", "الجلاء", "قطره", "الحاضره", "ملح", "شجره", "الحصن", "احرص", "حينه", "وبدا", "مزدلفه", "المشاهده",
    "الحلبه", "القرنيه", "عزان", "الزياره", "كسره", "الزيارات", "المدينه الصناعيه", "الحي", "الجامعه", "السوق", "المعرض", "الملعب البلدي",
    "الامن", "النظام", "الحكومه", "المعارضه", "الفصائل", "القوات", "الطائرات", "الغارات", "المدنيين",
    // villages (UCDP names with our Arabic) that are people's names or words first
    "كيسين", "ابو عبيده", "مظلوم", "جوزف", "عز الدين", "عياش", "الشاعر", "غانم العلي", "الهيل", "ابو حسن",
  ].map((s) => normalizeKey(s)),
);

/** Real places whose name is also a common word: a weak cue (في، قرب…) is enough. */
export const STOP_WEAK: ReadonlySet<string> = new Set(
  ["الباب", "اليرموك", "الغاب", "الوعر", "الجزيره", "العمر", "الشيخ", "الفرات", "عمان", "الكويت", "الجزائر",
   "تونس", "البحرين", "المغرب", "جيبوتي", "الاردن", "التل", "القصير", "سلميه", "السلميه", "تدمر", "الميادين",
   "الضمير", "الكسوه", "المليحه", "الهول", "البصيره", "طيبه", "الطيبه", "الشجره", "الحراك", "جاسم", "الحاره",
   "تسيل", "نمر", "قم", "عدن", "الرمادي", "الصناعه", "المشرفه", "الحمديه", "الرامي", "القدم", "السيده", "القائم", "مالي", "الحديده",
   "الزكاه", "الطيانه", "المنصوره", "الكبر"].map((s) => normalizeKey(s)),
);

/** n = occurrences of each name key in the corpus; cued = how many follow a place cue. */
export function corpusCueStats(jsonlPath: string, places: GazPlace[]): Map<string, { n: number; cued: number }> {
  const keys = new Set<string>();
  let maxLen = 1;
  for (const p of places) {
    for (const name of [p.name_ar, ...(p.ar ?? [])]) {
      const k = normalizeKey(name);
      keys.add(k);
      maxLen = Math.max(maxLen, k.split(" ").length);
    }
  }
  maxLen = Math.min(maxLen, 4);
  const stats = new Map<string, { n: number; cued: number }>();
  const lines = readFileSync(jsonlPath, "utf8").split("\n");
  for (const line of lines) {
    if (!line.trim()) continue;
    let text: string;
    try {
      text = String((JSON.parse(line) as { text?: unknown }).text ?? "");
    } catch {
      continue;
    }
    const toks = normalizeKey(text).split(/[^\u0621-\u064a0-9a-z]+/).filter(Boolean);
    for (let i = 0; i < toks.length; i++) {
      const first = toks[i]!;
      const forms: { f: string; prefixed: boolean }[] = [{ f: first, prefixed: false }];
      // a prefix counts as a cue only when it holds ب ("in/at"): و/ف/ل do not place anything
      for (const p of PREFIXES) {
        if (first.length > p.length + 1 && first.startsWith(p)) {
          const rest = p.endsWith("ال") || p.endsWith("لل") ? "ال" + first.slice(p.length) : first.slice(p.length);
          forms.push({ f: rest, prefixed: p.includes("ب") });
        }
      }
      for (const { f, prefixed } of forms) {
        let phrase = f;
        for (let len = 1; len <= maxLen && i + len <= toks.length; len++) {
          if (len > 1) phrase += " " + toks[i + len - 1];
          if (!keys.has(phrase)) continue;
          const prev = i > 0 ? toks[i - 1]! : "";
          const cued = prefixed || (prev !== "" && cueOf(prev).weak);
          const s = stats.get(phrase) ?? { n: 0, cued: 0 };
          s.n++;
          if (cued) s.cued++;
          stats.set(phrase, s);
        }
      }
    }
  }
  return stats;
}
