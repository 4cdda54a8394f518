// The geo layer: gazetteer, Arabic toponym recognition/resolution, relative locations, zones.
// Pure after load. findPlaces(text) runs, per report:
//   normalizeWithMap → geoTokens (text.ts) → recognize (recognize.ts: longest phrase, clitics, cues)
//   → rankTogether (rank.ts: prior + document context) → relations (relative.ts) → zoneAt (zones.ts).
// The gazetteer (assets/geo/gazetteer.json) is built by scripts/build-gazetteer.ts; a user overlay
// (./data/gazetteer-extra.json, from `hudna gazetteer --import`) is loaded after it.
export type { ScoredPlace, PlaceMention, ZoneFeature, ZoneProperties, GazPlace, GazKind, GazetteerFile } from "./types.js";
export { findPlaces, toPlace, applyRelation, precisionOf } from "./find.js";
export { geocode, latinKey, type GeocodeResult } from "./geocode.js";
export { zoneAt, loadZonesFile, getZones, setZones, resetZones, compileZones, DEFAULT_ZONES_PATH } from "./zones.js";
export { loadGazetteer, setOverlayPath, resetGazetteer, BUILT_PATH, type Gazetteer } from "./gazetteer.js";
export { countryOf, type CountryRef } from "./countries.js";
export { haversineKm, bearingDeg, destination } from "./sphere.js";
