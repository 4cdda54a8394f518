// Zone violations: an incident of a violent type (VIOLENT_TYPES) inside a monitored zone, dated
// within that zone's ceasefire (start..end inclusive), counts as one violation of the zone on the
// incident's date per acting party ("unknown" when no report names one). The place's `zone` comes
// from extraction (already date-aware); the zone window is checked again here so an incident dated
// before the truce began, or after it ended, is never counted.
import { VIOLENT_TYPES, type EventType, type Party } from "../model/index.js";
import { isKnown } from "./parties.js";
import type { ViolationRecord, ZoneWindow } from "./types.js";

export interface ViolationSubject {
  type: string;
  zone: string | null;
  date_start: string | null;
  actors: Party[];
}

/**
 * `zone` is the zone's window, or undefined when the zone is not in the zones table (then the
 * extraction's date-aware zone is trusted).
 */
export function isViolation(inc: ViolationSubject, zone: ZoneWindow | undefined): boolean {
  if (!VIOLENT_TYPES.has(inc.type as EventType)) return false;
  if (!inc.zone || !inc.date_start) return false;
  if (zone) {
    if (zone.id !== inc.zone) return false;
    const day = inc.date_start.slice(0, 10);
    if (zone.start && day < zone.start.slice(0, 10)) return false;
    if (zone.end && day > zone.end.slice(0, 10)) return false;
  }
  return true;
}

/** The violation rows of an incident (empty when it is no violation). */
export function violationsOf(inc: ViolationSubject, zone: ZoneWindow | undefined): ViolationRecord[] {
  if (!isViolation(inc, zone)) return [];
  const parties = inc.actors.filter((p) => isKnown(p));
  const list = parties.length ? parties : [{ name: "unknown", name_ar: "", kind: "unknown" as const }];
  const seen = new Set<string>();
  const out: ViolationRecord[] = [];
  for (const p of list) {
    if (seen.has(p.name)) continue;
    seen.add(p.name);
    out.push({ zone_id: inc.zone!, date: inc.date_start!.slice(0, 10), party: p.name, party_kind: p.kind, type: inc.type });
  }
  return out;
}
