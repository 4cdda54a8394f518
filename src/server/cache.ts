// Read-through cache of serialized GET responses, keyed by URL and valid for one state of the data.
// The state ("version") is read per request with O(log n) index lookups that see writes from any
// process: the newest incidents.updated_at and the newest violations.id. Writes through this server
// also bump a local counter, and entries expire after `ttlMs` (10 s) as a backstop: a pure deletion
// by another process, or a report that joined no incident (stats' report count), changes neither
// maximum. Aggregates like a zone's violation series cost
// milliseconds of SQL on large stores; a dashboard asks for the same few views again and again.
import { sql } from "kysely";
import type { FastifyReply } from "fastify";
import type { Db } from "./store-handle.js";

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
    private readonly db: Db,
    opts: CacheOptions = {},
  ) {
    this.enabled = opts.enabled ?? true;
    this.maxEntries = opts.maxEntries ?? 500;
    this.ttlMs = opts.ttlMs ?? 10_000;
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
    const r = await sql<{ u: string | null; v: number | null }>`SELECT (SELECT max(updated_at) FROM incidents) AS u, (SELECT max(id) FROM violations) AS v`.execute(this.db);
    const row = r.rows[0];
    return `${this.local}|${row?.u ?? ""}|${row?.v ?? ""}`;
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
