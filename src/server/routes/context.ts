// What every route module receives from buildServer.
import type { Db } from "../store-handle.js";
import type { ZoneSource } from "../queries/zones.js";
import type { IngestReport } from "../ingest-report.js";
import type { ResponseCache } from "../cache.js";

export interface RateLimitConfig {
  max: number;
  timeWindow: number;
}

export interface RouteContext {
  db: Db;
  writeRateLimit: RateLimitConfig;
  zoneFallback?: () => Promise<ZoneSource[]>;
  ingest?: IngestReport;
  cache: ResponseCache;
}
