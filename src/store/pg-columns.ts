// PostgreSQL types of the columns the store bulk-inserts that are not TEXT (bulk.ts sends one
// array per column, `unnest($1::text[], $2::integer[], …)`, and an array needs its element type).
// Every other column of these tables is TEXT. test/store/bulk.test.ts checks this against the
// migrated schema, so a migration that adds a non-text column must add it here.

// the point, the killed / injured figures and the confidence that events and incidents both carry
const POINT_AND_FIGURES = {
  lat: "double precision",
  lon: "double precision",
  killed_low: "integer",
  killed_best: "integer",
  killed_high: "integer",
  injured_low: "integer",
  injured_best: "integer",
  injured_high: "integer",
  confidence: "double precision",
} as const;

export const PG_NON_TEXT: Readonly<Record<string, Readonly<Record<string, "integer" | "double precision">>>> = {
  reports: { event_count: "integer" },
  events: { seq: "integer", ...POINT_AND_FIGURES },
  incidents: {
    ...POINT_AND_FIGURES,
    report_count: "integer",
    source_count: "integer",
    event_count: "integer",
    is_violation: "integer",
  },
  incident_parties: {},
  incident_sources: {},
  incident_figures: { id: "integer", low: "integer", best: "integer", high: "integer", used: "integer" },
  incident_revisions: { id: "integer" },
  violations: { id: "integer" },
};

/** The array type of a column for `unnest` (text unless listed above). */
export function pgArrayType(table: string, column: string): string {
  return `${PG_NON_TEXT[table]?.[column] ?? "text"}[]`;
}
