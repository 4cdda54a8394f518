// Incidents: many reports' events → one incident each, with reconciled figures, status and zone
// violations. Pure logic; the store calls it inside each report's transaction.
export * from "./types.js";
export { matchIncident, mayMatch, typesCompatible, dateGap, isFine } from "./match.js";
export type { MatchOptions, MatchResult } from "./match.js";
export { reconcile, reconcileAll, selectFigures } from "./reconcile.js";
export { statusOf, isContested, isConfirmedByParty, independentSourceCount, accountSources } from "./status.js";
export { isViolation, violationsOf } from "./violations.js";
export type { ViolationSubject } from "./violations.js";
export { summarizeIncident, opensIncident, figureSource } from "./summarize.js";
export { partiesCompatible, affiliationOf, sourceSpeaksFor, normName, mergeParties } from "./parties.js";
export { distanceKm, dayNumber, addDays, bboxDegrees } from "./geo.js";
