// Public API of the extraction stage: Report → ExtractResult (the contract of
// ../shared/spec/event-model.md). Pure; never throws for any string input — failures become warnings.
import * as crypto from "node:crypto";
import type { ExtractResult, HudnaEvent, Report, Evidence } from "../model/index.js";
import { normalizeKeyViaMap } from "../arabic/normalize.js";
import { runEngine } from "./engine.js";

/** Bump when rules or lexicons change: the store re-extracts stored reports on change. */
export const EXTRACTOR_VERSION = "extract-1.4.0";

/** Longest text extracted in one go (larger inputs are cut, with a warning): bounded work. */
export const MAX_CHARS = 400_000;

export interface ExtractOptions {
  published?: string | null;
  outlet?: string | null;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

// One-shot crypto.hash (Node ≥ 20.12) is about 3× cheaper than createHash for the short event
// keys hashed per event; older Node 20 falls back to createHash (same digest).
const oneShot = (crypto as { hash?: (alg: string, data: string, enc: "hex") => string }).hash;
function sha256hex(data: string): string {
  return oneShot ? oneShot("sha256", data, "hex") : crypto.createHash("sha256").update(data).digest("hex");
}

/** A report's id: sha256 of its normalized, length-capped text. Ingest's duplicate pre-check uses it too. */
export function reportIdOf(text: string): string {
  return sha256hex(normalizeKeyViaMap(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text));
}

export function extractReport(report: Report, opts: ExtractOptions = {}): ExtractResult {
  const warnings: string[] = [];
  let text = typeof report?.text === "string" ? report.text : "";
  if (typeof report?.text !== "string") warnings.push("report has no text");
  if (text.length > MAX_CHARS) {
    warnings.push(`report cut to ${MAX_CHARS} characters`);
    text = text.slice(0, MAX_CHARS);
  }
  let published = opts.published ?? report?.published ?? null;
  if (published && !ISO_DAY.test(published)) {
    warnings.push(`published date ignored (not YYYY-MM-DD): ${String(published).slice(0, 40)}`);
    published = null;
  }
  const outlet = opts.outlet ?? report?.outlet ?? null;
  const key = normalizeKeyViaMap(text);
  const id = sha256hex(key); // = reportIdOf(text): text is already capped
  const firstLine = firstNonBlankLine(text);
  const result: ExtractResult = {
    report: {
      id,
      published,
      outlet,
      language: "ar",
      title: report?.title ?? (firstLine.trim().slice(0, 300) || null),
      chars: text.length,
      ...(report?.url ? { url: report.url } : {}),
    },
    events: [],
    warnings,
  };
  if (!key) {
    warnings.push("empty text");
    return result;
  }
  if (!/[\u0600-\u06ff]/.test(key)) warnings.push("no Arabic text found");
  try {
    const { doc, drafts, warnings: w } = runEngine({ text, published, outlet });
    warnings.push(...w);
    if (doc.opinion) warnings.push("opinion piece: no events extracted");
    if (!report?.title && doc.title) result.report.title = doc.title;
    const offsets = report?.offsets;
    const limit = report?.originalLength ?? (offsets ? Number(offsets[offsets.length - 1] ?? text.length) : text.length);
    const toOrig = (i: number) => {
      if (!offsets) return i;
      const v = offsets[Math.min(i, offsets.length - 1)];
      return typeof v === "number" && v >= 0 ? Math.min(v, limit) : Math.min(i, limit);
    };
    const events: HudnaEvent[] = drafts.map((d) => {
      const evidence: Evidence[] = d.spans.map(([a, b]) => {
        const ts = doc.map[a]!;
        const te = doc.map[b]!;
        let start = toOrig(ts);
        let end = offsets ? toOrig(Math.max(ts, te - 1)) + 1 : te;
        if (end < start) end = start;
        end = Math.min(end, limit);
        start = Math.min(start, end);
        return { start, end, quote: text.slice(ts, te), text_start: ts, text_end: te };
      });
      const first = evidence[0] ?? { start: 0, end: 0 };
      const eid = sha256hex(`${id}|${d.event.type}|${first.start}:${first.end}`).slice(0, 20);
      return { id: eid, ...d.event, disputes: [] as string[], evidence } as HudnaEvent;
    });
    linkDenials(events, drafts.map((d) => d.topic));
    result.events = events;
  } catch (e) {
    warnings.push(`extraction failed: ${(e as Error)?.message?.split("\n")[0] ?? String(e)}`);
    result.events = [];
  }
  return result;
}

/** text.split("\n").find((l) => l.trim()) ?? "", without splitting the whole report. */
function firstNonBlankLine(text: string): string {
  let from = 0;
  for (;;) {
    const nl = text.indexOf("\n", from);
    const line = nl < 0 ? text.slice(from) : text.slice(from, nl);
    if (line.trim()) return line;
    if (nl < 0) return "";
    from = nl + 1;
  }
}

export function extractText(text: string, opts: ExtractOptions = {}): ExtractResult {
  return extractReport({ text: typeof text === "string" ? text : String(text ?? "") }, opts);
}

const CLAIMABLE = new Set(["air_strike", "shelling", "explosion", "chemical_attack", "attack_on_civilians", "armed_clash", "abduction", "territory_change", "casualty_claim", "ceasefire_violation_report", "statement", "other"]);

/** A denial disputes the nearest preceding claim, preferring one of the type it talks about. */
function linkDenials(events: HudnaEvent[], topics: (string[] | undefined)[]): void {
  events.forEach((ev, i) => {
    if (ev.type !== "denial") return;
    const at = ev.evidence[0]?.start ?? 0;
    const before = events.filter((e, j) => j !== i && CLAIMABLE.has(e.type) && (e.evidence[0]?.start ?? 0) < at);
    const topic = new Set(topics[i] ?? []);
    const pick =
      [...before].reverse().find((e) => topic.has(e.type) && e.stance === "claimed") ??
      [...before].reverse().find((e) => topic.has(e.type)) ??
      [...before].reverse().find((e) => e.stance === "claimed") ??
      before[before.length - 1];
    if (pick) {
      ev.disputes = [pick.id];
      // a denial without a place of its own is about where the disputed claim happened
      if ((!ev.locations.length || ev.details.place_from === "dateline") && pick.locations.length) {
        ev.locations = pick.locations.map((l) => ({ ...l }));
        ev.details.place_from = "disputed_event";
      }
    }
  });
}
