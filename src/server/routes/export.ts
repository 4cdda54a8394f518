// GET /api/export?format=geojson|csv|jsonl — every incident matching the list filters, streamed.
// Rows come page by page (keyset) from the API's own filter query (it knows bbox, party, source…);
// the formats are the store's (`hudna export` writes the very same CSV/GeoJSON/JSONL), with
// backpressure, so memory stays flat however large the result.
import { PassThrough } from "node:stream";
import type { FastifyInstance } from "fastify";
import type { RouteContext } from "./context.js";
import type { Db } from "../store-handle.js";
import { filterQueryProperties } from "../schemas.js";
import { parseFilters, type FilterQuery, type IncidentFilters } from "../queries/filters.js";
import { iterateIncidentPages } from "../queries/incidents.js";
import { EXPORT_FORMATS, withSources, writeExport, type ExportFormat, type ExportIncident } from "../../store/export/index.js";

const CONTENT_TYPES: Record<ExportFormat, string> = {
  geojson: "application/geo+json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  jsonl: "application/x-ndjson; charset=utf-8",
};

/** Incidents with their attributed sources and report ids, as the store's writers take them. */
async function* exportRows(db: Db, filters: IncidentFilters): AsyncGenerator<ExportIncident> {
  for await (const page of iterateIncidentPages(db, filters)) yield* await withSources(db, page);
}

export async function exportRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.get<{ Querystring: FilterQuery & { format?: ExportFormat } }>(
    "/api/export",
    {
      schema: {
        summary: "Export incidents (same filters as /api/incidents), streamed; CSV uses ACLED's columns",
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
      const out = new PassThrough();
      // A failure mid-stream aborts the response (its status is already sent).
      writeExport(format, exportRows(ctx.db, filters), out).then(
        () => out.end(),
        (err: unknown) => {
          req.log.error({ err }, "export failed");
          out.destroy(err instanceof Error ? err : new Error(String(err)));
        },
      );
      return reply
        .type(CONTENT_TYPES[format])
        .header("content-disposition", `attachment; filename="hudna-incidents.${format}"`)
        .send(out);
    },
  );
}
