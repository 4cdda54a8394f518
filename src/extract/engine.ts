// The extraction driver: document → mentions → per-sentence candidates → events merged across
// sentences (one incident told twice is one event) → denials linked to the claims they dispute.
import type { Count, EventDate, EventType, HudnaEvent, Party, Place, Revision, Source } from "../model/index.js";
import { normalizeKey } from "../arabic/normalize.js";
import { buildDoc, segmentOf, type Doc, type Sentence } from "./document.js";
import { findMentions, findVenues, type DateHit, type Mentions, type PartyHit, type PlaceHit } from "./mentions.js";
import { classifySentence, VIOLENT_PRIORITY, isAggregate, isBackgroundSentence, type Candidate } from "./classify.js";
import { sentenceCounts, mergeCount } from "./counts.js";
import { attributionOf } from "./attribution.js";
import { assignRoles, toParty } from "./roles.js";
import { startsIn, nsIn } from "./ranges.js";
import { sentenceCues } from "./sentenceCues.js";

const VIOLENT = new Set<EventType>(VIOLENT_PRIORITY.concat(["territory_change"]));
const TALKS = new Set<EventType>(["agreement", "meeting"]);
const INHERIT_ACROSS = new Set<EventType>([...VIOLENT_PRIORITY, "territory_change", "humanitarian", "casualty_claim"]);
const ORIGIN_BEFORE = /(?:^|\s)(?:[وف])?(?:ال)?(?:اقلعت|اقلع|انطلقت|انطلق|المنطلقه|المتمركزه|المتمركزين|المتمركز|متمركزه|متمركزين|المرابطه|مصدرها|مصدره|اطلقت|اطلق|اطلقها) (?:من|في|داخل) (?:\p{L}+ ){0,2}$/u;
// ORIGIN_BEFORE needs a preposition between spaces: most slices have none, and includes() is cheaper than the regex
const originBefore = (before: string) => (before.includes(" من ") || before.includes(" في ") || before.includes(" داخل ")) && ORIGIN_BEFORE.test(before);
/** "الهجوم"، "الغارات"، "للقصف": the definite form of an event word refers back to an event already told. */
const DEFINITE = /^(?:[وفبلك]|وب|فب|ول|وك)?(?:ال|لل)\p{L}/u;
const SINCE_DAY = /(?:^|\s)منذ (?:(?:مساء|صباح|فجر|ليل|ظهر|عصر|يوم) )?(?:ال)?(?:احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت)(?:\s|$|،)/;
const TOWN_ANAPHOR = /(?:^|\s)(?:[وفبل])?(?:داخل |وسط |في |اطراف |محيط |علي |من )?(?:ال|لل)(?:مدينه|بلده|قريه)(?:\s|$|،|\.)/;
// TOWN_ANAPHOR needs one of its three nouns: most segments have none, and includes() is cheaper than the regex
const townAnaphor = (seg: string) => (seg.includes("مدينه") || seg.includes("بلده") || seg.includes("قريه")) && TOWN_ANAPHOR.test(seg);
const ATTACK_HEAD = /(?:هجوم|هجمات|غارات|غاره|قصف|ضربات|ضربه)$/;
const PRECISION_RANK: Record<string, number> = { point: 0, town: 1, district: 2, governorate: 3, region: 4, country: 5 };

interface Draft {
  type: EventType;
  sentences: Sentence[];
  headline: boolean;
  pos: number;
  strength: number;
  ownDate: DateHit | null;
  inheritedDate: DateHit | null;
  places: Place[];
  ownPlaces: boolean;
  fatalities: Count | null;
  injured: Count | null;
  actors: Party[];
  targets: Party[];
  sources: Source[];
  claimed: boolean;
  namedSource: boolean;
  details: Record<string, unknown>;
  topic?: EventType[];
  order: number;
}

export interface EngineInput {
  text: string;
  published: string | null;
  outlet: string | null;
}

export interface EngineOutput {
  doc: Doc;
  events: Omit<HudnaEvent, "id" | "evidence">[] & { spans?: never }[];
  drafts: { event: Omit<HudnaEvent, "id" | "evidence" | "disputes">; spans: [number, number][]; topic?: EventType[] }[];
  warnings: string[];
}

/** new Set(parties.filter((p) => p.kind !== "civilians").map((p) => p.name)).size, without the arrays and the set (a sentence names few parties). */
function distinctNames(parties: PartyHit[]): number {
  let n = 0;
  for (let i = 0; i < parties.length; i++) {
    const p = parties[i]!;
    if (p.kind === "civilians") continue;
    let seen = false;
    for (let j = 0; j < i && !seen; j++) seen = parties[j]!.kind !== "civilians" && parties[j]!.name === p.name;
    if (!seen) n++;
  }
  return n;
}
const isCoarse = (p: Place) => (PRECISION_RANK[p.precision] ?? 5) >= 2;
function km(a: Place, b: Place): number {
  if (a.lat == null || b.lat == null || a.lon == null || b.lon == null) return Infinity;
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
function samePlace(a: Place, b: Place): boolean {
  return (a.gid && a.gid === b.gid) || a.name === b.name || km(a, b) <= 3;
}
function placesCompatible(a: Place[], b: Place[]): boolean {
  if (!a.length || !b.length) return true;
  const fa = a.filter((p) => !isCoarse(p));
  const fb = b.filter((p) => !isCoarse(p));
  if (!fa.length || !fb.length) return true;
  return fa.some((x) => fb.some((y) => samePlace(x, y)));
}
function datesCompatible(a: DateHit | null, b: DateHit | null): boolean {
  if (!a || !b || !a.startDate || !b.startDate) return true;
  const aEnd = a.endDate ?? a.startDate;
  const bEnd = b.endDate ?? b.startDate;
  return a.startDate <= bEnd && b.startDate <= aEnd;
}

/** What the sentence loop carries from one sentence to the next. */
interface Carry {
  lastSources: Source[];
  lastOwnDate: DateHit | null;
  para: number;
  paraDate: DateHit | null;
  paraPlaces: Place[];
  /** the towns the report told last: "داخل المدينة" in a later paragraph refers back to them */
  lastTowns: Place[];
  order: number;
}

/** One report's fixed inputs to the sentence steps, and the drafts they add to. */
interface ReportCtx {
  doc: Doc;
  m: Mentions;
  norm: string;
  text: string;
  published: string | null;
  outlet: string | null;
  orig: (a: number, b: number) => string;
  drafts: Draft[];
  headlineCands: Draft[];
}

/** One sentence's facts, shared by its candidates. */
interface SentenceCtx {
  s: Sentence;
  cands: Candidate[];
  resolved: DateHit[];
  places: PlaceHit[];
  parties: PartyHit[];
  counts: ReturnType<typeof sentenceCounts>;
  att: ReturnType<typeof attributionOf>;
  denialCut: number;
  hedged: boolean;
}

export function runEngine(input: EngineInput): { doc: Doc; drafts: { event: Omit<HudnaEvent, "id" | "evidence" | "disputes">; spans: [number, number][]; topic?: EventType[] }[]; warnings: string[] } {
  const { text, published, outlet } = input;
  const doc = buildDoc(text);
  const m = findMentions(doc, text, published);
  const warnings = [...m.warnings];
  const { norm } = doc;
  const orig = (a: number, b: number) => text.slice(doc.map[a]!, doc.map[b]!);
  const drafts: Draft[] = [];
  const headlineCands: Draft[] = [];
  const report: ReportCtx = { doc, m, norm, text, published, outlet, orig, drafts, headlineCands };
  const carry: Carry = { lastSources: [], lastOwnDate: null, para: -1, paraDate: null, paraPlaces: [], lastTowns: [], order: 0 };
  // A function per sentence and per candidate, not one big loop body: V8 compiles small units,
  // and when a shape it has not seen turns up it recompiles one of them, not the whole engine.
  for (const s of doc.sentences) sentenceStep(report, carry, s);
  // Headline: merged into the body's first compatible event of its type, never counted twice.
  for (const h of headlineCands) {
    // headlines say "قصف" for any bombardment: a violent headline may retell a body event of another kind
    const target =
      drafts.find((d) => d.type === h.type && placesCompatible(d.places, h.places) && datesCompatible(d.ownDate, h.ownDate)) ??
      (violentish(h.type) && !drafts.some((d) => d.type === h.type)
        ? drafts.find((d) => violentish(d.type) && h.places.length > 0 && d.places.some((x) => h.places.some((y) => samePlace(x, y) && !isCoarse(y)))) ??
          // "التحالف يقصف جيب هجين" over the body's coalition air strike on Hajin: the same actor on the same day
          drafts.find((d) => violentish(d.type) && datesCompatible(d.ownDate, h.ownDate) && h.actors.some((a) => a.kind !== "civilians" && d.actors.some((b) => b.name === a.name)))
        : undefined);
    if (target) {
      absorb(target, h, true);
    } else if (!drafts.some((d) => d.type === h.type)) {
      drafts.unshift(h);
    }
  }
  // Fallback places: dateline, then headline.
  const fallback: Place[] = [];
  if (doc.dateline) fallback.push(...sortPlaces(m.places.filter((p) => p.ns >= doc.dateline!.start && p.ns < doc.dateline!.end)).map((p) => p.place));
  const head = doc.sentences.filter((s) => s.headline);
  if (!fallback.length && head.length) fallback.push(...sortPlaces(m.places.filter((p) => head.some((s) => p.ns >= s.start && p.ns < s.end))).map((p) => p.place));

  // order by the first body sentence (else the headline); keys computed once, not per comparison
  const sortKey = new Map<Draft, number>();
  for (const d of drafts) sortKey.set(d, (d.sentences.find((s) => !s.headline) ?? d.sentences[0]!).start);
  drafts.sort((a, b) => sortKey.get(a)! - sortKey.get(b)!);
  const out = drafts.map((d) => {
    const date = toDate(d, published);
    if (!d.places.length && fallback.length) {
      d.places = fallback.slice(0, 1);
      d.details.place_from = "dateline";
    }
    const bodyClaimed = d.claimed;
    const stance = d.type === "denial" ? "denied" : bodyClaimed ? "claimed" : "asserted";
    let sources = d.sources;
    if (!sources.length && outlet) sources = [{ name: outlet, kind: "outlet", text: outlet }];
    const confidence = Math.min(
      0.95,
      0.35 + 0.25 * Math.min(1, d.strength) + (d.ownDate ? 0.1 : 0) + (d.places.length ? 0.1 : 0) + (d.fatalities || d.injured ? 0.05 : 0) + (bodyClaimed ? 0.05 : 0) + (d.sentences.length > 1 ? 0.05 : 0) - (d.sentences.every((s) => s.headline) ? 0.15 : 0),
    );
    return {
      event: {
        type: d.type,
        stance: stance as HudnaEvent["stance"],
        date,
        actors: d.actors,
        targets: d.targets,
        locations: d.places,
        fatalities: d.fatalities,
        injured: d.injured,
        sources,
        confidence: Math.round(confidence * 100) / 100,
        details: d.details,
      },
      spans: orderSpans(d.sentences).map((s) => [s.start, s.end] as [number, number]),
      ...(d.topic ? { topic: d.topic } : {}),
    };
  });
  // the story is about Syria when its opening (headline and first body sentences) names Syria or a Syrian place
  const opening = doc.sentences.slice(0, 3);
  const docSyrian = opening.some((s) => /سوري|دمشق/.test(s.text)) || m.places.some((p) => p.ns < (opening[opening.length - 1]?.end ?? 0) && !foreignPlace(p.place));
  const kept = out.filter((e, i) => aboutSyria(e.event, drafts[i]!, docSyrian) && !historic(e.event, published) && !yetToCome(e.event, published));
  out.length = 0;
  out.push(...kept);
  if (!published && out.some((e) => e.event.date.start === null && e.event.date.text)) warnings.push("relative dates left unresolved: no publication date (use --published YYYY-MM-DD)");
  return { doc, drafts: out, warnings };
}

/** One sentence: its candidates become drafts; what later sentences inherit is carried on. */
function sentenceStep(r: ReportCtx, carry: Carry, s: Sentence): void {
  const { m, norm, doc, text } = r;
  if (s.paragraph !== carry.para) {
    carry.para = s.paragraph;
    carry.paraDate = null;
    carry.paraPlaces = [];
  }
  const trig = startsIn(m.triggers, s.start, s.end);
  let parties = startsIn(m.parties, s.start, s.end).filter((p) => !sourceAffiliation(p, m.sources, norm));
  // "قضى متأثراً بجروح أصيب بها أمس": that day is when he was wounded, not when this sentence's event happened
  const dates = nsIn(m.dates, s.start, s.end).filter((d) => !WOUND_DAY.test(norm.slice(Math.max(s.start, d.ns - 24), d.ns)));
  // a place named as where the attacker came from ("أقلعت من قاعدة حميميم"، "المتمركزة في معسكر جورين") is not where it struck
  let places = nsIn(m.places, s.start, s.end).filter((p) => !originBefore(norm.slice(Math.max(s.start, p.ns - 40), p.ns)));
  const counts = sentenceCounts(s, m, norm, text, doc.map, doc.inv);
  const att = attributionOf(s, m, norm, r.orig, carry.lastSources, r.outlet);
  if (att.bodies.length) {
    // "مركز إدلب الإعلامي"، "مجلس الطبقة المدني": a body's name holds no party and no event place
    parties = parties.filter((p) => !att.bodies.some(([a, b]) => p.start >= a && p.end <= b));
    places = places.filter((p) => !att.bodies.some(([a, b]) => p.ns >= a && p.ne <= b));
  }
  if (att.sources.length && !s.headline) carry.lastSources = att.sources;
  const cands = classifySentence(s, norm, trig, {
    killed: !!counts.killed,
    injured: !!counts.injured,
    anyNumber: counts.people.length > 0 || nsIn(m.numbers, s.start, s.end).some((n) => n.value != null),
    hasDate: dates.some((d) => !d.anaphoric),
    hasPlace: places.length > 0,
    partyCount: distinctNames(parties),
    datePos: dates.map((d) => d.ns),
    placePos: places.filter((p) => !isCoarse(p.place)).map((p) => p.ns),
    attributed: att.attributed,
    dayDate: dates.some((d) => d.precision === "day" && !/^(?:خلال|منذ)/.test(normalizeKey(d.text))),
    killedValue: counts.killed ? (counts.killed.best ?? counts.killed.low) : null,
    periodDate: dates.some((d) => d.precision === "month" || d.precision === "year"),
    people: counts.people.length > 0 && !counts.killed && !counts.injured,
    militaryParty: parties.some((p) => p.kind !== "civilians" && p.kind !== "government" && p.kind !== "international_org"),
  }, { opinion: doc.opinion });

  // resolve anaphoric dates ("في اليوم ذاته") to the last date told before
  const lastOwnDate = carry.lastOwnDate;
  const resolved = dates.map((d) => (d.anaphoric && lastOwnDate ? { ...lastOwnDate, ns: d.ns, ne: d.ne, text: d.text } : d));
  const sentencePlaces = sortPlaces(places);
  // a denial owns its segment and what follows: its sources and parties are not the claim's
  const denial = cands.find((c) => c.type === "denial");
  const denialCut = denial ? s.cuts[segmentOf(s, denial.pos)]! : -1;
  // once per sentence, not per candidate
  const hedged = cands.length > 0 && sentenceCues(s.text).hedge.length > 0;
  if (cands.length) {
    const sc: SentenceCtx = { s, cands, resolved, places, parties, counts, att, denialCut, hedged };
    for (const c of cands) candidateStep(r, carry, sc, c);
  }
  const ownDates = resolved.filter((d) => d.startDate);
  if (ownDates.length) {
    carry.lastOwnDate = ownDates[ownDates.length - 1]!;
    carry.paraDate = carry.lastOwnDate;
  }
  if (sentencePlaces.length && !isBackgroundSentence(s)) carry.paraPlaces = sentencePlaces.map((p) => p.place);
  // the first town of the sentence (sentencePlaces are in precision order)
  let town: Place | null = null;
  for (const p of sentencePlaces) {
    if (!isCoarse(p.place) && !foreignPlace(p.place)) {
      town = p.place;
      break;
    }
  }
  if (town && !isBackgroundSentence(s)) carry.lastTowns = [town];
}

// "السلطات الصحية التابعة للمعارضة": the side a source belongs to, not a party to the event
const AFFILIATED = /(?:^|\s)(?:ال)?(?:تابع|تابعه|تابعين|تابعون|التابع|التابعه|التابعين) (?:لل|ل)?$/;
function sourceAffiliation(p: { start: number }, sources: ReadonlyArray<{ start: number; end: number }>, norm: string): boolean {
  if (!AFFILIATED.test(norm.slice(Math.max(0, p.start - 16), p.start))) return false;
  return sources.some((h) => h.end <= p.start && p.start - h.end <= 24);
}

/** The draft's victims are all counted as fighters (none as civilians or unknown). */
function fightersOnly(d: Draft): boolean {
  const gs = [d.fatalities?.group, d.injured?.group].filter((g) => g !== undefined);
  return gs.length > 0 && gs.every((g) => g === "combatants");
}

/** Which side of a denial's cut a position is on (0: the sentence has no denial). */
function sideOf(denialCut: number, pos: number): number {
  return denialCut < 0 ? 0 : pos >= denialCut ? 1 : -1;
}

/** One candidate of a sentence → a draft, merged into the report's drafts (or kept as a headline's). */
function candidateStep(r: ReportCtx, carry: Carry, sc: SentenceCtx, c: Candidate): void {
  const { norm, drafts } = r;
  const { s, cands, resolved, att, denialCut } = sc;
  let { places, parties, counts } = sc;
  if (c.clause) {
    // one of two incidents told in one sentence: its own clause's places, parties and figures
    const [a, b] = c.clause;
    places = places.filter((p) => p.ns >= a && p.ns < b);
    parties = parties.filter((p) => p.start >= a && p.start < b);
    counts = sentenceCounts({ ...s, start: a, end: b, text: norm.slice(a, b) }, r.m, norm, r.text, r.doc.map, r.doc.inv);
  }
  const d = pickDate(resolved, c, s, norm, cands);
  const side = denialCut < 0 ? 0 : c.type === "denial" ? 1 : -1;
  const mySources = side === 0 ? att.sources : att.sources.filter((x) => { const p = att.at.get(x.name); return p === undefined || p < 0 || sideOf(denialCut, p) === side; });
  const myParties = side === 0 ? parties : parties.filter((p) => sideOf(denialCut, p.start) === side);
  const own = d && d.startDate !== null ? d : d;
  const lastOwnDate = carry.lastOwnDate;
  const dr: Draft = {
    type: c.type,
    sentences: [s],
    headline: s.headline,
    pos: c.pos,
    strength: c.strength,
    ownDate: own ?? null,
    // no date of its own: the paragraph's, else (incidents) the last date the report told
    inheritedDate: own || c.type === "denial" ? null : (carry.paraDate ?? (INHERIT_ACROSS.has(c.type) && lastOwnDate && !/^منذ/.test(normalizeKey(lastOwnDate.text)) ? lastOwnDate : null)),
    places: pickPlaces(places, c, s, norm, TALKS.has(c.type) ? findVenues(r.doc, r.text, r.published, places, r.m.warnings, s.start, s.end) : []),
    // "مؤكدة أن القصف يهدد الاتفاق": a definite retelling owns only the places of its own clause
    ownPlaces: places.length > 0 && !(c.triggers.length > 0 && c.triggers.every((h) => DEFINITE.test(h.text)) && !places.some((p) => segmentOf(s, p.ns) === segmentOf(s, c.pos))),
    fatalities: null,
    injured: null,
    actors: [],
    targets: [],
    sources: [...(mySources.length ? mySources : att.sources)],
    claimed: att.attributed,
    namedSource: att.attributed && !att.carried,
    details: {},
    ...(c.topic ? { topic: c.topic } : {}),
    order: carry.order++,
  };
  const paraPlaces = carry.paraPlaces;
  if (!dr.places.length && paraPlaces.length) dr.places = [...paraPlaces];
  // "فجّر انتحاريون أحزمة ناسفة داخل المدينة": with no town named before it in the sentence, the town is the
  // one told last, not a place of a later clause
  const seg = segmentOf(s, c.pos);
  const segEnd = s.cuts[seg + 1] ?? s.end;
  const lastTowns = carry.lastTowns;
  if (lastTowns.length && !places.some((p) => p.ns < segEnd && !isCoarse(p.place)) && townAnaphor(norm.slice(s.cuts[seg]!, segEnd))) {
    dr.places = [...lastTowns, ...dr.places.filter((p) => !lastTowns.some((q) => q.name === p.name))];
  }
  if (VIOLENT.has(c.type) || c.type === "casualty_claim" || c.countOnly) {
    dr.fatalities = counts.killed;
    dr.injured = counts.injured;
    // "قُتل عنصر من الفصيل برصاص قناص": sniping or gunfire that hits only fighters is a fight
    if (c.type === "attack_on_civilians" && fightersOnly(dr) && c.triggers.every((h) => h.entry.type !== "attack_on_civilians" || h.entry.tag === "gunfire")) {
      c = { ...c, type: "armed_clash" };
      dr.type = "armed_clash";
    }
    if (c.type === "armed_clash" && dr.fatalities && dr.fatalities.group === "unknown") dr.fatalities = { ...dr.fatalities, group: "combatants" };
  }
  // a phrase trigger ("دخلت قوات النظام … مدينة"، "أسقطت الدفاعات … طائرة") has its subject right after its first word
  const ends: number[] = [];
  for (const h of c.triggers) {
    const sp = h.text.indexOf(" ");
    ends.push(h.end);
    if (sp > 0) ends.push(h.start + sp);
  }
  const roles = assignRoles(c.type, myParties, c.pos, norm, s.start, ends);
  dr.actors = roles.actors.map(toParty);
  dr.targets = roles.targets.map(toParty);
  if (c.type === "statement" && !dr.actors.some((a) => a.kind === "government" || a.kind === "international_org" || a.kind === "state_force") && !att.sources.some((x) => x.kind === "official")) return;
  const munitions = [...new Set(c.triggers.map((h) => h.entry.munition).filter((x): x is string => !!x))];
  if (counts.munitions.length && (munitions.length || VIOLENT.has(c.type))) dr.details.munitions = counts.munitions.map((mu) => ({ name: mu.text, count: mu.count }));
  else if (munitions.length) dr.details.munitions = munitions.map((name) => ({ name, count: null }));
  if (sc.hedged) dr.details.hedged = true;
  if (c.type === "territory_change" && dr.actors.length) dr.details.gained_by = dr.actors[0]!.name;
  if (c.aggregate) dr.details.aggregate = true;
  if (c.countOnly) {
    attachCountOnly(dr, drafts, s, isAggregate(s.text) || SINCE_DAY.test(s.text));
    return;
  }
  if (s.headline) r.headlineCands.push(dr);
  else mergeOrAdd(dr, drafts, c);
}

// The monitored country is Syria. An event whose every place lies in another country (a Yemeni
// missile, an Iraqi raid in Anbar, a Kuwaiti court case in an appended brief) is dropped, unless a
// Syrian party takes part in it; talks and statements held abroad stay when they are about Syria.
const DIPLOMACY = new Set<EventType>(["meeting", "agreement", "statement", "threat", "denial"]);
const SYRIAN_GROUP = /Tahrir al-Sham|Nusra|Observatory/;
export function foreignPlace(p: Place): boolean {
  const g = p.gid ?? "";
  return (g.startsWith("cc-") && g !== "cc-SY") || g.startsWith("city-");
}
function aboutSyria(e: { type: EventType; locations: Place[]; actors: Party[]; targets: Party[]; sources: Source[] }, d: Draft, docSyrian: boolean): boolean {
  if (!e.locations.length || !e.locations.every(foreignPlace)) return true;
  const parties = [...e.actors, ...e.targets];
  if (parties.some((p) => p.country === "SY" || SYRIAN_GROUP.test(p.name))) return true;
  if (e.sources.some((x) => SYRIAN_GROUP.test(x.name))) return true;
  if (DIPLOMACY.has(e.type) || e.type === "humanitarian") return docSyrian || d.sentences.some((s) => /سوري|دمشق/.test(s.text));
  return false;
}

// An incident, a meeting or a deal dated months before the report ("غارة إسرائيلية عام 2007"، "استعادة
// البلدة في كانون الأول الماضي") is background, not news. Tolls and displacement over a period stay:
// they are aggregates, told with the period they cover.
const HISTORIC_DAYS = 60;
const PERIOD_TYPES = new Set<EventType>(["casualty_claim", "ceasefire_violation_report", "humanitarian"]);
function historic(e: { type: EventType; date: EventDate; details: Record<string, unknown> }, published: string | null): boolean {
  if (!published || PERIOD_TYPES.has(e.type) || e.details.aggregate) return false;
  const end = e.date.end ?? e.date.start;
  if (!end) return false;
  return (Date.parse(published) - Date.parse(end)) / 86_400_000 > HISTORIC_DAYS;
}

// A meeting, deal, strike or convoy dated after the report ("أمله في أن يعود الوفد الثلاثاء المقبل"،
// "تبدأ عمليات الخروج غداً"، "الجولة المقبلة … خلال تموز المقبل": a period that starts after it too) has
// not happened: it is a plan. Threats and statements are dated when said.
const SAID = new Set<EventType>(["threat", "statement", "denial"]);
function yetToCome(e: { type: EventType; date: EventDate }, published: string | null): boolean {
  if (!published || SAID.has(e.type) || !e.date.start) return false;
  return e.date.start > published;
}

function orderSpans(ss: Sentence[]): Sentence[] {
  const body = ss.filter((s) => !s.headline);
  const head = ss.filter((s) => s.headline);
  return [...body, ...head];
}

function sortPlaces(ps: PlaceHit[]): PlaceHit[] {
  // most sentences have no place or one: no sort (it allocates a work array even then)
  if (ps.length < 2) return ps.slice();
  return [...ps].sort((a, b) => (PRECISION_RANK[a.place.precision] ?? 5) - (PRECISION_RANK[b.place.precision] ?? 5) || a.ns - b.ns);
}

// Talks are where they are held ("محادثات جنيف"، "قمة سوتشي": m.venues), not where a delegation
// returns ("عائداً إلى دمشق").
const RETURN_BEFORE = /(?:عائد|عائده|عائدين|عائدا|عاد|عادت|عوده)\S* (?:ادراجه\S* )?(?:الي|ل)\s*$/;

function pickPlaces(ps: PlaceHit[], c: Candidate, s: Sentence, norm: string, venues: PlaceHit[]): Place[] {
  if (TALKS.has(c.type) && venues.length) {
    const out: Place[] = [];
    const rest = ps.filter((p) => !RETURN_BEFORE.test(norm.slice(Math.max(s.start, p.ns - 24), p.ns)));
    for (const p of [...venues, ...sortPlaces(rest)]) if (!out.some((q) => q.name === p.place.name)) out.push(p.place);
    return out;
  }
  if (!ps.length) return [];
  const seg = segmentOf(s, c.pos);
  // prefer places in the anchor's own segment and after it; then the rest of the sentence
  const near = ps.filter((p) => segmentOf(s, p.ns) === seg);
  const ordered = [...sortPlaces(near), ...sortPlaces(ps.filter((p) => !near.includes(p)))];
  const out: Place[] = [];
  for (const p of ordered) if (!out.some((q) => q.name === p.place.name)) out.push(p.place);
  return out;
}

function pickDate(ds: DateHit[], c: Candidate, s: Sentence, norm: string, all: Candidate[]): DateHit | null {
  // each date belongs to the nearest event of its sentence ("اتفاق فجر اليوم … بعد أيام من اقتتال")
  const owners = all.filter((x) => !x.countOnly && !x.shareDate);
  let usable = ds.filter((d) => (d.startDate || d.relative) && owners.every((x) => x === c || Math.abs(d.ns - c.pos) <= Math.abs(d.ns - x.pos) || x.type === c.type || (TALKS.has(x.type) && TALKS.has(c.type))));
  if (!usable.length) return null;
  // "since" dates (منذ …) only anchor aggregates
  // "منذ ثلاثة أيام" dates a day ("three days ago"); "منذ أشهر"، "منذ بدء الحملة" open a period
  if (!c.aggregate) {
    const nonSince = usable.filter((d) => !since(d, s, norm));
    if (nonSince.length) usable = nonSince;
    else if (c.type !== "casualty_claim" && c.type !== "humanitarian") return null;
  } else {
    const periods = usable.filter((d) => d.precision !== "day" || d.endDate !== d.startDate);
    if (periods.length) usable = periods;
  }
  const seg = segmentOf(s, c.pos);
  return usable.reduce((a, d) => (dateScore(d, c, s, seg) < dateScore(a, c, s, seg) ? d : a), usable[0]!);
}

// (module-level, not closures made per candidate: tsx names every named closure it makes)
const dateScore = (d: DateHit, c: Candidate, s: Sentence, seg: number) => Math.abs(d.ns - c.pos) + (segmentOf(s, d.ns) === seg ? 0 : 40);
// without "منذ" in the 40 characters before the date, sinceFull's two patterns cannot match: only its first test is left
const since = (d: DateHit, s: Sentence, norm: string) => (!norm.slice(Math.max(s.start, d.ns - 40), d.ns).includes("منذ") ? normalizeKey(d.text).startsWith("منذ") && !(d.precision === "day" && d.startDate === d.endDate) : sinceFull(d, s, norm));
const sinceFull = (d: DateHit, s: Sentence, norm: string) => (normalizeKey(d.text).startsWith("منذ") && !(d.precision === "day" && d.startDate === d.endDate)) || /منذ\s*(?:\S+\s*){0,4}$/.test(norm.slice(Math.max(s.start, d.ns - 40), d.ns)) && !/منذ\s*$/.test(norm.slice(Math.max(s.start, d.ns - 6), d.ns)) ? true : /منذ\s*$/.test(norm.slice(Math.max(s.start, d.ns - 6), d.ns));

function toDate(d: Draft, published: string | null): EventDate {
  const src = d.ownDate ?? d.inheritedDate;
  if (src && src.startDate) {
    return { start: src.startDate, end: src.endDate ?? src.startDate, precision: src.precision, text: src.text };
  }
  if (src && !src.startDate) return { start: null, end: null, precision: src.precision ?? "unknown", text: src.text };
  if (published) return { start: published, end: published, precision: "day", text: "" };
  return { start: null, end: null, precision: "unknown", text: "" };
}

const lowOf = (c: Count) => c.low ?? c.best ?? c.high;
const highOf = (c: Count) => c.high ?? c.best ?? c.low;
/** Two sources' figures for one incident: the lower bounds low, the higher bounds high, the first stays best. */
function competeCount(cur: Count | null, next: Count | null): Count | null {
  if (!next) return cur;
  if (!cur) return next;
  const los = [lowOf(cur), lowOf(next)].filter((v): v is number => v != null);
  const his = [highOf(cur), highOf(next)].filter((v): v is number => v != null);
  const revisions: Revision[] = [...(cur.revisions ?? [{ value: cur.best ?? cur.low, qualifier: cur.qualifier, text: cur.text }])];
  if (!revisions.some((x) => x.text === next.text)) revisions.push({ value: next.best ?? next.low, qualifier: next.qualifier, text: next.text });
  return {
    ...cur,
    low: los.length ? Math.min(...los) : cur.low,
    high: his.length ? Math.max(...his) : cur.high,
    group: cur.group === "unknown" ? next.group : cur.group,
    revisions,
  };
}

function unionParties(a: Party[], b: Party[]): Party[] {
  const out = [...a];
  for (const p of b) if (!out.some((q) => q.name === p.name)) out.push(p);
  return out;
}

function absorb(into: Draft, d: Draft, fromHeadline: boolean): void {
  into.sentences.push(...d.sentences);
  if (!fromHeadline) {
    if (!into.ownDate && d.ownDate) into.ownDate = d.ownDate;
    if (d.ownPlaces) {
      if (!into.ownPlaces) into.places = [];
      for (const p of d.places) if (!into.places.some((q) => q.name === p.name)) into.places.push(p);
      into.ownPlaces = true;
    }
    const rev = d.sentences.some((s) => /(?:ارتفع|يرتفع|ترتفع|ارتفاع|بلغت|وصلت)/.test(s.text));
    // another named source's own figure ("وزعمت أعماق أن الهجوم أسفر عن مقتل أكثر من ثلاثين") competes
    // with the first one: the two bound a range, the later one does not replace the earlier
    const competing = !rev && d.namedSource && into.sources.length > 0 && d.sources.length > 0 && !d.sources.some((x) => into.sources.some((y) => y.name === x.name));
    into.fatalities = competing ? competeCount(into.fatalities, d.fatalities) : mergeCount(into.fatalities, d.fatalities, rev);
    into.injured = competing ? competeCount(into.injured, d.injured) : mergeCount(into.injured, d.injured, rev);
    // a later sentence makes the event claimed only when it names its own source
    if (d.claimed && d.namedSource && !into.claimed) into.claimed = true;
    for (const x of d.sources) if (!into.sources.some((y) => y.name === x.name)) into.sources.push(x);
  } else {
    if (!into.places.length && d.places.length) into.places = d.places;
    if (!into.fatalities) into.fatalities = d.fatalities;
    if (!into.injured) into.injured = d.injured;
  }
  // a side the event already hit does not turn into its attacker through a later sentence's clash roles
  into.actors = unionParties(into.actors, into.actors.length ? d.actors.filter((a) => !into.targets.some((t) => t.name === a.name)) : d.actors);
  into.targets = unionParties(into.targets, d.targets).filter((t) => !into.actors.some((a) => a.name === t.name && t.kind !== "civilians"));
  for (const [k, v] of Object.entries(d.details)) if (!(k in into.details)) into.details[k] = v;
  into.strength = Math.max(into.strength, d.strength);
  if (d.topic) into.topic = [...new Set([...(into.topic ?? []), ...d.topic])];
}

const violentish = (t: EventType) => VIOLENT.has(t) && t !== "territory_change";
const WOUND_DAY = /(?:اصيب|اصيبت|اصيبوا|اصيبا|تعرض|تعرضت)(?:ها|ه)? (?:بها|بهما|لها) $/;
const OTHER_VERSION = /^(?:[وف])?(?:في المقابل|بالمقابل|من جهت\S*|من جانب\S*)[،,]? (?:\S+ )?(?:قال|قالت|ذكر|ذكرت|افاد|افادت|اعلن|اعلنت|اكد|اكدت|اتهم|اتهمت|زعم|زعمت|اشار|اشارت)(?:\s|$)/;
const looseTypes = new Set<EventType>(["ceasefire_violation_report", "casualty_claim", "humanitarian", "meeting", "agreement"]);

function mergeOrAdd(d: Draft, drafts: Draft[], c: Candidate): void {
  const idx = d.sentences[0]!.index;
  // anchorless: no date and no town-level place of its own — an elaboration of what came before
  const extendsPrev = VIOLENT.has(d.type) && /^(?:و|ف)?(?:امتد|طال|شمل|تواصل|استمر)/.test(d.sentences[0]!.text);
  const periodOnly = (!!d.ownDate && d.ownDate.precision !== "day" && !d.fatalities && !d.injured && VIOLENT.has(d.type)) || extendsPrev;
  const anchorless = (!d.ownDate && (!d.ownPlaces || d.places.every(isCoarse))) || periodOnly;
  // every trigger definite and no date of its own ("أفاد المرصد بأن الهجوم أوقع 14 قتيلاً"): a retelling, even with figures
  const retell = !d.ownDate && c.triggers.length > 0 && c.triggers.every((h) => DEFINITE.test(h.text));
  // "الهجوم بدأ بتفجير عربة مفخخة تلاه اشتباك": an anchorless sentence about "the attack" tells how it unfolded
  const elaborates = anchorless && c.triggers.some((h) => DEFINITE.test(h.text) && ATTACK_HEAD.test(h.text));
  // "في المقابل، ذكرت X أن القصف التركي طال قرى…": the other side's version of the attack just told, with its own villages
  const version = retell && OTHER_VERSION.test(d.sentences[0]!.text);
  // 1. the latest event of the same type it is compatible with
  for (let i = drafts.length - 1; i >= 0; i--) {
    const e = drafts[i]!;
    if (e.type === d.type && fits(e, true, d, idx, periodOnly, version)) {
      absorb(e, d, false);
      return;
    }
  }
  // 2. an anchorless violent mention right after a violent event of another kind retells it
  if (((anchorless && !d.fatalities) || retell || elaborates) && violentish(d.type)) {
    for (let i = drafts.length - 1; i >= 0; i--) {
      const e = drafts[i]!;
      const eLast = Math.max(...e.sentences.map((s) => s.index));
      if (idx - eLast > 1) break;
      // "استعادت الفصائل البلدة… وأسفرت المعارك عن مقتل…": the definite battle is the takeover's own fighting
      if ((violentish(e.type) || (retell && d.type === "armed_clash" && e.type === "territory_change")) && fits(e, false, d, idx, periodOnly, version)) {
        absorb(e, d, false);
        return;
      }
    }
  }
  drafts.push(d);
}

/** Can draft d (of sentence idx) be merged into the earlier draft e? */
function fits(e: Draft, sameType: boolean, d: Draft, idx: number, periodOnly: boolean, version: boolean): boolean {
  if (e.sentences.some((s) => s.index === idx)) return false; // two events of one sentence stay apart
  const placeOk = (sameType && looseTypes.has(e.type)) || periodOnly || (version && sameType && idx - Math.max(...e.sentences.map((s) => s.index)) <= 2) || placesCompatible(e.ownPlaces ? e.places : [], d.ownPlaces ? d.places : []);
  if (!placeOk || (!periodOnly && !datesCompatible(e.ownDate, d.ownDate))) return false;
  if (d.type === "denial" && e.type === "denial" && d.claimed && e.claimed && !d.sources.some((x) => e.sources.some((y) => y.name === x.name))) return false;
  // two parties' own figures or threats are two events, even when they look alike
  if (d.namedSource && e.namedSource && (e.type === "casualty_claim" || e.type === "ceasefire_violation_report" || e.type === "threat") && !d.sources.some((x) => e.sources.some((y) => y.name === x.name))) return false;
  if ((e.type === "threat" || e.type === "statement") && d.actors.length && e.actors.length && !d.actors.some((x) => e.actors.some((y) => y.country && y.country === x.country) || e.actors.some((y) => y.name === x.name))) return false;
  return true;
}

function attachCountOnly(d: Draft, drafts: Draft[], s: Sentence, aggregate: boolean): void {
  // "وبذلك ترتفع حصيلة القتلى في الغوطة منذ مساء الأحد إلى 250": a toll over days is no update of today's incident
  for (let i = aggregate && d.fatalities ? -1 : drafts.length - 1; i >= 0; i--) {
    const e = drafts[i]!;
    if (!VIOLENT.has(e.type)) continue;
    const eLast = Math.max(...e.sentences.map((x) => x.index));
    if (s.index - eLast > 3) break;
    // a toll update ("ارتفعت الحصيلة إلى 8") continues the incident told just before: dates must agree
    if (!datesCompatible(e.ownDate, d.ownDate)) continue;
    if (!placesCompatible(e.ownPlaces ? e.places : [], d.ownPlaces ? d.places : [])) d.ownPlaces = false;
    absorb(e, d, false);
    return;
  }
  if (aggregate && d.fatalities) {
    d.type = "casualty_claim";
    d.details.aggregate = true;
    drafts.push(d);
  }
}

export type { Mentions, PartyHit };
