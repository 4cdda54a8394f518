// Who is who: comparing parties across reports, and recognising when a source speaks for a party
// (the Russian MoD for the Russian Air Force, SANA for the Syrian Army). Reports name the same side
// differently ("terrorist groups" in state media, "rebel factions" elsewhere), so comparison goes by
// camp and affiliation as well as by name.
import type { Party, PartyKind } from "../model/index.js";

// Party and source names repeat across every candidate comparison: normalizing each once (a small
// bounded memo) took normName from the top of the store's profile.
const NORM_CACHE = new Map<string, string>();
const NORM_CACHE_MAX = 5000;

export function normName(s: string | null | undefined): string {
  const raw = s ?? "";
  let out = NORM_CACHE.get(raw);
  if (out !== undefined) return out;
  out = raw
    .toLowerCase()
    .normalize("NFKC")
    .replace(/[\u064B-\u065F\u0670\u0640]/g, "") // Arabic diacritics and tatweel
    .replace(/[أإآ]/g, "ا")
    .replace(/ة/g, "ه")
    .replace(/ى/g, "ي")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  if (raw.length <= 200) {
    if (NORM_CACHE.size >= NORM_CACHE_MAX) NORM_CACHE.clear();
    NORM_CACHE.set(raw, out);
  }
  return out;
}

/** Parties that carry no information for comparison. */
export function isKnown(p: Party): boolean {
  return p.kind !== "unknown" && p.kind !== "civilians" && normName(p.name) !== "" && normName(p.name) !== "unknown";
}

type Camp = "government" | "opposition" | "kurdish" | "coalition" | "jihadist" | "other";

const CAMP_BY_KIND: Partial<Record<PartyKind, Camp>> = {
  state_force: "government",
  government: "government",
  militia: "government",
  foreign_state_force: "government",
  rebel_group: "opposition",
  jihadist_group: "jihadist",
  kurdish_forces: "kurdish",
  coalition: "coalition",
};

function camp(p: Party): Camp {
  const aff = affiliationOf(p.name, p.country);
  if (aff === "TR") return "opposition"; // Turkish forces fight beside Syrian rebel factions
  if (aff === "US") return "coalition";
  if (aff === "IS") return "jihadist";
  return CAMP_BY_KIND[p.kind] ?? "other";
}

/**
 * Two party lists may describe the same side when either says nothing, or they share a name, an
 * affiliation or a camp (pro-government forces: Syrian, Russian, Iranian, militias; opposition…).
 */
export function partiesCompatible(a: Party[], b: Party[]): boolean {
  const ka = a.filter(isKnown);
  const kb = b.filter(isKnown);
  if (!ka.length || !kb.length) return true;
  const names = new Set(ka.map((p) => normName(p.name)));
  if (kb.some((p) => names.has(normName(p.name)))) return true;
  const camps = new Set(ka.map(camp));
  return kb.some((p) => camps.has(camp(p)));
}

/** How many names two party lists share (for ranking candidates). */
export function sharedNames(a: Party[], b: Party[]): number {
  const names = new Set(a.filter(isKnown).map((p) => normName(p.name)));
  return b.filter((p) => isKnown(p) && names.has(normName(p.name))).length;
}

// Affiliation keys: a party and the sources that speak for it share one.
const AFFILIATION_PATTERNS: Array<[RegExp, string]> = [
  // before "SY": the Free Syrian Army / Syrian National Army are not the Syrian state
  [/free syrian army|الجيش السوري الحر|الجيش الحر|syrian national army|الجيش الوطني السوري/, "OPP"],
  [/russia|روس|hmeimim|حميميم|tass|تاس|sputnik|سبوتنيك|\brt\b|روسيا اليوم/, "RU"],
  [/turk|ترك|anadolu|الاناضول/, "TR"],
  [/iran|ايران|irgc|الحرس الثوري/, "IR"],
  [/israel|اسرائيل|idf/, "IL"],
  [/hezbollah|hizbollah|حزب الله/, "HZ"],
  [/coalition|التحالف|centcom|pentagon|البنتاغون|united states|american|\bus\b|الامريكي|الاميركي/, "US"],
  [/islamic state|\bisis\b|\bisil\b|daesh|داعش|تنظيم الدوله|amaq|اعماق/, "IS"],
  [/tahrir al sham|\bhts\b|هيئه تحرير الشام|nusra|النصره/, "HTS"],
  [/\bsdf\b|قسد|قوات سوريا الديمقراطيه|\bypg\b|kurdish|الكرديه/, "SDF"],
  [/\bsana\b|سانا|syrian arab army|syrian army|syrian air force|الجيش السوري|الجيش العربي السوري|syrian (ministry|government|defence)|syrian regime|النظام السوري|الحكومه السوريه|syrian state/, "SY"],
];

export function affiliationOf(name: string | null | undefined, country?: string | null): string | null {
  const n = normName(name);
  for (const [re, key] of AFFILIATION_PATTERNS) if (re.test(n)) return key;
  const c = normName(country);
  if (c === "ru" || c === "russia") return "RU";
  if (c === "sy" || c === "syria") return "SY";
  if (c === "tr" || c === "turkey") return "TR";
  if (c === "us" || c === "usa" || c === "united states") return "US";
  if (c === "ir" || c === "iran") return "IR";
  if (c === "il" || c === "israel") return "IL";
  return null;
}

/**
 * Whether a source speaking in a report is the acting party itself (or its official voice): an
 * official/state-media source whose name or affiliation matches an actor's.
 */
export function sourceSpeaksFor(source: { name: string; kind: string }, actors: Party[]): boolean {
  if (!["official", "state_media", "outlet"].includes(source.kind)) return false;
  const sn = normName(source.name);
  if (!sn) return false;
  const aff = affiliationOf(source.name);
  return actors.filter(isKnown).some((p) => normName(p.name) === sn || (aff !== null && affiliationOf(p.name, p.country) === aff));
}

/** Parties merged by name, first occurrence wins (keeps name_ar/kind of the first report). */
export function mergeParties(lists: Party[][]): Party[] {
  const seen = new Map<string, Party>();
  for (const list of lists) for (const p of list) {
    const k = normName(p.name) || normName(p.name_ar);
    if (!k || seen.has(k)) continue;
    seen.set(k, p);
  }
  return [...seen.values()];
}
