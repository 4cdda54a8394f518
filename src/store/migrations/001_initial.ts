// The initial schema (see ../schema.ts for what each column means). Written once with Kysely's
// schema builder so both engines get the same tables; the only engine difference is how an
// auto-increment key is spelled.
import { sql, type Kysely, type CreateTableBuilder } from "kysely";
import type { Dialect } from "../dialect.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

function serialId<T extends string>(t: CreateTableBuilder<T, never>, dialect: Dialect): CreateTableBuilder<T, "id"> {
  return dialect === "postgres"
    ? t.addColumn("id", "serial", (c) => c.primaryKey())
    : t.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement());
}

const REAL = sql`double precision`;

export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("reports")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("url", "text")
    .addColumn("outlet", "text")
    .addColumn("published", "text")
    .addColumn("title", "text")
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("original", "text")
    .addColumn("format", "text")
    .addColumn("language", "text")
    .addColumn("extractor_version", "text", (c) => c.notNull())
    .addColumn("source", "text")
    .addColumn("warnings", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("event_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("ingested_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("reports_published").on("reports").columns(["published"]).execute();
  await db.schema.createIndex("reports_version").on("reports").columns(["extractor_version"]).execute();
  await db.schema.createIndex("reports_url").on("reports").columns(["url"]).execute();

  await db.schema
    .createTable("incidents")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("date_start", "text")
    .addColumn("date_end", "text")
    .addColumn("date_precision", "text", (c) => c.notNull().defaultTo("unknown"))
    .addColumn("lat", REAL)
    .addColumn("lon", REAL)
    .addColumn("place", "text")
    .addColumn("place_ar", "text")
    .addColumn("place_precision", "text")
    .addColumn("place_gid", "text")
    .addColumn("admin1", "text")
    .addColumn("zone", "text")
    .addColumn("killed_low", "integer")
    .addColumn("killed_best", "integer")
    .addColumn("killed_high", "integer")
    .addColumn("injured_low", "integer")
    .addColumn("injured_best", "integer")
    .addColumn("injured_high", "integer")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("report_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("source_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("event_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("actors", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("targets", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("is_violation", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("confidence", REAL, (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("incidents_zone_date").on("incidents").columns(["zone", "date_start"]).execute();
  await db.schema.createIndex("incidents_date").on("incidents").columns(["date_start", "id"]).execute();
  await db.schema.createIndex("incidents_type_date").on("incidents").columns(["type", "date_start"]).execute();
  await db.schema.createIndex("incidents_latlon").on("incidents").columns(["lat", "lon"]).execute();

  await db.schema
    .createTable("events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("report_id", "text", (c) => c.notNull().references("reports.id").onDelete("cascade"))
    .addColumn("incident_id", "text", (c) => c.references("incidents.id").onDelete("set null"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("stance", "text", (c) => c.notNull())
    .addColumn("date_start", "text")
    .addColumn("date_end", "text")
    .addColumn("date_precision", "text", (c) => c.notNull())
    .addColumn("lat", REAL)
    .addColumn("lon", REAL)
    .addColumn("admin1", "text")
    .addColumn("place_name", "text")
    .addColumn("place_name_ar", "text")
    .addColumn("place_precision", "text")
    .addColumn("zone", "text")
    .addColumn("killed_low", "integer")
    .addColumn("killed_best", "integer")
    .addColumn("killed_high", "integer")
    .addColumn("injured_low", "integer")
    .addColumn("injured_best", "integer")
    .addColumn("injured_high", "integer")
    .addColumn("confidence", REAL, (c) => c.notNull())
    .addColumn("json", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("events_report").on("events").columns(["report_id", "seq"]).execute();
  await db.schema.createIndex("events_incident").on("events").columns(["incident_id"]).execute();
  // No type/zone/date indexes on events: filters go through incidents; every index costs each ingest.

  await db.schema
    .createTable("incident_parties")
    .addColumn("incident_id", "text", (c) => c.notNull().references("incidents.id").onDelete("cascade"))
    .addColumn("side", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_ar", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("incident_parties_pk", ["incident_id", "side", "name"])
    .execute();
  // Party and source filters are EXISTS subqueries per incident: the primary keys (incident_id
  // first) serve them. Every further index would cost each ingest more than it saves.

  await db.schema
    .createTable("incident_sources")
    .addColumn("incident_id", "text", (c) => c.notNull().references("incidents.id").onDelete("cascade"))
    .addColumn("report_id", "text", (c) => c.notNull().references("reports.id").onDelete("cascade"))
    .addColumn("event_id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("incident_sources_pk", ["incident_id", "event_id", "name"])
    .execute();

  await serialId(db.schema.createTable("incident_figures"), dialect)
    .addColumn("incident_id", "text", (c) => c.notNull().references("incidents.id").onDelete("cascade"))
    .addColumn("event_id", "text", (c) => c.notNull())
    .addColumn("report_id", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("measure", "text", (c) => c.notNull())
    .addColumn("low", "integer")
    .addColumn("best", "integer")
    .addColumn("high", "integer")
    .addColumn("qualifier", "text", (c) => c.notNull())
    .addColumn("count_group", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("used", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("incident_figures_incident").on("incident_figures").columns(["incident_id"]).execute();

  // No foreign key on incident_id: the history outlives a merged-away incident.
  await serialId(db.schema.createTable("incident_revisions"), dialect)
    .addColumn("incident_id", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("field", "text", (c) => c.notNull())
    .addColumn("old_value", "text")
    .addColumn("new_value", "text")
    .addColumn("report_id", "text")
    .execute();
  await db.schema.createIndex("incident_revisions_incident").on("incident_revisions").columns(["incident_id", "id"]).execute();

  await db.schema
    .createTable("zones")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_ar", "text")
    .addColumn("guarantors", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("start_date", "text")
    .addColumn("end_date", "text")
    .addColumn("geometry", "text", (c) => c.notNull())
    .execute();

  await serialId(db.schema.createTable("violations"), dialect)
    .addColumn("zone_id", "text", (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("incident_id", "text", (c) => c.notNull().references("incidents.id").onDelete("cascade"))
    .addColumn("party", "text", (c) => c.notNull())
    .addColumn("party_kind", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addUniqueConstraint("violations_once", ["zone_id", "incident_id", "party"])
    .execute();
  await db.schema.createIndex("violations_zone_date").on("violations").columns(["zone_id", "date"]).execute();
  await db.schema.createIndex("violations_date").on("violations").columns(["date"]).execute();
  await db.schema.createIndex("violations_incident").on("violations").columns(["incident_id"]).execute();

  await serialId(db.schema.createTable("quarantine"), dialect)
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("sample", "text")
    .addColumn("bytes", "integer")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("feeds")
    .addColumn("url", "text", (c) => c.primaryKey())
    .addColumn("etag", "text")
    .addColumn("last_modified", "text")
    .addColumn("last_polled", "text")
    .addColumn("failures", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_poll", "text")
    .addColumn("last_error", "text")
    .execute();

  await db.schema
    .createTable("api_tokens")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("label", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .execute();

  await serialId(db.schema.createTable("audit_log"), dialect)
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("token_id", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("target", "text")
    .addColumn("detail", "text")
    .execute();
  await db.schema.createIndex("audit_log_at").on("audit_log").columns(["at"]).execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of [
    "audit_log",
    "api_tokens",
    "feeds",
    "quarantine",
    "violations",
    "zones",
    "incident_revisions",
    "incident_figures",
    "incident_sources",
    "incident_parties",
    "events",
    "incidents",
    "reports",
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
