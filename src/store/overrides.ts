// Analyst corrections that stick. The correction path (PATCH /api/incidents/:id) writes the
// incident's fields itself and, in the same transaction, calls `pinOverrides` so the store
// remembers which fields a person set. Every later recomputation (a report merging in, a reprocess) reconciles as usual —
// incident_figures keeps every new figure — and then `applyOverrides` puts the corrected values
// back, so a correction holds until an analyst changes it again.
import type { Kysely } from "kysely";
import type { Database } from "./schema.js";

/** Fields a correction may pin. */
export const OVERRIDABLE = ["status", "killed_low", "killed_best", "killed_high", "injured_low", "injured_best", "injured_high"] as const;
export type OverrideField = (typeof OVERRIDABLE)[number];
export type Overrides = Partial<Record<OverrideField, string | number | null>>;

/** What a correction named: a status, and/or figures of a measure (any of low/best/high). */
export interface CorrectionFields {
  status?: unknown;
  killed?: object | null;
  injured?: object | null;
}

export function parseOverrides(json: string | null | undefined): Overrides {
  if (!json) return {};
  try {
    const v = JSON.parse(json) as unknown;
    if (!v || typeof v !== "object" || Array.isArray(v)) return {};
    const out: Overrides = {};
    for (const f of OVERRIDABLE) {
      if (!(f in v)) continue;
      const x = (v as Record<string, unknown>)[f];
      if (f === "status" ? typeof x === "string" : x === null || (typeof x === "number" && Number.isFinite(x))) out[f] = x as string | number | null;
    }
    return out;
  } catch {
    return {};
  }
}

/** The reconciled row with the analyst's values put back (in place; returns the pinned fields). */
export function applyOverrides(row: Record<OverrideField, unknown>, overrides: Overrides): OverrideField[] {
  const pinned: OverrideField[] = [];
  for (const f of OVERRIDABLE) {
    if (f in overrides) {
      row[f] = overrides[f];
      pinned.push(f);
    }
  }
  return pinned;
}

/**
 * After a correction was written to `incidents`: pin the fields it named, with the values now
 * stored. A measure is pinned whole (low, best and high) so a recomputation can never leave a
 * corrected best outside a recomputed low..high. Returns false when the incident does not exist.
 */
export async function recordOverrides(db: Kysely<Database>, incidentId: string, input: CorrectionFields): Promise<boolean> {
  return db.transaction().execute((trx) => pinOverrides(trx, incidentId, input));
}

/**
 * recordOverrides inside the caller's transaction: the correction path pins in the very
 * transaction that wrote the correction, so a crash can never keep one without the other.
 */
export async function pinOverrides(trx: Kysely<Database>, incidentId: string, input: CorrectionFields): Promise<boolean> {
  {
    const row = await trx.selectFrom("incidents").selectAll().where("id", "=", incidentId).executeTakeFirst();
    if (!row) return false;
    const next = parseOverrides(row.overrides);
    if (input.status !== undefined) next.status = row.status;
    for (const m of ["killed", "injured"] as const) {
      if (input[m] === undefined || input[m] === null) continue;
      for (const k of ["low", "best", "high"] as const) next[`${m}_${k}`] = row[`${m}_${k}`];
    }
    const json = Object.keys(next).length ? JSON.stringify(next) : null;
    if (json !== row.overrides) await trx.updateTable("incidents").set({ overrides: json }).where("id", "=", incidentId).execute();
    return true;
  }
}
