import { test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_STATE, formatState, listChanged, parseMapView, parseState, tokenList, typeList } from "../../web/src/state.js";

test("an empty query string is the default state, and formats back to nothing", () => {
  assert.deepEqual(parseState(""), DEFAULT_STATE);
  assert.equal(formatState(DEFAULT_STATE), "");
});

test("the whole view round-trips through the URL", () => {
  const s = parseState("?lang=en&zone=idlib&type=air_strike&status=contested&source=monitor&from=2017-09-01&to=2017-09-30&sort=killed_desc&cursor=abc_1&inc=inc_0123456789abcdef&map=7.50/35.8600/36.8000");
  assert.equal(s.lang, "en");
  assert.equal(s.zone, "idlib");
  assert.equal(s.type, "air_strike");
  assert.equal(s.status, "contested");
  assert.equal(s.source, "monitor");
  assert.equal(s.from, "2017-09-01");
  assert.equal(s.to, "2017-09-30");
  assert.equal(s.sort, "killed_desc");
  assert.equal(s.cursor, "abc_1");
  assert.equal(s.inc, "inc_0123456789abcdef");
  assert.deepEqual(s.map, { zoom: 7.5, lat: 35.86, lon: 36.8 });
  assert.deepEqual(parseState(formatState(s)), s);
});

test("hand-edited or hostile values are dropped, not trusted", () => {
  const s = parseState("?lang=fr&zone=%3Cscript%3E&from=2017-13-45&to=yesterday&sort=DROP&inc=a%20b&map=99/0/0");
  assert.equal(s.lang, "ar");
  assert.equal(s.zone, null);
  assert.equal(s.from, null);
  assert.equal(s.to, null);
  assert.equal(s.sort, "date_desc");
  assert.equal(s.inc, null);
  assert.equal(s.map, null);
});

test("a reversed date range is put in order", () => {
  const s = parseState("?from=2017-10-01&to=2017-09-01");
  assert.equal(s.from, "2017-09-01");
  assert.equal(s.to, "2017-10-01");
});

test("Arabic zone ids are accepted as tokens", () => {
  assert.equal(parseState(`?zone=${encodeURIComponent("منطقة-١")}`).zone, "منطقة-١");
});

test("map views parse within bounds only", () => {
  assert.deepEqual(parseMapView("5/34.5/38"), { zoom: 5, lat: 34.5, lon: 38 });
  assert.equal(parseMapView("5/91/38"), null);
  assert.equal(parseMapView("5/34/181"), null);
  assert.equal(parseMapView("five/34/38"), null);
});

test("listChanged: selection, language and map moves don't refetch the list", () => {
  const a = parseState("?zone=idlib");
  assert.equal(listChanged(a, { ...a, inc: "x", lang: "en", map: { zoom: 6, lat: 35, lon: 37 } }), false);
  assert.equal(listChanged(a, { ...a, zone: "south" }), true);
  assert.equal(listChanged(a, { ...a, cursor: "c" }), true);
});

test("several event types: one sorted, deduplicated comma list in the URL", () => {
  const s = parseState("?type=shelling,air_strike,shelling");
  assert.equal(s.type, "air_strike,shelling");
  assert.deepEqual(typeList(s), ["air_strike", "shelling"]);
  assert.equal(formatState(s), "?type=air_strike,shelling");
  assert.deepEqual(parseState(formatState(s)), s);
  // Repeated keys count too; hostile items are dropped, the good ones kept.
  assert.equal(parseState("?type=shelling&type=%3Cb%3E,armed_clash").type, "armed_clash,shelling");
  assert.equal(parseState("?type=,,").type, null);
  assert.equal(tokenList("a,b,c", 2), "a,b");
  assert.deepEqual(typeList(DEFAULT_STATE), []);
});
