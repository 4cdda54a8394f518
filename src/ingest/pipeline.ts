// The ingest driver: sources → items → Report → extract → store, in batches of reports per
// transaction when the store offers it (group commit; each report in its own savepoint).
// Bad input never stops a batch: it is quarantined with its reason and the batch goes on.
import type { ExtractResult, Report } from "../model/index.js";
import { InputError } from "./errors.js";
import { htmlToReport } from "./html.js";
import type { Extractor, ReportSink, SaveOutcome, SaveRequest } from "./ports.js";
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
/** Items extracted ahead with an off-thread extractor: two batches keep the workers busy while a batch is stored. */
const ASYNC_AHEAD = 200;

/** Runs at most n of the given tasks at once, the others in call order as places free up. */
function limiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (active >= n) await new Promise<void>((go) => waiting.push(go));
    else active++;
    try {
      return await task();
    } finally {
      // hand the place straight to the next task (or give it back)
      const go = waiting.shift();
      if (go) go();
      else active--;
    }
  };
}

/**
 * Group commit (when the sink has saveMany): extracted reports wait in memory and are stored
 * together, one transaction for up to BATCH of them — so the commit, the write lock and the
 * writer's warm caches are paid once per batch, not once per report. A batch is flushed when full,
 * when the next item is not loaded yet (a slow feed or URL never holds finished reports back),
 * after BATCH_MS, and at the end. A crash loses at most the batch in flight; rerunning the ingest
 * stores it (reports already stored are duplicates). On a sink with `overlapSaves` (PostgreSQL) a
 * batch is saved while the next one is extracted: the database's work runs beside ours.
 */
export const BATCH = 100;
const BATCH_MS = 1000;

interface Pending {
  source: string;
  /** A request to save, or an outcome already known (quarantined, duplicate). */
  request?: SaveRequest;
  outcome?: ItemOutcome;
}

/** Load, extract and store each item (in order) into `summary`; a failing item is quarantined. */
export async function ingestItems(items: AsyncIterable<Item>, opts: IngestOptions, summary: IngestSummary): Promise<void> {
  const it = items[Symbol.asyncIterator]();
  // Each item is loaded, made a Report and checked against the store ahead of its turn (so a
  // database round trip per item overlaps the extraction of the items before it). With an
  // off-thread extractor it is extracted ahead too, far enough ahead that the workers stay busy
  // while this thread stores a batch; loads stay few at a time (they may be network fetches).
  const async = typeof opts.extractor.extractAsync === "function";
  const ahead = async ? ASYNC_AHEAD : PREFETCH;
  const queue: Array<{ item: Item; checked: Promise<Checked>; extracted: Promise<ExtractResult | null> | null; settled: boolean }> = [];
  const loads = limiter(PREFETCH);
  let exhausted = false;
  const fill = async () => {
    while (!exhausted && queue.length < ahead) {
      const next = await it.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      const item = next.value;
      const loading = loads(() => item.load());
      const checked = loading.then((li) => checkLoaded(li, opts));
      checked.catch(() => {}); // handled when its turn comes
      const extracted = async ? checked.then((c) => (c.storedAs !== null ? null : opts.extractor.extractAsync!(c.report, extractOptions(c.report)))) : null;
      extracted?.catch(() => {});
      const entry = { item, checked, extracted, settled: false };
      loading.then(
        () => (entry.settled = true),
        () => (entry.settled = true),
      );
      queue.push(entry);
    }
  };
  const batching = typeof opts.sink.saveMany === "function";
  let pending: Pending[] = [];
  let firstAt = 0;
  const emit = (outcome: ItemOutcome) => {
    addOutcome(summary, outcome);
    opts.progress?.item?.(outcome);
  };
  // With a sink that overlaps saves, one batch is saved while the next is extracted; batches are
  // still saved, and their outcomes reported, one at a time and in order.
  let inFlight: Promise<void> | null = null;
  const flush = async () => {
    const batch = pending;
    pending = [];
    if (inFlight) await inFlight;
    inFlight = null;
    if (!opts.sink.overlapSaves) return write(batch);
    const saving = write(batch);
    saving.catch(() => {}); // awaited by the next flush or at the end
    inFlight = saving;
  };
  const write = async (batch: Pending[]) => {
    const requests = batch.filter((p) => p.request).map((p) => p.request!);
    const saved = requests.length ? await opts.sink.saveMany!(requests) : [];
    let k = 0;
    for (const p of batch) {
      let outcome = p.outcome;
      if (!outcome) {
        const r = saved[k++]!;
        outcome = r instanceof Error ? await quarantineError(p.source, r, opts.sink) : { source: p.source, status: r.status, events: r.events, reportId: r.reportId };
      }
      emit(outcome);
    }
  };
  let failed = false;
  try {
    for (;;) {
      await fill();
      const head = queue.shift();
      if (!head) break;
      if (batching) {
        // Don't sit on finished reports while a slow item loads.
        if (pending.length && !head.settled) await flush();
        let p: Pending;
        try {
          const step = extractChecked(await head.checked, head.item.source, opts, await head.extracted);
          p = "request" in step ? { source: head.item.source, request: step.request } : { source: head.item.source, outcome: step.outcome };
        } catch (err) {
          p = { source: head.item.source, outcome: await quarantineError(head.item.source, err, opts.sink) };
        }
        if (!pending.length) firstAt = performance.now();
        pending.push(p);
        if (pending.length >= BATCH || performance.now() - firstAt >= BATCH_MS) await flush();
        continue;
      }
      let outcome: ItemOutcome;
      try {
        outcome = await saveStep(extractChecked(await head.checked, head.item.source, opts, await head.extracted), head.item.source, opts);
      } catch (err) {
        outcome = await quarantineError(head.item.source, err, opts.sink);
      }
      emit(outcome);
    }
    if (pending.length) await flush();
  } catch (err) {
    failed = true;
    throw err;
  } finally {
    // Never leave a save running behind a return or a throw (the caller closes the store next).
    const saving = inFlight as Promise<void> | null;
    inFlight = null;
    if (saving) await (failed ? saving.catch(() => {}) : saving);
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

/**
 * Extract one loaded item: the request to store it, or its outcome when it needs no storing (a
 * known duplicate). Throws InputError when it has no article text.
 */
type StepOptions = Pick<IngestOptions, "extractor" | "sink" | "outlet" | "published">;

/** A loaded item as a Report, and the id under which the store already has it from this extractor version. */
interface Checked {
  report: Report;
  original?: string;
  storedAs: string | null;
}

/** Report of a loaded item (InputError when it has no text) and the store's duplicate check. */
async function checkLoaded(item: LoadedItem, opts: StepOptions): Promise<Checked> {
  const { report, original } = toReport(item, opts);
  if (!report.text.trim()) {
    throw new ItemError(new InputError(item.html ? "no article text found in the page" : "empty text", "no_text"), sampleOf(item.text), item.bytes);
  }
  // Already stored by this very extractor version: a duplicate, no need to extract it again
  // (re-ingesting a corpus, `hudna start` on every launch). Any doubt → the store decides.
  let storedAs: string | null = null;
  if (opts.extractor.reportId && opts.sink.storedVersion) {
    const id = opts.extractor.reportId(report);
    if ((await opts.sink.storedVersion(id)) === opts.extractor.version) storedAs = id;
  }
  return { report, original, storedAs };
}

/** What extraction takes from a Report besides its text. */
export const extractOptions = (r: Report) => ({ published: r.published, outlet: r.outlet });

/** `extracted`: the result when it was extracted ahead (off-thread), else it is extracted here. */
function extractChecked(c: Checked, source: string, opts: StepOptions, extracted: ExtractResult | null = null): { request: SaveRequest } | { outcome: ItemOutcome } {
  if (c.storedAs !== null) return { outcome: { source, status: "duplicate", events: 0, reportId: c.storedAs } };
  const result = extracted ?? opts.extractor.extract(c.report, extractOptions(c.report));
  return { request: { report: c.report, result, source, original: c.original, extractorVersion: opts.extractor.version } };
}

/** Stores one extracted item on its own (sinks without group commit). */
async function saveStep(step: { request: SaveRequest } | { outcome: ItemOutcome }, source: string, opts: StepOptions): Promise<ItemOutcome> {
  if ("outcome" in step) return step.outcome;
  const saved = await opts.sink.saveExtraction(step.request);
  return { source, status: saved.status, events: saved.events, reportId: saved.reportId };
}
