// The geo stage's active zones (the shipped 2017 de-escalation zones, or a `--zones FILE`) in the
// shape the zones table takes. Their ceasefire windows gate violations; the API lists them.
import { getZones } from "../geo/zones.js";
import type { ZoneInput } from "./index.js";

export function zonesFromGeo(): ZoneInput[] {
  return getZones().map((f) => ({
    id: f.properties.id,
    name: f.properties.name,
    name_ar: f.properties.name_ar || null,
    guarantors: f.properties.guarantors,
    start: f.properties.start,
    end: f.properties.end,
    geometry: f.geometry,
  }));
}
