// Casualty figures of one sentence: which numbers count the killed and which the injured, their
// group (civilians / combatants), breakdowns ("بينهم طفلان") and revisions ("بعد أن كانت الحصيلة
// الأولية 12"). Merging figures across an event's sentences keeps the latest with a history.
import type { Count, CountGroup, Qualifier, Revision } from "../model/index.js";
import { normalizeKey } from "../arabic/normalize.js";
import type { Sentence } from "./document.js";
import type { Mentions, NumHit } from "./mentions.js";
import { startsIn, nsIn } from "./ranges.js";
import { sentenceCues } from "./sentenceCues.js";
import { LiteralSet } from "./literals.js";
import { BREAKDOWN, INITIAL } from "./lexicon/cues.js";

const CIV = /^(?:[وفبل]|ال|بال|لل|وال)*(?:مدني|طفل|اطفال|نساء|امرا[هت]|سيد[هت]|مواطن|رجل|رجال|شاب|شبان|فتا[هت]|رضيع|اهالي|سكان|عائل|مسن|تلميذ|طالب|مزارع|صحفي|مسعف|متطوع|طبيب|عامل)/;
const COMB = /^(?:[وفبل]|ال|بال|لل|وال)*(?:مقاتل|عنصر|عناصر|جندي|جنود|مسلح|ارهابي|عسكري|ضابط|ضباط|قيادي|قائد|مرتزق|متشدد|جهادي|انتحاري)/;
const KILL_NOUN = /^(?:[وفبل]|ال|بال|لل|وال)*(?:قتيل|قتلي|شهيد|شهداء|ضحي[هت]|ضحايا|جثه|جثث)/;
const INJ_NOUN = /^(?:[وفبل]|ال|بال|لل|وال)*(?:جريح|جرحي|مصاب|اصاب|حالات اختناق|حاله اختناق)/;
const PERSON = /^(?:[وفبل]|ال|بال|لل|وال)*(?:مدني|طفل|اطفال|نساء|امرا[هت]|سيد[هت]|مواطن|رجل|رجال|شاب|شبان|فتا[هت]|شخص|اشخاص|اخر|افراد|فرد|مقاتل|عنصر|عناصر|جندي|جنود|مسلح|ارهابي|عسكري|ضابط|ضباط|قيادي|قتيل|قتلي|شهيد|شهداء|ضحي[هت]|ضحايا|جريح|جرحي|مصاب|نفس|عائل|رضيع|مسن|مدنيا|سجين|معتقل)/;
const MUNITION = /^(?:[وفبل]|ال|بال|لل|وال)*(?:قذيف|قذائف|صاروخ|صواريخ|غار|برميل|براميل|طلع|عبو|لغم|الغام|قنبل|ضرب)/;
// "وأصيب آخر"، "وأصيب ثالث": one more person
const SINGULAR_WORDS = ["مدنيا", "مدني", "طفل", "طفلا", "طفله", "امراه", "سيده", "رجل", "رجلا", "شاب", "شابا", "جندي", "جنديا", "عنصر", "عنصرا", "مواطن", "مواطنا", "مقاتل", "مقاتلا", "فتاه", "مسن", "مسنا", "ضابط", "ضابطا", "قيادي", "قياديا", "صحفي", "صحفيا", "طبيب", "طبيبا", "مسعف", "مسعفا", "سائق", "سائقا", "اخر", "ثالث", "رابع"];
const SINGULAR_VICTIM = new RegExp(`(?<![\\p{L}])(?:[وف]?(?:ال)?)(${SINGULAR_WORDS.join("|")})(?![\\p{L}])`, "gu");
// "مقتل رجل وامرأة"، "مقتل طفلين وامرأة": one more victim joined by و right after a count or a victim
// …and kin named by a possessive: "رجل وابنته" (+1), "امرأة وطفلاها" (+2)
const KIN_ONE = ["ابنه", "ابنها", "ابنته", "ابنتها", "زوجته", "زوجها", "شقيقه", "شقيقها", "شقيقته", "شقيقتها", "والده", "والدها", "والدته", "والدتها", "طفله", "طفلها", "طفلته", "طفلتها", "حفيده", "حفيدها"];
const KIN_TWO = ["طفلاه", "طفلاها", "طفليه", "طفليها", "ابناه", "ابناها", "ابنيه", "ابنيها", "ابنتاه", "ابنتاها", "ابنتيه", "ابنتيها", "شقيقاه", "شقيقيه", "شقيقاها", "شقيقيها"];
const AND_ONE_MORE = new RegExp(`^\\s*و(?:(?:ال)?(${SINGULAR_WORDS.filter((w) => !/^(?:اخر|ثالث|رابع)$/.test(w)).join("|")})|(${KIN_ONE.join("|")})|(${KIN_TWO.join("|")}))(?![\\p{L}])`, "u");

/** Victims added by a chain of "و + one person" (or kin) starting at `from` (normalized): how many, and where the chain ends. */
function andOneMore(norm: string, from: number, end: number): { n: number; to: number } {
  let n = 0;
  let at = from;
  for (let m: RegExpExecArray | null, k = 0; k < 6 && (m = AND_ONE_MORE.exec(norm.slice(at, Math.min(end, at + 16)))) !== null; k++) {
    n += m[3] ? 2 : 1;
    at += m[0].length;
  }
  return { n, to: at };
}
// a sentence without any of the words as a substring cannot match: the regex is not run on it
const SINGULAR_SEEN = new LiteralSet(SINGULAR_WORDS);

// A breakdown cue ends the text before the number ("بينهم 3"). (A word-boundary regex per cue was
// also tried before: whatever it matched, endsWith matched too, so only endsWith is left.)
const breakdownCues = BREAKDOWN.map(normalizeKey);
const NAMELY = /(?:^|[\s،,])(?:هم|وهم|منهم|بينهم)\s/;
const initialCues = INITIAL.map(normalizeKey);

const INITIAL_AFTER = /^\s*(?:\S+\s+)?(?:في|ك|ب)?\s*(?:ال)?حصيله (?:ال)?اوليه/;
// a contrast and a new attribution between two figures: another source's count ("في حين قال المرصد إن …")
const COMPETING_BETWEEN = /(?:^|\s)(?:في حين|بينما|فيما|لكن|غير ان|الا ان|اما)(?:\s\S+){0,6}?\s(?:[وف])?(?:افاد|قال|ذكر|اعلن|اكد|ادعي|زعم|قدر|بحسب|وفق|حسب|نقل|تحدث|وثق|اشار)\S*/;
// …and says it counts the dead or wounded ("عدد القتلى بلغ"، "إن 12 قتلوا"), not who is missing
const TOLL_WORD = /عدد (?:ال)?(?:قتلي|ضحايا|جرحي|مصابين|شهداء)|حصيله|(?:^|\s)(?:[وفب])?(?:قتل|مقتل|قتلي|قتيل|اصابه|جرح|اصيب|مصرع|جريح|مصاب)\S*/;
const RISE_BEFORE = /(?:ارتفع|يرتفع|ترتفع|ليرتفع|لترتفع|ارتفاع)\S*(?: \S+){0,3} (?:الي|ل) ?$/;

export interface SentenceCounts {
  killed: Count | null;
  injured: Count | null;
  /** numbers that count other things: munitions (details) */
  munitions: { text: string; count: number }[];
  /** any person count (displaced, detained…), for anchors */
  people: number[];
}

function groupOf(noun: string): CountGroup {
  if (CIV.test(noun)) return "civilians";
  if (COMB.test(noun)) return "combatants";
  return "unknown";
}

/** Normalized end of a number's counted noun (the noun span is in original offsets). */
let INV: Int32Array | null = null;
function doc_inv(n: NumHit): number {
  return n.noun && INV ? INV[n.noun.end]! : n.ne;
}

function wordsBetween(norm: string, a: number, b: number): number {
  if (b <= a) return 0;
  let n = 0;
  for (let i = a; i < b; i++) if (norm[i] === " ") n++;
  return n;
}

function countOf(n: NumHit, group: CountGroup, text: string): Count {
  let low: number | null = n.low;
  let best: number | null = n.value;
  let high: number | null = n.high;
  let qualifier: Qualifier = n.qualifier;
  if (n.kind === "tens_plural") {
    best = null;
    qualifier = "about";
  } else if (n.kind === "vague") {
    low = best = high = null;
    qualifier = "unspecified";
  } else if (qualifier === "exact") {
    low = high = best;
  } else if (qualifier === "at_least" || qualifier === "rising") {
    low = low ?? best;
    high = null;
  } else if (n.kind === "range") {
    // "ما بين تسعة وأحد عشر": the bounds are the figure
    low = n.low;
    high = n.high;
  } else if (qualifier === "about") {
    low = null;
    high = null;
  } else if (qualifier === "at_most") {
    high = high ?? best;
    low = null;
  }
  return { low, best, high, qualifier, group, text };
}

// (module-level helpers, not closures made per call: tsx names every named closure it makes)
/** An idiom split by its subject ("فارق عنصران من الفصيل الحياة"): the cue ends at its first word. */
function cueEnd(nums: NumHit[], h: { start: number; end: number; text: string }): number {
  return nums.some((n) => n.ns > h.start && n.ns < h.end) && h.text.includes(" ") ? h.start + h.text.indexOf(" ") : h.end;
}
const textOf = (texts: string[]) => texts.join(" + ");
/** Extends a figure by the lone victims joined to it ("طفلين وامرأة" = 3), `from` its normalized end. */
function addMore(acc: { sum: number; texts: string[]; n: NumHit }, from: number, end: number, norm: string, text: string, map: Int32Array): void {
  const more = andOneMore(norm, from, end);
  if (!more.n) return;
  acc.sum += more.n;
  acc.texts.push(text.slice(map[from]!, map[more.to]!).trim().replace(/^و\s*/, ""));
}
const countValue = (c: Count) => c.best ?? c.low ?? c.high ?? -1;

export function sentenceCounts(s: Sentence, m: Mentions, norm: string, text: string, map: Int32Array, inv?: Int32Array): SentenceCounts {
  INV = inv ?? null;
  const out: SentenceCounts = { killed: null, injured: null, munitions: [], people: [] };
  const nums = nsIn(m.numbers, s.start, s.end);
  const killHits = startsIn(m.kills, s.start, s.end);
  const injHits = startsIn(m.injuries, s.start, s.end);
  // no figure and no casualty word: nothing below can find a count
  if (!nums.length && !killHits.length && !injHits.length) return out;
  const kills = killHits.map((h) => ({ pos: h.start, end: cueEnd(nums, h), cls: "k" as const }));
  const injs = injHits.map((h) => ({ pos: h.start, end: cueEnd(nums, h), cls: "i" as const }));
  // each list is in text order already: only two non-empty lists need merging
  const cues = !injs.length ? kills : !kills.length ? injs : [...kills, ...injs].sort((a, b) => a.pos - b.pos);
  const sentNorm = s.text;
  type Acc = { cls: "k" | "i"; n: NumHit; group: CountGroup; initial: boolean; sum: number; texts: string[]; single?: boolean };
  const found: Acc[] = [];
  let prev: (Acc & { breakdown?: boolean }) | null = null;
  let prevBreakdown = false;
  let prevEnd = -1;
  // Singular victims without a number: "قُتلت امرأة"، "أن مدنياً قُتل".
  // (each needs a kill/injury cue next to it: without cues in the sentence the scan finds nothing)
  SINGULAR_VICTIM.lastIndex = s.start;
  const scanVictims = cues.length > 0 && SINGULAR_SEEN.anyIn(s.text);
  const seg = scanVictims ? norm.slice(0, s.end) : "";
  let sm: RegExpExecArray | null;
  while (scanVictims && (sm = SINGULAR_VICTIM.exec(seg)) !== null) {
    const pos = sm.index;
    if (pos >= s.end) break;
    if (nums.some((n) => n.ne <= pos && pos - n.ne <= 2)) continue;
    const near = cues.find((c) => (c.end <= pos && wordsBetween(norm, c.end, pos) <= 1) || (c.pos >= pos + sm![0].length && wordsBetween(norm, pos + sm![0].length, c.pos) <= 1));
    if (!near) continue;
    if (found.some((f) => f.cls === near.cls)) continue;
    const w = sm[1]!;
    found.push({
      cls: near.cls,
      n: { start: map[pos]!, end: map[pos + sm[0].length]!, text: text.slice(map[pos]!, map[pos + sm[0].length]!), value: 1, low: 1, high: 1, qualifier: "exact", kind: "words", ns: pos, ne: pos + sm[0].length, nounNorm: w },
      // "قُتل مدني وأصيب آخر": "another" is of the group named before it
      group: /^(?:اخر|ثالث|رابع)$/.test(w) ? (found[0]?.group ?? "unknown") : groupOf(w),
      initial: false,
      sum: 1,
      texts: [text.slice(map[pos]!, map[pos + sm[0].length]!)],
      single: true,
    });
    addMore(found[found.length - 1]!, pos + sm[0].length, s.end, norm, text, map);
  }
  for (const n of nums) {
    const noun = n.nounNorm;
    if (noun && MUNITION.test(noun)) {
      if (n.value != null) out.munitions.push({ text: text.slice(map[n.ns]!, map[n.ns]! + (n.noun ? n.noun.end - n.start : n.end - n.start)), count: n.value });
      continue;
    }
    if (noun && !PERSON.test(noun) && !KILL_NOUN.test(noun) && !INJ_NOUN.test(noun)) continue;
    if (!noun && n.value === 1 && n.kind === "words") continue; // "عائلة واحدة": an adjective, not a count
    if (n.value != null) out.people.push(n.value);
    const before = norm.slice(Math.max(s.start, n.ns - 14), n.ns);
    const trimmed = before.trimEnd();
    const isBreakdown = breakdownCues.some((c) => trimmed.endsWith(c));
    if (!prev) {
      // "مقتل امرأة وطفلين": a count joined by و to a lone victim adds to it
      const sv = found.find((f) => f.single && f.n.ne <= n.ns && n.ns - f.n.ne <= 3);
      if (sv) {
        prev = sv;
        prevEnd = sv.n.ne;
      }
    }
    const between = prevEnd >= 0 ? norm.slice(prevEnd, n.ns) : "";
    const conj = prevEnd >= 0 && between.length < 60 && (/(?:^|\s)و\s*$/.test(between) || (norm[n.ns] === "و" && !/^واحد/.test(norm.slice(n.ns, n.ne)))) && !cues.some((c) => c.pos >= prevEnd && c.pos < n.ns);
    // "مقتل عشرة مدنيين، هم امرأة وثلاثة أطفال": the figures after "هم" break the first one down
    const namely = between.length > 0 && between.length < 40 && NAMELY.test(between);
    if (isBreakdown || (conj && prevBreakdown) || namely) {
      prevBreakdown = true;
      prevEnd = n.ne;
      continue;
    }
    let cls: "k" | "i" | null = null;
    if (KILL_NOUN.test(noun)) cls = "k";
    else if (INJ_NOUN.test(noun)) cls = "i";
    else {
      const back = cues.filter((c) => c.end <= n.ns && wordsBetween(norm, c.end, n.ns) <= 9).pop();
      const fwd = cues.find((c) => c.pos >= n.ne && wordsBetween(norm, n.ne, c.pos) <= 5);
      if (back && fwd) cls = wordsBetween(norm, back.end, n.ns) <= wordsBetween(norm, n.ne, fwd.pos) + 1 ? back.cls : fwd.cls;
      else cls = back?.cls ?? fwd?.cls ?? null;
      // "ارتفعت حصيلة القتلى … إلى 17": a rising toll counts what the toll word counts
      if (!cls && (n.rising || /(?:^|\s)(?:الي|ب)\s*$/.test(norm.slice(Math.max(s.start, n.ns - 6), n.ns)))) {
        const far = cues.filter((c) => c.end <= n.ns).pop();
        if (far && /(?:ارتفع|يرتفع|ترتفع|ارتفاع|بلغ|وصل)/.test(norm.slice(s.start, n.ns))) cls = far.cls;
      }
    }
    if (!cls) {
      prev = null;
      prevBreakdown = false;
      continue;
    }
    const lead = norm.slice(Math.max(s.start, n.ns - 45), n.ns); // sliced once, not once per cue
    // "مقتل تسعة في حصيلة أولية": the cue may also follow the figure
    const initial = initialCues.some((c) => lead.includes(c)) || INITIAL_AFTER.test(norm.slice(doc_inv(n), Math.min(s.end, doc_inv(n) + 30)));
    let group = noun ? groupOf(noun) : "unknown";
    if (group === "unknown") {
      // "قتيلان مدنيان"، "17 قتيلاً من المدنيين": the word after the noun may say who
      const after = norm.slice(n.noun ? doc_inv(n) : n.ne, Math.min(s.end, (n.noun ? doc_inv(n) : n.ne) + 24)).trim().split(/\s+/).slice(0, 3).join(" ");
      const g2 = groupOf(after.replace(/^من\s+/, "").replace(/^(?:ال)/, ""));
      if (g2 !== "unknown") group = g2;
    }
    if (/^(?:[وف])?(?:ال)?اخر/.test(noun)) group = found.find((f) => f.cls === "k")?.group ?? "unknown";
    if (conj && prev && prev.cls === cls && !initial && n.value != null && prev.n.value != null) {
      prev.sum += n.value;
      prev.texts.push(n.text);
      addMore(prev, n.noun ? doc_inv(n) : n.ne, s.end, norm, text, map);
      if (prev.group !== group) prev.group = prev.group === "unknown" ? group : group === "unknown" ? prev.group : prev.group;
      prevEnd = n.ne;
      continue;
    }
    const acc: Acc = { cls, n, group, initial, sum: n.value ?? 0, texts: [n.text] };
    if (n.value != null) addMore(acc, n.noun ? doc_inv(n) : n.ne, s.end, norm, text, map);
    found.push(acc);
    prev = acc;
    prevBreakdown = false;
    prevEnd = n.ne;
  }
  for (const cls of ["k", "i"] as const) {
    const xs = found.filter((f) => f.cls === cls).sort((a, b) => a.n.ns - b.n.ns);
    if (!xs.length) continue;
    // "ليرتفع العدد لاحقاً إلى 13": a figure after a rise verb is the current one
    const current = xs.find((f) => !f.initial && (f.n.rising || f.n.qualifier === "rising" || RISE_BEFORE.test(norm.slice(Math.max(s.start, f.n.ns - 40), f.n.ns)))) ?? xs.find((f) => !f.initial) ?? xs[xs.length - 1]!;
    // "ليرتفع العدد إلى 13": a bare revised figure counts the group the earlier figure named
    const group = current.group !== "unknown" ? current.group : (xs.find((f) => f.group !== "unknown")?.group ?? "unknown");
    const c = countOf(current.n, group, textOf(current.texts));
    if (current.texts.length > 1) {
      c.best = current.sum;
      c.low = c.qualifier === "about" ? null : current.sum;
      c.high = c.qualifier === "exact" ? current.sum : c.high;
    }
    // (the sentence's cue scan only when there is a death toll to qualify)
    if (cls === "k" && sentenceCues(sentNorm).rising.length > 0) c.qualifier = c.qualifier === "exact" || c.qualifier === "at_least" ? "rising" : c.qualifier;
    const others = xs.filter((f) => f !== current);
    if (others.length) {
      c.revisions = [...others.map((f) => ({ value: f.n.value, qualifier: f.n.qualifier, text: textOf(f.texts) }) as Revision), { value: c.best ?? c.low, qualifier: c.qualifier, text: c.text }];
      // "أودى بحياة 11، في حين أفاد المرصد بأن العدد بلغ 13": a second source's figure bounds a range, it revises nothing
      const second = xs[1];
      if (xs.length === 2 && current === xs[0] && second && !second.initial && !RISE_BEFORE.test(norm.slice(Math.max(s.start, second.n.ns - 40), second.n.ns)) && second.n.value != null && sentenceCues(sentNorm).rising.length === 0 && COMPETING_BETWEEN.test(norm.slice(current.n.ne, second.n.ns)) && TOLL_WORD.test(norm.slice(current.n.ne, Math.min(s.end, second.n.ne + 14)).replace(/^.*?(?:في حين|بينما|فيما|لكن|غير ان|الا ان|اما)/, ""))) {
        const vals = [c.low ?? c.best, c.high ?? c.best, second.n.low ?? second.n.value, second.n.high ?? second.n.value].filter((v): v is number => v != null);
        c.low = Math.min(...vals);
        c.high = Math.max(...vals);
      }
    }
    if (cls === "k") out.killed = c;
    else out.injured = c;
  }
  return out;
}

/** Fold a later figure into an event's figure: the later one wins when it revises upward. */
export function mergeCount(cur: Count | null, next: Count | null, nextIsRevision: boolean): Count | null {
  if (!next) return cur;
  if (!cur) return next;
  if (nextIsRevision || countValue(next) >= countValue(cur) || (cur.qualifier === "unspecified" && next.qualifier !== "unspecified")) {
    const revisions: Revision[] = [...(cur.revisions ?? [{ value: cur.best ?? cur.low, qualifier: cur.qualifier, text: cur.text }])];
    for (const r of next.revisions ?? [{ value: next.best ?? next.low, qualifier: next.qualifier, text: next.text }]) {
      if (!revisions.some((x) => x.text === r.text)) revisions.push(r);
    }
    const group = next.group === "unknown" ? cur.group : next.group;
    if (countValue(next) === countValue(cur) && next.qualifier === cur.qualifier) return { ...cur, group };
    return { ...next, group, revisions };
  }
  return cur.group === "unknown" && next.group !== "unknown" ? { ...cur, group: next.group } : cur;
}
