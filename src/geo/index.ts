// The geo layer: gazetteer, Arabic toponym recognition/resolution, relative locations, zones.
export type { ScoredPlace, PlaceMention, ZoneFeature, ZoneProperties, GazPlace, GazKind, GazetteerFile } from "./types.js";
export { findPlaces, toPlace, applyRelation, precisionOf } from "./find.js";
export { geocode, type GeocodeResult } from "./geocode.js";
export { zoneAt, loadZonesFile, getZones, setZones, resetZones, compileZones, DEFAULT_ZONES_PATH } from "./zones.js";
export { loadGazetteer, setOverlayPath, resetGazetteer, BUILT_PATH, type Gazetteer } from "./gazetteer.js";
export { countryOf, type CountryRef } from "./countries.js";
export { haversineKm, bearingDeg, destination } from "./sphere.js";
