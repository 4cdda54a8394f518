// What ingest needs from the stages to its right, as plain interfaces: the CLI wires in the real
// extractor (src/extract) and store (src/store); ingest itself imports neither.
import type { ExtractResult, Report } from "../model/index.js";

export interface Extractor {
  /** Version of the rules; stored with each report so upgrades re-extract. */
  version: string;
  extract(report: Report, opts?: { published?: string | null; outlet?: string | null }): ExtractResult;
  /**
   * The same extraction off this thread (worker threads), optional: ingest then extracts items
   * ahead of their turn while this thread stores the ones before them.
   */
  extractAsync?(report: Report, opts?: { published?: string | null; outlet?: string | null }): Promise<ExtractResult>;
  /** The id extraction would give this report (optional: lets ingest skip known duplicates). */
  reportId?(report: Report): string;
}

export interface SaveOutcome {
  reportId: string;
  status: "new" | "duplicate" | "reprocessed";
  events: number;
  incidents: string[];
}

export interface SaveRequest {
  report: Report & { id?: string };
  result: ExtractResult;
  source?: string;
  original?: string;
  extractorVersion?: string;
}

export interface ReportSink {
  saveExtraction(input: SaveRequest): Promise<SaveOutcome>;
  /**
   * Optional group commit: several reports in one transaction, outcomes in input order, a failed
   * report as its Error (rolled back alone). Ingest batches its saves when the sink has it.
   */
  saveMany?(inputs: SaveRequest[]): Promise<Array<SaveOutcome | Error>>;
  /**
   * The database works in another process (PostgreSQL): a batch may be saved while the next
   * reports are extracted. (Not for SQLite, which works on this thread: it would gain nothing and
   * hold the write lock longer.)
   */
  overlapSaves?: boolean;
  quarantine(item: { source: string; reason: string; sample?: string; bytes?: number }): Promise<void>;
  /** Extractor version a report is stored with, or null when it isn't stored (optional). */
  storedVersion?(reportId: string): Promise<string | null>;
}
