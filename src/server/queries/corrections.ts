// An analyst's correction of an incident: the changed fields are written, each change becomes an
// incident_revisions row (report_id null = made by hand), and the whole edit one audit_log row —
// and the pin of the corrected fields (store/overrides.ts) — all in one transaction, so the
// history never disagrees with the incident and a correction never loses its pin.
import type { Db } from "../store-handle.js";
import type { IncidentUpdate } from "../../store/schema.js";
import { badRequest } from "../errors.js";
import { pinOverrides } from "../../store/overrides.js";
import { takeWriteLock } from "../../store/tx.js";

export const STATUSES = ["single_source", "corroborated", "contested", "confirmed_by_party"] as const;

export interface RangePatch {
  low?: number | null;
  best?: number | null;
  high?: number | null;
}

export interface CorrectionInput {
  status?: string;
  killed?: RangePatch;
  injured?: RangePatch;
  note: string;
}

export interface Change {
  field: string;
  old_value: string | null;
  new_value: string | null;
}

type FigureField = "killed_low" | "killed_best" | "killed_high" | "injured_low" | "injured_best" | "injured_high";

const asText = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** Applies the correction; null when the incident does not exist. */
export async function correctIncident(db: Db, id: string, input: CorrectionInput, tokenId: string): Promise<Change[] | null> {
  return db.transaction().execute(async (trx) => {
    await takeWriteLock(trx);
    const row = await trx.selectFrom("incidents").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) return null;
    const set: IncidentUpdate = {};
    const changes: Change[] = [];
    if (input.status !== undefined && input.status !== row.status) {
      set.status = input.status;
      changes.push({ field: "status", old_value: row.status, new_value: input.status });
    }
    for (const measure of ["killed", "injured"] as const) {
      const p = input[measure];
      if (!p) continue;
      const next = {
        low: p.low !== undefined ? p.low : row[`${measure}_low`],
        best: p.best !== undefined ? p.best : row[`${measure}_best`],
        high: p.high !== undefined ? p.high : row[`${measure}_high`],
      };
      if (next.low !== null && next.high !== null && next.low > next.high) throw badRequest(`${measure}: low exceeds high`);
      if (next.best !== null && ((next.low !== null && next.best < next.low) || (next.high !== null && next.best > next.high)))
        throw badRequest(`${measure}: best outside low..high`);
      for (const k of ["low", "best", "high"] as const) {
        const field = `${measure}_${k}` as FigureField;
        if (next[k] !== row[field]) {
          set[field] = next[k];
          changes.push({ field, old_value: asText(row[field]), new_value: asText(next[k]) });
        }
      }
    }
    const at = new Date().toISOString();
    if (changes.length) {
      set.updated_at = at;
      await trx.updateTable("incidents").set(set).where("id", "=", id).execute();
    }
    // The note is part of the history too, so a reader of the incident sees why it changed.
    const revisions = [...changes, { field: "note", old_value: null, new_value: input.note }];
    await trx
      .insertInto("incident_revisions")
      .values(revisions.map((c) => ({ incident_id: id, at, field: c.field, old_value: c.old_value, new_value: c.new_value, report_id: null })))
      .execute();
    await trx
      .insertInto("audit_log")
      .values({ at, token_id: tokenId, action: "incident.correct", target: id, detail: JSON.stringify({ note: input.note, changes }) })
      .execute();
    // The fields it named are pinned against later recomputation, in this same transaction.
    await pinOverrides(trx, id, input);
    return changes;
  });
}
