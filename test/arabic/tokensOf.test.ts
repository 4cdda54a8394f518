import { test } from "node:test";
import assert from "node:assert/strict";
import { tokensOf } from "../../src/arabic/tokenize.js";
import { geoTokens } from "../../src/geo/text.js";

// Tokens are made by constructors (see tokenize.ts and geo/text.ts: it keeps V8 from moving every
// token to the old generation); they must look exactly like the plain objects they replaced.
test("scan tokens have the same own properties, in order, as before", () => {
  const toks = tokensOf("قُتل 5 مدنيين، أمس.");
  assert.deepEqual(toks.map((t) => Object.keys(t)), toks.map(() => ["text", "start", "end", "norm", "kind"]));
  assert.deepEqual({ ...toks[0]! }, { text: "قُتل", start: 0, end: 4, norm: "قتل", kind: "word" });
  assert.deepEqual({ ...toks[1]! }, { text: "5", start: 5, end: 6, norm: "5", kind: "number" });
  assert.deepEqual({ ...toks[3]! }, { text: "،", start: 13, end: 14, norm: "،", kind: "punct" });
});

test("geo tokens: s, e, t, gap; digit tokens also num", () => {
  const toks = geoTokens("على بعد 40 كم، شرق حلب");
  assert.deepEqual(Object.keys(toks[0]!), ["s", "e", "t", "gap"]);
  assert.deepEqual({ ...toks[2]! }, { s: 8, e: 10, t: "40", gap: "", num: 40 });
  assert.deepEqual({ ...toks[4]! }, { s: 15, e: 18, t: "شرق", gap: "،" });
  assert.equal(toks[0]!.num, undefined);
});
