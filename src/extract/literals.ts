// Which words of a fixed list (cues) occur in a text, found in one pass over the text instead of
// one `text.includes(word)` per word: a cue list of 80 words checked on every sentence was a top
// self-time entry. Same answer as `words.filter(w => text.includes(w))`.

/**
 * One Aho-Corasick automaton over the words: each character of the text is one table step, and a
 * state lists the words that end there (its own and those of its suffix states). Characters the
 * words do not use share class 0, which always leads back to the start. Same answer as
 * `words.filter(w => text.includes(w))` (occurrences may overlap; the empty word is in every text).
 */
export class LiteralSet {
  readonly words: string[];
  private readonly cls: Uint8Array;
  /** classes: 0 (any other character) and one per character the words use */
  private readonly width: number;
  /** next state by state × width + class */
  private readonly delta: Int32Array;
  /** words ending at state s: outWords[outFrom[s] .. outFrom[s + 1]) */
  private readonly outFrom: Int32Array;
  private readonly outWords: Int32Array;
  /** words found with includes: the empty word, or all of them when the words use too many characters */
  private readonly loose: number[] = [];
  private readonly seen: Uint8Array;

  constructor(words: string[]) {
    this.words = words;
    this.seen = new Uint8Array(words.length);
    const cls = new Uint8Array(65536);
    let width = 1;
    for (const w of words) for (let k = 0; k < w.length; k++) {
      const c = w.charCodeAt(k);
      if (cls[c] === 0 && width < 256) cls[c] = width++;
    }
    const tooMany = width >= 256;
    // the trie: children by class, words ending at each node
    const kids: Map<number, number>[] = [new Map()];
    const ends: number[][] = [[]];
    words.forEach((w, k) => {
      if (!w || tooMany) {
        this.loose.push(k);
        return;
      }
      let st = 0;
      for (let i = 0; i < w.length; i++) {
        const c = cls[w.charCodeAt(i)]!;
        let nx = kids[st]!.get(c);
        if (nx === undefined) {
          nx = kids.length;
          kids.push(new Map());
          ends.push([]);
          kids[st]!.set(c, nx);
        }
        st = nx;
      }
      ends[st]!.push(k);
    });
    // breadth first: fail links, full transitions, outputs along the fail chain
    const n = kids.length;
    const delta = new Int32Array(n * width);
    const fail = new Int32Array(n);
    const outs: number[][] = ends.map((e) => [...e]);
    const queue: number[] = [];
    for (const [c, nx] of kids[0]!) {
      delta[c] = nx;
      queue.push(nx);
    }
    for (let q = 0; q < queue.length; q++) {
      const st = queue[q]!;
      const f = fail[st]!;
      for (const k of outs[f]!) outs[st]!.push(k);
      for (let c = 0; c < width; c++) {
        const nx = kids[st]!.get(c);
        if (nx === undefined) delta[st * width + c] = delta[f * width + c]!;
        else {
          delta[st * width + c] = nx;
          fail[nx] = delta[f * width + c]!;
          queue.push(nx);
        }
      }
    }
    this.cls = cls;
    this.width = width;
    this.delta = delta;
    this.outFrom = new Int32Array(n + 1);
    const flat: number[] = [];
    for (let st = 0; st < n; st++) {
      this.outFrom[st] = flat.length;
      flat.push(...outs[st]!);
    }
    this.outFrom[n] = flat.length;
    this.outWords = Int32Array.from(flat);
  }

  /** The words occurring in `text`, in list order. */
  presentIn(text: string): string[] {
    return this.presentIndexes(text).map((k) => this.words[k]!);
  }

  /** Indexes of the words occurring in `text`, ascending. */
  presentIndexes(text: string): number[] {
    const { cls, width, delta, outFrom, outWords, seen, words } = this;
    let found = 0;
    for (const k of this.loose) if (seen[k] === 0 && text.includes(words[k]!)) (seen[k] = 1), found++;
    let st = 0;
    for (let i = 0; i < text.length; i++) {
      st = delta[st * width + cls[text.charCodeAt(i)]!]!;
      for (let q = outFrom[st]!, end = outFrom[st + 1]!; q < end; q++) {
        const k = outWords[q]!;
        if (seen[k] === 0) (seen[k] = 1), found++;
      }
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
  private readonly none: Record<K, string[]>;

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
    const none = {} as Record<K, string[]>;
    for (const k of this.keys) none[k] = Object.freeze([]) as unknown as string[];
    this.none = Object.freeze(none);
  }

  of(text: string): Readonly<Record<K, readonly string[]>> {
    if (text === this.lastText && this.lastAnswer) return this.lastAnswer;
    const found = this.set.presentIndexes(text);
    // most sentences hold no cue: one shared answer of empty (frozen) lists
    if (found.length === 0) {
      this.lastText = text;
      this.lastAnswer = this.none;
      return this.none;
    }
    const out = {} as Record<K, string[]>;
    for (const k of this.keys) out[k] = [];
    for (let q = 0; q < found.length; q++) {
      const i = found[q]!;
      out[this.groupOf[i]!].push(this.set.words[i]!);
    }
    this.lastText = text;
    this.lastAnswer = out;
    return out;
  }
}
