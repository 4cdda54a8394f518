// `hudna reprocess`: re-extract stored reports whose extractor version is older. HTML reports are
// re-read from their stored page so evidence offsets still point into it.
import type { Report } from "../model/index.js";
import { htmlToReport } from "./html.js";
import { addOutcome, emptySummary, quarantineError, round, type IngestProgress, type IngestSummary, type ItemOutcome } from "./pipeline.js";
import type { Extractor, ReportSink } from "./ports.js";

export interface StoredReportLike {
  id: string;
  text: string;
  original: string | null;
  format: string | null;
  url: string | null;
  outlet: string | null;
  published: string | null;
  title: string | null;
  source: string | null;
}

export function storedToReport(r: StoredReportLike): Report & { id: string } {
  const base: Report =
    r.format === "html" && r.original ? htmlToReport(r.original, { url: r.url ?? undefined }) : { text: r.text, format: "text" };
  // Keep the stored id even if the new extractor would hash differently: re-extract in place.
  return { ...base, id: r.id, url: r.url, outlet: r.outlet, published: r.published, title: r.title ?? base.title ?? null };
}

export async function reprocessReports(
  reports: AsyncIterable<StoredReportLike>,
  opts: { extractor: Extractor; sink: ReportSink; progress?: IngestProgress },
): Promise<IngestSummary> {
  const t0 = performance.now();
  const summary = emptySummary();
  for await (const stored of reports) {
    const source = stored.source ?? stored.url ?? stored.id;
    let outcome: ItemOutcome;
    try {
      const report = storedToReport(stored);
      const result = opts.extractor.extract(report, { published: report.published, outlet: report.outlet });
      const saved = await opts.sink.saveExtraction({ report, result, source, original: stored.original ?? undefined, extractorVersion: opts.extractor.version });
      outcome = { source, status: saved.status, events: saved.events, reportId: saved.reportId };
    } catch (err) {
      outcome = await quarantineError(source, err, opts.sink);
    }
    addOutcome(summary, outcome);
    opts.progress?.item?.(outcome);
  }
  summary.seconds = round((performance.now() - t0) / 1000);
  return summary;
}
