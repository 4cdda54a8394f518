// The audit trail: every write through the API leaves one row (who, when, what, what changed).
import type { Db } from "./store-handle.js";

export interface AuditEntry {
  tokenId: string | null;
  action: string;
  target: string | null;
  detail?: Record<string, unknown>;
}

export async function writeAudit(db: Db, e: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      at: new Date().toISOString(),
      token_id: e.tokenId,
      action: e.action,
      target: e.target,
      detail: e.detail === undefined ? null : JSON.stringify(e.detail),
    })
    .execute();
}

export interface AuditRowOut {
  id: number;
  at: string;
  token_id: string | null;
  action: string;
  target: string | null;
  detail: unknown;
}

export async function readAudit(db: Db, limit: number, beforeId?: number): Promise<AuditRowOut[]> {
  let q = db.selectFrom("audit_log").selectAll().orderBy("id", "desc").limit(limit);
  if (beforeId !== undefined) q = q.where("id", "<", beforeId);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, detail: r.detail === null ? null : safeJson(r.detail) }));
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}
