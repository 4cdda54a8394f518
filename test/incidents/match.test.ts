import { test } from "node:test";
import assert from "node:assert/strict";
import { matchIncident, type IncidentCandidate } from "../../src/incidents/index.js";
import { event, PARTIES, PLACES } from "./fixtures.js";

function candidate(over: Partial<IncidentCandidate> = {}): IncidentCandidate {
  return {
    id: "inc_a",
    type: "air_strike",
    date_start: "2017-09-20",
    date_end: "2017-09-20",
    lat: PLACES.ariha.lat,
    lon: PLACES.ariha.lon,
    place: "Ariha",
    place_ar: "أريحا",
    place_precision: "town",
    admin1: "Idlib",
    actors: [PARTIES.russianAF],
    targets: [],
    reportIds: ["r0"],
    eventIds: ["e0"],
    ...over,
  };
}

test("the same strike told again (a point 1.5 km away, a day later) matches", () => {
  const ev = event({ id: "e1", locations: [PLACES.arihaEast], date: { start: "2017-09-21", end: "2017-09-21", precision: "day", text: "اليوم" } });
  const m = matchIncident(ev, [candidate()], { reportId: "r1" });
  assert.equal(m?.candidate.id, "inc_a");
});

test("a town 17 km away does not match", () => {
  const ev = event({ id: "e1", locations: [PLACES.saraqib] });
  assert.equal(matchIncident(ev, [candidate()], { reportId: "r1" }), null);
});

test("dates two days apart do not match; unknown dates never match", () => {
  const far = event({ id: "e1", date: { start: "2017-09-22", end: "2017-09-22", precision: "day", text: "" } });
  assert.equal(matchIncident(far, [candidate()], { reportId: "r1" }), null);
  const none = event({ id: "e2", date: { start: null, end: null, precision: "unknown", text: "" } });
  assert.equal(matchIncident(none, [candidate()], { reportId: "r1" }), null);
});

test("a month-wide date is too vague to merge", () => {
  const ev = event({ id: "e1", date: { start: "2017-09-01", end: "2017-09-30", precision: "month", text: "خلال أيلول" } });
  assert.equal(matchIncident(ev, [candidate()], { reportId: "r1" }), null);
});

test("shelling and an air strike are the same family; a meeting is not", () => {
  assert.ok(matchIncident(event({ id: "e1", type: "shelling" }), [candidate()], { reportId: "r1" }));
  assert.equal(matchIncident(event({ id: "e2", type: "meeting" }), [candidate()], { reportId: "r1" }), null);
});

test("parties of opposite camps do not merge; Syrian and Russian aircraft may", () => {
  assert.equal(matchIncident(event({ id: "e1", type: "shelling", actors: [PARTIES.rebels] }), [candidate()], { reportId: "r1" }), null);
  assert.ok(matchIncident(event({ id: "e2", actors: [PARTIES.syrianAF] }), [candidate()], { reportId: "r1" }));
});

test("an incident never takes a second event of the same report", () => {
  assert.equal(matchIncident(event({ id: "e1" }), [candidate()], { reportId: "r0" }), null);
});

test("the nearest of two candidates wins", () => {
  const near = candidate({ id: "near", lat: PLACES.arihaEast.lat, lon: PLACES.arihaEast.lon, place: "Ariha east" });
  const far = candidate({ id: "far", lat: 35.84, lon: 36.62, place: "somewhere" });
  const m = matchIncident(event({ id: "e1", locations: [PLACES.arihaEast] }), [far, near], { reportId: "r1" });
  assert.equal(m?.candidate.id, "near");
});

test("governorate-level places merge only on the same day with a shared actor", () => {
  const gov = candidate({ place: "Idlib Governorate", place_precision: "governorate", lat: 35.8, lon: 36.6 });
  assert.ok(matchIncident(event({ id: "e1", locations: [PLACES.idlibGov] }), [gov], { reportId: "r1" }));
  assert.equal(matchIncident(event({ id: "e2", locations: [PLACES.idlibGov], actors: [] }), [gov], { reportId: "r1" }), null);
  // fine vs coarse never merge
  assert.equal(matchIncident(event({ id: "e3" }), [gov], { reportId: "r1" }), null);
});

test("a denial joins the incident of the claim it disputes, even from the same report", () => {
  const denial = event({ id: "d1", type: "denial", stance: "denied", actors: [PARTIES.russianMoD], disputes: ["e0"] });
  const m = matchIncident(denial, [candidate()], { reportId: "r0", disputedEventIds: ["e0"] });
  assert.equal(m?.candidate.id, "inc_a");
});

test("a denial without disputes matches by place, time and the denying party", () => {
  const denial = event({ id: "d1", type: "denial", stance: "denied", actors: [PARTIES.russianMoD] });
  assert.equal(matchIncident(denial, [candidate()], { reportId: "r1" })?.candidate.id, "inc_a");
  const rebelsDeny = event({ id: "d2", type: "denial", stance: "denied", actors: [PARTIES.rebels] });
  assert.equal(matchIncident(rebelsDeny, [candidate()], { reportId: "r1" }), null);
});

test("two places sharing a name far apart do not match", () => {
  const ev = event({ id: "e1", locations: [{ ...PLACES.raqqa, name: "Ariha", name_ar: "أريحا" }] });
  assert.equal(matchIncident(ev, [candidate()], { reportId: "r1" }), null);
});

test("a denial without a disputes link never attaches to a meeting", () => {
  const denial = event({ id: "d1", type: "denial", stance: "denied", actors: [] });
  assert.equal(matchIncident(denial, [candidate({ type: "meeting" })], { reportId: "r1" }), null);
});
