import { test } from "node:test";
import assert from "node:assert/strict";
import { matchIncident, mayMatch, type IncidentCandidate } from "../../src/incidents/index.js";
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

test("mayMatch drops only candidates that scoring would refuse anyway", () => {
  // Every combination of type, dates and place precision: where mayMatch says no, no match.
  const types = ["air_strike", "shelling", "armed_clash", "territory_change", "statement", "denial"] as const;
  const dates = ["2017-09-18", "2017-09-19", "2017-09-20", "2017-09-21", "2017-09-23"];
  const places = [PLACES.ariha, PLACES.arihaEast, PLACES.idlibGov];
  let kept = 0;
  let dropped = 0;
  for (const et of types) for (const ed of dates) for (const ep of places) {
    const ev = event({ id: "e1", type: et, actors: [], date: { start: ed, end: ed, precision: "day", text: "" }, locations: [ep] });
    for (const ct of types.filter((t) => t !== "denial")) for (const cd of dates) for (const cp of places) {
      const c = candidate({ type: ct, date_start: cd, date_end: cd, lat: cp.lat, lon: cp.lon, place: cp.name, place_ar: cp.name_ar, place_precision: cp.precision, actors: [] });
      if (mayMatch(ev, c)) kept++;
      else {
        dropped++;
        assert.equal(matchIncident(ev, [c], { reportId: "r1" }), null, `${et} ${ed} ${ep.name} vs ${ct} ${cd} ${cp.name}`);
      }
    }
  }
  assert.ok(kept > 0 && dropped > kept, `kept ${kept}, dropped ${dropped}`);
});

test("mayMatch: other type family, dates two days apart, or governorate vs town are refused", () => {
  const ev = event({ id: "e1" });
  assert.equal(mayMatch(ev, candidate()), true);
  assert.equal(mayMatch(ev, candidate({ type: "armed_clash" })), false);
  assert.equal(mayMatch(ev, candidate({ type: "shelling" })), true);
  assert.equal(mayMatch(ev, candidate({ date_start: "2017-09-22", date_end: "2017-09-22" })), false);
  assert.equal(mayMatch(ev, candidate({ place_precision: "governorate" })), false);
  assert.equal(mayMatch(event({ id: "e2", type: "denial" }), candidate({ type: "statement" })), false);
});
