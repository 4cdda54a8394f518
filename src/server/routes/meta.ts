// GET /api/health, GET /api/stats, GET /api/audit (admin), GET /api/openapi.json
import type { FastifyInstance } from "fastify";
import type { RouteContext } from "./context.js";
import { getStats } from "../queries/stats.js";
import { readAudit } from "../audit.js";
import { requireRole } from "../auth.js";

const counts = { type: "object", additionalProperties: { type: "integer" } } as const;

export async function metaRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const { db } = ctx;

  app.get(
    "/api/health",
    {
      schema: {
        summary: "Liveness (touches no data)",
        tags: ["meta"],
        response: { 200: { type: "object", properties: { ok: { type: "boolean" } } } },
      },
    },
    async () => ({ ok: true }),
  );

  app.get(
    "/api/stats",
    {
      schema: {
        summary: "Corpus totals",
        tags: ["meta"],
        response: {
          200: {
            type: "object",
            properties: {
              reports: { type: "integer" },
              events: { type: "integer" },
              incidents: { type: "integer" },
              violations: { type: "integer" },
              killed_best: { type: "integer", description: "sum of incidents' killed.best, aggregate claims left out" },
              killed_best_claims: { type: "integer", description: "sum of killed.best of aggregate claims (casualty_claim, ceasefire_violation_report)" },
              by_type: counts,
              by_zone: { ...counts, description: "'none' = outside every zone" },
              by_status: counts,
              date_range: { type: "object", properties: { from: { type: ["string", "null"] }, to: { type: ["string", "null"] } } },
            },
          },
        },
      },
    },
    async (req, reply) => ctx.cache.send(reply, req.url, () => getStats(db)),
  );

  app.get<{ Querystring: { limit?: number; before?: number } }>(
    "/api/audit",
    {
      onRequest: requireRole(db, ["admin"]),
      schema: {
        summary: "The audit log, newest first (admin)",
        tags: ["meta"],
        security: [{ bearer: [] }],
        querystring: {
          type: "object",
          properties: {
            limit: { type: "integer", minimum: 1, maximum: 500, default: 100 },
            before: { type: "integer", minimum: 1, description: "only entries with a smaller id" },
          },
        },
        response: {
          200: {
            type: "object",
            properties: {
              items: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    id: { type: "integer" },
                    at: { type: "string" },
                    token_id: { type: ["string", "null"] },
                    action: { type: "string" },
                    target: { type: ["string", "null"] },
                    detail: {},
                  },
                },
              },
            },
          },
          401: { $ref: "Error#" },
          403: { $ref: "Error#" },
        },
      },
    },
    async (req) => ({ items: await readAudit(db, req.query.limit ?? 100, req.query.before) }),
  );

  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
}
