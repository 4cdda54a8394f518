// Read-through cache of serialized GET responses, keyed by URL and valid for one state of the data.
// The state ("version") is read per request in O(1), and sees writes from any process:
// - SQLite: total_changes() (rows changed through this connection) + PRAGMA data_version (bumped
//   by commits of every other connection);
// - PostgreSQL: the current snapshot (xmin:xmax:in-progress ids). It changes only when a writing
//   transaction starts or ends (read-only transactions take no transaction id), and a write still
//   in progress is part of it, so data read before its commit is never kept under the after-state.
// Writes through this server also bump a local counter; entries expire after `ttlMs` as a backstop.
// Aggregates like a zone's violation series cost milliseconds of SQL on large stores, and a
// dashboard asks for the same few views again and again.
import { sql } from "kysely";
import type { FastifyReply } from "fastify";
import type { DbHandle } from "./store-handle.js";

export interface CacheOptions {
  enabled?: boolean;
  maxEntries?: number;
  ttlMs?: number;
  /** Bodies larger than this are served but not kept. */
  maxBodyBytes?: number;
  /** Bound on all kept bodies together (UTF-16 code units, roughly bytes). */
  maxTotalBytes?: number;
}

interface Entry {
  version: string;
  at: number;
  body: string;
}

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private local = 0;
  readonly enabled: boolean;
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly maxBodyBytes: number;
  private readonly maxTotalBytes: number;
  private totalBytes = 0;
  /** Computations in progress: concurrent misses of one view share one query. */
  private readonly inflight = new Map<string, Promise<string>>();

  constructor(
    private readonly store: DbHandle,
    opts: CacheOptions = {},
  ) {
    this.enabled = opts.enabled ?? true;
    this.maxEntries = opts.maxEntries ?? 500;
    this.ttlMs = opts.ttlMs ?? 60_000;
    this.maxBodyBytes = opts.maxBodyBytes ?? 2_000_000;
    this.maxTotalBytes = opts.maxTotalBytes ?? 64_000_000;
  }

  get size(): number {
    return this.entries.size;
  }

  private drop(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.totalBytes -= e.body.length;
    this.entries.delete(key);
  }

  /** Called after every write made through this server. */
  bump(): void {
    this.local++;
    this.entries.clear();
    this.totalBytes = 0;
  }

  async version(): Promise<string> {
    const q =
      this.store.dialect === "sqlite"
        ? sql<{ v: string }>`SELECT total_changes() || '.' || (SELECT data_version FROM pragma_data_version) AS v`
        : sql<{ v: string }>`SELECT txid_current_snapshot()::text AS v`;
    const r = await q.execute(this.store.db);
    return `${this.local}|${r.rows[0]?.v ?? ""}`;
  }

  /**
   * Sends the cached body for `key`, or computes, serializes (with the route's response schema)
   * and keeps it. Returns the reply for Fastify.
   */
  async send<T>(reply: FastifyReply, key: string, compute: () => Promise<T>): Promise<FastifyReply> {
    if (!this.enabled) return reply.send(await compute());
    const version = await this.version();
    const hit = this.entries.get(key);
    const now = Date.now();
    if (hit && hit.version === version && now - hit.at < this.ttlMs) {
      // Refresh recency (Map keeps insertion order: oldest first).
      this.entries.delete(key);
      this.entries.set(key, hit);
      return reply.type("application/json; charset=utf-8").header("x-cache", "hit").send(hit.body);
    }
    const flightKey = `${version}\u0000${key}`;
    let pending = this.inflight.get(flightKey);
    if (!pending) {
      pending = compute().then((v) => String(reply.serialize(v)));
      this.inflight.set(flightKey, pending);
      const forget = () => this.inflight.delete(flightKey);
      pending.then(forget, forget);
    }
    const body = await pending;
    this.drop(key);
    if (body.length <= this.maxBodyBytes) {
      this.entries.set(key, { version, at: now, body });
      this.totalBytes += body.length;
      // Evict least recently used until both bounds hold.
      while (this.entries.size > this.maxEntries || this.totalBytes > this.maxTotalBytes) this.drop(this.entries.keys().next().value!);
    }
    return reply.type("application/json; charset=utf-8").header("x-cache", "miss").send(body);
  }
}
