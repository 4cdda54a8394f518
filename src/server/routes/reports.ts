// POST /api/reports: ingest one report (analyst or admin), audited.
import type { FastifyInstance } from "fastify";
import type { RouteContext } from "./context.js";
import { DATE_PATTERN } from "../schemas.js";
import { requireRole } from "../auth.js";
import { writeAudit } from "../audit.js";
import { HttpError } from "../errors.js";
import type { IngestInput } from "../ingest-report.js";

export async function reportRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const { db } = ctx;
  app.post<{ Body: IngestInput }>(
    "/api/reports",
    {
      onRequest: requireRole(db, ["analyst", "admin"]),
      config: { rateLimit: ctx.writeRateLimit },
      schema: {
        summary: "Ingest one report: extract its events and merge them into incidents",
        tags: ["reports"],
        security: [{ bearer: [] }],
        body: {
          type: "object",
          additionalProperties: false,
          properties: {
            text: { type: "string", minLength: 1, maxLength: 1_000_000, description: "plain text of the report" },
            html: { type: "string", minLength: 1, maxLength: 1_900_000, description: "or the HTML page" },
            url: { type: "string", maxLength: 2048, pattern: "^https?://" },
            outlet: { type: "string", maxLength: 200 },
            published: { type: "string", pattern: DATE_PATTERN },
          },
          oneOf: [{ required: ["text"] }, { required: ["html"] }],
        },
        response: {
          200: {
            type: "object",
            properties: {
              report_id: { type: "string" },
              status: { type: "string", description: "new | duplicate | reprocessed" },
              events: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    id: { type: "string" },
                    type: { type: "string" },
                    stance: { type: "string" },
                    date_start: { type: ["string", "null"] },
                    place: { type: ["string", "null"] },
                    killed_best: { type: ["integer", "null"] },
                  },
                },
              },
              incidents: { type: "array", items: { type: "string" } },
            },
          },
          400: { $ref: "Error#" },
          401: { $ref: "Error#" },
          403: { $ref: "Error#" },
          413: { $ref: "Error#" },
          429: { $ref: "Error#" },
        },
      },
    },
    async (req) => {
      if (!ctx.ingest) throw new HttpError(503, "unavailable", "report ingestion is not configured on this server");
      const out = await ctx.ingest(req.body);
      ctx.cache.bump();
      await writeAudit(db, {
        tokenId: req.token!.id,
        action: "report.ingest",
        target: out.report_id,
        detail: { status: out.status, url: req.body.url ?? null, outlet: req.body.outlet ?? null, events: out.events.length, incidents: out.incidents },
      });
      return out;
    },
  );
}
