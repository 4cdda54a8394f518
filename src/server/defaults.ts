// The production wiring of the stages the server borrows: extraction + the store's save for
// POST /api/reports, and the geo stage's shipped zones when the store holds none.
// Loaded on first use, so the server starts fast and read routes work even if a stage fails.
import type { SaveInput, SaveOutcome } from "../store/index.js";
import { makeIngest, type IngestReport } from "./ingest-report.js";
import { HttpError } from "./errors.js";
import type { ZoneSource } from "./queries/zones.js";

type Extract = typeof import("../extract/index.js");
let extractor: Promise<Extract> | null = null;

function loadExtractor(): Promise<Extract> {
  extractor ??= import("../extract/index.js").catch((err: unknown) => {
    extractor = null;
    throw new HttpError(503, "unavailable", `the extractor failed to load: ${String((err as Error)?.message ?? err).split("\n")[0]}`);
  });
  return extractor;
}

export function defaultIngest(store: { saveExtraction?(input: SaveInput): Promise<SaveOutcome> }): IngestReport | undefined {
  const save = store.saveExtraction?.bind(store);
  if (!save) return undefined;
  let version = "unknown";
  return makeIngest({
    async extract(report) {
      const x = await loadExtractor();
      version = x.EXTRACTOR_VERSION;
      return x.extractReport(report, { published: report.published ?? null, outlet: report.outlet ?? null });
    },
    save: (report, result, original) => save({ report, result, source: "api", original, extractorVersion: version }),
  });
}

export async function defaultZoneFallback(): Promise<ZoneSource[]> {
  try {
    const geo = await import("../geo/index.js");
    return geo.getZones().map((f) => ({
      id: f.properties.id,
      name: f.properties.name,
      name_ar: f.properties.name_ar ?? null,
      guarantors: f.properties.guarantors ?? [],
      start: f.properties.start ?? null,
      end: f.properties.end ?? null,
      geometry: f.geometry,
    }));
  } catch {
    return []; // no zone file: the API still answers, with no zones
  }
}
