// GET /api/zones, GET /api/zones/:id/violations
import type { FastifyInstance } from "fastify";
import type { RouteContext } from "./context.js";
import { DATE_PATTERN } from "../schemas.js";
import { listZones, violationSeries, zoneExists, type Interval } from "../queries/zones.js";
import { badRequest, notFound } from "../errors.js";

export async function zoneRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const { db } = ctx;

  app.get(
    "/api/zones",
    {
      schema: {
        summary: "Monitored zones (GeoJSON FeatureCollection) with violation totals",
        tags: ["zones"],
        response: {
          200: {
            type: "object",
            properties: {
              type: { type: "string", enum: ["FeatureCollection"] },
              features: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    type: { type: "string" },
                    id: { type: "string" },
                    geometry: { type: ["object", "null"], additionalProperties: true },
                    properties: {
                      type: "object",
                      properties: {
                        id: { type: "string" },
                        name: { type: "string" },
                        name_ar: { type: ["string", "null"] },
                        guarantors: { type: "array", items: { type: "string" } },
                        start: { type: ["string", "null"] },
                        end: { type: ["string", "null"] },
                        violations: { type: "integer", description: "distinct incidents counted as violations" },
                        violations_by_party: { type: "object", additionalProperties: { type: "integer" } },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    async (req, reply) =>
      ctx.cache.send(reply, req.url, async () => ({ type: "FeatureCollection", features: await listZones(db, ctx.zoneFallback) })),
  );

  app.get<{ Params: { id: string }; Querystring: { interval?: Interval; from?: string; to?: string } }>(
    "/api/zones/:id/violations",
    {
      schema: {
        summary: "A zone's violations per day or week, split by acting party",
        tags: ["zones"],
        params: { type: "object", properties: { id: { type: "string", minLength: 1, maxLength: 100 } }, required: ["id"] },
        querystring: {
          type: "object",
          properties: {
            interval: { type: "string", enum: ["day", "week"], default: "day" },
            from: { type: "string", pattern: DATE_PATTERN },
            to: { type: "string", pattern: DATE_PATTERN },
          },
        },
        response: {
          200: {
            type: "object",
            properties: {
              zone: { type: "string" },
              interval: { type: "string" },
              from: { type: ["string", "null"] },
              to: { type: ["string", "null"] },
              parties: { type: "array", items: { type: "string" }, description: "most active first" },
              total: { type: "integer" },
              buckets: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    start: { type: "string", description: "the day, or the Monday of the ISO week" },
                    total: { type: "integer", description: "distinct incidents" },
                    by_party: { type: "object", additionalProperties: { type: "integer" } },
                  },
                },
              },
            },
          },
          400: { $ref: "Error#" },
          404: { $ref: "Error#" },
        },
      },
    },
    async (req, reply) => {
      const { interval = "day", from, to } = req.query;
      if (from && to && from > to) throw badRequest("from is after to");
      return ctx.cache.send(reply, req.url, async () => {
        if (!(await zoneExists(db, req.params.id, ctx.zoneFallback))) throw notFound(`no zone ${req.params.id}`);
        return violationSeries(db, req.params.id, interval, from, to);
      });
    },
  );
}
