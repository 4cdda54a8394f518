import { test } from "node:test";
import assert from "node:assert/strict";
import { isViolation, violationsOf } from "../../src/incidents/index.js";
import { PARTIES } from "./fixtures.js";

const idlib = { id: "idlib", start: "2017-09-15", end: "2018-09-17" };
const inc = { type: "air_strike", zone: "idlib", date_start: "2017-09-20", actors: [PARTIES.russianAF, PARTIES.syrianAF] };

test("a strike inside the zone during its ceasefire is one violation per acting party", () => {
  assert.equal(isViolation(inc, idlib), true);
  const v = violationsOf(inc, idlib);
  assert.deepEqual(
    v.map((x) => [x.zone_id, x.date, x.party, x.type]),
    [
      ["idlib", "2017-09-20", "Russian Air Force", "air_strike"],
      ["idlib", "2017-09-20", "Syrian Air Force", "air_strike"],
    ],
  );
});

test("before the ceasefire began or after it ended: no violation", () => {
  assert.equal(isViolation({ ...inc, date_start: "2017-09-14" }, idlib), false);
  assert.equal(isViolation({ ...inc, date_start: "2018-09-18" }, idlib), false);
  assert.equal(isViolation({ ...inc, date_start: "2017-09-15" }, idlib), true);
});

test("non-violent types, no zone, or no date: no violation", () => {
  assert.equal(isViolation({ ...inc, type: "meeting" }, idlib), false);
  assert.equal(isViolation({ ...inc, type: "humanitarian" }, idlib), false);
  assert.equal(isViolation({ ...inc, zone: null }, undefined), false);
  assert.equal(isViolation({ ...inc, date_start: null }, idlib), false);
});

test("a zone not in the zones table: extraction's date-aware zone is trusted", () => {
  assert.equal(isViolation({ ...inc, zone: "south" }, undefined), true);
});

test("no named actor: one violation by 'unknown'", () => {
  const v = violationsOf({ ...inc, actors: [] }, idlib);
  assert.deepEqual(v.map((x) => x.party), ["unknown"]);
});
