// Report text → the structure extraction works on: normalized text with a map back to the report
// text, lines (paragraphs), furniture lines dropped, headline / dateline / opinion recognized,
// sentences and their segments (clause-like stretches between strong boundaries).
import { normalizeWithMap, normalizeKey } from "../arabic/normalize.js";
import { FURNITURE_BLOCK, FURNITURE_LINES, OPINION } from "./lexicon/cues.js";

export interface Sentence {
  index: number;
  /** span in the normalized text */
  start: number;
  end: number;
  text: string;
  paragraph: number;
  headline: boolean;
  /** segment boundaries inside the sentence (normalized offsets), ascending, first = start */
  cuts: number[];
}

export interface Doc {
  norm: string;
  /** norm index → report text index (length norm.length + 1) */
  map: Int32Array;
  /** report text index → norm index (nearest at or after) */
  inv: Int32Array;
  sentences: Sentence[];
  /** dateline span (normalized), used only as a fallback place */
  dateline: { start: number; end: number } | null;
  opinion: boolean;
  title: string | null;
}

const furnitureLines = FURNITURE_LINES.map(normalizeKey);
const furnitureBlock = FURNITURE_BLOCK.map(normalizeKey);
const opinionCues = OPINION.map(normalizeKey);

function isFurnitureLine(line: string): boolean {
  const t = line.trim();
  if (!t) return true;
  if (t.includes("©") || /(?:\s\|\s.*){2,}/.test(t)) return true;
  if (t.length < 90 && furnitureLines.some((f) => t.startsWith(f) || (t.length < 50 && t.includes(f)))) return true;
  return false;
}

const SENT_END = /[.!?؟]+(?=\s|$|[«"»)])|\.{2,}|…/g;
const STRONG = /، ?|؛|;| فيما | في حين | بينما | بعدما | بعد ان | غير ان | الا ان | لكن | في المقابل| ردا علي | رداً علي | اثر | واثر /g;

const QUESTION_HEAD = /(?:^|\s|\.)(?:لماذا|هل|متي|كيف|الي متي|حتي متي|ماذا|من يحاسب)(?:\s[^؟?]*)?[؟?]\s*$/;
const WE_VOICE = /(?:^|\s)(?:[وف])?(?:لقد )?(?:راينا|نري|علينا|نحتاج|ندرك|نعرف|نتذكر|شهدنا|عشنا|نحن|لنا|بلادنا|نتساءل)(?:\s|$|[،.])/;

export function buildDoc(text: string): Doc {
  const { text: norm, map } = normalizeWithMap(text);
  const inv = new Int32Array(text.length + 1).fill(-1);
  for (let i = norm.length; i >= 0; i--) inv[map[i]!] = i;
  let next = norm.length;
  for (let j = text.length; j >= 0; j--) {
    if (inv[j]! >= 0) next = inv[j]!;
    else inv[j] = next;
  }

  // Lines = paragraphs.
  const lines: { start: number; end: number }[] = [];
  let s = 0;
  for (let i = 0; i <= norm.length; i++) {
    if (i === norm.length || norm[i] === "\n") {
      if (i > s) lines.push({ start: s, end: i });
      s = i + 1;
    }
  }
  let opinion = false;
  const head = lines.slice(0, 4).map((l) => norm.slice(l.start, l.end).trim());
  if (head.some((h) => opinionCues.some((c) => h.startsWith(c)))) opinion = true;

  const sentences: Sentence[] = [];
  let dateline: Doc["dateline"] = null;
  let title: string | null = null;
  let inBlock = false;
  let paragraph = 0;
  let sawHeadline = false;
  for (const line of lines) {
    const lt = norm.slice(line.start, line.end).trim();
    if (!lt) continue;
    if (furnitureBlock.some((f) => lt.startsWith(f))) {
      inBlock = true;
      continue;
    }
    const long = lt.length >= 140 && /[.!?؟]$/.test(lt);
    if (inBlock && !long) continue;
    inBlock = false;
    if (isFurnitureLine(lt)) continue;
    if (/^[-•*·▪]\s/.test(lt) && lt.length < 140) continue; // list items: related links, menus
    let headline = false;
    if (!sawHeadline) {
      sawHeadline = true;
      if (lt.length < 220 && !/[.!?؟]$/.test(lt)) {
        headline = true;
        title = text.slice(map[line.start]!, map[line.end]!).trim();
      }
    } else if (!dateline && paragraph <= 2 && lt.length < 70 && /[–—-]/.test(lt) && !/[.!?؟]$/.test(lt)) {
      dateline = { start: line.start, end: line.end };
      continue;
    }
    if (!headline && lt.length < 25 && !/[.!?؟]$/.test(lt)) continue; // bylines, captions, labels
    splitSentences(norm, line.start, line.end, paragraph, headline, sentences);
    paragraph++;
  }
  // an opinion column without a label: a headline asking a question ("لماذا لا تتعلم العواصم؟") and a
  // body speaking as "we" outside quotes ("لقد رأينا"، "علينا")
  // (a title ending in "؟" is not taken as a headline above: the first sentence is the title)
  const titleLine = sentences.filter((x) => x.paragraph === 0);
  if (!opinion && titleLine.length && titleLine.reduce((n, x) => n + x.text.length, 0) < 160 && titleLine.some((x) => QUESTION_HEAD.test(x.text))) {
    const body = sentences.filter((x) => x.paragraph > 0).map((x) => x.text.replace(/"[^"]*"|«[^»]*»/g, " ")).join(" ");
    if (WE_VOICE.test(body)) opinion = true;
  }
  return { norm, map, inv, sentences, dateline, opinion, title };
}

function splitSentences(norm: string, start: number, end: number, paragraph: number, headline: boolean, out: Sentence[]): void {
  const line = norm.slice(start, end);
  let from = 0;
  SENT_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENT_END.exec(line)) !== null) {
    // a dot between digits is a decimal point, not a sentence end
    if (m[0] === "." && /\d/.test(line[m.index - 1] ?? "") && /\d/.test(line[m.index + 1] ?? "")) continue;
    pushSentence(norm, start + from, start + m.index + m[0].length, paragraph, headline, out);
    from = m.index + m[0].length;
  }
  pushSentence(norm, start + from, start + line.length, paragraph, headline, out);
}

/** The sentence norm[x, y) trimmed, with its segment cuts, unless it is too short. */
function pushSentence(norm: string, x: number, y: number, paragraph: number, headline: boolean, out: Sentence[]): void {
  while (x < y && /\s/.test(norm[x]!)) x++;
  while (y > x && /\s/.test(norm[y - 1]!)) y--;
  if (y - x < 3) return;
  const text = norm.slice(x, y);
  const cuts = [x];
  STRONG.lastIndex = 0;
  let c: RegExpExecArray | null;
  while ((c = STRONG.exec(text)) !== null) cuts.push(x + c.index);
  out.push({ index: out.length, start: x, end: y, text, paragraph, headline, cuts });
}

/** Segment index of a normalized offset inside a sentence. */
export function segmentOf(s: Sentence, pos: number): number {
  let k = 0;
  for (let i = 0; i < s.cuts.length; i++) if (s.cuts[i]! <= pos) k = i;
  return k;
}
