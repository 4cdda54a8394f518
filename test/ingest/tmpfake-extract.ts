import { createHash } from "node:crypto";
import type { ExtractResult, Report } from "../../src/model/index.js";
export const EXTRACTOR_VERSION = "1";
export function extractReport(r: Report, o: { published?: string | null; outlet?: string | null } = {}): ExtractResult {
  return { report: { id: createHash("sha256").update(r.text.replace(/\s+/g, " ").trim()).digest("hex"), published: o.published ?? null, outlet: o.outlet ?? null, language: "ar", title: r.title ?? null, chars: r.text.length }, events: [], warnings: [] };
}
