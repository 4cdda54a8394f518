// One sentence → candidate events. Decides which triggers count (not negated, hypothetical,
// future or background), which event families the sentence reports, and the anchor position of
// each candidate (its strongest trigger), from which dates and roles are judged.
import type { EventType } from "../model/index.js";
import { normalizeKey } from "../arabic/normalize.js";
import type { Hit } from "./pattern.js";
import type { TriggerEntry } from "./lexicon/triggers.js";
import type { Sentence } from "./document.js";
import { segmentOf } from "./document.js";
import { foldPattern } from "./pattern.js";
import { sentenceCues } from "./sentenceCues.js";
import { BACKGROUND_START, NEGATION } from "./lexicon/cues.js";

export const VIOLENT_PRIORITY: EventType[] = ["chemical_attack", "explosion", "air_strike", "shelling", "attack_on_civilians", "armed_clash", "abduction"];
const NEG = new Set(NEGATION.map(normalizeKey).filter((w) => !w.includes(" ")));
const BG_START = BACKGROUND_START.map(normalizeKey);
const BG_START_SET = new Set(BG_START);

export interface Candidate {
  type: EventType;
  pos: number;
  strength: number;
  triggers: Hit<TriggerEntry>[];
  /** consumed topic triggers (denials: what is denied) */
  topic?: EventType[];
  aggregate?: boolean;
  countOnly?: boolean;
  future?: boolean;
  /** a companion event of the sentence's main one: it does not take dates away from it */
  shareDate?: boolean;
  /** the part of the sentence that is this event's own (two incidents told in one sentence) */
  clause?: [number, number];
}

export interface SentenceFacts {
  killed: boolean;
  injured: boolean;
  anyNumber: boolean;
  hasDate: boolean;
  hasPlace: boolean;
  militaryParty: boolean;
  killedValue?: number | null;
  /** the sentence names a single day */
  dayDate?: boolean;
  datePos?: number[];
  /** the sentence attributes what it tells to a source */
  attributed?: boolean;
  /** where the sentence names places (town level or finer) */
  placePos?: number[];
  partyCount?: number;
  /** the sentence's date is a period (week, month, year), not a day */
  periodDate?: boolean;
  /** a count of people that is not a casualty figure (displaced, trapped, detained…) */
  people?: boolean;
}

const LETTER = /\p{L}/u;
/** /\p{L}/u on the code unit at i (false past either end), without making a one-char string for Arabic/ASCII. */
function letterAt(hay: string, i: number): boolean {
  if (i < 0 || i >= hay.length) return false;
  const c = hay.charCodeAt(i);
  if (c >= 0x0621 && c <= 0x064a) return true;
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return LETTER.test(hay[i]!);
}

function hasWordPhrase(hay: string, phrase: string): boolean {
  let i = hay.indexOf(phrase);
  while (i >= 0) {
    const beforeLetter = letterAt(hay, i - 1);
    const afterLetter = letterAt(hay, i + phrase.length);
    if (!beforeLetter && (!afterLetter || phrase.endsWith(" "))) return true;
    // allow و/ف proclitic before the phrase
    const before = i === 0 ? 0 : hay.charCodeAt(i - 1);
    if ((before === 0x0648 || before === 0x0641) && (i < 2 || !letterAt(hay, i - 2)) && !afterLetter) return true;
    i = hay.indexOf(phrase, i + 1);
  }
  return false;
}

export function isBackgroundSentence(s: Sentence): boolean {
  // first word without splitting the whole sentence (called for every sentence)
  const sp = s.text.indexOf(" ");
  return BG_START_SET.has(sp < 0 ? s.text : s.text.slice(0, sp));
}

const AGG_RE = /(?:خلال|طيله|طوال) (?:ال)?(?:اسبوع|شهر|اشهر|اسابيع|عام|سنه|سنوات|اعوام|الاسبوع|الشهر|العام|الاشهر|الاسابيع|السنوات|السنه|الفتره)|منذ (?:بدء|بدايه|مطلع|اندلاع|انطلاق)|حصيله (?:اسبوعيه|شهريه|اجماليه|سنويه)|الحصيله الاجماليه|(?:منذ|خلال) عام \d{4}|منذ \d{1,2} \p{L}+/u;
// every alternative of AGG_RE holds one of these words: without them the regex is not run
const AGG_WORDS = ["خلال", "طيله", "طوال", "منذ", "حصيله"];
// a toll over "scattered areas" or "several towns" sums several incidents: a casualty claim
const SCATTERED = /(?:في|علي) (?:مناطق|مدن|بلدات|قري) (?:متفرقه|عده|مختلفه)|(?:في|علي) (?:عده|عدد من|مختلف) (?:ال)?(?:مناطق|مدن|بلدات|قري)/;
export function isAggregate(text: string): boolean {
  return (AGG_WORDS.some((w) => text.includes(w)) && AGG_RE.test(text)) || sentenceCues(text).agg.length > 0;
}

const REPLY_RE = /(?:ردا|رد) علي|انتقاما (?:ل|من)|في رد علي/;
const CONTRAST_RE = /[،,]? (?:في حين|بينما|فيما) /;
const STRIKE_VERB = /(?:^|\s)(?:[وف])?(?:نفذ|شن|استهدف|قصف|ضرب|اغار|القت|القي|تستهدف|يستهدف|تقصف|يقصف)\p{L}*/u;

const START_RE = new Map<string, RegExp>();
function startRe(p: string): RegExp {
  let re = START_RE.get(p);
  if (!re) START_RE.set(p, (re = new RegExp(`^(?:${foldPattern(p)})`, "u")));
  return re;
}

function negatedAt(s: Sentence, norm: string, pos: number): boolean {
  const segStart = s.cuts[segmentOf(s, pos)]!;
  const words = norm.slice(segStart, pos).trim().split(/\s+/).filter(Boolean).slice(-3);
  return words.some((w) => NEG.has(w.replace(/^[وف]/, "")) || NEG.has(w));
}

/**
 * A suffix of `s` starting at a space with the last few words in it: splitting a suffix that
 * starts at whitespace yields exactly the whole text's last tokens, without splitting the whole
 * segment for every trigger. Callers fall back to the whole text when the tail has too few.
 */
function tailOf(s: string): string {
  let spaces = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    if (s.charCodeAt(i) === 0x20 && ++spaces === 6) return s.slice(i);
  }
  return s;
}
/** The last k parts of s.split(/\s+/), computed on the tail when it holds more than k parts. */
function lastParts(s: string, tail: string, k: number): string[] {
  const parts = tail.split(/\s+/);
  return parts.length > k ? parts.slice(-k) : s.split(/\s+/).slice(-k);
}

/**
 * Modal and background cues present in the sentence at all: `before` is a slice of s.text, so a
 * cue absent from the sentence is absent from it (saves scanning every cue for every trigger).
 * blocked() runs for each trigger of one sentence in turn: the last sentence's answer is kept.
 */
function cuesIn(s: Sentence): { modal: readonly string[]; bg: readonly string[] } {
  return sentenceCues(s.text);
}

/** What /\s/ (and trim) count as whitespace. */
function isSpace(c: number): boolean {
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return true;
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Is one of the last k words of norm[a, b) (as split(/\s+/) cuts them) a negation, bare or after
 * و/ف? Read backwards from b without splitting the stretch (runs for every trigger).
 */
function lastWordsNegate(norm: string, a: number, b: number, k: number): boolean {
  let i = b;
  for (let n = 0; n < k; n++) {
    while (i > a && isSpace(norm.charCodeAt(i - 1))) i--;
    if (i <= a) return false;
    const end = i;
    while (i > a && !isSpace(norm.charCodeAt(i - 1))) i--;
    const w = norm.slice(i, end);
    if (NEG.has(w)) return true;
    const c = w.charCodeAt(0);
    if ((c === 0x0648 || c === 0x0641) && NEG.has(w.slice(1))) return true;
  }
  return false;
}

/** Is this trigger negated, hypothetical/future, background, or an attempt? */
function blocked(s: Sentence, norm: string, h: Hit<TriggerEntry>): { neg: boolean; modal: boolean; bg: boolean; future: boolean } {
  const seg = segmentOf(s, h.start);
  const segStart = s.cuts[seg]!;
  const before = norm.slice(segStart, h.start);
  const neg = lastWordsNegate(norm, segStart, h.start, 4);
  const cues = cuesIn(s);
  // the regexes run only when their word is there at all (every "attempt" word holds حاول)
  // "قد تبدأ معركة إدلب"، "قد يشن": قد before an imperfect verb is "may" (before a perfect one it is "has")
  const mayImperfect = before.includes("قد") && ((t) => /(?:^|\s)(?:[وف])?قد [يتن]\p{L}+(?: \S+){0,3}$/u.test(t) || (/^(?:[وف])?[يتن]/.test(h.text) && /(?:^|\s)(?:[وف])?قد $/.test(t)))(tailOf(before));
  const modal = cues.modal.some((c) => hasWordPhrase(before, c)) || mayImperfect || (before.includes("حاول") && /(?:^|\s)(?:حاول|حاولت|محاوله|محاولات|تحاول|يحاول)(?:\s|$)/.test(before));
  const bg = cues.bg.some((c) => before.includes(c)) || (before.includes("منذ") && /(?:^|\s)منذ(?:\s|$)/.test(lastParts(before, tailOf(before), 3).join(" ")));
  // future: the proclitic س on an imperfect verb ("ستقصف"، "سيشن")
  const t0 = h.text.charCodeAt(0);
  const core = t0 === 0x0648 || t0 === 0x0641 ? h.text.slice(1) : h.text; // without a leading و/ف
  const c1 = core.charCodeAt(1);
  const future = core.charCodeAt(0) === 0x0633 && (c1 === 0x064a || c1 === 0x062a || c1 === 0x0646) && h.entry.type !== "humanitarian" && !startRe(h.entry.re).test(core);
  return { neg, modal, bg, future };
}

// Words that name no event where they stand (stop-phrases), judged on the words around the trigger:
// a venue or a title ("مؤتمر صحفي"، "كلمة أمام قمة"، "عضو في لجنة المفاوضات"), displaced people as an
// attribute ("عائلات نازحة"، "منازل المهجرين"), fighting as a place ("مناطق المعارك"), a bomb made
// safe ("فككت عبوة ناسفة"), a campaign entering its n-th week ("دخلت العملية أسبوعها الثالث").
const MEETING_AFTER = /^ (?:صحفي|صحافي|الصحفي|الصحافي|صحفيا|صحافيا)(?:\s|$)/;
const TITLE_BEFORE = /(?:^|\s)(?:[وف])?(?:لجنه|اللجنه|هيئه|الهيئه|عضو|اعضاء|رئيس|رئيسه|ممثل|ممثلو|ممثلي|وفد|الوفد|كبير|منسق|مسؤول|ملف)(?: (?:في|وفد|ال\p{L}+))? (?:لل|ل|ال)?$/u;
const VENUE_BEFORE = /(?:^|\s)(?:[وف])?(?:كلمه|خطاب|كلمته|خطابه|حديث|حديثه|تصريحات|تصريح)(?: \p{L}+){0,2} (?:امام|خلال|في|علي هامش) (?:ال)?$/u;
const ATTRIBUTE_HEAD = /(?:^|\s)(?:[وفب])?(?:ل|ال)?(?:منازل|بيوت|خيام|خيم|عائلات|اسر|مساكن|ممتلكات|اطفال|ابناء|ملف|قضيه|مخيمات|مخيم|تجمعات|مراكز|مركز|مدارس)(?: \p{L}+)? (?:ال)?$/u;
const PEOPLE_NOUN = /^(?:[وفبل])?(?:ال|لل)?(?:نازح|مهجر|مشرد|لاجئ)/;
const FIGHT_PLACE = /(?:^|\s)(?:[وفب])?(?:ال)?(?:مناطق|منطقه|جبهات|خطوط|محاور|ساحات)(?: \p{L}+)? $/u;
const DEFUSED = /(?:^|\s)(?:[وف])?(?:فكك|فككت|فككوا|تفكيك|بتفكيك|ابطال|بابطال|ضبط|ضبطت|مصادره|صادرت|عثر|عثرت|العثور|زرع|زرعت|يزرع|تزرع|بزرع)(?: [^ ]+){0,5} (?:علي )?$/u;
const AGE_AFTER = /^ (?:[^ ]+ ){0,14}?(?:اسبوع|شهر|عام|يوم|سن|مرحل)(?:ها|ه|هم)(?:\s|،|$)/;
// Missiles as a weapon system or a trade ("تسليم منظومة إس-300"، "مدمرة مزودة بصواريخ موجهة") fire at nobody.
const ARMS_TRADE = /منظوم|(?:ال)?نظام (?:ال)?صاروخي|برنامج|قادره علي|قدرات|(?:^|\s)(?:اس|اس-|s)\s?-?\s?[34]00|باتريوت|تسليم|توريد|صفق|شراء|بيع|امتلاك|مزود\S* ب|مسلح\S* ب|ترسان|مخزون|تطوير|انتاج|تصنيع|مدمره|بارجه|غواصه/;
// "يهدد وحدة البلاد"، "تهدد حياة الآلاف": a danger to something, not a party threatening an attack.
const THREAT_OBJECT = /^ (?:\S+ )?(?:ب)?(?:ال)?(?:وحده|استقرار|امن|مستقبل|حياه|تبقي|تفاهمات|تفاهم|هدنه|تهدئه|تسويه|وقف اطلاق|بانهيار|انهيار|تقويض|بتقويض|السلام|سلام|العمليه السياسيه|الاتفاق|اتفاق|جهود|مسار|نسف|بنسف|مصير|سلامه|صحه|الموسم|المحاصيل)/;
// "التصعيد يهدد …"، "الأزمة الاقتصادية تهدد …": a situation as the subject endangers, it does not threaten.
const SITUATION = "(?:تصعيد|ازمه|ازمات|وضع|اوضاع|نمط|استمرار|خطر|مخاطر|فوضي|فلتان|جفاف|تدهور|نقص|غلاء|تطورات|خلافات|انقسام|انقسامات|تلوث|مجاعه|اوبئه|وباء|امراض|فقر|بطاله|عقوبات)";
const THREAT_SUBJECT = new RegExp(`(?:^|\\s)(?:[وف])?(?:ال)?${SITUATION}(?: \\p{L}+){0,3} $`, "u");
// the same subject after the verb ("تهدد الأزمة الاقتصادية حياة …")
const THREAT_SUBJECT_AFTER = new RegExp(`^ (?:ال)?${SITUATION}(?:\\s|$)`);
// planning verbs threaten only when what is planned is an attack
const PLAN_VERB = /^(?:[وف])?(?:[يت]عتزم|[يت]خطط|[يت]ستعد|[يت]نوي)/;
const PLANNED_ATTACK = /استفزاز|مواد سامه|كيماوي|كيميائي|تفجير|اعتداء|هجوم|عمليه عسكري|عمليات عسكري|شن|قصف|ضرب|اجتياح|اقتحام|استهداف|غزو|التقدم|السيطره|حمله عسكري|معركه|الرد/;
const HOLDS_BEFORE = /(?:^|\s)(?:[وف])?(?:بات|باتت|اصبح|اصبحت|لا تزال|لا يزال|ما زالت|ما زال|مازالت|مازال|تزال|يزال|كانت|كان|التي|الذي|الذين|اللتين|اللذين|ظلت|ظل|تبقي|بقيت)(?: \S+){0,3} $/;
// "اتفقوا على أن …"، "اتفق على ضرورة/التعاون …": agreeing in opinion or on goodwill is no deal
const AGREED_THAT = /^ (?:\S+ ){0,10}?علي (?:ان|ضروره|اهميه|اولويه|[«"]?(?:ال)?تعاون|مواصله|تعزيز|العمل|دعم|ابقاء|استمرار)(?:\s|$)/;
// a meeting asked for ("طلبت روسيا عقد جلسة"، "دعا إلى اجتماع") has not taken place
const MEETING_ASKED = /(?:^|\s)(?:[وف])?(?:طلب|طلبت|طالب|طالبت|يطالب|تطالب|دعا|دعت|يدعو|تدعو|اقترح|اقترحت|يقترح|تقترح)(?: \S+){0,3} (?:الي |ب)?(?:عقد )?$/;
const TREND_BEFORE = /(?:^|\s)(?:[وف])?(?:ال)?(?:ارتفاع|زياده|تصاعد|تراجع|انخفاض|تزايد|ازدياد)ا?(?: (?:كبير|ملحوظ|حاد)ا?)? (?:في )?(?:عدد|وتيره|حده|معدل|اعداد)(?: [^ ]+){0,2} $/;
/** TREND_BEFORE can match only where one of its count nouns occurs ("اعداد" holds "عدد"). */
const trendNoun = (b: string) => b.includes("عدد") || b.includes("وتيره") || b.includes("حده") || b.includes("معدل");
function inert(h: Hit<TriggerEntry>, s: Sentence, norm: string): boolean {
  const t = h.entry.type;
  // (a string, not a closure: closures made per trigger cost more than the slice)
  const before = norm.slice(Math.max(s.start, h.start - 40), h.start);
  if (t === "shelling" && h.entry.tag === "munition" && /صاروخ|صواريخ/.test(h.text) && ARMS_TRADE.test(norm.slice(Math.max(s.start, h.start - 60), Math.min(s.end, h.end + 40)))) return true;
  if (t === "threat" && /^(?:[وف])?(?:[يت])?هدد/.test(h.text) && THREAT_OBJECT.test(norm.slice(h.end, Math.min(s.end, h.end + 40)))) return true;
  if (t === "threat" && /^(?:[وف])?[يت]هدد$/.test(h.text) && (THREAT_SUBJECT.test(norm.slice(Math.max(s.start, h.start - 50), h.start)) || THREAT_SUBJECT_AFTER.test(norm.slice(h.end, Math.min(s.end, h.end + 20))))) return true;
  if (t === "threat" && PLAN_VERB.test(h.text) && !PLANNED_ATTACK.test(norm.slice(h.end, Math.min(s.end, h.end + 50)))) return true;
  if (t === "agreement" && /^(?:[وف])?(?:[يت])?(?:ا)?تفق/.test(h.text) && AGREED_THAT.test(norm.slice(h.end, Math.min(s.end, h.end + 90)))) return true;
  if (t === "meeting" && MEETING_ASKED.test(before)) return true;
  // "ارتفاع في عدد الغارات على إدلب": a trend, not one strike (the regex needs one of its count nouns)
  if (VIOLENT_PRIORITY.includes(t) && trendNoun(before) && TREND_BEFORE.test(before)) return true;
  if (t === "meeting") {
    if (/مؤتمر|قمه|مفاوضات|محادثات/.test(h.text) && (MEETING_AFTER.test(norm.slice(h.end, h.end + 10)) || TITLE_BEFORE.test(before) || VENUE_BEFORE.test(before))) return true;
  }
  if (t === "humanitarian" && PEOPLE_NOUN.test(h.text) && ATTRIBUTE_HEAD.test(before)) return true;
  // "أجلت الأمم المتحدة إرسال قافلة … للنازحين": postponed, not evacuated
  if (t === "humanitarian" && /^(?:[وف])?اجل/.test(h.text) && /\s(?:[وفبل])?(?:ال)?(?:ارسال|موعد|اجتماع|جلس|جول|محادثات|مفاوضات|زيار|قافل|تسليم|انتخابات|بدء|تنفيذ|توقيع|دخول|اعلان|مؤتمر|قمه)/.test(h.text)) return true;
  // "ولاذ المسلحون بالفرار": the attackers got away, nobody was displaced
  if (t === "humanitarian" && /فرار$/.test(h.text) && /(?:^|\s)(?:[وف])?(?:لاذ|لاذت|لاذوا|تمكن|تمكنت|تمكنوا)(?: \S+){0,2} (?:من )?$/.test(before)) return true;
  // "باتت تسيطر على معظم المحافظة"، "المناطق التي تسيطر عليها": who holds ground, not a change of hands
  if (t === "territory_change" && /^(?:[وف])?[يت]سيطر/.test(h.text) && HOLDS_BEFORE.test(before)) return true;
  if (t === "armed_clash" && FIGHT_PLACE.test(before)) return true;
  if (t === "explosion" && DEFUSED.test(before)) return true;
  if (t === "territory_change" && h.entry.strength < 1 && /^(?:[وف])?دخل/.test(h.text) && AGE_AFTER.test(norm.slice(h.end, Math.min(s.end, h.end + 140)))) return true;
  // "مقابر جماعية اكتشفت منذ طرد التنظيم": graves found over a period are background
  if (h.entry.tag === "grave" && /(?:^|\s)منذ\s/.test(s.text)) return true;
  return false;
}

// A future verb right before the trigger governs it ("سيجنب إدلب كارثة إنسانية"): nothing happened.
// Nouns that start like a future verb (سيطرة، سيارة، ستة، سنة…) are not.
const FUTURE_WORD = /^(?:[وف])?س[يتن]\p{L}{2,}$/u;
const NOT_FUTURE = /^(?:[وف])?(?:سيطر|سيار|سياس|سياد|سيد|سيف|سير|سين|سيول|ستة|سته|ستين|ستون|ستمائه|ستار|سنه|سنوات|سنوي|سنين|سنتين|سنتان|سنوا|سنجار|ستالين|سيناء|سيناري)/;
function futureGoverned(s: Sentence, norm: string, h: Hit<TriggerEntry>): boolean {
  const segStart = s.cuts[segmentOf(s, h.start)]!;
  const before = norm.slice(Math.max(segStart, h.start - 40), h.start);
  if (!before.includes("س")) return false; // every future word holds its س
  const words = before.trim().split(/\s+/).slice(-3);
  return words.some((w) => FUTURE_WORD.test(w) && !NOT_FUTURE.test(w));
}

// Helpers at module level, not closures made per sentence (tsx names every named closure it
// makes, with a defineProperty call each time).
function ofType(live: Hit<TriggerEntry>[], t: EventType): Hit<TriggerEntry>[] {
  return live.filter((h) => h.entry.type === t);
}
function strengthSum(xs: Hit<TriggerEntry>[]): number {
  return xs.reduce((a, h) => a + h.entry.strength, 0);
}
function strongest(xs: Hit<TriggerEntry>[]): Hit<TriggerEntry> {
  return xs.reduce((a, h) => (h.entry.strength > a.entry.strength ? h : a), xs[0]!);
}
/** A downing whose aircraft is a drone ("أُسقطت مسيّرة"، "أسقطت طائرتين مسيّرتين"). */
function droneDowned(h: Hit<TriggerEntry>, norm: string): boolean {
  return /مسير/.test(h.text) || /^ (?:ال)?مسير/.test(norm.slice(h.end, h.end + 8));
}

export function classifySentence(s: Sentence, norm: string, trig: Hit<TriggerEntry>[], f: SentenceFacts, opts: { opinion: boolean }): Candidate[] {
  // an opinion or analysis piece: its incidents count only when told with a source and a day
  // ("قُتل ثلاثة مدنيين مساء السبت … بحسب ما أفاد الدفاع المدني"), not the writer's own remarks
  if ((opts.opinion && !(f.attributed && f.dayDate)) || isBackgroundSentence(s)) return [];
  const out: Candidate[] = [];
  const valid: Hit<TriggerEntry>[] = [];
  let threatPos = -1;
  let denialPos = -1;
  for (const h of trig) {
    if (inert(h, s, norm)) continue;
    const b = blocked(s, norm, h);
    const t = h.entry.type;
    if (t === "denial") {
      if (!b.neg && denialPos < 0) denialPos = h.start;
      continue;
    }
    if (t === "threat" || (b.future && VIOLENT_PRIORITY.includes(t))) {
      if (!b.neg && threatPos < 0) threatPos = h.start;
      continue;
    }
    if (b.neg || b.bg) continue;
    if (futureGoverned(s, norm, h)) continue;
    if (b.modal && t !== "humanitarian") continue;
    if (b.modal && t === "humanitarian" && h.entry.strength < 1) continue;
    valid.push(h);
  }
  // A denial consumes its own segment and everything after it: what is denied is not an event.
  let live = valid;
  if (denialPos >= 0) {
    const from = s.cuts[segmentOf(s, denialPos)]!;
    const topic = [...new Set(live.filter((h) => h.start >= from).map((h) => h.entry.type))];
    out.push({ type: "denial", pos: denialPos, strength: 1, triggers: [], topic });
    live = live.filter((h) => h.start < from);
  }
  if (threatPos >= 0 && (denialPos < 0 || threatPos < denialPos)) {
    const from = s.cuts[segmentOf(s, threatPos)]!;
    out.push({ type: "threat", pos: threatPos, strength: 1, triggers: [] });
    live = live.filter((h) => h.start < from || h.entry.type === "humanitarian");
  }
  // "رحبت بالاتفاق"، "أدانت الهجوم": what a statement talks about is its topic, not a new event.
  const speech = live.find((h) => h.entry.type === "statement" && /^(?:[وف])?(?:رحب|ادان|استنكر|ندد|ترحيب|ادانه)/.test(h.text));
  if (speech) {
    const seg = segmentOf(s, speech.start);
    live = live.filter((h) => h.start <= speech.start || segmentOf(s, h.start) !== seg || VIOLENT_PRIORITY.includes(h.entry.type));
  }

  // Aggregates: violation reports and casualty claims absorb the sentence's violent words.
  const viol = ofType(live, "ceasefire_violation_report");
  let absorbViolent = false;
  if (viol.length && (f.anyNumber || /(?:رصد|سجل|وثق|تسجيل|رصدت|سجلت|وثقت|سجلوا)/.test(s.text))) {
    out.push({ type: "ceasefire_violation_report", pos: viol[0]!.start, strength: 1, triggers: viol, aggregate: true });
    absorbViolent = true;
  }
  const violent = live.filter((h) => VIOLENT_PRIORITY.includes(h.entry.type));
  const violentTypes = new Set(violent.filter((h) => h.entry.strength >= 0.8 && h.entry.tag !== "aircraft").map((h) => (h.entry.tag === "air" ? "air_strike" : h.entry.type)));
  const bothSides = /(?:من|بين) (?:ال)?(?:طرفين|جانبين)/.test(s.text);
  // a big toll over a period ("215 مدنياً خلال شهر شباط") is an aggregate whatever caused it
  const bigPeriod = (f.killedValue ?? 0) >= 50 || f.periodDate === true;
  // a roundup that names one incident's day ("ليل الجمعة") and a small toll tells an incident
  const incident = f.dayDate === true && (f.killedValue ?? 0) < 10 && violent.length > 0;
  const scattered = f.killed && (s.text.includes("متفرق") || s.text.includes("عده") || s.text.includes("مختلف") || s.text.includes("عدد من")) && SCATTERED.test(s.text);
  if (!absorbViolent && f.killed && (scattered || isAggregate(s.text)) && !bothSides && (scattered || (!incident && (violentTypes.size !== 1 || violent.every((h) => h.entry.strength < 1) || bigPeriod)))) {
    out.push({ type: "casualty_claim", pos: s.start, strength: 0.8, triggers: [], aggregate: true });
    absorbViolent = true;
  }
  if (!absorbViolent) {
    const strong = violent.filter((h) => h.entry.strength >= 0.8);
    const weakOk = f.killed || f.injured;
    const pool = strong.length ? violent : weakOk ? violent : [];
    if (/استطلاع/.test(s.text)) for (let k = pool.length - 1; k >= 0; k--) if (pool[k]!.entry.tag === "aircraft") pool.splice(k, 1); // reconnaissance flights strike nothing
    const aircraftOnly = pool.length > 0 && pool.every((h) => h.entry.tag === "aircraft");
    if (aircraftOnly && !(STRIKE_VERB.test(s.text) || weakOk)) pool.length = 0;
    if (pool.length || (bothSides && f.killed)) {
      let type: EventType | null = null;
      const strikeVerb = STRIKE_VERB.exec(s.text);
      const strikeOk = strikeVerb !== null && !negatedAt(s, norm, s.start + strikeVerb.index);
      const hasAir = pool.some((h) => h.entry.tag === "air") || (pool.some((h) => h.entry.tag === "aircraft") && (strikeOk || pool.some((h) => h.entry.type === "shelling" || !!h.entry.munition) || weakOk));
      for (const t of VIOLENT_PRIORITY) {
        if (t === "air_strike" && hasAir) {
          type = t;
          break;
        }
        if (pool.some((h) => h.entry.type === t && h.entry.tag !== "aircraft" && (h.entry.strength >= 0.8 || weakOk))) {
          type = t;
          break;
        }
      }
      if (!type && bothSides && f.killed) type = "armed_clash";
      // drones downed in an attack ("أُسقطت ست طائرات مسيّرة… وأكدت أن الهجوم لم يسفر…"): a drone attack that was stopped
      if (type === "armed_clash" && pool.some((h) => h.entry.tag === "downing") && pool.some((h) => h.entry.type === "armed_clash" && h.entry.tag !== "downing") && pool.every((h) => h.entry.type !== "armed_clash" || h.entry.strength < 0.8 || (h.entry.tag === "downing" && droneDowned(h, norm)))) type = "air_strike";
      // aircraft words alone ("طائرات نفذت…") with a strike verb
      if (!type && pool.some((h) => h.entry.tag === "aircraft") && strikeOk) type = "air_strike";
      if (type) {
        const ts = pool.filter((h) => h.entry.type === type || (type === "air_strike" && (h.entry.tag === "air" || h.entry.tag === "aircraft")));
        const anchor = ts.length ? strongest(ts) : pool[0];
        out.push({ type, pos: anchor ? anchor.start : s.start, strength: anchor ? anchor.entry.strength : 0.7, triggers: pool });
        // "أُسقطت طائرة … أثناء تصديها لغارة": the downing is an event beside the strike
        const down = pool.filter((h) => h.entry.tag === "downing");
        // drones downed during their own attack ("أُسقطت مسيّرات أثناء هجومها") are that attack, not a second event
        if (type !== "armed_clash" && down.length && !(type === "air_strike" && down.every((h) => droneDowned(h, norm)))) out.push({ type: "armed_clash", pos: down[0]!.start, strength: 1, triggers: down, shareDate: true });
        // "اختطف مسلحون … وعُثر أمس على جثتي اثنين منهم": a kidnapping and a killing in one sentence
        const abd = pool.filter((h) => h.entry.type === "abduction");
        if (type !== "abduction" && abd.length && anchor && segmentOf(s, abd[0]!.start) !== segmentOf(s, anchor.start)) {
          out.push({ type: "abduction", pos: abd[0]!.start, strength: 1, triggers: abd });
        }
      }
    }
  }
  // "قُتل ثلاثة بقصف على كفرنبل، في حين قُتل طفل بغارة على معرة النعمان": two incidents in one
  // sentence, each clause with its own attack and its own place. (Without an attack and a place of
  // its own, "فيما أصيب خمسة آخرون" goes on telling the same incident.)
  const contrast = !absorbViolent && f.placePos && f.placePos.length > 1 ? CONTRAST_RE.exec(s.text) : null;
  if (contrast) {
    const cut = s.start + contrast.index;
    const first = out.find((c) => VIOLENT_PRIORITY.includes(c.type) && !c.clause);
    const before = first ? first.triggers.filter((h) => h.end <= cut && VIOLENT_PRIORITY.includes(h.entry.type) && h.entry.tag !== "aircraft") : [];
    const after = violent.filter((h) => h.start > cut && (h.entry.strength >= 0.8 || f.killed || f.injured) && h.entry.tag !== "aircraft");
    if (first && before.length && after.length && f.placePos!.some((p) => p < cut) && f.placePos!.some((p) => p > cut)) {
      const t = VIOLENT_PRIORITY.find((x) => after.some((h) => h.entry.type === x)) ?? first.type;
      first.type = VIOLENT_PRIORITY.find((x) => before.some((h) => h.entry.type === x)) ?? first.type;
      first.triggers = first.triggers.filter((h) => h.start < cut);
      const anchor = strongest(before);
      first.pos = anchor.start;
      first.strength = anchor.entry.strength;
      first.clause = [s.start, cut];
      out.push({ type: t, pos: after[0]!.start, strength: Math.max(...after.map((h) => h.entry.strength)), triggers: after, clause: [cut, s.end] });
    }
  }
  // "X struck Y in response to (ردا على) Z": the answered attack is an event of its own.
  // the regex runs only when a violent candidate exists (it was a top self-time entry on every sentence)
  const reply = !absorbViolent && out.some((c) => VIOLENT_PRIORITY.includes(c.type)) ? REPLY_RE.exec(s.text) : null;
  if (reply) {
    const cut = s.start + reply.index;
    const first = out.find((c) => VIOLENT_PRIORITY.includes(c.type))!;
    const after = violent.filter((h) => h.start > cut && h.entry.strength >= 0.8);
    // the answered attack needs an anchor of its own (a date after "ردا على"), else it is just a motive
    const anchored = (f.datePos ?? []).some((p) => p > cut);
    if (first.pos < cut && after.length && anchored) {
      const t = VIOLENT_PRIORITY.find((x) => after.some((h) => h.entry.type === x && h.entry.tag !== "aircraft")) ?? (after.some((h) => h.entry.tag === "air") ? "air_strike" : null);
      if (t && t !== first.type) out.push({ type: t, pos: after[0]!.start, strength: 0.9, triggers: after });
      first.triggers = first.triggers.filter((h) => h.start < cut);
    }
  }
  // Territory: strong words, or weak ones (دخل، تقدم، انسحب) with a military party and no convoy/deal.
  const terr = ofType(live, "territory_change");
  if (terr.length && !ofType(live, "denial").length) {
    const strong = terr.filter((h) => h.entry.strength >= 1);
    // weak words count only as past-tense verbs ("دخلت"، "تقدمت"), not as nouns of planned moves
    const weakVerbs = terr.filter(
      (h) => h.entry.strength < 1 && ((/(?:ت|وا)$/.test(h.text) && !/^(?:[وف])?(?:ال)/.test(h.text)) || (/سيطره علي$/.test(h.text) && (/(?:تمكن|نجح)\p{L}* (?:\p{L}+ ){0,4}من (?:ال)?سيطره/u.test(s.text) || /(?:بعد|عقب|اثر|اعقاب) $/.test(norm.slice(Math.max(s.start, h.start - 6), h.start))))),
    );
    const weakOk = (f.militaryParty || weakVerbs.some((h) => /سيطره/.test(h.text))) && weakVerbs.length > 0 && !ofType(live, "humanitarian").length && !ofType(live, "agreement").length;
    if (strong.length || weakOk) {
      const a = strong.length ? strong[0]! : terr[0]!;
      out.push({ type: "territory_change", pos: a.start, strength: strong.length ? 1 : 0.6, triggers: terr });
    }
  }
  // "سيطرت على X بعد معارك": the clashes are how the ground changed hands — one event.
  const ti = out.findIndex((c) => c.type === "territory_change" && c.strength >= 1);
  const ci = out.findIndex((c) => c.type === "armed_clash");
  if (ti >= 0 && ci >= 0) out.splice(ci, 1);
  // Agreements need a "reach" verb (توصل، اتفق، توقيع، تمديد…).
  const agr = ofType(live, "agreement");
  const reach = agr.filter((h) => h.entry.tag === "reach");
  if (reach.length && (agr.length > reach.length || reach.some((h) => /^(?:[وف])?(?:[يت])?(?:ا)?تفق/.test(h.text)))) {
    out.push({ type: "agreement", pos: reach[0]!.start, strength: 1, triggers: agr });
  }
  const meet = ofType(live, "meeting");
  // talks need an anchor: their own date, or two named sides
  if (meet.length && (strengthSum(meet) >= 1 || meet.some((h) => h.entry.strength >= 1)) && (f.hasDate || (f.partyCount ?? 0) >= 2)) {
    out.push({ type: "meeting", pos: strongest(meet).start, strength: 1, triggers: meet });
  }
  const hum = ofType(live, "humanitarian");
  const violentOut = out.some((c) => VIOLENT_PRIORITY.includes(c.type));
  if (hum.length && (hum.some((h) => h.entry.strength >= 1) || (f.people && !violentOut) || (strengthSum(hum) >= 1.2 && f.anyNumber && !violentOut)) && (f.anyNumber || f.hasDate || f.hasPlace)) {
    out.push({ type: "humanitarian", pos: strongest(hum).start, strength: 0.9, triggers: hum });
  }
  // "نزح الآلاف جراء القصف": the bombardment is the cause of the displacement, not a new incident
  if (out.some((c) => c.type === "humanitarian") && !f.killed && !f.injured) {
    for (let k = out.length - 1; k >= 0; k--) {
      const c = out[k]!;
      if (!VIOLENT_PRIORITY.includes(c.type)) continue;
      if (/(?:جراء|بسبب|هربا من|نتيجه|خوفا من|اثر)\s+(?:\S+\s+){0,2}$/.test(norm.slice(Math.max(s.start, c.pos - 30), c.pos))) out.splice(k, 1);
    }
  }
  // a mass grave or recovered bodies: a casualty claim (the killings themselves are past)
  const grave = ofType(live, "casualty_claim").filter((h) => h.entry.tag === "grave");
  if (grave.length && !out.some((c) => c.type === "casualty_claim")) out.push({ type: "casualty_claim", pos: grave[0]!.start, strength: 0.9, triggers: grave });
  const st = ofType(live, "statement");
  if (st.length && !out.length) out.push({ type: "statement", pos: st[0]!.start, strength: 0.6, triggers: st });
  if (!out.length && (f.killed || f.injured)) out.push({ type: "other", pos: s.start, strength: 0.4, triggers: [], countOnly: true });
  return out;
}
