// buildServer: the Fastify app — JSON API under /api (validated by JSON schema, documented as
// OpenAPI 3 at /api/openapi.json), the built dashboard at /, security headers everywhere.
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Fastify, { type FastifyInstance } from "fastify";
import fastifySwagger from "@fastify/swagger";
import fastifyStatic from "@fastify/static";
import fastifyRateLimit from "@fastify/rate-limit";
import type { DbHandle } from "./store-handle.js";
import { BODY_LIMIT, installSecurity } from "./security.js";
import { HttpError } from "./errors.js";
import { sharedSchemas } from "./schemas.js";
import type { RateLimitConfig, RouteContext } from "./routes/context.js";
import { incidentRoutes } from "./routes/incidents.js";
import { zoneRoutes } from "./routes/zones.js";
import { metaRoutes } from "./routes/meta.js";
import { reportRoutes } from "./routes/reports.js";
import { exportRoutes } from "./routes/export.js";
import { defaultIngest, defaultZoneFallback } from "./defaults.js";
import type { IngestReport } from "./ingest-report.js";
import type { ZoneSource } from "./queries/zones.js";
import { ResponseCache, type CacheOptions } from "./cache.js";
import type { SaveInput, SaveOutcome } from "../store/index.js";

export interface ServerOptions {
  /** The store (src/store openStore), or anything with its db + dialect. */
  store: DbHandle & { saveExtraction?(input: SaveInput): Promise<SaveOutcome> };
  /** Folder of the built dashboard; default the package's web/dist when it exists. */
  webRoot?: string;
  logger?: boolean;
  /** Replace the extract+save pipeline behind POST /api/reports. */
  ingest?: IngestReport;
  /** Zones to show when the store has none (default: the geo stage's shipped zones). */
  zones?: () => Promise<ZoneSource[]>;
  /** Cache of GET responses, valid per data version (false = off; the bench measures both). */
  cache?: CacheOptions | false;
  /** Writes allowed per client IP per window (default 60 per minute). */
  writeRateLimit?: RateLimitConfig;
}

export const API_VERSION = "1.0.0";

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: BODY_LIMIT,
    // Path parameters (ids) are short; longer ones are refused before any handler runs.
    routerOptions: { maxParamLength: 200 },
    ajv: { customOptions: { allErrors: false, coerceTypes: "array", removeAdditional: true, useDefaults: true } },
  });
  app.decorateRequest("token", null);
  installSecurity(app);
  for (const s of sharedSchemas) app.addSchema(s);

  await app.register(fastifySwagger, {
    // Components named after the schemas' $id (Incident, Error…) rather than def-0, def-1…
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (typeof json.$id === "string" ? json.$id : `def-${i}`) },
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "Hudna API",
        version: API_VERSION,
        description:
          "Structured, geolocated, sourced events from Arabic news reports about the Syrian war. " +
          "Errors are JSON {error, message}. Writes need `Authorization: Bearer <token>` (hudna token create).",
      },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
      tags: [{ name: "incidents" }, { name: "zones" }, { name: "reports" }, { name: "meta" }],
    },
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, c) => new HttpError(429, "too_many_requests", `rate limit: ${c.max} writes per ${c.after}`),
  });

  const ctx: RouteContext = {
    db: opts.store.db,
    writeRateLimit: opts.writeRateLimit ?? { max: 60, timeWindow: 60_000 },
    zoneFallback: opts.zones ?? defaultZoneFallback,
    ingest: opts.ingest ?? defaultIngest(opts.store),
    cache: new ResponseCache(opts.store, opts.cache === false ? { enabled: false } : opts.cache),
  };
  await app.register(async (api) => {
    await incidentRoutes(api, ctx);
    await zoneRoutes(api, ctx);
    await metaRoutes(api, ctx);
    await reportRoutes(api, ctx);
    await exportRoutes(api, ctx);
  });

  // Default: the package's own web/dist, wherever the command is run from.
  const webRoot = opts.webRoot ? resolve(opts.webRoot) : fileURLToPath(new URL("../../web/dist", import.meta.url));
  if (existsSync(webRoot) && statSync(webRoot).isDirectory()) {
    await app.register(fastifyStatic, { root: webRoot, prefix: "/", index: ["index.html"], wildcard: true });
  } else {
    app.get("/", { schema: { hide: true } }, async () => ({
      name: "hudna",
      message: "the dashboard is not built (npm run build:web); the API is at /api",
      openapi: "/api/openapi.json",
    }));
  }
  return app;
}
