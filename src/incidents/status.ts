// Airwars-style status of an incident, from its members (the events of all its reports):
// - contested: a party denies it (a denial event joined it, or an event of it has stance
//   "denied"), or the reports of an act of violence conflict on who did it (two accounts name
//   known actors with no name and no affiliation in common);
// - confirmed_by_party: the acting party itself claims or admits an act of violence (its official
//   voice is a source, e.g. the Russian MoD announcing its own strike, SANA the Syrian Army's);
// - corroborated: two or more independent sources (distinct attributed sources; a report that
//   attributes nothing counts as its outlet's own account);
// - single_source: otherwise.
// Precedence: contested > confirmed_by_party > corroborated > single_source.
import { VIOLENT_TYPES, type EventType, type Source } from "../model/index.js";
import { affiliationOf, isKnown, normName, sourceSpeaksFor } from "./parties.js";
import type { IncidentStatus, Member } from "./types.js";

/** The sources an account rests on: its attributed sources, else the outlet itself. */
export function accountSources(m: Member): Source[] {
  const named = m.event.sources.filter((s) => normName(s.name) !== "" && s.kind !== "outlet");
  if (named.length) return named;
  const outletSelf = m.event.sources.find((s) => s.kind === "outlet" && normName(s.name) !== "");
  if (outletSelf) return [outletSelf];
  if (m.outlet) return [{ name: m.outlet, kind: "outlet", text: "" }];
  return [{ name: `report:${m.reportId}`, kind: "unknown", text: "" }];
}

export function independentSourceCount(members: Member[]): number {
  const keys = new Set<string>();
  for (const m of members) {
    if (m.event.type === "denial") continue;
    for (const s of accountSources(m)) keys.add(normName(s.name) || s.name);
  }
  return keys.size;
}

const violent = (m: Member) => VIOLENT_TYPES.has(m.event.type as EventType);

// Who-did-it and who-admits-it only mean something for acts of violence: participants of a
// meeting or parties to an agreement are not "conflicting attributions".
function attributionConflict(members: Member[]): boolean {
  const accounts = members
    .filter((m) => violent(m) && m.event.stance !== "denied")
    // In a clash either side may be named first: compare both sides together.
    .map((m) => (m.event.type === "armed_clash" ? [...m.event.actors, ...m.event.targets] : m.event.actors).filter(isKnown))
    .filter((a) => a.length > 0);
  for (let i = 0; i < accounts.length; i++)
    for (let j = i + 1; j < accounts.length; j++) {
      const a = accounts[i]!;
      const b = accounts[j]!;
      const names = new Set(a.map((p) => normName(p.name)));
      const affs = new Set(a.map((p) => affiliationOf(p.name, p.country)).filter((x) => x !== null));
      const agree = b.some((p) => names.has(normName(p.name)) || affs.has(affiliationOf(p.name, p.country) ?? "\u0000"));
      if (!agree) return true;
    }
  return false;
}

export function isContested(members: Member[]): boolean {
  if (members.some((m) => m.event.type === "denial" || m.event.stance === "denied")) return true;
  return attributionConflict(members);
}

export function isConfirmedByParty(members: Member[]): boolean {
  return members.some(
    (m) =>
      violent(m) &&
      m.event.stance !== "denied" &&
      accountSources(m).some((s) => sourceSpeaksFor(s, m.event.actors)),
  );
}

export function statusOf(members: Member[]): IncidentStatus {
  if (isContested(members)) return "contested";
  if (isConfirmedByParty(members)) return "confirmed_by_party";
  if (independentSourceCount(members) >= 2) return "corroborated";
  return "single_source";
}
