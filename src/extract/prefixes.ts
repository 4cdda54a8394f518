// The first K (= 3) characters a lexicon pattern can start with, as a SOUND over-approximation: a
// pattern can only match at a position whose first two characters are in its set. Used to give
// each lexicon bucket a sub-regex per second character holding only the entries that can match
// there, so the big alternations are not tried (and fail) at almost every word start. Three, not
// two: "(?:ال)?" makes "ال" a possible start of most entries; the third letter tells them apart.
//
// Strings in the set have length 0–K; "*" stands for any one character; a string shorter than K
// means the pattern can end there (anything may follow). Unknown syntax becomes "*", never less.
export const ANY2 = "*";
export const K = 3;

function concat(a: Set<string>, b: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const x of a) {
    if (x.length >= K) out.add(x);
    else for (const y of b) out.add((x + y).slice(0, K));
  }
  return out;
}

/** Prefix set of a folded pattern (the regex subset the lexicons use). */
export function firstChars(p: string): Set<string> {
  let i = 0;
  function alt(): Set<string> {
    const out = new Set<string>();
    for (;;) {
      seq().forEach((x) => out.add(x));
      if (p[i] === "|") {
        i++;
        continue;
      }
      return out;
    }
  }
  function seq(): Set<string> {
    let out = new Set<string>([""]);
    while (i < p.length && p[i] !== "|" && p[i] !== ")") {
      let a = atom();
      const q = p[i];
      if (q === "?") {
        i++;
        if (p[i] === "?") i++;
        a = new Set<string>(["", ...a]); // optional: zero or one copy
      } else if (q === "*" || q === "+" || q === "{") {
        if (q === "{") i = p.indexOf("}", i) + 1;
        else i++;
        if (p[i] === "?") i++; // lazy quantifier
        // any repetition count: "", and 1..K copies (K copies fill K characters; more add nothing)
        const reps = new Set<string>(["", ...a]);
        let pow = a;
        for (let r = 2; r <= K; r++) {
          pow = concat(pow, a);
          pow.forEach((x) => reps.add(x));
        }
        a = reps;
      }
      out = concat(out, a);
    }
    return out;
  }
  function atom(): Set<string> {
    const c = p[i]!;
    if (c === "(") {
      if (p.startsWith("(?:", i)) i += 3;
      else if (p.startsWith("(?=", i) || p.startsWith("(?!", i) || p.startsWith("(?<=", i) || p.startsWith("(?<!", i)) {
        i += p[i + 2] === "<" ? 4 : 3;
        alt();
        i++;
        return new Set([""]); // zero-width
      } else i += 1;
      const f = alt();
      i++; // ")"
      return f;
    }
    if (c === "[") {
      let close = p.indexOf("]", i + 1);
      while (close > 0 && p[close - 1] === "\\") close = p.indexOf("]", close + 1);
      const body = p.slice(i + 1, close);
      i = close + 1;
      if (body.startsWith("^") || body.includes("\\") || body.includes("-") || !body) return new Set([ANY2]);
      return new Set(body.split(""));
    }
    if (c === "\\") {
      const m = /^\\[pP]\{[^}]+\}|^\\./u.exec(p.slice(i))!;
      i += m[0].length;
      if (m[0] === "\\b" || m[0] === "\\B") return new Set([""]);
      return new Set([ANY2]);
    }
    if (c === "^" || c === "$") {
      i++;
      return new Set([""]);
    }
    i++;
    return new Set([c === "." ? ANY2 : c]);
  }
  return alt();
}

/** Whether a pattern with prefix set `ps` can match where the text reads `chars` (its next K characters, fewer at the end). */
export function mayStartWith(ps: Set<string>, chars: string): boolean {
  outer: for (const x of ps) {
    for (let k = 0; k < x.length; k++) {
      if (k >= chars.length) continue outer; // the pattern needs a character the text does not have
      if (x[k] !== ANY2 && x[k] !== chars[k]) continue outer;
    }
    return true;
  }
  return false;
}
