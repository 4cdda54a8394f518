// Extraction on worker threads, so an ingest extracts on other cores while this thread stores.
// Results are the same as extractReport's in this thread (same code, same gazetteer: workers
// share the process's working directory and environment). Workers start on the first report, so
// a run that extracts nothing (all duplicates) starts none.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ExtractResult, Report } from "../model/index.js";
import type { ExtractOptions } from "./index.js";

export interface WorkerRequest {
  id: number;
  report: Report;
  opts: ExtractOptions;
}
export type WorkerReply = { id: number; result: ExtractResult } | { id: number; error: string } | { ready: true };

/** A report whose extraction killed its worker (out of memory, a crash): that report alone fails. */
export class ExtractionCrashError extends Error {}
/** The workers could not start (not the input's fault): callers extract on their own thread. */
export class WorkersUnavailableError extends Error {}

export interface ExtractPool {
  readonly size: number;
  extract(report: Report, opts?: ExtractOptions): Promise<ExtractResult>;
  /** Stops the workers; extractions still running are rejected. */
  close(): Promise<void>;
}

export interface PoolOptions {
  /** Worker threads (≥ 1). */
  size: number;
  /** The worker module (tests swap it); default ./worker.ts. */
  entry?: URL;
}

/** Workers that pay off on this machine: one core stays with the thread that stores. */
export function defaultWorkers(): number {
  return Math.max(0, Math.min(4, availableParallelism() - 1));
}

const BOOT = new URL("./worker-boot.mjs", import.meta.url);

interface Job extends WorkerRequest {
  resolve(r: ExtractResult): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  /** Sent and not yet answered, oldest first: a worker answers in the order it was sent. */
  jobs: Map<number, Job>;
  ready: boolean;
}

export function createExtractPool(opts: PoolOptions): ExtractPool {
  const size = Math.max(1, Math.floor(opts.size));
  const entry = (opts.entry ?? new URL("./worker.ts", import.meta.url)).href;
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;
  /** Set when a worker fails before it could take any work (e.g. its code fails to load). */
  let startError: WorkersUnavailableError | null = null;

  const refresh = (s: Slot) => {
    // An idle worker must not keep the process alive; a busy one must (its answer is awaited).
    if (s.jobs.size) s.worker.ref();
    else s.worker.unref();
  };

  const spawn = (): Slot => {
    const worker = new Worker(BOOT, { workerData: { entry } });
    const slot: Slot = { worker, jobs: new Map(), ready: false };
    worker.on("message", (m: WorkerReply) => {
      if ("ready" in m) {
        slot.ready = true;
        return;
      }
      const job = slot.jobs.get(m.id);
      if (!job) return;
      slot.jobs.delete(m.id);
      refresh(slot);
      if ("error" in m) job.reject(new Error(m.error));
      else job.resolve(m.result);
    });
    let gone = false;
    const fail = (why: string) => {
      if (gone) return;
      gone = true;
      const at = slots.indexOf(slot);
      if (at >= 0) slots.splice(at, 1);
      const jobs = [...slot.jobs.values()];
      slot.jobs.clear();
      if (closed) {
        for (const j of jobs) j.reject(new Error("extraction stopped: the worker pool was closed"));
        return;
      }
      if (!slot.ready) {
        // Never took a report: its code or thread failed, not the input. Fail every job with it.
        startError = new WorkersUnavailableError(`extraction workers cannot start: ${why}`);
        for (const j of jobs) j.reject(startError);
        return;
      }
      // The worker took its jobs in order, so the oldest unanswered one is the report it died on.
      const [culprit, ...rest] = jobs;
      culprit?.reject(new ExtractionCrashError(`extraction crashed its worker: ${why}`));
      for (const j of rest) send(j);
    };
    worker.on("error", (e) => fail(e.message.split("\n")[0]!));
    worker.on("exit", (code) => fail(`worker exited with code ${code}`));
    worker.unref();
    slots.push(slot);
    return slot;
  };

  const send = (job: Job) => {
    if (startError) return job.reject(startError);
    while (slots.length < size) spawn();
    // The least busy worker (in-flight jobs), first one on ties.
    let best = slots[0]!;
    for (const s of slots) if (s.jobs.size < best.jobs.size) best = s;
    best.jobs.set(job.id, job);
    refresh(best);
    try {
      best.worker.postMessage({ id: job.id, report: job.report, opts: job.opts } satisfies WorkerRequest);
    } catch (err) {
      // Not cloneable (a Report is plain data; anything else is the caller's bug): this job fails.
      best.jobs.delete(job.id);
      refresh(best);
      job.reject(err as Error);
    }
  };

  return {
    size,
    extract(report, o = {}) {
      if (closed) return Promise.reject(new Error("the extraction pool is closed"));
      return new Promise<ExtractResult>((resolve, reject) => {
        send({ id: nextId++, report, opts: o, resolve, reject });
      });
    },
    async close() {
      closed = true;
      await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
    },
  };
}
