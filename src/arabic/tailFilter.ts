// A quick "certainly not" for set lookups of word tokens: most words of a text are in no small word
// set, and telling them apart by their last two characters needs no string hashing. Only the last
// two code units count, so a suffix of a word (a word with a clitic cut off) is answered by the
// word's own bin whenever the suffix keeps two characters.

const bin = (s: string, L: number) => ((s.charCodeAt(L - 2) & 127) << 7) | (s.charCodeAt(L - 1) & 127);

export class TailFilter {
  private readonly bins = new Uint8Array(1 << 14);
  /** some word is shorter than two characters: those are never ruled out */
  private readonly short: boolean;

  constructor(words: Iterable<string>) {
    let short = false;
    for (const w of words) {
      if (w.length < 2) short = true;
      else this.bins[bin(w, w.length)] = 1;
    }
    this.short = short;
  }

  /** False only when neither s nor any suffix of s of two characters or more is one of the words. */
  mayEndWord(s: string): boolean {
    const L = s.length;
    if (L < 2) return true;
    return this.short || this.bins[bin(s, L)] === 1;
  }
}
