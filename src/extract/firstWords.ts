// The words a lexicon entry can begin with, so a bucket's regex runs only where the text's word is
// one of them (most tries of a phrase like "مصدر ذاته" fail on its second word, at every "مصدر" of
// a report). Sound: when the filter says no, the regex cannot match there.
//
// A bucket regex matches ENTRY (?:ا)? (?![\p{L}]) at a word start, so the letter run from there is
// the entry's first word when the match has a space, else the whole match with or without a final
// "ا". The entry is expanded into every way its match can begin, up to its first space (what comes
// after is never read): Arabic letters, spaces, (?:…) groups, alternations, "?" and letter classes
// are understood; lookarounds are skipped (zero-width: skipping them only allows more); any other
// syntax before the first space means "unknown" (no filter for that entry's bucket).

/** Bound on the beginnings expanded per entry (a short phrase list has a few dozen). */
const CAP = 4096;
const known = new Map<string, Set<string> | null>();

/** Every letter run a match of the folded pattern can start with; null when unknown (no filter). */
export function firstWordsOf(folded: string): Set<string> | null {
  let f = known.get(folded);
  if (f !== undefined) return f;
  f = null;
  const xs = beginnings(folded);
  if (xs) {
    const out = new Set<string>();
    for (const x of xs) {
      const sp = x.indexOf(" ");
      if (sp === 0 || x === "") {
        out.clear();
        break; // a match that is empty or starts with a space is never ruled out
      }
      if (sp < 0) {
        out.add(x);
        out.add(x + "ا");
      } else out.add(x.slice(0, sp));
    }
    if (out.size) f = out;
  }
  known.set(folded, f);
  return f;
}

const isLetter = (c: number) => c >= 0x0621 && c <= 0x064a;
const spaced = (x: string) => x.includes(" ");

/** Each way a match can begin, cut after its first space (whole when it has none); null: unknown. */
function beginnings(p: string): string[] | null {
  let i = 0;
  let failed = false;
  const fail = (): string[] => {
    failed = true;
    return [];
  };
  /** Past one atom (a group with its nesting, a class, an escape or one character), unread. */
  function skipAtom(): void {
    const c = p[i];
    if (c === "\\") {
      i += p[i + 1] === "p" || p[i + 1] === "P" ? p.indexOf("}", i) + 1 || p.length : 2;
    } else if (c === "[") {
      let k = i + 1;
      while (k < p.length && p[k] !== "]") k += p[k] === "\\" ? 2 : 1;
      i = k + 1;
    } else if (c === "(") {
      let depth = 0;
      while (i < p.length) {
        const d = p[i];
        if (d === "\\") i += 2;
        else if (d === "[") skipAtom();
        else {
          if (d === "(") depth++;
          else if (d === ")" && --depth === 0) {
            i++;
            return;
          }
          i++;
        }
      }
    } else i++;
  }
  function skipQuantifier(): void {
    if (p[i] === "?" || p[i] === "*" || p[i] === "+") i++;
    else if (p[i] === "{") i = p.indexOf("}", i) + 1 || p.length;
    if (p[i] === "?") i++; // lazy
  }
  function alt(): string[] {
    const out: string[] = [];
    for (;;) {
      const s = seq();
      if (failed) return [];
      for (const x of s) out.push(x);
      if (out.length > CAP) return fail();
      if (p[i] !== "|") return out;
      i++;
    }
  }
  function seq(): string[] {
    let acc = [""];
    while (i < p.length && p[i] !== "|" && p[i] !== ")") {
      const look = p.startsWith("(?=", i) || p.startsWith("(?!", i) || p.startsWith("(?<=", i) || p.startsWith("(?<!", i);
      if (look || acc.every(spaced)) {
        // zero-width, or past the first space of every beginning: nothing here changes them
        skipAtom();
        skipQuantifier();
        continue;
      }
      let a = atom();
      if (failed) return [];
      const q = p[i];
      if (q === "?") {
        i++;
        if (p[i] === "?") i++;
        a = [...a, ""];
      } else if (q === "*" || q === "+" || q === "{") return fail();
      const next: string[] = [];
      for (const x of acc) {
        if (spaced(x)) next.push(x);
        else for (const y of a) next.push(cut(x + y));
      }
      if (next.length > CAP) return fail();
      acc = [...new Set(next)];
    }
    return acc;
  }
  function atom(): string[] {
    const c = p[i]!;
    if (c === "(") {
      if (!p.startsWith("(?:", i)) return fail(); // capturing groups are not lexicon syntax
      i += 3;
      const r = alt();
      if (failed || p[i] !== ")") return fail();
      i++;
      return r;
    }
    if (c === "[") {
      const close = p.indexOf("]", i + 1);
      const body = close < 0 ? "" : p.slice(i + 1, close);
      if (!body || [...body].some((ch) => !isLetter(ch.charCodeAt(0)))) return fail();
      i = close + 1;
      return [...body];
    }
    if (c === " " || isLetter(c.charCodeAt(0))) {
      i++;
      return [c];
    }
    return fail();
  }
  const r = alt();
  return failed || i !== p.length ? null : r;
}

/** Cut after the first space: what follows it is never read. */
function cut(x: string): string {
  const sp = x.indexOf(" ");
  return sp < 0 || sp === x.length - 1 ? x : x.slice(0, sp + 1);
}
