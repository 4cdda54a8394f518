// GET /api/export?format=geojson|csv|jsonl — every incident matching the list filters, streamed
// page by page (keyset), so memory stays flat however large the result.
import { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import type { RouteContext } from "./context.js";
import { filterQueryProperties } from "../schemas.js";
import { parseFilters, type FilterQuery } from "../queries/filters.js";
import { iterateIncidents } from "../queries/incidents.js";
import { EXPORT_FORMATS, exportChunks, type ExportFormat } from "../export-format.js";

const CONTENT_TYPES: Record<ExportFormat, string> = {
  geojson: "application/geo+json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  jsonl: "application/x-ndjson; charset=utf-8",
};

export async function exportRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.get<{ Querystring: FilterQuery & { format?: ExportFormat } }>(
    "/api/export",
    {
      schema: {
        summary: "Export incidents (same filters as /api/incidents), streamed",
        tags: ["incidents"],
        querystring: {
          type: "object",
          properties: { ...filterQueryProperties, format: { type: "string", enum: [...EXPORT_FORMATS], default: "geojson" } },
        },
        response: {
          200: { description: "GeoJSON FeatureCollection, CSV (one row per incident) or JSON Lines", type: "string" },
          400: { $ref: "Error#" },
        },
      },
    },
    async (req, reply) => {
      const format = req.query.format ?? "geojson";
      const filters = parseFilters(req.query);
      const rows = iterateIncidents(ctx.db, filters);
      const ext = format === "geojson" ? "geojson" : format;
      reply
        .type(CONTENT_TYPES[format])
        .header("content-disposition", `attachment; filename="hudna-incidents.${ext}"`);
      return reply.send(Readable.from(exportChunks(format, rows)));
    },
  );
}
