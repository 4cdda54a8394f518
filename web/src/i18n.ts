// Arabic and English UI strings, and locale-aware numbers and dates (Arabic-Indic digits in Arabic).
import type { Lang } from "./state.js";

const UI = {
  title: { ar: "هدنة — رصد وقف إطلاق النار", en: "Hudna — ceasefire monitor" },
  langSwitch: { ar: "English", en: "العربية" },
  filters: { ar: "المرشحات", en: "Filters" },
  zone: { ar: "المنطقة", en: "Zone" },
  type: { ar: "نوع الحدث", en: "Event type" },
  status: { ar: "الحالة", en: "Status" },
  source: { ar: "نوع المصدر", en: "Source kind" },
  from: { ar: "من", en: "From" },
  to: { ar: "إلى", en: "To" },
  all: { ar: "الكل", en: "All" },
  reset: { ar: "إعادة ضبط", en: "Reset" },
  incidents: { ar: "الحوادث", en: "Incidents" },
  sort: { ar: "الترتيب", en: "Sort" },
  date_desc: { ar: "الأحدث أولاً", en: "Newest first" },
  date_asc: { ar: "الأقدم أولاً", en: "Oldest first" },
  killed_desc: { ar: "الأكثر قتلى", en: "Most killed" },
  killed_asc: { ar: "الأقل قتلى", en: "Fewest killed" },
  date: { ar: "التاريخ", en: "Date" },
  place: { ar: "المكان", en: "Place" },
  killed: { ar: "قتلى", en: "Killed" },
  injured: { ar: "جرحى", en: "Injured" },
  reports: { ar: "التقارير", en: "Reports" },
  sources: { ar: "المصادر", en: "Sources" },
  next: { ar: "التالي", en: "Next" },
  prev: { ar: "السابق", en: "Previous" },
  first: { ar: "الأولى", en: "First" },
  none: { ar: "لا حوادث تطابق المرشحات", en: "No incidents match the filters" },
  loading: { ar: "جارٍ التحميل…", en: "Loading…" },
  error: { ar: "تعذر تحميل البيانات", en: "Could not load data" },
  close: { ar: "إغلاق", en: "Close" },
  figures: { ar: "الأرقام حسب المصدر", en: "Figures by source" },
  reconciled: { ar: "الحصيلة الموحّدة", en: "Reconciled figures" },
  low: { ar: "الأدنى", en: "Low" },
  best: { ar: "الأرجح", en: "Best" },
  high: { ar: "الأعلى", en: "High" },
  said: { ar: "قال", en: "said" },
  used: { ar: "معتمد", en: "used" },
  superseded: { ar: "غير معتمد", en: "not used" },
  original: { ar: "المصدر الأصلي", en: "Original" },
  actors: { ar: "الفاعلون", en: "Actors" },
  targets: { ar: "المستهدفون", en: "Targets" },
  revisions: { ar: "سجل التعديلات", en: "Revisions" },
  timeline: { ar: "الخروقات يومياً حسب الطرف", en: "Violations per day by party" },
  timelineWeek: { ar: "الخروقات أسبوعياً حسب الطرف", en: "Violations per week by party" },
  legend: { ar: "أنواع الأحداث", en: "Event types" },
  allZonesSum: { ar: "مجموع كل المناطق", en: "All zones, summed" },
  timelineZone: { ar: "منطقة الخط الزمني", en: "Timeline zone" },
  typesChosen: { ar: "أنواع", en: "types" },
  brushHint: { ar: "اسحب لتحديد فترة", en: "Drag to select a period" },
  clearRange: { ar: "مسح الفترة", en: "Clear period" },
  noViolations: { ar: "لا خروقات مسجلة", en: "No recorded violations" },
  map: { ar: "خريطة الحوادث", en: "Incident map" },
  unknownPlace: { ar: "مكان غير محدد", en: "Unknown place" },
  outlet: { ar: "الناشر", en: "Outlet" },
  evidence: { ar: "النص مع تظليل الأدلة", en: "Text with evidence highlighted" },
} as const;
export type UiKey = keyof typeof UI;

const TYPES: Record<string, { ar: string; en: string }> = {
  armed_clash: { ar: "اشتباك مسلح", en: "Armed clash" },
  air_strike: { ar: "غارة جوية", en: "Air strike" },
  shelling: { ar: "قصف", en: "Shelling" },
  explosion: { ar: "انفجار", en: "Explosion" },
  chemical_attack: { ar: "هجوم كيميائي", en: "Chemical attack" },
  attack_on_civilians: { ar: "اعتداء على مدنيين", en: "Attack on civilians" },
  abduction: { ar: "اختطاف", en: "Abduction" },
  territory_change: { ar: "تغير السيطرة", en: "Territory change" },
  agreement: { ar: "اتفاق", en: "Agreement" },
  meeting: { ar: "اجتماع", en: "Meeting" },
  statement: { ar: "تصريح", en: "Statement" },
  ceasefire_violation_report: { ar: "تقرير خروقات", en: "Violation report" },
  casualty_claim: { ar: "حصيلة إجمالية", en: "Casualty claim" },
  denial: { ar: "نفي", en: "Denial" },
  threat: { ar: "تهديد", en: "Threat" },
  humanitarian: { ar: "إنساني", en: "Humanitarian" },
  other: { ar: "أخرى", en: "Other" },
};

const STATUSES: Record<string, { ar: string; en: string }> = {
  single_source: { ar: "مصدر واحد", en: "Single source" },
  corroborated: { ar: "مؤكد من عدة مصادر", en: "Corroborated" },
  contested: { ar: "متنازع عليه", en: "Contested" },
  confirmed_by_party: { ar: "أكده طرف", en: "Confirmed by a party" },
};

const SOURCE_KINDS: Record<string, { ar: string; en: string }> = {
  state_media: { ar: "إعلام رسمي", en: "State media" },
  news_agency: { ar: "وكالة أنباء", en: "News agency" },
  official: { ar: "مسؤول", en: "Official" },
  activists: { ar: "ناشطون", en: "Activists" },
  monitor: { ar: "مرصد", en: "Monitor" },
  ngo: { ar: "منظمة", en: "NGO" },
  outlet: { ar: "الناشر", en: "Outlet" },
  unknown: { ar: "غير معروف", en: "Unknown" },
};

export const TYPE_KEYS = Object.keys(TYPES);
export const STATUS_KEYS = Object.keys(STATUSES);
export const SOURCE_KIND_KEYS = Object.keys(SOURCE_KINDS);

export function t(lang: Lang, key: UiKey): string {
  return UI[key][lang];
}
function label(table: Record<string, { ar: string; en: string }>, lang: Lang, key: string): string {
  return table[key]?.[lang] ?? key.replace(/_/g, " ");
}
export const typeLabel = (lang: Lang, k: string): string => label(TYPES, lang, k);
export const statusLabel = (lang: Lang, k: string): string => label(STATUSES, lang, k);
export const sourceKindLabel = (lang: Lang, k: string): string => label(SOURCE_KINDS, lang, k);

const locale = (lang: Lang): string => (lang === "ar" ? "ar-SY" : "en-GB");
const numberFormats = new Map<Lang, Intl.NumberFormat>();

export function num(lang: Lang, n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "–";
  let f = numberFormats.get(lang);
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat(locale(lang))));
  return f.format(n);
}

/** "YYYY-MM-DD" → a localized day; the raw string back when it isn't one. */
export function day(lang: Lang, iso: string | null | undefined): string {
  if (!iso) return "–";
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }).format(d);
}

/** A compact numeric day for tables: "٣١‏/١٢‏/٢٠١٩", "31/12/2019". */
export function dayShort(lang: Lang, iso: string | null | undefined): string {
  if (!iso) return "–";
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), { year: "numeric", month: "numeric", day: "numeric", timeZone: "UTC" }).format(d);
}

/** low–best–high as one short string: "٩" or "٩–٢٠ (best ١٢)". */
export function range(lang: Lang, low: number | null, best: number | null, high: number | null): string {
  if (low === null && best === null && high === null) return "–";
  const b = best ?? low ?? high;
  if ((low === null || low === b) && (high === null || high === b)) return num(lang, b);
  return `${num(lang, low ?? b)}–${num(lang, high ?? b)}${best !== null ? ` (${t(lang, "best")} ${num(lang, best)})` : ""}`;
}

/** Name in the UI language when both exist. */
export function pick(lang: Lang, en: string | null | undefined, ar: string | null | undefined): string {
  return (lang === "ar" ? ar || en : en || ar) || "";
}

/** Zone names without the generic part ("Idlib de-escalation zone" → "Idlib"), for labels. */
export function shortZoneName(lang: Lang, en: string | null | undefined, ar: string | null | undefined): string {
  const full = pick(lang, en, ar);
  const short = full
    .replace(/^منطقة\s+خفض\s+(ال)?تصعيد\s+(في\s+)?/u, "")
    .replace(/\s+de-?escalation\s+zone$/i, "")
    .trim();
  return short || full;
}

/**
 * Arabic names of the common canonical parties. The violations API names parties in English only,
 * and an incident's `name_ar` is the report's own wording ("وحدات الجيش", "والجانب الروسي"), so a
 * legend reads better with one fixed name per party.
 */
const PARTY_AR: Record<string, string> = {
  "syrian arab army": "الجيش السوري",
  "syrian government": "الحكومة السورية",
  "syrian government forces": "قوات الحكومة السورية",
  "pro-government militias": "الميليشيات الموالية للحكومة",
  "national defence forces": "قوات الدفاع الوطني",
  "russian air force": "الطيران الروسي",
  "russian forces": "القوات الروسية",
  "russia": "روسيا",
  "russia (armed forces)": "القوات الروسية",
  "russia (government)": "الحكومة الروسية",
  "russian ministry of defence": "وزارة الدفاع الروسية",
  "hayat tahrir al-sham": "هيئة تحرير الشام",
  "hts": "هيئة تحرير الشام",
  "islamic state": "تنظيم الدولة",
  "isis": "تنظيم الدولة",
  "sdf": "قوات سوريا الديمقراطية",
  "syrian democratic forces": "قوات سوريا الديمقراطية",
  "ypg": "وحدات حماية الشعب",
  "international coalition": "التحالف الدولي",
  "us-led coalition": "التحالف الدولي",
  "united states": "الولايات المتحدة",
  "turkish armed forces": "الجيش التركي",
  "turkish army": "الجيش التركي",
  "turkey": "تركيا",
  "turkish ministry of defence": "وزارة الدفاع التركية",
  "iran": "إيران",
  "iranian forces": "القوات الإيرانية",
  "hezbollah": "حزب الله",
  "israel": "إسرائيل",
  "israeli air force": "الطيران الإسرائيلي",
  "jordan": "الأردن",
  "armed opposition": "المعارضة المسلحة",
  "free syrian army": "الجيش السوري الحر",
  "national front for liberation": "الجبهة الوطنية للتحرير",
  "syrian national army": "الجيش الوطني السوري",
  "jaysh al-islam": "جيش الإسلام",
  "faylaq al-rahman": "فيلق الرحمن",
  "ahrar al-sham": "أحرار الشام",
  "armed groups": "مجموعات مسلحة",
  "united nations": "الأمم المتحدة",
  "opcw": "منظمة حظر الأسلحة الكيميائية",
  "civilians": "مدنيون",
  "unknown": "غير معروف",
  "other": "أخرى",
};

/** Arabic name of a canonical (English) party name, or null when the dictionary lacks it. */
export function partyNameAr(name: string): string | null {
  const key = name.trim().toLowerCase();
  return PARTY_AR[key] ?? PARTY_AR[key.replace(/\s*\([^)]*\)\s*$/, "")] ?? null;
}
