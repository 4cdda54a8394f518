// API tokens: `hudna_<id>_<secret>`. Only sha256(token) is stored; the id part lets us fetch one row
// and compare hashes in constant time (no lookup by secret, so no timing oracle on the index).
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "./store-handle.js";
import { writeAudit } from "./audit.js";

export const ROLES = ["analyst", "admin"] as const;
export type Role = (typeof ROLES)[number];

export interface TokenInfo {
  id: string;
  role: Role;
  label: string | null;
  created_at: string;
  revoked_at: string | null;
}

const TOKEN_RE = /^hudna_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export function isRole(x: string): x is Role {
  return (ROLES as readonly string[]).includes(x);
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Creates a token; the plain token is returned once and never stored. */
export async function createToken(db: Db, role: Role, label?: string | null): Promise<{ id: string; token: string }> {
  if (!isRole(role)) throw new Error(`unknown role '${String(role)}' (use ${ROLES.join(" or ")})`);
  const id = randomBytes(6).toString("hex");
  const token = `hudna_${id}_${randomBytes(32).toString("base64url")}`;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("api_tokens")
      .values({ id, token_hash: hashToken(token), role, label: label ?? null, created_at: new Date().toISOString(), revoked_at: null })
      .execute();
    await writeAudit(trx, { tokenId: null, action: "token.create", target: id, detail: { role, label: label ?? null } });
  });
  return { id, token };
}

export async function listTokens(db: Db): Promise<TokenInfo[]> {
  const rows = await db
    .selectFrom("api_tokens")
    .select(["id", "role", "label", "created_at", "revoked_at"])
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

/** Marks a token revoked; false when no active token has that id. */
export async function revokeToken(db: Db, id: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable("api_tokens")
      .set({ revoked_at: new Date().toISOString() })
      .where("id", "=", id)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    const done = Number(res.numUpdatedRows) > 0;
    if (done) await writeAudit(trx, { tokenId: null, action: "token.revoke", target: id });
    return done;
  });
}

/** The active token a bearer string stands for, or null (malformed, unknown, revoked). */
export async function verifyToken(db: Db, bearer: string): Promise<TokenInfo | null> {
  const m = TOKEN_RE.exec(bearer);
  if (!m) return null;
  const row = await db
    .selectFrom("api_tokens")
    .select(["id", "token_hash", "role", "label", "created_at", "revoked_at"])
    .where("id", "=", m[1]!)
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || !isRole(row.role)) return null;
  const a = Buffer.from(hashToken(bearer), "hex");
  const b = Buffer.from(row.token_hash, "hex");
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  return { id: row.id, role: row.role, label: row.label, created_at: row.created_at, revoked_at: null };
}
