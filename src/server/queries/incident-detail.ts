// One incident with everything behind it: the reports that told it (with their text), each
// report's events of this incident with evidence spans into that text, the figures each source
// gave, and the history of changes.
import type { Db } from "../store-handle.js";
import type { Evidence, HudnaEvent } from "../../model/index.js";
import { toItem, type IncidentItem } from "./incidents.js";

export interface EvidenceOut {
  start: number;
  end: number;
  quote: string;
}

export interface EventOut {
  id: string;
  type: string;
  stance: string;
  date: { start: string | null; end: string | null; precision: string; text: string };
  actors: unknown[];
  targets: unknown[];
  locations: unknown[];
  fatalities: unknown;
  injured: unknown;
  sources: unknown[];
  confidence: number;
  evidence: EvidenceOut[];
}

export interface ReportOut {
  id: string;
  outlet: string | null;
  url: string | null;
  published: string | null;
  title: string | null;
  text: string;
  events: EventOut[];
}

export interface IncidentDetail extends IncidentItem {
  event_count: number;
  /** All reports of the incident; `reports` holds at most MAX_DETAIL_REPORTS of them. */
  report_total: number;
  sources: { name: string; kind: string; report_id: string }[];
  reports: ReportOut[];
  figures: {
    id: number;
    source: string;
    measure: string;
    low: number | null;
    best: number | null;
    high: number | null;
    qualifier: string;
    group: string;
    text: string;
    used: boolean;
    report_id: string;
    event_id: string;
  }[];
  revisions: { id: number; at: string; field: string; old_value: string | null; new_value: string | null; report_id: string | null }[];
}

/** Evidence offsets into `text` (report.text): text_start/text_end when the extractor mapped them. */
export function evidenceIn(text: string, ev: Evidence[]): EvidenceOut[] {
  const out: EvidenceOut[] = [];
  for (const e of ev) {
    const start = e.text_start ?? e.start;
    const end = e.text_end ?? e.end;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
      if (e.quote) out.push({ start: -1, end: -1, quote: e.quote });
      continue;
    }
    out.push({ start, end, quote: e.quote ?? text.slice(start, end) });
  }
  return out;
}

function parseEvent(json: string): Partial<HudnaEvent> {
  try {
    return JSON.parse(json) as Partial<HudnaEvent>;
  } catch {
    return {};
  }
}

/** Reports carried in one detail answer (each holds its full text): bounds the response size. */
export const MAX_DETAIL_REPORTS = 100;

export async function getIncident(db: Db, id: string): Promise<IncidentDetail | null> {
  const row = await db.selectFrom("incidents").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return null;
  const [events, sources, figures, revisions] = await Promise.all([
    db.selectFrom("events").selectAll().where("incident_id", "=", id).orderBy("report_id").orderBy("seq").execute(),
    db
      .selectFrom("incident_sources")
      .select(["name", "kind", "report_id"])
      .where("incident_id", "=", id)
      .orderBy("name")
      .orderBy("report_id")
      .execute(),
    db.selectFrom("incident_figures").selectAll().where("incident_id", "=", id).orderBy("id").execute(),
    db.selectFrom("incident_revisions").selectAll().where("incident_id", "=", id).orderBy("id").execute(),
  ]);
  const reportIds = [...new Set([...events.map((e) => e.report_id), ...sources.map((s) => s.report_id)])];
  const reports = reportIds.length
    ? await db
        .selectFrom("reports")
        .select(["id", "outlet", "url", "published", "title", "text"])
        .where("id", "in", reportIds)
        .orderBy("published")
        .orderBy("id")
        .limit(MAX_DETAIL_REPORTS)
        .execute()
    : [];
  const seen = new Set<string>();
  const uniqueSources = sources.filter((s) => {
    const k = `${s.name}\u0000${s.report_id}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return {
    ...toItem(row),
    event_count: row.event_count,
    report_total: reportIds.length,
    sources: uniqueSources,
    reports: reports.map((r) => ({
      ...r,
      events: events
        .filter((e) => e.report_id === r.id)
        .map((e) => {
          const ev = parseEvent(e.json);
          return {
            id: e.id,
            type: e.type,
            stance: e.stance,
            date: { start: e.date_start, end: e.date_end, precision: e.date_precision, text: ev.date?.text ?? "" },
            actors: ev.actors ?? [],
            targets: ev.targets ?? [],
            locations: ev.locations ?? [],
            fatalities: ev.fatalities ?? null,
            injured: ev.injured ?? null,
            sources: ev.sources ?? [],
            confidence: e.confidence,
            evidence: evidenceIn(r.text, ev.evidence ?? []),
          };
        }),
    })),
    figures: figures.map((f) => ({
      id: f.id,
      source: f.source,
      measure: f.measure,
      low: f.low,
      best: f.best,
      high: f.high,
      qualifier: f.qualifier,
      group: f.count_group,
      text: f.text,
      used: Boolean(f.used),
      report_id: f.report_id,
      event_id: f.event_id,
    })),
    revisions,
  };
}
