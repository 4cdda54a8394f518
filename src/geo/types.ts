// Shapes of the built gazetteer (assets/geo/gazetteer.json) and of zones.
import type { Place } from "../model/index.js";

export type GazKind =
  | "country" | "governorate" | "district" | "subdistrict" | "city" | "town" | "neighbourhood"
  | "camp" | "airbase" | "airport" | "crossing" | "dam" | "field" | "checkpoint" | "hill" | "site"
  | "region" | "rural" | "foreign_city";

/** One gazetteer entry, as stored (short optional fields keep the file small). */
export interface GazPlace {
  id: string;
  kind: GazKind;
  /** English name */
  name: string;
  /** Arabic name */
  name_ar: string;
  lat: number;
  lon: number;
  /** English governorate name for Syrian places; country name elsewhere; null for countries. */
  admin1: string | null;
  /** ISO alpha-2 country */
  cc: string;
  /** extra Arabic spellings */
  ar?: string[];
  /** extra English/Latin spellings */
  en?: string[];
  pop?: number;
  /** events naming it in UCDP GED Syria 2016–2019: a prior for ambiguous names */
  ev?: number;
  /** 1 = Arabic name derived by our transliteration (not from an Arabic source) */
  derived?: 1;
  /** countries: Arabic adjectives/demonyms (الروسي، الروسية، أتراك…) */
  adj?: string[];
  /** normalized phrase keys (written by the build script so loading needs no normalizing) */
  k?: string[];
  /** source key (see assets/geo/SOURCES.md) */
  src: string;
}

export interface GazetteerFile {
  version: number;
  built: string;
  counts: Record<string, number>;
  /**
   * Names (normalized) that need context: 1 = a place cue (في، قرب، بلدة…), 2 = a type noun
   * (بلدة، قرية، حي، مخيم…), because the word is common in prose. Absent = 0.
   */
  cues: Record<string, 1 | 2>;
  places: GazPlace[];
}

export interface ScoredPlace extends Place {
  score: number;
}

export interface PlaceMention {
  start: number;
  end: number;
  text: string;
  best: ScoredPlace;
  alternatives: ScoredPlace[];
  why?: string;
}

export interface ZoneProperties {
  id: string;
  name: string;
  name_ar: string;
  guarantors: string[];
  start: string | null;
  end: string | null;
  [k: string]: unknown;
}

export interface ZoneFeature {
  type: "Feature";
  properties: ZoneProperties;
  geometry: { type: "Polygon"; coordinates: number[][][] } | { type: "MultiPolygon"; coordinates: number[][][][] };
}
