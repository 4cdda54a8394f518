// The parties of an incident row (`actors`, `targets`: JSON text). A row written by hand or by an
// older version may hold anything there: unreadable text is no parties, not an error.
import type { Party } from "../model/index.js";

export function parseParties(json: string): Party[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? (v as Party[]) : [];
  } catch {
    return [];
  }
}
