// Incident rows from their members, and the writes of one report's transaction, batched: all
// touched incidents upserted in one statement, their child rows (parties, sources, figures,
// violations) and history (incident_revisions) in one statement per table. A round trip per
// statement is what costs, on PostgreSQL above all; the number of statements per report no
// longer grows with its number of events.
import { createHash } from "node:crypto";
import { CompiledQuery, type Insertable, type Kysely } from "kysely";
import { summarizeIncident, violationsOf, type Member, type ZoneWindow } from "../incidents/index.js";
import type { Database, IncidentRow } from "./schema.js";
import { safeText } from "./text.js";
import { bulkInsert, insertSql, padList, STATEMENT_PARAMS, type BulkOptions } from "./bulk.js";
import { cellOf } from "./cell.js";
import type { Dialect } from "./dialect.js";
import { applyOverrides, parseOverrides } from "./overrides.js";

type Tx = Kysely<Database>;
type Insert<T extends keyof Database> = Insertable<Database[T]>;

export function incidentIdFor(storedEventId: string): string {
  return `inc_${createHash("sha256").update(storedEventId).digest("hex").slice(0, 16)}`;
}

// The fields whose every change is kept in incident_revisions (field = the column name; a new
// incident gets one row with field "created" and new_value = JSON of these fields).
const TRACKED = [
  "type",
  "date_start",
  "zone",
  "killed_low",
  "killed_best",
  "killed_high",
  "injured_low",
  "injured_best",
  "injured_high",
  "status",
  "is_violation",
] as const;

// Columns an upsert rewrites (all but id and created_at).
const UPDATED = [
  "type",
  "date_start",
  "date_end",
  "date_precision",
  "lat",
  "lon",
  "place",
  "place_ar",
  "place_precision",
  "place_gid",
  "admin1",
  "zone",
  "cell",
  "killed_low",
  "killed_best",
  "killed_high",
  "injured_low",
  "injured_best",
  "injured_high",
  "status",
  "report_count",
  "source_count",
  "event_count",
  "actors",
  "targets",
  "is_violation",
  "confidence",
  "updated_at",
] as const;

// The columns of `incidents` that some index holds (migrations 001–003). An upsert rewrites every
// index entry of the row whatever changed (SQLite updates each index whose columns the SET names);
// a report joining an incident mostly changes its counts, figures and status, which no index
// holds. So an incident whose indexed values stay the same is written with an UPDATE of the other
// columns only: no index entry is touched. (PostgreSQL already skips index writes for such a
// row version — a HOT update — so it keeps the single multi-row upsert.)
const INDEXED = ["type", "date_start", "lat", "lon", "place", "zone", "cell", "killed_best"] as const;
const UNINDEXED = UPDATED.filter((c) => !(INDEXED as readonly string[]).includes(c));
const UPDATE_UNINDEXED = `update "incidents" set ${UNINDEXED.map((c) => `"${c}" = ?`).join(", ")} where "id" = ?`;

function asText(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

/** Everything one report's transaction writes about incidents, flushed in dependency order. */
export class IncidentWrites {
  private readonly rows = new Map<string, Insert<"incidents">>();
  private readonly olds = new Map<string, IncidentRow>();
  private readonly parties = new Map<string, Insert<"incident_parties">[]>();
  private readonly sources = new Map<string, Insert<"incident_sources">[]>();
  private readonly figures = new Map<string, Insert<"incident_figures">[]>();
  private readonly violations = new Map<string, Insert<"violations">[]>();
  private readonly revisions: Insert<"incident_revisions">[] = [];
  /** Existing incidents whose stored child rows must go before the new ones are written. */
  private readonly stale = new Set<string>();
  private readonly deleted: string[] = [];

  constructor(
    private readonly reportId: string,
    private readonly zones: Map<string, ZoneWindow>,
    private readonly now: string,
    private readonly dialect: Dialect,
  ) {}

  /** (Re)compute an incident from all its members; `old` = its stored row, undefined when new. */
  build(incidentId: string, members: Member[], old: IncidentRow | undefined): void {
    const now = this.now;
    if (old) {
      this.stale.add(incidentId);
      this.olds.set(incidentId, old);
    }
    if (!members.length) {
      if (old) {
        this.deleted.push(incidentId);
        this.revisions.push({ incident_id: incidentId, at: now, field: "deleted", old_value: old.status, new_value: null, report_id: this.reportId });
      }
      return;
    }
    const s = summarizeIncident(members);
    const violations = violationsOf(s, s.zone ? this.zones.get(s.zone) : undefined);
    const row = {
      id: incidentId,
      type: s.type,
      date_start: s.date_start,
      date_end: s.date_end,
      date_precision: s.date_precision,
      lat: s.lat,
      lon: s.lon,
      place: s.place,
      place_ar: s.place_ar,
      place_precision: s.place_precision,
      place_gid: s.place_gid,
      admin1: s.admin1,
      zone: s.zone,
      cell: cellOf(s.lat, s.lon, s.place_precision, s.admin1),
      killed_low: s.killed.low,
      killed_best: s.killed.best,
      killed_high: s.killed.high,
      injured_low: s.injured.low,
      injured_best: s.injured.best,
      injured_high: s.injured.high,
      status: s.status,
      report_count: s.report_count,
      source_count: s.source_count,
      event_count: s.event_count,
      actors: JSON.stringify(s.actors),
      targets: JSON.stringify(s.targets),
      is_violation: violations.length ? 1 : 0,
      confidence: s.confidence,
      created_at: old?.created_at ?? now,
      updated_at: now,
    };
    // An analyst's corrections win over the recomputed values (the figures stay recorded below).
    if (old?.overrides) applyOverrides(row, parseOverrides(old.overrides));
    this.rows.set(incidentId, row);

    // A new incident: one "created" row holding its first values; afterwards one row per
    // changed field, old → new.
    if (old) {
      for (const f of TRACKED) {
        const before = asText(old[f]);
        const after = asText(row[f]);
        if (before !== after) this.revisions.push({ incident_id: incidentId, at: now, field: f, old_value: before, new_value: after, report_id: this.reportId });
      }
    } else {
      const first = JSON.stringify(Object.fromEntries(TRACKED.map((f) => [f, row[f]])));
      this.revisions.push({ incident_id: incidentId, at: now, field: "created", old_value: null, new_value: first, report_id: this.reportId });
    }

    const parties = [...s.actors.map((p) => ({ side: "actor", p })), ...s.targets.map((p) => ({ side: "target", p }))].map(({ side, p }) => ({
      incident_id: incidentId,
      side,
      name: p.name,
      name_ar: p.name_ar ?? null,
      kind: p.kind,
    }));
    this.parties.set(incidentId, [...new Map(parties.map((p) => [`${p.side}\u0000${p.name}`, p])).values()]);
    this.sources.set(
      incidentId,
      s.sources.map((x) => ({ incident_id: incidentId, report_id: x.reportId, event_id: x.eventId, name: x.name, kind: x.kind })),
    );
    this.figures.set(
      incidentId,
      s.figures.map((f) => ({
        incident_id: incidentId,
        event_id: f.eventId,
        report_id: f.reportId,
        source: f.source,
        measure: f.measure,
        low: f.count.low,
        best: f.count.best,
        high: f.count.high,
        qualifier: f.count.qualifier,
        count_group: f.count.group ?? "unknown",
        text: safeText(f.count.text ?? ""),
        used: f.used ? 1 : 0,
      })),
    );
    this.violations.set(
      incidentId,
      violations.map((v) => ({ ...v, incident_id: incidentId })),
    );
  }

  /** Whether this holds writes for the incident. */
  has(incidentId: string): boolean {
    return this.rows.has(incidentId) || this.olds.has(incidentId);
  }

  /**
   * Takes over a later report's writes (group commit: a batch's reports are written together).
   * The incident's final row and child rows are the later ones; what the database held before
   * the batch (`olds`, and so which incidents need their stored child rows replaced) stays the
   * first report's knowledge; history rows keep their order. Deletions are not merged (they are
   * written at once, see save.ts).
   */
  absorb(later: IncidentWrites): void {
    if (later.deleted.length) throw new Error("incident deletions are not deferred");
    for (const [id, row] of later.rows) {
      if (!this.rows.has(id)) {
        const old = later.olds.get(id);
        if (old) {
          this.olds.set(id, old);
          this.stale.add(id);
        }
      }
      this.rows.set(id, row);
      this.parties.set(id, later.parties.get(id) ?? []);
      this.sources.set(id, later.sources.get(id) ?? []);
      this.figures.set(id, later.figures.get(id) ?? []);
      this.violations.set(id, later.violations.get(id) ?? []);
    }
    for (const r of later.revisions) this.revisions.push(r);
  }

  /** The row written for an incident (undefined when it was deleted or never built). */
  rowOf(incidentId: string): Insert<"incidents"> | undefined {
    return this.rows.get(incidentId);
  }

  /** Incident rows first: the report's event rows reference them. */
  async writeIncidents(tx: Tx): Promise<void> {
    const full: Array<Insert<"incidents">> = [];
    const light: Array<Insert<"incidents">> = [];
    for (const [id, row] of this.rows) {
      const old = this.olds.get(id);
      const r = row as Record<string, unknown>;
      if (this.dialect === "sqlite" && old && INDEXED.every((c) => (old[c] ?? null) === (r[c] ?? null))) light.push(row);
      else full.push(row);
    }
    await bulkInsert(tx, this.dialect, "incidents", full, { upsertKey: "id", update: UPDATED });
    for (const row of light) {
      const r = row as Record<string, unknown>;
      await tx.executeQuery(CompiledQuery.raw(UPDATE_UNINDEXED, [...UNINDEXED.map((c) => r[c] ?? null), row.id]));
    }
  }

  /** After the event rows: child rows rebuilt, history appended, emptied incidents removed. */
  async writeRest(tx: Tx): Promise<void> {
    if (this.dialect === "postgres" && (await this.writeRestAtOnce(tx))) return;
    const stale = [...this.stale];
    for (let i = 0; i < stale.length; i += 500) {
      const ids = padList(stale.slice(i, i + 500));
      await tx.deleteFrom("incident_parties").where("incident_id", "in", ids).execute();
      await tx.deleteFrom("incident_sources").where("incident_id", "in", ids).execute();
      await tx.deleteFrom("incident_figures").where("incident_id", "in", ids).execute();
      await tx.deleteFrom("violations").where("incident_id", "in", ids).execute();
    }
    const insert = <T extends "incident_parties" | "incident_sources" | "incident_figures" | "violations" | "incident_revisions">(table: T, rows: Insert<T>[]) =>
      bulkInsert(tx, this.dialect, table, rows as Array<Record<string, unknown>>);
    await insert("incident_parties", [...this.parties.values()].flat());
    await insert("incident_sources", [...this.sources.values()].flat());
    await insert("incident_figures", [...this.figures.values()].flat());
    await insert("violations", [...this.violations.values()].flat());
    await insert("incident_revisions", this.revisions);
    await this.deleteEmptied(tx);
  }

  private async deleteEmptied(tx: Tx): Promise<void> {
    for (let i = 0; i < this.deleted.length; i += 500) await tx.deleteFrom("incidents").where("id", "in", padList(this.deleted.slice(i, i + 500))).execute();
  }

  /**
   * PostgreSQL: the child-row deletes as one statement and the inserts as another (data-modifying
   * WITH clauses): two round trips instead of up to nine. (Not one: the parts of a statement run
   * in no set order, and an insert checked against a unique index before the delete of the row it
   * replaces would fail.) False (nothing written) when the inserts would bind too many
   * parameters: then the statement-per-table path runs.
   */
  private async writeRestAtOnce(tx: Tx): Promise<boolean> {
    const st = this.insertsAtOnce(this.childTables());
    if (!st) return false;
    await this.deleteStale(tx);
    if (st.text) await tx.executeQuery(CompiledQuery.raw(st.text, st.params));
    await this.deleteEmptied(tx);
    return true;
  }

  /**
   * PostgreSQL, a batch's held writes: the stale child rows deleted, then ONE statement inserts
   * the reports, upserts the incidents, inserts the events and the child rows (foreign keys are
   * checked at the end of the statement, when every part has run). Returns false (nothing
   * written) when that would bind too many parameters.
   */
  async writeAllAtOnce(tx: Tx, reports: Array<Record<string, unknown>>, events: Array<Record<string, unknown>>): Promise<boolean> {
    const st = this.insertsAtOnce([
      ["reports", reports],
      ["incidents", [...this.rows.values()], { upsertKey: "id", update: UPDATED }],
      ["events", events],
      ...this.childTables(),
    ]);
    if (!st) return false;
    await this.deleteStale(tx);
    if (st.text) await tx.executeQuery(CompiledQuery.raw(st.text, st.params));
    await this.deleteEmptied(tx);
    return true;
  }

  private childTables(): Array<[keyof Database, Array<Record<string, unknown>>]> {
    return [
      ["incident_parties", [...this.parties.values()].flat()],
      ["incident_sources", [...this.sources.values()].flat()],
      ["incident_figures", [...this.figures.values()].flat()],
      ["violations", [...this.violations.values()].flat()],
      ["incident_revisions", this.revisions],
    ];
  }

  /** One statement of data-modifying WITH clauses inserting each table's rows (text "" when there are none). */
  private insertsAtOnce(tables: Array<[keyof Database, Array<Record<string, unknown>>, BulkOptions?]>): { text: string; params: unknown[] } | null {
    const parts: string[] = [];
    const params: unknown[] = [];
    for (const [table, rows, opts] of tables) {
      if (!rows.length) continue;
      const st = insertSql(this.dialect, table, rows, opts, params.length);
      if (params.length + st.params.length > STATEMENT_PARAMS) return null;
      params.push(...st.params);
      parts.push(`i_${table} as (${st.text})`);
    }
    return { text: parts.length ? `with ${parts.join(", ")} select 1` : "", params };
  }

  private async deleteStale(tx: Tx): Promise<void> {
    if (!this.stale.size) return;
    const del = ["incident_parties", "incident_sources", "incident_figures", "violations"].map((t) => `d_${t} as (delete from "${t}" where "incident_id" = any($1::text[]))`);
    await tx.executeQuery(CompiledQuery.raw(`with ${del.join(", ")} select 1`, [[...this.stale]]));
  }
}
