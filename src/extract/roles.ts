// Who acted and who was acted on, from the order of mentions and a few Arabic markers:
// "من مواقع X"/"مصدرها X" → actor; "استهدف X"/"على X"/"إصابة جنود X" → target; civilians → target.
import type { EventType, Party } from "../model/index.js";
import { normalizeKey } from "../arabic/normalize.js";
import type { PartyHit } from "./mentions.js";
import { ACTOR_MARKERS, TARGET_MARKERS } from "./lexicon/cues.js";

const ACT = ACTOR_MARKERS.map(normalizeKey);
const TGT = TARGET_MARKERS.map(normalizeKey);
const VIOLENT = new Set<EventType>(["air_strike", "shelling", "explosion", "chemical_attack", "attack_on_civilians", "armed_clash", "abduction", "territory_change", "casualty_claim", "other"]);

export function toParty(p: PartyHit): Party {
  return { name: p.name, name_ar: p.name_ar, kind: p.kind, ...(p.country ? { country: p.country } : {}) };
}

/** Drop generic mentions ("مسلحو"، "الفصائل") right before a specific party they introduce. */
export function specificParties(ps: PartyHit[], norm?: string): PartyHit[] {
  return ps.filter((p) => !(p.generic && introduced(p, ps, norm)));
}
// "قصفت الفصائل … مواقع لقوات النظام": a party after a position word or "على" is another side (the
// one hit), not the one the generic word introduced.
// So is a party after (or named by) the attack that hit the first ("مقاتلون من الفصائل … بغارة روسية").
const OTHER_SIDE_GAP = /(?:^|\s)(?:[وفب])?(?:ال)?(?:مواقع|موقع|نقاط|نقطه|مقر|مقرات|ثكنه|ثكنات|حاجز|حواجز|معاقل|تجمعات|تحصينات|علي|ضد|غاره|غارات|قصف|هجوم|هجمات|حتفه|حتفها|حتفهم|رصاص|قذيفه|قذائف|صاروخ|صواريخ|ضربه|ضربات)(?:\s|$)/;
/** A party named by an attack phrase ("بغارة روسية"): the side that struck, not one a generic word introduced. */
const ATTACK_PARTY = /^(?:[وفب])?(?:ال)?(?:غاره|غارات|قصف|هجوم|هجمات|قذيفه|قذائف|صاروخ|صواريخ|ضربه|ضربات)\s/;
function introduced(p: PartyHit, ps: PartyHit[], norm?: string): PartyHit | undefined {
  return ps.find((q) => q !== p && !q.generic && q.kind !== "civilians" && q.start >= p.start && q.start - p.end <= 30 && !(norm !== undefined && (OTHER_SIDE_GAP.test(norm.slice(p.end, q.start)) || ATTACK_PARTY.test(norm.slice(q.start, q.end)))));
}
/** Where a party's role is judged: at the generic word that introduced it ("إرهابيون من تنظيم داعش"). */
function roleStart(p: PartyHit, ps: PartyHit[], norm?: string): number {
  const g = ps.find((x) => x.generic && introduced(x, ps, norm) === p);
  return g ? g.start : p.start;
}

const ATTACK_WORD = /^(?:[وف])?(?:ال)?(?:قصف|غارات|غاره|هجوم|هجمات|ضربات|ضربه|استهداف|اعتداء|اعتداءات|مكثف|عنيف|صاروخي|مدفعي|جوي|متقطع|متواصل|كثيف|مركز)\p{L}*$/u;
const VSO_TARGET_VERB = /(?:(?:^|[،.:]\s*)(?:(?:كما|ثم|فيما|بينما|حيث)\s)?|\s(?:كما|ثم|فيما|بينما|حيث)\s)(?:[وف])?(?:قد )?(?:استهدفت|استهدف|تستهدف|يستهدف)\s*$/;
const markerRe = (ms: string[]) => new RegExp(`(?:^|\\s)[وفب]?(?:${[...ms].sort((x, y) => y.length - x.length).join("|")})(?:\\s+\\S+)?\\s*$`);
const ACT_RE = markerRe(ACT);
const TGT_RE = markerRe(TGT);

/** The text before a party as ACT_RE/TGT_RE read it (do its last words name a role marker?). */
const markerText = (before: string) => before.replace(/[«»"()]/g, " ").replace(/\s+/g, " ").trimEnd();
// "عبوة ناسفة بسيارة عسكرية تابعة لقوات النظام": the owner of what was hit is a target, not the attacker
const HIT_PROPERTY = /(?:سياره|اليه|اليات|دوريه|حافله|عربه|حاجز|نقطه|مقر|مقرات|موقع|مواقع|ثكنه|مستودع|مستودعات|رتل|قافله|مركبه)\S*(?: \S+){0,2} (?:ال)?(?:تابع\S*|يتبع|تتبع)\s*$/;
// "قتل عنصران من قوات X": the counted dead right before the party say it is the side hit
const VICTIMS_OF = /(?:^|\s)[وف]?(?:قتل|مقتل|اصيب|اصابه|مصرع|لقي|لقيت|لقوا)\S*(?: \S+){1,2} من\s*$/;
const VICTIMS_BEFORE = /(?:قتل|مقتل|اصيب|اصابه|شهداء|استشهد|قتلي|جرحي|مصرع|قضي|ارتقي|فارق|(?:^|\s)[وف]?(?:لقي|لقيت|لقوا))\S*(?: \S+){0,4} (?:من )?(?:عناصر|مقاتلي|جنود|افراد|صفوف)?\s*[«"]?$/;

export function assignRoles(type: EventType, ps: PartyHit[], pos: number, norm: string, sentStart: number, triggerEnds: number[] = []): { actors: PartyHit[]; targets: PartyHit[] } {
  const actors: PartyHit[] = [];
  const targets: PartyHit[] = [];
  /** targets the text marks as the side hit ("قتل عنصران من قوات X"): a clash never makes them the actor */
  let hit: PartyHit[] | null = null;
  const parties = specificParties(ps, norm);
  const violent = VIOLENT.has(type);
  // "بين X و Y": both sides of a clash.
  for (const p of parties) {
    if (p.kind === "civilians") {
      if (violent || type === "humanitarian") targets.push(p);
      continue;
    }
    if (!violent) {
      // speech acts: the speaker comes before the verb or right after it (VSO: "رحبت وزارة الخارجية")
      if (type === "threat" || type === "statement" || type === "denial") (p.start < pos || p.start - pos <= 16 ? actors : targets).push(p);
      else actors.push(p);
      continue;
    }
    const at = roleStart(p, ps, norm);
    const before = norm.slice(Math.max(sentStart, at - 30), at);
    const lastWord = before.replace(/[«»"()]/g, " ").trim().split(/\s+/).pop() ?? "";
    // VSO and masdar + agent: "سيطرت قوات X"، "قصف قوات النظام" — the party right after the trigger acts
    // a party named by the attack phrase itself ("قصف مدفعي تركي"، "غارات روسية") carried it out
    const subject = triggerEnds.some((te) => (at - te >= 0 && at - te <= 2) || (te > p.start && te <= p.end));
    // "قصف مكثف لقوات النظام": ل + party right after the attack words names who attacked;
    // "استهدفت قوات النظام … قرية": a clause-initial verb has its subject right after it
    const agentL = /^(?:ل|لل)/.test(norm.slice(at, at + 2)) && ATTACK_WORD.test(lastWord);
    const vso = VSO_TARGET_VERB.test(before);
    // the marker text and its tests are made at most once per party, and only when a branch asks
    // (written out, not a closure made per party: tsx names every named closure it makes)
    let marked: string | null = null;
    let act: boolean | null = null;
    if (agentL || vso) actors.push(p);
    else if ((before.includes("تابع") || before.includes("تبع")) && HIT_PROPERTY.test(before)) (hit ??= []).push(p), targets.push(p);
    else if (!subject && VICTIMS_BEFORE.test(before) && !(act ??= ACT_RE.test((marked ??= markerText(before))))) {
      if (VICTIMS_OF.test(before)) (hit ??= []).push(p);
      targets.push(p);
    }
    else if (subject || (act ??= ACT_RE.test((marked ??= markerText(before)))) || /^(?:[وف])?(?:اطلق|نفذ|شن|ارتكب|تبن|نصب|زرع|هاجم)/.test(lastWord)) actors.push(p);
    else if (TGT_RE.test((marked ??= markerText(before)))) targets.push(p);
    else (at <= pos ? actors : targets).push(p);
  }
  if (type === "armed_clash" && !actors.length) {
    const i = targets.findIndex((t) => t.kind !== "civilians" && !hit?.includes(t));
    if (i >= 0) actors.push(...targets.splice(i, 1));
  }
  if (type === "armed_clash" && !targets.some((t) => t.kind !== "civilians") && actors.length > 1) {
    targets.push(...actors.splice(1));
  }
  return { actors: dedupe(actors), targets: dedupe(targets).filter((t) => !actors.some((a) => a.name === t.name && t.kind !== "civilians")) };
}

function dedupe(ps: PartyHit[]): PartyHit[] {
  const seen = new Set<string>();
  return ps.filter((p) => (seen.has(p.name) ? false : (seen.add(p.name), true)));
}
