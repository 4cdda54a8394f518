import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { test } from "node:test";
import { createProgress, formatItem, formatSummary } from "../../src/ingest/progress.js";

function sink(isTTY: boolean) {
  let out = "";
  const w = new Writable({
    write(chunk, _enc, cb) {
      out += String(chunk);
      cb();
    },
  }) as Writable & { isTTY?: boolean; columns?: number; cursorTo?: unknown; clearLine?: unknown; moveCursor?: unknown };
  w.isTTY = isTTY;
  w.columns = 120;
  w.cursorTo = (_x: number, _y?: unknown, cb?: () => void) => (typeof cb === "function" ? cb() : true);
  w.clearLine = (_d: number, cb?: () => void) => (typeof cb === "function" ? cb() : true);
  w.moveCursor = (_x: number, _y: number, cb?: () => void) => (typeof cb === "function" ? cb() : true);
  return { w: w as unknown as NodeJS.WriteStream, text: () => out };
}

test("plain log lines when not on a terminal", () => {
  const s = sink(false);
  const p = createProgress({ stream: s.w });
  p.discover?.(2);
  p.item?.({ source: "a.txt", status: "new", events: 3 });
  p.item?.({ source: "b.txt", status: "quarantined", events: 0, reason: "binary", message: "binary input (NUL bytes)" });
  p.stop();
  assert.equal(s.text(), "new          a.txt  3 events\nquarantined  b.txt  (binary input (NUL bytes))\n");
});

test("a progress bar on a terminal", () => {
  const s = sink(true);
  const p = createProgress({ stream: s.w, label: "ingest" });
  p.discover?.(2);
  p.item?.({ source: "a.txt", status: "duplicate", events: 0 });
  p.item?.({ source: "b.txt", status: "new", events: 1 });
  p.stop();
  assert.match(s.text(), /ingest \[.*\] 2\/2 \| new 1 · dup 1/);
});

test("summary line", () => {
  assert.equal(formatSummary({ read: 3, new: 1, duplicate: 1, reprocessed: 0, quarantined: 1, events: 4, seconds: 0.5 }), "read 3, new 1, duplicate 1, reprocessed 0, quarantined 1, events 4, 0.50 s");
  assert.equal(formatItem({ source: "x", status: "reprocessed", events: 1 }), "reprocessed  x  1 event");
});
