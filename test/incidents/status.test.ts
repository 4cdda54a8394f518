import { test } from "node:test";
import assert from "node:assert/strict";
import { statusOf, independentSourceCount, summarizeIncident } from "../../src/incidents/index.js";
import { count, event, member, PARTIES, PLACES, SOURCES } from "./fixtures.js";

test("one report citing one source is single_source", () => {
  assert.equal(statusOf([member(event({ id: "e1", sources: [SOURCES.sohr] }), "r1", "Enab Baladi")]), "single_source");
});

test("SANA and SOHR reporting the same strike: corroborated", () => {
  const ms = [
    member(event({ id: "e1", actors: [], sources: [SOURCES.sana], fatalities: count(5) }), "r1", "SANA"),
    member(event({ id: "e2", sources: [SOURCES.sohr], fatalities: count(12) }), "r2", "Al-Quds al-Arabi"),
  ];
  assert.equal(independentSourceCount(ms), 2);
  assert.equal(statusOf(ms), "corroborated");
  const s = summarizeIncident(ms);
  assert.deepEqual(s.killed, { low: 5, best: 5, high: 12 });
  assert.equal(s.report_count, 2);
  assert.equal(s.zone, "idlib");
});

test("two outlets repeating the same monitor are not independent", () => {
  const ms = [
    member(event({ id: "e1", sources: [SOURCES.sohr] }), "r1", "Outlet A"),
    member(event({ id: "e2", sources: [SOURCES.sohr] }), "r2", "Outlet B"),
  ];
  assert.equal(statusOf(ms), "single_source");
});

test("two outlets with no attribution are two sources", () => {
  const ms = [member(event({ id: "e1" }), "r1", "Outlet A"), member(event({ id: "e2" }), "r2", "Outlet B")];
  assert.equal(statusOf(ms), "corroborated");
});

test("a denial makes it contested, and the denial never defines the incident", () => {
  const ms = [
    member(event({ id: "e1", sources: [SOURCES.sohr], fatalities: count(12) }), "r1"),
    member(event({ id: "d1", type: "denial", stance: "denied", actors: [PARTIES.russianMoD], sources: [SOURCES.russianMoD], fatalities: count(0) }), "r2"),
  ];
  assert.equal(statusOf(ms), "contested");
  const s = summarizeIncident(ms);
  assert.equal(s.type, "air_strike");
  assert.deepEqual(s.killed, { low: 12, best: 12, high: 12 });
  assert.equal(s.source_count, 1);
});

test("conflicting attribution (Russian vs Syrian aircraft) is contested", () => {
  const ms = [
    member(event({ id: "e1", actors: [PARTIES.russianAF], sources: [SOURCES.sohr] }), "r1"),
    member(event({ id: "e2", actors: [PARTIES.syrianAF], sources: [SOURCES.activists] }), "r2"),
  ];
  assert.equal(statusOf(ms), "contested");
});

test("the acting party announcing its own strike: confirmed_by_party", () => {
  const ms = [member(event({ id: "e1", actors: [PARTIES.russianAF], targets: [PARTIES.hts], sources: [SOURCES.russianMoD] }), "r1")];
  assert.equal(statusOf(ms), "confirmed_by_party");
});

test("state media reporting its own army's shelling: confirmed_by_party (outlet as the source)", () => {
  const ms = [member(event({ id: "e1", type: "shelling", actors: [PARTIES.syrianArmy], locations: [PLACES.douma] }), "r1", "SANA")];
  assert.equal(statusOf(ms), "confirmed_by_party");
});

test("a clash told with the sides swapped is not a conflict", () => {
  const ms = [
    member(event({ id: "e1", type: "armed_clash", actors: [PARTIES.syrianArmy], targets: [PARTIES.hts], sources: [SOURCES.sohr] }), "r1"),
    member(event({ id: "e2", type: "armed_clash", actors: [PARTIES.hts], targets: [PARTIES.syrianArmy], sources: [SOURCES.activists] }), "r2"),
  ];
  assert.equal(statusOf(ms), "corroborated");
});

test("the most precise place and date win", () => {
  const ms = [
    member(event({ id: "e1", locations: [PLACES.idlibGov], date: { start: "2017-09-18", end: "2017-09-24", precision: "week", text: "" } }), "r1"),
    member(event({ id: "e2", locations: [PLACES.arihaEast] }), "r2"),
  ];
  const s = summarizeIncident(ms);
  assert.equal(s.place, "Ariha east");
  assert.equal(s.place_precision, "point");
  assert.equal(s.date_start, "2017-09-20");
  assert.equal(s.date_precision, "day");
});

test("a meeting reported by a participant's media is not 'confirmed_by_party', nor contested by differing participants", () => {
  const ms = [
    member(event({ id: "e1", type: "meeting", actors: [PARTIES.russianMoD], sources: [SOURCES.russianMoD] }), "r1"),
    member(event({ id: "e2", type: "meeting", actors: [PARTIES.hts], sources: [SOURCES.activists] }), "r2"),
  ];
  assert.equal(statusOf(ms), "corroborated");
});

test("the incident's date is the one most accounts give, not the union of all", () => {
  const day = (d: string) => ({ start: d, end: d, precision: "day" as const, text: "" });
  const ms = [
    member(event({ id: "e1", date: day("2017-09-20") }), "r1"),
    member(event({ id: "e2", date: day("2017-09-21") }), "r2"),
    member(event({ id: "e3", date: day("2017-09-21") }), "r3"),
  ];
  const s = summarizeIncident(ms);
  assert.equal(s.date_start, "2017-09-21");
  assert.equal(s.date_end, "2017-09-21");
});
