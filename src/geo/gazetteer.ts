// Loads the built gazetteer (assets/geo/gazetteer.json) and any user overlay, and indexes every
// name as a normalized token sequence: phrase → places. Lazy, cached; the index is the trie-less
// equivalent of a trie: a phrase map plus, per first token, the longest phrase length to try.
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import { normalizeKey } from "../arabic/normalize.js";
import type { GazPlace, GazetteerFile } from "./types.js";

export interface Gazetteer {
  places: GazPlace[];
  /** normalized phrase (tokens joined by one space) → indices into places */
  byPhrase: Map<string, number[]>;
  /** first token → longest phrase (in tokens) starting with it */
  maxLen: Map<string, number>;
  /** phrase → 1 (needs a place cue) | 2 (needs a type noun) */
  cues: Map<string, 1 | 2>;
  byId: Map<string, GazPlace>;
  counts: Record<string, number>;
  /** the user overlay, if one was found; `error` when it could not be read (then it is skipped) */
  overlay: { path: string; places: number; error?: string } | null;
}

// HUDNA_GAZETTEER swaps in another built gazetteer (a frozen copy for output comparisons, a
// country other than Syria); the shipped one is the default.
export const BUILT_PATH = process.env.HUDNA_GAZETTEER
  ? resolve(process.env.HUDNA_GAZETTEER)
  : fileURLToPath(new URL("../../assets/geo/gazetteer.json", import.meta.url));
let overlayPath: string | null = resolve("data/gazetteer-extra.json");
/** An overlay the user named explicitly must load; the default one is skipped when broken. */
let overlayRequired = false;
let cached: Gazetteer | null = null;

/** Use another overlay file (null: none). Clears the cache. A named file must exist and parse. */
export function setOverlayPath(path: string | null, opts: { required?: boolean } = {}): void {
  overlayPath = path ? resolve(path) : null;
  overlayRequired = opts.required ?? false;
  cached = null;
}

/** Drop the cached gazetteer (after an import, or in tests). */
export function resetGazetteer(): void {
  cached = null;
}

/** Split a name into the tokens text matching produces (Arabic folded; Latin lower-cased). */
export function nameTokens(name: string): string[] {
  return normalizeKey(name)
    .replace(/[^\u0621-\u064a\u0660-\u0669a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
}

/** Spelling variants reports use for the same name (كفر نبل ~ كفرنبل). */
function variants(tokens: string[]): string[][] {
  const out = [tokens];
  const JOIN = new Set(["كفر", "دير", "تير", "بيت", "عين", "تل", "ابو", "ام"]);
  if (tokens.length >= 2 && JOIN.has(tokens[0]!)) out.push([tokens[0]! + tokens[1]!, ...tokens.slice(2)]);
  if (tokens[0]!.startsWith("كفر") && tokens[0]!.length > 4) out.push(["كفر", tokens[0]!.slice(3), ...tokens.slice(1)]);
  return out;
}

/**
 * A looser key for spellings reports vary: ظ/ض، ط/ت، ص/س, and the long-vowel letters ا و ي (and a
 * final ه) dropped inside words: "كفر باطنا" ~ "كفر بطنا"، "بيت ساوا" ~ "بيت سوا"، "مسرابه" ~ "مسرابا".
 * Used only after a type noun ("بلدة …"), where the next word is surely a place.
 */
export function looseKey(phrase: string): string {
  return phrase
    .split(" ")
    .map((w) => {
      const art = w.startsWith("ال") ? "ال" : "";
      let body = w.slice(art.length).replace(/ظ/g, "ض").replace(/ط/g, "ت").replace(/ص/g, "س").replace(/[ءئؤ]/g, "");
      body = body[0] + body.slice(1).replace(/[اويه]+$/, "").replace(/[اوي]/g, "");
      return art + body;
    })
    .join(" ");
}

const looseCache = new WeakMap<Gazetteer, Map<string, number[]>>();
/** Loose-spelling index of a gazetteer (built on first use). */
export function looseIndex(gaz: Gazetteer): Map<string, number[]> {
  let m = looseCache.get(gaz);
  if (m) return m;
  m = new Map();
  for (const [key, ids] of gaz.byPhrase) {
    if (/[a-z]/.test(key)) continue;
    const lk = looseKey(key);
    // too little left to tell names apart
    if (lk.replace(/(^| )ال/g, "$1").replace(/ /g, "").length < 3) continue;
    const l = m.get(lk);
    if (!l) m.set(lk, [...ids]);
    else for (const id of ids) if (!l.includes(id)) l.push(id);
  }
  looseCache.set(gaz, m);
  return m;
}

/** Every normalized phrase a place answers to: its names and their spelling variants. */
export function phraseKeys(p: GazPlace): string[] {
  const out = new Set<string>();
  for (const n of [p.name_ar, ...(p.ar ?? []), p.name, ...(p.en ?? [])]) {
    if (!n) continue;
    const toks = nameTokens(n);
    if (!toks.length) continue;
    for (const v of variants(toks)) out.add(v.join(" "));
  }
  return [...out];
}

function readFile(path: string): GazetteerFile {
  let raw: string;
  try {
    raw = readFileSync(path, "utf8");
  } catch (e) {
    throw new Error(`cannot read gazetteer ${path}: ${(e as Error).message}`);
  }
  let data: GazetteerFile;
  try {
    data = JSON.parse(raw) as GazetteerFile;
  } catch {
    throw new Error(`gazetteer ${path} is not valid JSON`);
  }
  if (!data || !Array.isArray(data.places)) throw new Error(`gazetteer ${path} has no "places" array`);
  return data;
}

export function buildIndex(files: GazetteerFile[], overlay: Gazetteer["overlay"] = null): Gazetteer {
  const places: GazPlace[] = [];
  const byPhrase = new Map<string, number[]>();
  const maxLen = new Map<string, number>();
  const cues = new Map<string, 1 | 2>();
  const byId = new Map<string, GazPlace>();
  const counts: Record<string, number> = {};
  for (const f of files) {
    for (const [k, v] of Object.entries(f.cues ?? {})) cues.set(k, v);
    for (const p of f.places) {
      if (!p || typeof p.name_ar !== "string" || !Number.isFinite(p.lat) || !Number.isFinite(p.lon)) continue;
      const idx = places.length;
      places.push(p);
      byId.set(p.id, p);
      counts[p.kind] = (counts[p.kind] ?? 0) + 1;
      // built entries carry their phrase keys (`k`, computed by the build script); overlay
      // entries are keyed here
      const keys = p.k ?? phraseKeys(p);
      for (const key of keys) {
        const list = byPhrase.get(key);
        if (!list) byPhrase.set(key, [idx]);
        else if (list[list.length - 1] !== idx) list.push(idx);
        const sp = key.indexOf(" ");
        const first = sp < 0 ? key : key.slice(0, sp);
        let len = 1;
        for (let c = sp; c >= 0; c = key.indexOf(" ", c + 1)) len++;
        if ((maxLen.get(first) ?? 0) < len) maxLen.set(first, len);
      }
      if (p.k) delete p.k;
    }
  }
  counts.total = places.length;
  counts.syrian = places.filter((p) => p.cc === "SY").length;
  return { places, byPhrase, maxLen, cues, byId, counts, overlay };
}

/** The built gazetteer plus the user overlay (./data/gazetteer-extra.json) when present. */
export function loadGazetteer(): Gazetteer {
  if (cached) return cached;
  const files = [readFile(BUILT_PATH)];
  let overlay: Gazetteer["overlay"] = null;
  if (overlayPath && overlayRequired && !existsSync(overlayPath)) throw new Error(`cannot read gazetteer overlay ${overlayPath}: no such file`);
  if (overlayPath && existsSync(overlayPath)) {
    try {
      const extra = readFile(overlayPath);
      files.push(extra);
      overlay = { path: overlayPath, places: extra.places.length };
    } catch (e) {
      if (overlayRequired) throw e;
      // a broken default overlay must not take the built gazetteer down with it
      overlay = { path: overlayPath, places: 0, error: (e as Error).message };
      process.emitWarning(`hudna: skipping gazetteer overlay: ${(e as Error).message}`);
    }
  }
  cached = buildIndex(files, overlay);
  return cached;
}
