// Runs a store suite against both engines: a SQLite file in a temp dir, and a throwaway
// PostgreSQL server (one per test file, a fresh database per test).
//   forEachEngine("save", (engine) => {
//     engine.it("does X", async (store) => { … });
//   });
// Without PostgreSQL binaries the postgres tests are skipped (startPostgres prints a loud message;
// with CI=true it throws instead).
import { describe, it, before, after } from "node:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, type Store } from "../../src/store/index.js";
import { startPostgres, type TestPostgres } from "../helpers/postgres.js";

export interface Engine {
  name: "sqlite" | "postgres";
  /** A URL for a new, empty database. */
  newUrl(): Promise<string>;
  /** A test given a store on a fresh database (closed afterwards). */
  it(name: string, fn: (store: Store, url: string) => Promise<void>): void;
}

export function forEachEngine(title: string, body: (engine: Engine) => void): void {
  for (const name of ["sqlite", "postgres"] as const) {
    describe(`${title} [${name}]`, () => {
      let dir = "";
      let n = 0;
      let server: TestPostgres | null = null;
      before(async () => {
        if (name === "sqlite") dir = mkdtempSync(join(tmpdir(), "hudna-store-"));
        else server = await startPostgres();
      });
      after(async () => {
        if (dir) rmSync(dir, { recursive: true, force: true });
        await server?.stop();
      });
      const engine: Engine = {
        name,
        async newUrl() {
          if (name === "sqlite") return join(dir, `db${++n}.sqlite`);
          if (!server) throw new Error("no PostgreSQL server");
          return server.createDatabase();
        },
        it(testName, fn) {
          it(testName, async (t) => {
            if (name === "postgres" && !server) {
              t.skip("PostgreSQL not available");
              return;
            }
            const url = await engine.newUrl();
            const store = await openStore(url);
            try {
              await fn(store, url);
            } finally {
              await store.close();
            }
          });
        },
      };
      body(engine);
    });
  }
}
