// Progress for long ingests: a bar on a terminal, one plain line per item otherwise (logs, CI),
// and the end-of-run summary as a line or as JSON.
import cliProgress from "cli-progress";
import type { IngestProgress, IngestSummary, ItemOutcome } from "./pipeline.js";

export interface ProgressReporter extends IngestProgress {
  stop(): void;
}

export function createProgress(opts: { stream?: NodeJS.WriteStream; quiet?: boolean; label?: string } = {}): ProgressReporter {
  const stream = opts.stream ?? process.stderr;
  if (opts.quiet) return { stop() {} };
  if (stream.isTTY) {
    let total = 0;
    const counts = { new: 0, duplicate: 0, reprocessed: 0, quarantined: 0 };
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: `${opts.label ?? "ingest"} [{bar}] {value}/{total} | new {new} · dup {duplicate} · reproc {reprocessed} · quarantined {quarantined}`,
        hideCursor: true,
        clearOnComplete: false,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    const start = () => {
      if (!started) bar.start(Math.max(total, 1), 0, counts);
      started = true;
    };
    return {
      discover(n) {
        total += n;
        start();
        bar.setTotal(Math.max(total, 1));
      },
      item(o: ItemOutcome) {
        start();
        counts[o.status]++;
        bar.increment(1, counts);
        if (o.status === "quarantined") stream.write(`\n${formatItem(o)}\n`);
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  return {
    item(o) {
      stream.write(`${formatItem(o)}\n`);
    },
    stop() {},
  };
}

export function formatItem(o: ItemOutcome): string {
  if (o.status === "quarantined") return `quarantined  ${o.source}  (${o.message ?? o.reason})`;
  return `${o.status.padEnd(11)}  ${o.source}  ${o.events} event${o.events === 1 ? "" : "s"}`;
}

export function formatSummary(s: IngestSummary): string {
  return `read ${s.read}, new ${s.new}, duplicate ${s.duplicate}, reprocessed ${s.reprocessed}, quarantined ${s.quarantined}, events ${s.events}, ${s.seconds.toFixed(2)} s`;
}
