// The ingest driver: sources → items → Report → extract → store, one report per transaction.
// Bad input never stops a batch: it is quarantined with its reason and the batch goes on.
import type { Report } from "../model/index.js";
import { InputError } from "./errors.js";
import { htmlToReport } from "./html.js";
import type { Extractor, ReportSink, SaveOutcome } from "./ports.js";
import { expandSources, ItemError, sampleOf, type ExpandOptions, type Item, type LoadedItem } from "./sources.js";

export interface IngestDefaults {
  /** Used for items that don't name their outlet (JSON Lines, manifest, feed or page metadata win). */
  outlet?: string | null;
  /** Used for items that don't say when they were published. */
  published?: string | null;
}

export interface ItemOutcome {
  source: string;
  status: SaveOutcome["status"] | "quarantined";
  events: number;
  reportId?: string;
  reason?: string;
  message?: string;
}

export interface IngestProgress {
  discover?(n: number): void;
  item?(outcome: ItemOutcome): void;
}

export interface IngestOptions extends IngestDefaults, Omit<ExpandOptions, "onDiscover"> {
  extractor: Extractor;
  sink: ReportSink;
  progress?: IngestProgress;
}

export interface IngestSummary {
  read: number;
  new: number;
  duplicate: number;
  reprocessed: number;
  quarantined: number;
  events: number;
  seconds: number;
}

export const emptySummary = (): IngestSummary => ({ read: 0, new: 0, duplicate: 0, reprocessed: 0, quarantined: 0, events: 0, seconds: 0 });

export function addOutcome(s: IngestSummary, o: ItemOutcome): void {
  s.read++;
  if (o.status === "quarantined") s.quarantined++;
  else s[o.status]++;
  if (o.status === "new" || o.status === "reprocessed") s.events += o.events;
}

export async function ingestSources(sources: string[], opts: IngestOptions): Promise<IngestSummary> {
  const t0 = performance.now();
  const summary = emptySummary();
  await ingestItems(expandSources(sources, { ...opts, onDiscover: (n) => opts.progress?.discover?.(n) }), opts, summary);
  summary.seconds = round((performance.now() - t0) / 1000);
  return summary;
}

/** Items loaded ahead of the one being extracted: overlaps network fetches with extraction. */
const PREFETCH = 4;

/** Load, extract and store each item (in order) into `summary`; a failing item is quarantined. */
export async function ingestItems(items: AsyncIterable<Item>, opts: IngestOptions, summary: IngestSummary): Promise<void> {
  const it = items[Symbol.asyncIterator]();
  const queue: Array<{ item: Item; loading: Promise<LoadedItem> }> = [];
  let exhausted = false;
  const fill = async () => {
    while (!exhausted && queue.length < PREFETCH) {
      const next = await it.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      const loading = next.value.load();
      loading.catch(() => {}); // handled when its turn comes
      queue.push({ item: next.value, loading });
    }
  };
  for (;;) {
    await fill();
    const head = queue.shift();
    if (!head) break;
    let outcome: ItemOutcome;
    try {
      outcome = await ingestLoaded(await head.loading, head.item.source, opts);
    } catch (err) {
      outcome = await quarantineError(head.item.source, err, opts.sink);
    }
    addOutcome(summary, outcome);
    opts.progress?.item?.(outcome);
  }
}

export const round = (x: number) => Math.round(x * 1000) / 1000;

/** Quarantine an item that failed; errors other than bad input (a broken database) propagate. */
export async function quarantineError(source: string, err: unknown, sink: ReportSink): Promise<ItemOutcome> {
  const e = err instanceof InputError ? err : null;
  if (!e && !(err instanceof Error)) throw err;
  const reason = e ? e.reason : "failed";
  const message = (err as Error).message.split("\n")[0]!;
  const sample = err instanceof ItemError ? err.sample : undefined;
  const bytes = err instanceof ItemError ? err.bytes : undefined;
  await sink.quarantine({ source, reason: `${reason}: ${message}`, sample, bytes });
  return { source, status: "quarantined", events: 0, reason, message };
}

/** A loaded item as a Report: HTML pages through htmlToReport, metadata merged by precedence. */
export function toReport(item: LoadedItem, defaults: IngestDefaults = {}): { report: Report; original?: string } {
  let report: Report;
  let original: string | undefined;
  if (item.html) {
    const page = htmlToReport(item.text, { url: item.url ?? undefined });
    report = page;
    original = item.text;
  } else {
    report = { text: item.text, format: "text", title: firstLine(item.text) };
  }
  report.url = item.url ?? report.url ?? null;
  report.outlet = item.outlet ?? report.outlet ?? item.fallbackOutlet ?? defaults.outlet ?? null;
  report.published = item.published ?? report.published ?? defaults.published ?? null;
  report.title = item.title ?? report.title ?? null;
  return { report, original };
}

function firstLine(text: string): string | null {
  const line = text.split("\n").find((l) => l.trim())?.trim();
  return line && line.length <= 300 ? line : null;
}

/** Extract and store one loaded item. Throws InputError when it has no article text. */
export async function ingestLoaded(item: LoadedItem, source: string, opts: Pick<IngestOptions, "extractor" | "sink" | "outlet" | "published">): Promise<ItemOutcome> {
  const { report, original } = toReport(item, opts);
  if (!report.text.trim()) {
    throw new ItemError(new InputError(item.html ? "no article text found in the page" : "empty text", "no_text"), sampleOf(item.text), item.bytes);
  }
  // Already stored by this very extractor version: a duplicate, no need to extract it again
  // (re-ingesting a corpus, `hudna start` on every launch). Any doubt → the store decides.
  if (opts.extractor.reportId && opts.sink.storedVersion) {
    const id = opts.extractor.reportId(report);
    if ((await opts.sink.storedVersion(id)) === opts.extractor.version) return { source, status: "duplicate", events: 0, reportId: id };
  }
  const result = opts.extractor.extract(report, { published: report.published, outlet: report.outlet });
  const saved = await opts.sink.saveExtraction({ report, result, source, original, extractorVersion: opts.extractor.version });
  return { source, status: saved.status, events: saved.events, reportId: saved.reportId };
}
