// Test worker: the real extraction worker, except that a report containing CRASH-MARKER kills the
// thread before the worker answers it (as running out of memory would).
import { parentPort } from "node:worker_threads";

const port = parentPort!;
const on = port.on.bind(port);
// Wrap the listener the real worker registers, so the crash comes first and nothing answers.
port.on = ((event: string, listener: (m: { report?: { text?: unknown } }) => void) =>
  on(event, (m: { report?: { text?: unknown } }) => {
    if (event === "message" && String(m.report?.text ?? "").includes("CRASH-MARKER")) process.exit(7);
    listener(m);
  })) as typeof port.on;
await import("../../../src/extract/worker.js");
