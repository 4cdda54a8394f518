// Which words of a fixed list (cues) occur in a text, found in one pass over the text instead of
// one `text.includes(word)` per word: a cue list of 80 words checked on every sentence was a top
// self-time entry. Words are bucketed by their first two characters; at each text position only
// the words of that position's pair are compared. Same answer as `words.filter(w => text.includes(w))`.

/** Characters the words use get a small class each; every other character shares class 0. */
function classTable(words: string[]): { cls: Uint8Array; n: number } {
  const cls = new Uint8Array(65536);
  let n = 1;
  for (const w of words) {
    for (let k = 0; k < Math.min(2, w.length); k++) {
      const c = w.charCodeAt(k);
      if (cls[c] === 0 && n < 255) cls[c] = n++;
    }
  }
  return { cls, n };
}

export class LiteralSet {
  readonly words: string[];
  private readonly cls: Uint8Array;
  private readonly width: number;
  /** word indexes by pair (class of first char × width + class of second char): pairWords[pairFrom[p] .. pairFrom[p + 1]) */
  private readonly pairFrom: Int32Array;
  private readonly pairWords: Int32Array;
  /** words of one character, or those whose first two characters could not be classed */
  private readonly loose: number[] = [];
  private readonly seen: Uint8Array;

  constructor(words: string[]) {
    this.words = words;
    const { cls, n } = classTable(words);
    this.cls = cls;
    this.width = n;
    this.seen = new Uint8Array(words.length);
    const byPair: number[][] = Array.from({ length: n * n }, () => []);
    words.forEach((w, k) => {
      if (w.length < 2 || cls[w.charCodeAt(0)] === 0 || cls[w.charCodeAt(1)] === 0) {
        this.loose.push(k); // checked with includes ("" occurs in every text)
        return;
      }
      byPair[cls[w.charCodeAt(0)]! * n + cls[w.charCodeAt(1)]!]!.push(k);
    });
    this.pairFrom = new Int32Array(n * n + 1);
    const flat: number[] = [];
    byPair.forEach((ks, p) => {
      this.pairFrom[p] = flat.length;
      flat.push(...ks);
    });
    this.pairFrom[n * n] = flat.length;
    this.pairWords = Int32Array.from(flat);
  }

  /** The words occurring in `text`, in list order. */
  presentIn(text: string): string[] {
    return this.presentIndexes(text).map((k) => this.words[k]!);
  }

  /** Indexes of the words occurring in `text`, ascending. */
  presentIndexes(text: string): number[] {
    const { cls, width, pairFrom, pairWords, seen, words } = this;
    let found = 0;
    for (const k of this.loose) if (text.includes(words[k]!)) (seen[k] = 1), found++;
    const last = text.length - 1;
    let c0 = last >= 0 ? cls[text.charCodeAt(0)]! : 0;
    for (let i = 0; i < last; i++) {
      const c1 = cls[text.charCodeAt(i + 1)]!;
      if (c0 !== 0 && c1 !== 0) {
        const p = c0 * width + c1;
        for (let q = pairFrom[p]!, end = pairFrom[p + 1]!; q < end; q++) {
          const k = pairWords[q]!;
          if (seen[k] === 0 && text.startsWith(words[k]!, i)) (seen[k] = 1), found++;
        }
      }
      c0 = c1;
    }
    if (found === 0) return [];
    const out: number[] = [];
    for (let k = 0; k < words.length; k++) {
      if (seen[k] === 1) {
        out.push(k);
        seen[k] = 0;
      }
    }
    return out;
  }

  /** Does any word occur in `text`? */
  anyIn(text: string): boolean {
    return this.presentIndexes(text).length > 0;
  }
}

/**
 * Several cue lists looked up in one pass: `of(text)` gives each list's words occurring in text,
 * in list order. The answer for the last text is kept: a sentence's text is asked about by
 * classification, counts and the engine in turn.
 */
export class CueGroups<K extends string> {
  private readonly set: LiteralSet;
  private readonly groupOf: K[];
  private readonly keys: K[];
  private lastText: string | null = null;
  private lastAnswer: Record<K, string[]> | null = null;

  constructor(groups: Record<K, string[]>) {
    this.keys = Object.keys(groups) as K[];
    const words: string[] = [];
    this.groupOf = [];
    for (const k of this.keys) {
      for (const w of groups[k]) {
        words.push(w);
        this.groupOf.push(k);
      }
    }
    this.set = new LiteralSet(words);
  }

  of(text: string): Readonly<Record<K, readonly string[]>> {
    if (text === this.lastText && this.lastAnswer) return this.lastAnswer;
    const out = {} as Record<K, string[]>;
    for (const k of this.keys) out[k] = [];
    const found = this.set.presentIndexes(text);
    for (let q = 0; q < found.length; q++) {
      const i = found[q]!;
      out[this.groupOf[i]!].push(this.set.words[i]!);
    }
    this.lastText = text;
    this.lastAnswer = out;
    return out;
  }
}
