// Sources and stance of one sentence: who the information is attributed to. A sentence with an
// attribution cue but no named source (or with "المصدر ذاته"، "وأضاف") carries the previous source.
import type { Source, SourceKind } from "../model/index.js";
import { normalizeKey } from "../arabic/normalize.js";
import type { Sentence } from "./document.js";
import type { Mentions, PartyHit } from "./mentions.js";
import { startsIn } from "./ranges.js";

export interface Attribution {
  sources: Source[];
  attributed: boolean;
  /** parties that speak in this sentence (subject of an attribution verb) */
  speakers: PartyHit[];
  /** the sources were carried over from an earlier sentence */
  carried: boolean;
  /** where each source is named in the sentence (normalized offset; -1 when carried) */
  at: Map<string, number>;
  /** spans of bodies named as sources by their own name: words inside them ("المدني") are no parties */
  bodies: Array<[number, number]>;
}

const GENERIC_SOURCE = new Set(["local sources"]);
// a body's name: its head noun and the words after it, up to a clause word; "المنظمة" alone refers back
const INSTITUTION_AFTER = /^\s*(?:ما\s+)?(?:(?:افاد|اعلن|ذكر|اورد|اكد|نشر|وثق)\S*\s+)?[«"]?((?:ال)?(?:مجلس|منظمه|هيئه|لجنه|مكتب|مديريه|شبكه|مركز|جمعيه|رابطه|اتحاد|فريق|بلديه))((?: [^\s،,.:؛«»"()\-–]+){1,6})([\s]*[،,.:؛«»"()\-–]|\s*$)?/;
const NAME_STOP = /^(?:ان|انه|انها|انهم|بان|او|بيان|ببيان|بيانها|بيانه|امس|اليوم|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت|الاحد|قوله|قولها|الي|عن|علي|منذ|خلال|بعد|قبل|عبر|حسب|بحسب|مع|ضمن|عقب|اثر|جراء|خلو|\d+|و\S*|بم\S{2,})$/;

/** The body's name from an INSTITUTION_AFTER match, or null ("في X" only as the name's last words). */
function bodyName(m: RegExpExecArray): string | null {
  const head = m[1]!;
  const words = m[2]!.trim().split(" ");
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (NAME_STOP.test(w)) break;
    if (w === "في") {
      // "منظمة حقوق الإنسان في عفرين": a place closing the name, right before the clause ends
      if (i === words.length - 2 && m[3] !== undefined && !NAME_STOP.test(words[i + 1]!)) out.push(w, words[i + 1]!);
      break;
    }
    out.push(w);
  }
  if (!out.length) return null;
  // "المنظمة" / "المكتب" refer back to a body named before, unless an adjective follows ("المجلس النرويجي")
  if (head.startsWith("ال") && !out[0]!.startsWith("ال")) return null;
  return `${head} ${out.join(" ")}`;
}
// "قال مسؤول الإعلام في الجبهة الوطنية": a group's media officer speaks for it, like its spokesman
const MEDIA_OFFICER = /(?:مسؤول|مدير|رئيس) (?:ال)?(?:اعلام|(?:ال)?مكتب (?:ال)?اعلامي|علاقات (?:ال)?عامه)(?: (?:ال)?عسكري)? (?:في|ب|لدي|ل) ?[«"]?$/;

export function attributionOf(
  s: Sentence,
  m: Mentions,
  norm: string,
  orig: (a: number, b: number) => string,
  previous: Source[],
  outlet: string | null,
): Attribution {
  const attrs = startsIn(m.attributions, s.start, s.end);
  const conts = startsIn(m.continuations, s.start, s.end);
  const at = new Map<string, number>();
  let sources: Source[] = startsIn(m.sources, s.start, s.end).map((h) => {
    if (!at.has(h.entry.name)) at.set(h.entry.name, h.start);
    return { name: h.entry.name, kind: h.entry.kind, text: orig(h.start, h.end).replace(/[«»"]/g, "").trim() };
  });
  const speakers: PartyHit[] = [];
  const bodies: Array<[number, number]> = [];
  for (const p of startsIn(m.parties, s.start, s.end)) {
    if (p.kind === "civilians") continue;
    const pre = norm.slice(Math.max(s.start, p.start - 6), p.start);
    const complement = /(?:^|\s)(?:ان|بان|لان)\s*[«"]?$/.test(pre); // "أن X فعل": X is what is reported, not who reports
    const near = !complement && attrs.some((a) => (a.end <= p.start && p.start - a.end <= 14 && !/^(?:[وف])?(?:اتهم|متهم)/.test(a.text) && !/تابع(?:ه|ين|ون)$/.test(a.text) && !/(?:^|\s)(?:ان|بان|الي|علي|عن)(?:\s|$)/.test(norm.slice(a.end, p.start))) || (p.end <= a.start && /^[\s«»"]*(?:قد\s*)?$/.test(norm.slice(p.end, a.start))));
    const spokes = /(?:متحدث|ناطق)(?: (?:ال)?(?:رسمي|عسكري|اعلامي))? باسم ?$/.test(norm.slice(Math.max(s.start, p.start - 20), p.start).trimEnd() + " ") || ((t) => (t.includes("مسؤول") || t.includes("مدير") || t.includes("رئيس")) && MEDIA_OFFICER.test(t))(norm.slice(Math.max(s.start, p.start - 40), p.start)) || /باسم\s*[«"]?$/.test(norm.slice(Math.max(s.start, p.start - 8), p.start));
    if (!near && !spokes) continue;
    speakers.push(p);
    if (!sources.some((x) => x.text === p.name_ar || x.name === p.name)) {
      const kind: SourceKind = p.kind === "international_org" || p.kind === "government" || p.kind === "state_force" || p.kind === "foreign_state_force" || p.kind === "coalition" || p.kind === "kurdish_forces" ? "official" : "unknown";
      const name = spokes ? `spokesman of ${p.name}` : p.name;
      if (!at.has(name)) at.set(name, p.start);
      sources.push({ name, kind, text: spokes ? `المتحدث باسم ${p.name_ar}` : p.name_ar });
    }
  }
  // "بحسب ما أفاد مجلس الطبقة المدني"، "وفق منظمة حقوق الإنسان في عفرين": a body the lexicon does not
  // know, named right after the attribution, is the source under its own name
  for (const a of attrs) {
    const m2 = INSTITUTION_AFTER.exec(norm.slice(a.end, Math.min(s.end, a.end + 90)));
    const name = m2 ? bodyName(m2) : null;
    if (!m2 || !name) continue;
    const from = a.end + m2[0].indexOf(m2[1]!);
    const to = from + name.length;
    if (startsIn(m.sources, from - 1, to).length || m.parties.some((p) => p.kind !== "civilians" && p.start < to && from < p.end)) continue;
    const text = orig(from, to).replace(/[«»"]/g, "").trim();
    if (sources.some((x) => x.text === text)) continue;
    const kind: SourceKind = /^(?:ال)?(?:منظمه|شبكه|مركز|جمعيه|رابطه|اتحاد|فريق)/.test(name) ? "ngo" : "official";
    at.set(text, from);
    sources.push({ name: text, kind, text });
    bodies.push([from, to]);
  }
  if (outlet) {
    const o = normalizeKey(outlet);
    if (o.length > 2 && s.text.includes(o) && attrs.length) sources.push({ name: outlet, kind: "outlet", text: outlet });
  }
  if (sources.length > 1) sources = sources.filter((x) => !GENERIC_SOURCE.has(x.name));
  const attributed = attrs.length > 0 || /(?:بحسب|حسب|وفق|نقلا عن)/.test(s.text);
  const continues = conts.length > 0;
  let carried = false;
  if (continues && (!sources.length || (continues && sources.every((x) => GENERIC_SOURCE.has(x.name))))) {
    if (previous.length) {
      sources = previous.map((x) => ({ ...x }));
      carried = true;
    }
  }
  // dedupe by name
  const seen = new Set<string>();
  sources = sources.filter((x) => (seen.has(x.name) ? false : (seen.add(x.name), true)));
  return { sources: attributed || continues ? sources : [], attributed: (attributed || continues) && sources.length > 0, speakers, carried, at, bodies };
}
