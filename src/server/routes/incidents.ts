// GET /api/incidents, GET /api/incidents/:id, PATCH /api/incidents/:id (corrections).
import type { FastifyInstance } from "fastify";
import type { RouteContext } from "./context.js";
import { filterQueryProperties } from "../schemas.js";
import { parseFilters, type FilterQuery } from "../queries/filters.js";
import { decodeCursor, SORTS, type SortKey } from "../queries/cursor.js";
import { listIncidents } from "../queries/incidents.js";
import { getIncident } from "../queries/incident-detail.js";
import { correctIncident, STATUSES, type CorrectionInput } from "../queries/corrections.js";
import { notFound } from "../errors.js";
import { requireRole } from "../auth.js";

export const MAX_LIMIT = 500;
const ID = { type: "string", minLength: 1, maxLength: 100 } as const;
const count = { type: ["integer", "null"], minimum: 0, maximum: 100_000_000 } as const;
const rangePatch = {
  type: "object",
  additionalProperties: false,
  minProperties: 1,
  properties: { low: count, best: count, high: count },
} as const;

export async function incidentRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const { db } = ctx;

  app.get<{ Querystring: FilterQuery & { sort?: SortKey; limit?: number; cursor?: string } }>(
    "/api/incidents",
    {
      schema: {
        summary: "List incidents (filtered, keyset-paginated)",
        tags: ["incidents"],
        querystring: {
          type: "object",
          properties: {
            ...filterQueryProperties,
            sort: { type: "string", enum: [...SORTS], default: "-date" },
            limit: { type: "integer", minimum: 1, maximum: MAX_LIMIT, default: 100 },
            cursor: { type: "string", maxLength: 500, description: "next_cursor of the previous page" },
          },
        },
        response: {
          200: {
            type: "object",
            properties: {
              items: { type: "array", items: { $ref: "Incident#" } },
              next_cursor: { type: ["string", "null"], description: "null on the last page" },
              total: { type: ["integer", "null"], description: "incidents matching the filters; given on the first page (no cursor), null after" },
            },
            required: ["items", "next_cursor", "total"],
          },
          400: { $ref: "Error#" },
        },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const sort = q.sort ?? "-date";
      const opts = { filters: parseFilters(q), sort, limit: q.limit ?? 100, cursor: q.cursor ? decodeCursor(q.cursor, sort) : undefined };
      return ctx.cache.send(reply, req.url, () => listIncidents(db, opts));
    },
  );

  app.get<{ Params: { id: string } }>(
    "/api/incidents/:id",
    {
      schema: {
        summary: "One incident with its reports, events, evidence, per-source figures and revisions",
        tags: ["incidents"],
        params: { type: "object", properties: { id: ID }, required: ["id"] },
        response: { 200: { $ref: "IncidentDetail#" }, 404: { $ref: "Error#" }, 400: { $ref: "Error#" } },
      },
    },
    async (req, reply) =>
      ctx.cache.send(reply, req.url, async () => {
        const inc = await getIncident(db, req.params.id);
        if (!inc) throw notFound(`no incident ${req.params.id}`);
        return inc;
      }),
  );

  app.patch<{ Params: { id: string }; Body: CorrectionInput }>(
    "/api/incidents/:id",
    {
      onRequest: requireRole(db, ["analyst", "admin"]),
      config: { rateLimit: ctx.writeRateLimit },
      schema: {
        summary: "Correct an incident (status, figures); recorded as revisions and audited",
        tags: ["incidents"],
        security: [{ bearer: [] }],
        params: { type: "object", properties: { id: ID }, required: ["id"] },
        body: {
          type: "object",
          additionalProperties: false,
          required: ["note"],
          properties: {
            status: { type: "string", enum: [...STATUSES] },
            killed: rangePatch,
            injured: rangePatch,
            note: { type: "string", minLength: 1, maxLength: 2000, description: "why (kept in revisions and the audit log)" },
          },
        },
        response: {
          200: {
            type: "object",
            properties: {
              incident: { $ref: "IncidentDetail#" },
              changes: {
                type: "array",
                items: { type: "object", properties: { field: { type: "string" }, old_value: { type: ["string", "null"] }, new_value: { type: ["string", "null"] } } },
              },
            },
          },
          400: { $ref: "Error#" },
          401: { $ref: "Error#" },
          403: { $ref: "Error#" },
          404: { $ref: "Error#" },
        },
      },
    },
    async (req) => {
      // The correction and the pin of its fields commit together (corrections.ts).
      const changes = await correctIncident(db, req.params.id, req.body, req.token!.id);
      ctx.cache.bump();
      if (!changes) throw notFound(`no incident ${req.params.id}`);
      const inc = await getIncident(db, req.params.id);
      return { incident: inc, changes };
    },
  );
}
