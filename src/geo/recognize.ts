// Recognition: which token spans of a report name places. Longest phrase wins; clitics (و، ب، ل،
// وب، بال…) are stripped from the first token; words that are also common Arabic words only count
// after a place cue (see cues.ts and the gazetteer's `cues`); "ريفي X الجنوبي وY الشمالي" gives two.
import { looseIndex, looseKey, type Gazetteer } from "./gazetteer.js";
import type { GazKind, GazPlace } from "./types.js";
import { cueOf, PREFIXES } from "./cues.js";
import type { GeoToken } from "./text.js";
import { isAnyGap, isHardGap } from "./text.js";

export interface RawMention {
  /** token range of the name itself [a, b) */
  a: number;
  b: number;
  /** first token of the span shown to the user (a type noun before the name is included) */
  ts: number;
  key: string;
  ids: number[];
  /** kinds a preceding type noun points at ("حي" → neighbourhood) */
  kinds: readonly GazKind[] | null;
  strong: boolean;
  weak: boolean;
  why: string;
  /** normalized chars of token `a` that are a clitic, not the name ("و" of "والحسكة") */
  skip?: number;
}

/** Clitic length to leave out of a span: "وال…" → 1, "ب…" → 1, "لل…" → 0 (the article is fused). */
export function cliticSkip(pre: string): number {
  if (!pre || pre.endsWith("لل")) return 0;
  return pre.endsWith("ال") ? pre.length - 2 : pre.length;
}

const PREP_FOR_TOWNS = new Set(["من", "الي", "علي", "عن", "حتي", "وعلي", "ومن", "والي", "بين", "مدينتي", "عند"]);
const NOT_PLACE_BEFORE = new Set(["شارع", "بشارع", "وشارع", "اوتوستراد", "جادة", "حمله", "مجلس", "قناه", "صحيفه", "جريده", "وكاله", "اذاعه", "تلفزيون", "اتفاق", "اتفاقيه", "مسار", "محادثات", "مفاوضات", "مؤتمر", "اجتماع", "قمه", "بيان", "جوله"]);
const DIR_ADJ = new Set(["الشمالي", "الجنوبي", "الشرقي", "الغربي"]);

interface Form {
  f: string;
  pre: string;
}

function formsOf(t: string): Form[] {
  const out: Form[] = [{ f: t, pre: "" }];
  // fast path: only و ف ب ل start a clitic
  const c0 = t.charCodeAt(0);
  if (c0 !== 0x0648 && c0 !== 0x0641 && c0 !== 0x0628 && c0 !== 0x0644) return out;
  for (const p of PREFIXES) {
    if (t.length > p.length + 1 && t.startsWith(p)) {
      const rest = p.endsWith("ال") || p.endsWith("لل") ? "ال" + t.slice(p.length) : t.slice(p.length);
      out.push({ f: rest, pre: p });
    }
  }
  return out;
}

const isUpperAscii = (c: number) => c >= 0x41 && c <= 0x5a;
const isLatin = (t: string) => {
  const c = t.charCodeAt(0);
  return c >= 0x61 && c <= 0x7a;
};

/** What recognition needs to know about one token string; the same words recur in every report. */
interface TokInfo {
  /** null only for NOTHING (made when needed) */
  forms: Form[] | null;
  /** some reading of the token starts a gazetteer phrase */
  cand: boolean;
  /** a reading is "ريفي"/"ارياف" (two rural areas may follow) */
  ruralPlural: boolean;
  /** a reading is "الريف" ("الريف الجنوبي لإدلب") */
  ruralDef: boolean;
  looseCue: boolean;
}
const NOTHING: TokInfo = { forms: null, cand: false, ruralPlural: false, ruralDef: false, looseCue: false };

interface Memo {
  infos: Map<string, TokInfo>;
  /** last-three-letter bins of every word that can matter (see tailBin); 0 = no such word ends so */
  tails: Uint8Array;
  /** gazetteer phrases as a tree of their words (see phraseTrie) */
  trie: Map<string, PhraseNode>;
}

/** One word of a gazetteer phrase: the phrase ending here (a byPhrase key) and the words that may follow. */
interface PhraseNode {
  key: string | null;
  next: Map<string, PhraseNode> | null;
}

// The phrases starting at a token are found by walking this tree word by word: no phrase string
// is built and hashed per length tried. A key's words are key.split(" "), so a node's key equals
// the phrase joined from the tokens walked to it.
function phraseTrie(gaz: Gazetteer): Map<string, PhraseNode> {
  const root = new Map<string, PhraseNode>();
  for (const key of gaz.byPhrase.keys()) {
    const words = key.split(" ");
    let level = root;
    let node: PhraseNode | undefined;
    for (let k = 0; k < words.length; k++) {
      node = level.get(words[k]!);
      if (!node) level.set(words[k]!, (node = { key: null, next: null }));
      if (k < words.length - 1) level = node.next ??= new Map();
    }
    node!.key = key;
  }
  return root;
}
// per gazetteer (a user overlay makes another one)
const memos = new WeakMap<Gazetteer, Memo>();

// Every reading of a token ends with the token's last three characters when it keeps three (a
// clitic leaves at least two, and "ال" + two keeps the ل of "ال"/"لل"): always from 5 characters
// on; at 4 unless the token starts with a two-letter clitic (وب، ول، وف، فب، فل); at 3 unless it
// starts with a one-letter one. So do the settlement nouns with a clitic. Any other token whose last
// three characters end no phrase-starting word, no rural word and no settlement noun is NOTHING,
// told without hashing the string. Bins may be shared (that only sends more tokens to the memo).
const tailBin = (t: string, L: number) =>
  ((t.charCodeAt(L - 3) & 63) << 12) | ((t.charCodeAt(L - 2) & 63) << 6) | (t.charCodeAt(L - 1) & 63);

function memoOf(gaz: Gazetteer): Memo {
  let m = memos.get(gaz);
  if (m) return m;
  const tails = new Uint8Array(1 << 18);
  const mark = (w: string) => {
    if (w.length >= 3) tails[tailBin(w, w.length)] = 1;
  };
  for (const f of gaz.maxLen.keys()) mark(f);
  for (const w of ["ريفي", "ارياف", "الريف", ...LOOSE_CUES]) mark(w);
  m = { infos: new Map(), tails, trie: phraseTrie(gaz) };
  memos.set(gaz, m);
  return m;
}

function infoOf(gaz: Gazetteer, memo: Memo, t: string): TokInfo {
  const L = t.length;
  if (L >= 3 && memo.tails[tailBin(t, L)] === 0) {
    const c0 = t.charCodeAt(0);
    const waFa = c0 === 0x0648 || c0 === 0x0641;
    if (L >= 5) return NOTHING;
    if (L === 4) {
      const c1 = t.charCodeAt(1);
      if (!(waFa && (c1 === 0x0628 || c1 === 0x0644 || c1 === 0x0641))) return NOTHING;
    } else if (!(waFa || c0 === 0x0628 || c0 === 0x0644)) return NOTHING;
  }
  let r = memo.infos.get(t);
  if (r) return r;
  const forms = formsOf(t);
  r = {
    forms,
    cand: forms.some((x) => gaz.maxLen.has(x.f)),
    ruralPlural: forms.some((x) => x.f === "ريفي" || x.f === "ارياف"),
    ruralDef: forms.some((x) => x.f === "الريف"),
    looseCue: isLooseCue(t),
  };
  // bounded: a long-running server sees endless words
  if (memo.infos.size >= 200_000) memo.infos.clear();
  memo.infos.set(t, r);
  return r;
}

/** assumeCue: the text IS a place phrase (geocode): no context is required for the first name. */
export function recognize(gaz: Gazetteer, toks: GeoToken[], original: string, map: Int32Array, assumeCue = false): RawMention[] {
  const out: RawMention[] = [];
  const n = toks.length;
  const memo = memoOf(gaz);
  const infos: TokInfo[] = new Array(n);
  // phrase keys by length - 1 for one reading (null: no phrase of that length), reused per reading
  const found: (string | null)[] = [];
  for (let k = 0; k < n; k++) infos[k] = infoOf(gaz, memo, toks[k]!.t);
  let i = 0;
  while (i < n) {
    const info = infos[i]!;
    // fast path: most words start no name and no rural phrase; only a loose spelling after a
    // settlement noun may still name a place
    if (!info.cand && !info.ruralPlural && !info.ruralDef) {
      const loose = i > 0 && infos[i - 1]!.looseCue ? looseAfterTypeNoun(gaz, toks, i, info.forms ?? formsOf(toks[i]!.t)) : null;
      if (loose) {
        out.push(loose);
        i = loose.b;
      } else i++;
      continue;
    }

    // "ريفي إدلب الجنوبي وحماة الشمالي" / "أرياف حلب وإدلب": two rural areas
    if (info.ruralPlural) {
      const pair = ruralPair(gaz, toks, i);
      if (pair) {
        out.push(...pair);
        i = pair[pair.length - 1]!.b;
        continue;
      }
    }
    // "الريف الجنوبي لإدلب" / "الريف الشمالي لمحافظة حماة"
    if (info.ruralDef) {
      const m = ruralDefinite(gaz, toks, i);
      if (m) {
        out.push(m);
        i = m.b;
        continue;
      }
    }

    const forms = info.forms!;
    type Cand = { len: number; key: string; pre: string };
    const cands: Cand[] = [];
    for (const { f, pre } of forms) {
      let node = memo.trie.get(f);
      if (!node) continue;
      // found[len - 1]: the phrase of len words from here, if the gazetteer has it; longest first below
      found.length = 0;
      found.push(node.key);
      for (let len = 2; i + len <= n && node.next !== null; len++) {
        const nt = toks[i + len - 1]!;
        if (isAnyGap(nt.gap)) break;
        node = node.next.get(nt.t);
        if (!node) break;
        found.push(node.key);
      }
      for (let k = found.length - 1; k >= 0; k--) if (found[k] !== null) cands.push({ len: k + 1, key: found[k]!, pre });
    }
    if (cands.length > 1) cands.sort((x, y) => y.len - x.len || x.pre.length - y.pre.length);

    let accepted: RawMention | null = null;
    for (const c of cands) {
      const ids = gaz.byPhrase.get(c.key)!;
      const gate = assumeCue && out.length === 0
        ? { ts: i, kinds: null, strong: true, weak: true, why: "query" }
        : gateOf(gaz, toks, i, c.key, c.pre, ids, out, original, map);
      if (!gate) continue;
      // (the gate's fields written out: a spread builds the object the slow way)
      accepted = { a: i, b: i + c.len, key: c.key, ids, ts: gate.ts, kinds: gate.kinds, strong: gate.strong, weak: gate.weak, why: gate.why, skip: cliticSkip(c.pre) };
      break;
    }
    if (!accepted) {
      const loose = looseAfterTypeNoun(gaz, toks, i, forms);
      if (loose) accepted = loose;
    }
    if (accepted) {
      out.push(accepted);
      i = accepted.b;
    } else i++;
  }
  return out;
}

const LOOSE_CUES = new Set(["بلده", "بلدات", "بلدتي", "قريه", "قري", "قريتي", "مدينه", "مدن", "مدينتي", "مخيم", "حي"]);
const LOOSE_PREFIXES = ["و", "ب", "ل", "ف", "وب"];
function isLooseCue(t: string): boolean {
  if (t.length > 8) return false;
  if (LOOSE_CUES.has(t)) return true;
  for (const p of LOOSE_PREFIXES) if (t.startsWith(p) && LOOSE_CUES.has(t.slice(p.length))) return true;
  return false;
}
const ADJECTIVE = new Set(["كبيره", "صغيره", "جديده", "قديمه", "مجاوره", "حدوديه", "قريبه", "بعيده", "محاصره", "مدمره", "كامله",
  "واحده", "اخري", "عديده", "مختلفه", "رئيسيه", "استراتيجيه", "تحت", "سوريه", "تركيه", "عراقيه", "لبنانيه", "اردنيه", "كرديه", "عربيه",
  "ساحليه", "جبليه", "زراعيه", "صناعيه", "سكنيه", "شعبيه", "تاريخيه", "اثريه", "خاليه", "امنه", "محرره", "خاضعه", "تابعه"]);

/** After a type noun ("بلدة كفر باطنا"), a name spelled unlike ours may still be ours. */
function looseAfterTypeNoun(gaz: Gazetteer, toks: GeoToken[], i: number, forms: Form[]): RawMention | null {
  if (i === 0 || isAnyGap(toks[i]!.gap)) return null;
  const cueTok = toks[i - 1]!.t;
  // only an indefinite settlement noun: "بلدة مسرابه" yes; "المنطقة الخضراء"، "مناطق واسعة" no
  if (!isLooseCue(cueTok)) return null;
  const c = cueOf(cueTok);
  if (!c.strong) return null;
  if (ADJECTIVE.has(toks[i]!.t) || toks[i]!.t.startsWith("و")) return null;
  const idx = looseIndex(gaz);
  for (const { f, pre } of forms) {
    if (f.length < 3) continue;
    for (let len = Math.min(3, toks.length - i); len >= 1; len--) {
      let phrase = f;
      let ok = true;
      for (let k = 1; k < len; k++) {
        if (isAnyGap(toks[i + k]!.gap)) ok = false;
        phrase += " " + toks[i + k]!.t;
      }
      if (!ok) continue;
      const lk = looseKey(phrase);
      // one short word is too easy to hit by accident ("مدينة البصرة" is not البصيرة)
      if (len === 1 && lk.replace(/^ال/, "").length < 4) continue;
      const ids = idx.get(lk);
      if (!ids) continue;
      // the same kind the type noun names (no "بلدة الحي" → a neighbourhood)
      const fit = ids.filter((k) => c.strong!.includes(gaz.places[k]!.kind) || (c.strong!.includes("town") && gaz.places[k]!.kind === "city"));
      if (!fit.length) continue;
      return { a: i, b: i + len, ts: i - 1, key: phrase, ids: fit, kinds: c.strong, strong: true, weak: true, why: `loose spelling of "${phrase}"`, skip: cliticSkip(pre) };
    }
  }
  return null;
}

function gateOf(
  gaz: Gazetteer, toks: GeoToken[], i: number, key: string, pre: string, ids: number[], prev: RawMention[],
  original: string, map: Int32Array,
): Omit<RawMention, "a" | "b" | "key" | "ids"> | null {
  const tok = toks[i]!;
  const before = i > 0 && !isAnyGap(tok.gap) ? toks[i - 1]! : null;
  // "شارع تل أبيض" is a street named after a town, not the town
  if (before && NOT_PLACE_BEFORE.has(before.t)) return null;
  let c = before ? cueOf(before.t) : { strong: null as readonly GazKind[] | null, weak: false };
  // "المنطقة الخضراء"، "المدينة القديمة": a definite type noun before a definite word is no cue
  if (c.strong && before!.t.startsWith("ال") && key.startsWith("ال")) c = { strong: null, weak: false };
  let strong = !!c.strong;
  // an attached ب is no cue: "بجروح" (with wounds), "بحالات" (in cases) are not places
  let weak = c.weak;
  let kinds = c.strong;
  let why = c.strong ? `type noun "${before!.t}"` : c.weak ? `cue "${before!.t}"` : "";
  // a list of places: "حلب وإدلب"، "بلدات كفرنبل، حاس وكفرسجنة"
  const last = prev[prev.length - 1];
  if (last && !isHardGap(tok.gap)) {
    const adjacent = last.b === i && (pre.startsWith("و") || /[،,]/.test(tok.gap));
    const viaWa = last.b === i - 1 && toks[i - 1]!.t === "و" && !isHardGap(toks[i - 1]!.gap);
    if (adjacent || viaWa) {
      weak = true;
      strong ||= last.strong;
      kinds ??= last.kinds;
      if (!why) why = "in a list of places";
    }
  }
  let level: number = gaz.cues.get(key) ?? 0;
  // "المنطقة الخضراء"، "المدينة القديمة": a definite word after a definite noun is an adjective
  if (level === 0 && !pre && before && !c.weak && before.t.startsWith("ال") && key.startsWith("ال") && !key.includes(" ") &&
    !ids.some((k) => isWellKnown(gaz.places[k]!)))
    level = 1;
  if (isLatin(key)) {
    // Latin names inside Arabic text: only capitalized ones ("Khan Sheikhoun", not "hole")
    if (!isUpperAscii(original.charCodeAt(map[tok.s]!))) return null;
  } else {
    // names we derived ourselves, and small places from GeoNames or UCDP, need a cue
    if (ids.every((k) => needsCue(gaz.places[k]!))) level = Math.max(level, 1);
    // a one-word neighbourhood name ("القصور"، "الميدان") is a common word too often
    if (!key.includes(" ") && ids.every((k) => gaz.places[k]!.kind === "neighbourhood")) level = Math.max(level, 1);
    const bare = key.startsWith("ال") ? key.slice(2) : key;
    if (!key.includes(" ") && bare.length <= 2) level = Math.max(level, 2);
    else if (pre && !key.includes(" ") && bare.length <= 3 && !ids.some((k) => isWellKnown(gaz.places[k]!))) level = Math.max(level, 1);
  }
  // a word common in prose needs its OWN type noun: "بلدة كفرنبل ووقف إطلاق النار" is no list
  if (level === 2 && !c.strong) return null;
  // for a town that is also a common word ("تدمر", "الباب"), plain prepositions do place it
  if (level === 1 && !weak && !strong && !(before && PREP_FOR_TOWNS.has(before.t) && ids.some((k) => isWellKnown(gaz.places[k]!))))
    return null;
  return { ts: c.strong ? i - 1 : i, kinds, strong, weak, why };
}

/**
 * Small places whose name alone is weak evidence: names we transliterated, GeoNames villages, and
 * UCDP villages whose Arabic we supplied (many are also people's names or words: "عياش"، "الزكاة"),
 * unless UCDP counts them often (≥ 20 events: a place the war news keeps naming, like حمورية).
 */
function needsCue(p: GazPlace): boolean {
  if (p.derived) return true;
  if ((p.pop ?? 0) >= 5000) return false;
  if (p.src === "geonames") return true;
  return (p.src === "ucdp+hudna" || p.src === "ucdp+geonames") && (p.ev ?? 0) < 20;
}

function isWellKnown(p: GazPlace): boolean {
  return p.kind === "city" || p.kind === "country" || p.kind === "governorate" || p.kind === "foreign_city" || (p.pop ?? 0) >= 15000;
}

/** "ريف X [الجنوبي]" for X at token j (X may carry و). */
function ruralAt(gaz: Gazetteer, toks: GeoToken[], j: number): { key: string; end: number } | null {
  const t = toks[j];
  if (!t || isHardGap(t.gap)) return null;
  for (const { f } of formsOf(t.t)) {
    const keys: { key: string; end: number }[] = [{ key: `ريف ${f}`, end: j + 1 }];
    let k = j + 1;
    let phrase = `ريف ${f}`;
    while (k < toks.length && k - j <= 2 && DIR_ADJ.has(toks[k]!.t) && !isAnyGap(toks[k]!.gap)) {
      phrase += " " + toks[k]!.t;
      keys.push({ key: phrase, end: k + 1 });
      k++;
    }
    for (let x = keys.length - 1; x >= 0; x--) if (gaz.byPhrase.has(keys[x]!.key)) return keys[x]!;
  }
  return null;
}

function ruralPair(gaz: Gazetteer, toks: GeoToken[], i: number): RawMention[] | null {
  const first = ruralAt(gaz, toks, i + 1);
  if (!first) return null;
  const mk = (a: number, ts: number, r: { key: string; end: number }): RawMention => ({
    a, b: r.end, ts, key: r.key, ids: gaz.byPhrase.get(r.key)!, kinds: ["rural"], strong: true, weak: true,
    why: `plural "ريفي/أرياف": ${r.key}`,
  });
  const out = [mk(i + 1, i, first)];
  // "أرياف حماة وحلب واللاذقية", "ريفي إدلب الجنوبي وحماة الشمالي"
  let j = first.end;
  while (out.length < 6) {
    const t = toks[j];
    if (!t || isHardGap(t.gap)) break;
    let k = j;
    if (t.t === "و") k = j + 1;
    else if (!t.t.startsWith("و") && !/[،,]/.test(t.gap)) break;
    const next = ruralAt(gaz, toks, k);
    if (!next) break;
    out.push(mk(k, k, next));
    j = next.end;
  }
  return out.length >= 2 ? out : null;
}

function ruralDefinite(gaz: Gazetteer, toks: GeoToken[], i: number): RawMention | null {
  const dirs: string[] = [];
  let k = i + 1;
  while (k < toks.length && dirs.length < 2 && DIR_ADJ.has(toks[k]!.t) && !isAnyGap(toks[k]!.gap)) dirs.push(toks[k++]!.t);
  if (!dirs.length || k >= toks.length || isAnyGap(toks[k]!.gap)) return null;
  let t = toks[k]!.t;
  if (!t.startsWith("ل")) return null;
  t = t.startsWith("لل") ? "ال" + t.slice(2) : t.slice(1);
  if ((t === "محافظه" || t === "مدينه") && k + 1 < toks.length) t = toks[++k]!.t;
  for (const key of [`ريف ${t} ${dirs.join(" ")}`, `ريف ${t} ${dirs[0]}`]) {
    const ids = gaz.byPhrase.get(key);
    if (ids) return { a: i, b: k + 1, ts: i, key, ids, kinds: ["rural"], strong: true, weak: true, why: `"الريف … ل…" → ${key}` };
  }
  return null;
}
