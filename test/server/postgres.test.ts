// The same read-route suite against a real (throwaway) PostgreSQL server; skipped loudly when the
// machine has no PostgreSQL binaries (never in CI: startPostgres throws there).
import { after } from "node:test";
import { startPostgres, type TestPostgres } from "../helpers/postgres.js";
import { readSuite } from "./read-suite.js";

let pgServer: TestPostgres | null = null;
after(async () => {
  await pgServer?.stop();
});

readSuite("postgres", async () => {
  pgServer = await startPostgres();
  return pgServer ? pgServer.createDatabase() : null;
});
