// An extraction worker thread: extracts the reports it is sent, in the order sent, and answers
// each with its result. The extractor never throws for a string input; anything else that throws
// is answered as an error for that report alone.
import { parentPort } from "node:worker_threads";
import { extractReport } from "./index.js";
import type { WorkerReply, WorkerRequest } from "./pool.js";

const port = parentPort;
if (!port) throw new Error("extract/worker.ts runs as a worker thread only");

port.on("message", (m: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id: m.id, result: extractReport(m.report, m.opts) };
  } catch (err) {
    reply = { id: m.id, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});

// Loaded: from here on a crash is the report's doing, not the worker's start (see pool.ts).
port.postMessage({ ready: true } satisfies WorkerReply);
