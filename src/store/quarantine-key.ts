// The identity of a quarantined item: the same source refused for the same reason.
import { createHash } from "node:crypto";

export function quarantineKey(source: string, reason: string): string {
  return createHash("sha256").update(source).update("\u0000").update(reason).digest("hex");
}
