// A batch's writes, held until the batch flushes them (group commit, save.ts). Writing each
// report as it is saved cost ~10 statements a report whatever its size; held and merged, a batch
// of 100 reports writes each table in a few multi-row statements, and an incident that several
// of the batch's reports join is written once, in its final state. On PostgreSQL a statement is a
// round trip, so this is most of the store's time; on SQLite it is the per-statement work.
//
// Reads must never miss a held write. The store's reads of incidents go through the writer's
// cache, which has every held incident (write-through); the cache flushes this first before a
// read that could need a held row from the database (incident-cache.ts: `pending`). Held events
// are answered here (`eventsById`).
import type { Insertable, Kysely } from "kysely";
import type { Database } from "./schema.js";
import type { Dialect } from "./dialect.js";
import { bulkInsert } from "./bulk.js";
import { IncidentWrites } from "./incident-writer.js";

type Tx = Kysely<Database>;
type ReportInsert = Insertable<Database["reports"]>;
type EventInsert = Insertable<Database["events"]>;

export class PendingWrites {
  private reports: ReportInsert[] = [];
  private events: EventInsert[] = [];
  /** Every event this batch has held, flushed or not: id → incident. */
  private eventIncident = new Map<string, string | null>();
  private incidents: IncidentWrites;

  constructor(private readonly dialect: Dialect) {
    this.incidents = this.fresh();
  }

  private fresh(): IncidentWrites {
    return new IncidentWrites("", new Map(), "", this.dialect);
  }

  get empty(): boolean {
    return this.reports.length === 0;
  }

  /** Whether a held write concerns this incident. */
  has(incidentId: string): boolean {
    return this.incidents.has(incidentId);
  }

  /** The batch's events among `ids` (held or already flushed): id and incident, as the events table would answer. */
  eventsById(ids: readonly string[]): Array<{ id: string; incident_id: string | null }> {
    const out: Array<{ id: string; incident_id: string | null }> = [];
    for (const id of new Set(ids)) if (this.eventIncident.has(id)) out.push({ id, incident_id: this.eventIncident.get(id)! });
    return out;
  }

  /** One new report's writes: its row, its events, what it did to incidents. */
  add(report: ReportInsert, events: EventInsert[], writes: IncidentWrites): void {
    this.incidents.absorb(writes);
    this.reports.push(report);
    for (const e of events) {
      this.events.push(e);
      this.eventIncident.set(e.id, e.incident_id ?? null);
    }
  }

  /**
   * Writes everything held, in the order foreign keys need: reports, incidents, events, the rest
   * (PostgreSQL: in one statement, its foreign keys checked once every part has run).
   */
  async flush(tx: Tx): Promise<void> {
    if (this.empty) return;
    const { reports, events, incidents } = this;
    this.reports = [];
    this.events = [];
    this.incidents = this.fresh();
    if (this.dialect === "postgres" && (await incidents.writeAllAtOnce(tx, reports as Array<Record<string, unknown>>, events as Array<Record<string, unknown>>))) return;
    await bulkInsert(tx, this.dialect, "reports", reports as Array<Record<string, unknown>>);
    await incidents.writeIncidents(tx);
    await bulkInsert(tx, this.dialect, "events", events as Array<Record<string, unknown>>);
    await incidents.writeRest(tx);
  }
}
