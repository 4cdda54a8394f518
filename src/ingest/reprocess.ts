// `hudna reprocess`: re-extract stored reports whose extractor version is older. HTML reports are
// re-read from their stored page so evidence offsets still point into it.
import type { ExtractResult, Report } from "../model/index.js";
import { htmlToReport } from "./html.js";
import { addOutcome, BATCH, emptySummary, extractOptions, quarantineError, round, type IngestProgress, type IngestSummary, type ItemOutcome } from "./pipeline.js";
import type { Extractor, ReportSink, SaveOutcome, SaveRequest } from "./ports.js";

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

/**
 * Re-extract and store, in batches of BATCH reports per transaction when the sink has saveMany
 * (as ingest does); with an off-thread extractor the batch is extracted on the workers while the
 * previous one is stored. A report that fails is quarantined; the others go on.
 */
export async function reprocessReports(
  reports: AsyncIterable<StoredReportLike>,
  opts: { extractor: Extractor; sink: ReportSink; progress?: IngestProgress },
): Promise<IngestSummary> {
  const t0 = performance.now();
  const summary = emptySummary();
  const emit = (o: ItemOutcome) => {
    addOutcome(summary, o);
    opts.progress?.item?.(o);
  };
  let batch: Pending[] = [];
  for await (const stored of reports) {
    batch.push(pending(stored, opts.extractor));
    if (batch.length >= BATCH) {
      await storeBatch(batch, opts.extractor.version, opts.sink, emit);
      batch = [];
    }
  }
  if (batch.length) await storeBatch(batch, opts.extractor.version, opts.sink, emit);
  summary.seconds = round((performance.now() - t0) / 1000);
  return summary;
}

interface Pending {
  source: string;
  original?: string;
  report?: Report & { id: string };
  /** the extraction, started as soon as the report was read (on the workers, if any) */
  extracted?: Promise<ExtractResult>;
  error?: unknown;
}

function pending(stored: StoredReportLike, extractor: Extractor): Pending {
  const source = stored.source ?? stored.url ?? stored.id;
  try {
    const report = storedToReport(stored);
    const o = extractOptions(report);
    const extracted = extractor.extractAsync ? extractor.extractAsync(report, o) : Promise.resolve(extractor.extract(report, o));
    extracted.catch(() => {}); // handled when the batch is stored
    return { source, report, original: stored.original ?? undefined, extracted };
  } catch (err) {
    return { source, error: err };
  }
}

async function storeBatch(batch: Pending[], version: string, sink: ReportSink, emit: (o: ItemOutcome) => void): Promise<void> {
  const requests: SaveRequest[] = [];
  const at: number[] = [];
  const outcomes: Array<ItemOutcome | null> = [];
  for (const [i, p] of batch.entries()) {
    try {
      if (p.error !== undefined) throw p.error;
      const result = await p.extracted!;
      requests.push({ report: p.report!, result, source: p.source, original: p.original, extractorVersion: version });
      at.push(i);
      outcomes.push(null);
    } catch (err) {
      outcomes.push(await quarantineError(p.source, err, sink));
    }
  }
  const saved = sink.saveMany ? await sink.saveMany(requests) : await oneByOne(requests, sink);
  for (const [k, i] of at.entries()) {
    const r = saved[k]!;
    const source = batch[i]!.source;
    outcomes[i] = r instanceof Error ? await quarantineError(source, r, sink) : { source, status: r.status, events: r.events, reportId: r.reportId };
  }
  for (const o of outcomes) emit(o!);
}

/** Sinks without group commit: each report saved on its own, a failure as its Error. */
async function oneByOne(requests: SaveRequest[], sink: ReportSink): Promise<Array<SaveOutcome | Error>> {
  const out: Array<SaveOutcome | Error> = [];
  for (const r of requests) out.push(await sink.saveExtraction(r).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))));
  return out;
}
