// Hand-built events for incident and store tests: the store and the incident logic are tested
// apart from extraction, so each test states exactly the event it means. Report texts are our own
// Arabic sentences.
import type { Count, ExtractResult, HudnaEvent, Party, Place, Source } from "../../src/model/index.js";
import type { Member } from "../../src/incidents/index.js";

export const PLACES = {
  ariha: { name: "Ariha", name_ar: "أريحا", admin1: "Idlib", lat: 35.8128, lon: 36.6075, precision: "town", zone: "idlib" } as Place,
  // ~1.5 km from Ariha's centre: the same strike told with a neighbourhood name
  arihaEast: { name: "Ariha east", name_ar: "شرقي أريحا", admin1: "Idlib", lat: 35.815, lon: 36.624, precision: "point", zone: "idlib" } as Place,
  saraqib: { name: "Saraqib", name_ar: "سراقب", admin1: "Idlib", lat: 35.8647, lon: 36.8003, precision: "town", zone: "idlib" } as Place,
  douma: { name: "Douma", name_ar: "دوما", admin1: "Rif Dimashq", lat: 33.5722, lon: 36.4022, precision: "town", zone: "eastern-ghouta" } as Place,
  raqqa: { name: "Raqqa", name_ar: "الرقة", admin1: "Raqqa", lat: 35.95, lon: 39.01, precision: "town", zone: null } as Place,
  idlibGov: { name: "Idlib Governorate", name_ar: "محافظة إدلب", admin1: "Idlib", lat: 35.8, lon: 36.6, precision: "governorate", zone: null } as Place,
};

export const PARTIES = {
  russianAF: { name: "Russian Air Force", name_ar: "الطيران الروسي", kind: "foreign_state_force", country: "RU" } as Party,
  syrianAF: { name: "Syrian Air Force", name_ar: "الطيران السوري", kind: "state_force", country: "SY" } as Party,
  syrianArmy: { name: "Syrian Arab Army", name_ar: "الجيش العربي السوري", kind: "state_force", country: "SY" } as Party,
  hts: { name: "Hayat Tahrir al-Sham", name_ar: "هيئة تحرير الشام", kind: "jihadist_group" } as Party,
  rebels: { name: "Rebel factions", name_ar: "فصائل المعارضة", kind: "rebel_group" } as Party,
  civilians: { name: "civilians", name_ar: "مدنيين", kind: "civilians" } as Party,
  russianMoD: { name: "Russian Ministry of Defence", name_ar: "وزارة الدفاع الروسية", kind: "government", country: "RU" } as Party,
};

export const SOURCES = {
  sana: { name: "SANA", kind: "state_media", text: "سانا" } as Source,
  sohr: { name: "Syrian Observatory for Human Rights", kind: "monitor", text: "المرصد السوري لحقوق الإنسان" } as Source,
  activists: { name: "local activists", kind: "activists", text: "ناشطون محليون" } as Source,
  russianMoD: { name: "Russian Ministry of Defence", kind: "official", text: "وزارة الدفاع الروسية" } as Source,
};

export function count(best: number | null, qualifier: Count["qualifier"] = "exact", extra: Partial<Count> = {}): Count {
  return { low: best, best, high: best, qualifier, group: "civilians", text: String(best ?? ""), ...extra };
}

export function event(over: Partial<HudnaEvent> & { id: string }): HudnaEvent {
  return {
    type: "air_strike",
    stance: "asserted",
    disputes: [],
    date: { start: "2017-09-20", end: "2017-09-20", precision: "day", text: "أمس" },
    actors: [PARTIES.russianAF],
    targets: [PARTIES.civilians],
    locations: [PLACES.ariha],
    fatalities: null,
    injured: null,
    sources: [],
    evidence: [{ start: 0, end: 10 }],
    confidence: 0.8,
    details: {},
    ...over,
  };
}

let order = 0;
export function member(ev: HudnaEvent, reportId: string, outlet: string | null = null): Member {
  return { eventId: ev.id, reportId, event: ev, outlet, published: ev.date.start, order: order++ };
}

export function result(reportId: string, events: HudnaEvent[], over: Partial<ExtractResult["report"]> = {}): ExtractResult {
  return {
    report: { id: reportId, published: "2017-09-21", outlet: null, language: "ar", title: null, chars: 100, ...over },
    events,
    warnings: [],
  };
}

/** Our own Arabic report sentences (never copied from real news). */
export const TEXTS = {
  sanaStrike: "أفاد مصدر لوكالة سانا بأن خمسة مدنيين قتلوا أمس في غارة على مدينة أريحا.",
  sohrStrike: "قال المرصد السوري لحقوق الإنسان إن اثني عشر مدنياً قتلوا في غارات روسية على أريحا أمس.",
  denial: "نفت وزارة الدفاع الروسية أن تكون طائراتها قد نفذت أي غارة على أريحا.",
  moDClaim: "أعلنت وزارة الدفاع الروسية أن طائراتها دمرت مستودعاً للأسلحة قرب أريحا.",
  shelling: "سقطت قذائف هاون على حي في دوما صباح اليوم وأصيب ثلاثة أشخاص.",
};
