// POST /api/reports' pipeline: input JSON → Report (HTML through the ingest stage) → extraction →
// the store's saveExtraction. Injectable, so buildServer callers (and tests) can swap a stage.
import type { ExtractResult, HudnaEvent, Report } from "../model/index.js";
import { toReport as ingestToReport } from "../ingest/index.js";
import { badRequest } from "./errors.js";

export interface IngestInput {
  text?: string;
  html?: string;
  url?: string;
  outlet?: string;
  published?: string;
}

export interface IngestOutcome {
  report_id: string;
  /** new | duplicate | reprocessed (from the store) */
  status: string;
  events: { id: string; type: string; stance: string; date_start: string | null; place: string | null; killed_best: number | null }[];
  incidents: string[];
}

export type IngestReport = (input: IngestInput) => Promise<IngestOutcome>;

export interface SaveLike {
  reportId: string;
  status: string;
  incidents: string[];
}

export interface IngestStages {
  extract(report: Report): Promise<ExtractResult> | ExtractResult;
  save(report: Report, result: ExtractResult, original: string | undefined): Promise<SaveLike>;
}

/** The request body as a Report, through the ingest stage (the same merge rules as `hudna ingest`). */
export function toReport(input: IngestInput): { report: Report; original?: string } {
  const isHtml = typeof input.html === "string";
  const raw = (isHtml ? input.html : input.text) ?? "";
  if (!raw.trim()) throw badRequest(isHtml ? "html is empty" : "text is empty");
  const out = ingestToReport({ text: raw, html: isHtml, url: input.url ?? null, outlet: input.outlet ?? null, published: input.published ?? null });
  if (!out.report.text.trim()) throw badRequest("no article text found in the html");
  return out;
}

function eventSummary(e: HudnaEvent): IngestOutcome["events"][number] {
  return {
    id: e.id,
    type: e.type,
    stance: e.stance,
    date_start: e.date?.start ?? null,
    place: e.locations?.[0]?.name ?? null,
    killed_best: e.fatalities?.best ?? null,
  };
}

export function makeIngest(stages: IngestStages): IngestReport {
  return async (input) => {
    const { report, original } = toReport(input);
    const result = await stages.extract(report);
    const saved = await stages.save(report, result, original);
    return {
      report_id: saved.reportId,
      status: saved.status,
      events: result.events.map(eventSummary),
      incidents: saved.incidents,
    };
  };
}
