// Turning one input (a file's bytes, or a JSONL record) into a Report: decode, detect HTML,
// refuse what is not text. Errors are InputError-like with one-line messages.
import type { Report } from "../model/index.js";
import { decodeBytes, isProbablyHtml } from "../ingest/decode.js";
import { htmlToReport } from "../ingest/html.js";

/** Largest single input accepted (bytes / characters). */
export const MAX_INPUT = 20 * 1024 * 1024;

export class BadInput extends Error {}

export function reportFromText(text: string, meta: { url?: string | null; html?: boolean } = {}): Report {
  if (!text.trim()) throw new BadInput("empty input");
  if (text.length > MAX_INPUT) throw new BadInput(`input too large (${text.length} characters; limit ${MAX_INPUT})`);
  if (meta.html || isProbablyHtml(text)) {
    const r = htmlToReport(text, meta.url ? { url: meta.url } : {});
    if (!r.text.trim()) throw new BadInput("HTML page has no article text");
    return r;
  }
  return { text, format: "text", url: meta.url ?? null };
}

export function reportFromBytes(buf: Buffer): Report {
  if (buf.length === 0) throw new BadInput("empty file (0 bytes)");
  if (buf.length > MAX_INPUT) throw new BadInput(`file too large (${buf.length} bytes; limit ${MAX_INPUT})`);
  let text: string;
  try {
    text = decodeBytes(buf);
  } catch (e) {
    throw new BadInput((e as Error).message.split("\n")[0] ?? "undecodable input");
  }
  return reportFromText(text);
}
