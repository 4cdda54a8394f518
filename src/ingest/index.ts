// src/ingest: from bytes, files, folders, JSON Lines, feeds and URLs to Reports (and, wired to an
// extractor and a store by the CLI, to stored events).
export { InputError } from "./errors.js";
export { decodeBytes, isProbablyHtml } from "./decode.js";
export { htmlToReport, type HtmlToReportOptions } from "./html.js";
export { parseFeed, isProbablyFeed, type Feed, type FeedItem } from "./feeds.js";
export { safeFetch, DEFAULT_MAX_BYTES, type SafeFetchOptions, type FetchResult } from "./fetch.js";
export { nonPublicReason } from "./ip-policy.js";
export { expandSources, MAX_FILE_BYTES, type Item, type LoadedItem } from "./sources.js";
export {
  ingestSources,
  ingestItems,
  toReport,
  emptySummary,
  type IngestOptions,
  type IngestSummary,
  type ItemOutcome,
} from "./pipeline.js";
export { reprocessReports, storedToReport } from "./reprocess.js";
export { pollFeedsOnce, readFeedList, backoffSeconds, type FeedRound } from "./watch.js";
export { createProgress, formatSummary } from "./progress.js";
export type { Extractor, ReportSink, SaveOutcome } from "./ports.js";
