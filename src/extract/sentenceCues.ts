// The literal cue lists asked about every sentence (modality, background, hedges, aggregate
// periods, still-rising tolls), found in one pass over the sentence instead of one per list.
import { normalizeKey } from "../arabic/normalize.js";
import { CueGroups } from "./literals.js";
import { AGGREGATE_PERIOD, BACKGROUND_CUES, HEDGE, MODALITY, STILL_RISING } from "./lexicon/cues.js";

const CUES = new CueGroups({
  modal: MODALITY.map(normalizeKey),
  bg: BACKGROUND_CUES.map(normalizeKey),
  hedge: HEDGE.map(normalizeKey),
  agg: AGGREGATE_PERIOD.map(normalizeKey),
  rising: STILL_RISING.map(normalizeKey),
});

/** Each cue list's words occurring in a (normalized) sentence text, in list order. */
export function sentenceCues(text: string) {
  return CUES.of(text);
}
