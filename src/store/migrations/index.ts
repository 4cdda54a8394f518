// Migrations as code, in order. Each receives the engine so the rare engine-specific spelling
// (auto-increment keys) stays inside the migration; the resulting schema is the same on both.
import type { Kysely, Migration, MigrationProvider } from "kysely";
import type { Dialect } from "../dialect.js";
import * as m001 from "./001_initial.js";
import * as m002 from "./002_incident_cell.js";
import * as m003 from "./003_api_indexes.js";
import * as m004 from "./004_incident_overrides.js";
import * as m005 from "./005_quarantine_upsert.js";
import * as m006 from "./006_store_epoch.js";
import * as m007 from "./007_lz4_text.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Step = { up(db: Kysely<any>, dialect: Dialect): Promise<void>; down?(db: Kysely<any>): Promise<void> };

const STEPS: Record<string, Step> = {
  "001_initial": m001,
  "002_incident_cell": m002,
  "003_api_indexes": m003,
  "004_incident_overrides": m004,
  "005_quarantine_upsert": m005,
  "006_store_epoch": m006,
  "007_lz4_text": m007,
};

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      const out: Record<string, Migration> = {};
      for (const [name, step] of Object.entries(STEPS)) {
        out[name] = { up: (db) => step.up(db, dialect), down: step.down ? (db) => step.down!(db) : undefined };
      }
      return out;
    },
  };
}
