// Pure pieces of the server: query filters, cursors, week buckets, evidence spans.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseFilters } from "../../src/server/queries/filters.js";
import { decodeCursor, encodeCursor } from "../../src/server/queries/cursor.js";
import { weekStart } from "../../src/server/queries/zones.js";
import { evidenceIn } from "../../src/server/queries/incident-detail.js";
import { HttpError } from "../../src/server/errors.js";

const is400 = (fn: () => unknown) => assert.throws(fn, (e: unknown) => e instanceof HttpError && e.statusCode === 400);

test("filters: comma lists, dates, bbox", () => {
  assert.deepEqual(parseFilters({ type: "air_strike, shelling,", zone: "idlib", min_killed: 0 }), {
    types: ["air_strike", "shelling"],
    zone: "idlib",
    minKilled: 0,
  });
  assert.deepEqual(parseFilters({ bbox: "35.5,34.8,37.5,36.5" }).bbox, [35.5, 34.8, 37.5, 36.5]);
  assert.deepEqual(parseFilters({}), {});
  is400(() => parseFilters({ type: " , " }));
  is400(() => parseFilters({ from: "2017-02-30x" }));
  is400(() => parseFilters({ from: "2017-09-02", to: "2017-09-01" }));
  is400(() => parseFilters({ bbox: "a,b,c,d" }));
  is400(() => parseFilters({ bbox: "36,35,35,36" }));
  is400(() => parseFilters({ bbox: "-200,0,0,10" }));
  is400(() => parseFilters({ status: Array(21).fill("x").join(",") }));
});

test("cursors round-trip, carry their sort, and reject anything else", () => {
  const c = { sort: "-killed" as const, key: 12, id: "inc_1" };
  assert.deepEqual(decodeCursor(encodeCursor(c), "-killed"), c);
  const nul = { sort: "date" as const, key: null, id: "inc_2" };
  assert.deepEqual(decodeCursor(encodeCursor(nul), "date"), nul);
  is400(() => decodeCursor(encodeCursor(c), "date"));
  is400(() => decodeCursor("%%%", "date"));
  is400(() => decodeCursor(Buffer.from('["date",5,"x"]').toString("base64url"), "date"));
  is400(() => decodeCursor(Buffer.from('["killed","5","x"]').toString("base64url"), "killed"));
  is400(() => decodeCursor(Buffer.from('{"a":1}').toString("base64url"), "date"));
});

test("weeks start on Monday (ISO)", () => {
  assert.equal(weekStart("2017-08-10"), "2017-08-07"); // Thursday
  assert.equal(weekStart("2017-08-07"), "2017-08-07"); // Monday
  assert.equal(weekStart("2017-08-13"), "2017-08-07"); // Sunday
  assert.equal(weekStart("2018-01-01"), "2018-01-01");
  assert.equal(weekStart("2017-01-01"), "2016-12-26"); // across the year
});

test("evidence spans: mapped text offsets win, out-of-range spans keep only their quote", () => {
  const text = "قال ناشطون إن قذيفة سقطت على السوق.";
  const q = "قذيفة سقطت";
  const at = text.indexOf(q);
  assert.deepEqual(evidenceIn(text, [{ start: 100, end: 110, text_start: at, text_end: at + q.length }]), [{ start: at, end: at + q.length, quote: q }]);
  assert.deepEqual(evidenceIn(text, [{ start: at, end: at + q.length }]), [{ start: at, end: at + q.length, quote: q }]);
  assert.deepEqual(evidenceIn(text, [{ start: 5, end: 500, quote: "x" }]), [{ start: -1, end: -1, quote: "x" }]);
  assert.deepEqual(evidenceIn(text, [{ start: 5, end: 500 }]), []);
});
