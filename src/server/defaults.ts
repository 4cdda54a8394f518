// The production wiring of the stages the server borrows: extraction + the store's save for
// POST /api/reports, and the geo stage's shipped zones when the store holds none.
// Loaded lazily so the server starts (and read routes work) even if a stage fails to load.
import type { ExtractResult, Report } from "../model/index.js";
import type { SaveInput, SaveOutcome } from "../store/index.js";
import { makeIngest, type IngestReport } from "./ingest-report.js";
import { HttpError } from "./errors.js";
import type { ZoneSource } from "./queries/zones.js";

type ExtractFn = (report: Report, opts?: Record<string, unknown>) => ExtractResult | Promise<ExtractResult>;

// Specifiers kept in variables: these modules belong to other stages and are resolved at run time.
const EXTRACT_MODULE = "../extract/index.js";
const GEO_MODULE = "../geo/index.js";

async function loadExtract(): Promise<ExtractFn> {
  const mod = (await import(EXTRACT_MODULE)) as { extractReport?: ExtractFn };
  if (typeof mod.extractReport !== "function") throw new HttpError(503, "unavailable", "the extractor is not available");
  return mod.extractReport;
}

export function defaultIngest(store: { saveExtraction?(input: SaveInput): Promise<SaveOutcome> }): IngestReport | undefined {
  const save = store.saveExtraction?.bind(store);
  if (!save) return undefined;
  let extract: Promise<ExtractFn> | null = null;
  return makeIngest({
    async extract(report) {
      extract ??= loadExtract();
      const fn = await extract.catch((e: unknown) => {
        extract = null;
        throw e instanceof HttpError ? e : new HttpError(503, "unavailable", "the extractor is not available");
      });
      return fn(report, { published: report.published ?? undefined, outlet: report.outlet ?? undefined });
    },
    save: (report, result, original) => save({ report, result, source: "api", original }),
  });
}

export async function defaultZoneFallback(): Promise<ZoneSource[]> {
  try {
    const mod = (await import(GEO_MODULE)) as { getZones?: () => unknown };
    const zones = typeof mod.getZones === "function" ? await mod.getZones() : null;
    const list = Array.isArray(zones) ? zones : (zones as { features?: unknown[] } | null)?.features;
    if (!Array.isArray(list)) return [];
    return list.flatMap((f) => {
      const feat = f as { id?: unknown; geometry?: unknown; properties?: Record<string, unknown> };
      const p = feat.properties ?? {};
      const id = String(p.id ?? feat.id ?? "");
      if (!id) return [];
      return [
        {
          id,
          name: String(p.name ?? id),
          name_ar: typeof p.name_ar === "string" ? p.name_ar : null,
          guarantors: Array.isArray(p.guarantors) ? p.guarantors.map(String) : [],
          start: typeof p.start === "string" ? p.start : null,
          end: typeof p.end === "string" ? p.end : null,
          geometry: feat.geometry ?? null,
        },
      ];
    });
  } catch {
    return [];
  }
}
