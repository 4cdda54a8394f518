// Opaque keyset cursors: base64url(JSON [sort, key, id]). The key is the last row's sort value
// (null allowed), so a page boundary stays put when rows are inserted before or after it.
import { badRequest } from "../errors.js";

export type SortKey = "date" | "-date" | "killed" | "-killed";
export const SORTS: readonly SortKey[] = ["date", "-date", "killed", "-killed"];

export interface Cursor {
  sort: SortKey;
  key: string | number | null;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.key, c.id]), "utf8").toString("base64url");
}

export function decodeCursor(s: string, sort: SortKey): Cursor {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
  } catch {
    throw badRequest("invalid cursor");
  }
  if (!Array.isArray(v) || v.length !== 3) throw badRequest("invalid cursor");
  const [cs, key, id] = v as unknown[];
  if (cs !== sort) throw badRequest("cursor belongs to another sort order");
  const numeric = sort.endsWith("killed");
  const keyOk = key === null || (numeric ? typeof key === "number" && Number.isFinite(key) : typeof key === "string");
  if (!keyOk || typeof id !== "string" || id.length > 200) throw badRequest("invalid cursor");
  return { sort, key: key as string | number | null, id };
}
