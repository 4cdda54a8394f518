// The API against a real (throwaway) PostgreSQL server: the whole read suite, plus the writes
// (tokens, a correction with its revisions and audit row). Skipped loudly when the machine has no
// PostgreSQL binaries (never in CI: startPostgres throws there).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startPostgres, type TestPostgres } from "../helpers/postgres.js";
import { readSuite } from "./read-suite.js";
import { getJson, startWorld } from "./fixture.js";

let pgServer: TestPostgres | null = null;
let started: Promise<TestPostgres | null> | null = null;
const server = () => (started ??= startPostgres().then((s) => (pgServer = s)));
before(async () => {
  await server();
});
after(async () => {
  await pgServer?.stop();
});

readSuite("postgres", async () => {
  const s = await server();
  return s ? s.createDatabase() : null;
});

test("postgres: tokens, a correction, its revisions and the audit row", async (t) => {
  const s = await server();
  if (!s) return t.skip("no PostgreSQL");
  const w = await startWorld(await s.createDatabase());
  t.after(() => w.close());
  const inc = (await getJson(`${w.base}/api/incidents?type=shelling&zone=eastern-ghouta`)).body.items[0];
  const patch = (token: string) => ({
    method: "PATCH",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ injured: { low: 3, best: 4, high: 6 }, note: "تصحيح عدد الجرحى" }),
  });
  assert.equal((await getJson(`${w.base}/api/incidents/${inc.id}`, patch("hudna_000000000000_" + "x".repeat(43)))).status, 401);
  const r = await getJson(`${w.base}/api/incidents/${inc.id}`, patch(w.analyst));
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.deepEqual(r.body.incident.injured, { low: 3, best: 4, high: 6 });
  const revs = r.body.incident.revisions.map((v: { field: string }) => v.field);
  assert.ok(revs.includes("injured_best") && revs.includes("note"));
  const audit = await w.store.db.selectFrom("audit_log").selectAll().where("action", "=", "incident.correct").execute();
  assert.equal(audit.length, 1);
  assert.equal(audit[0]!.target, inc.id);
  assert.equal((await getJson(`${w.base}/api/audit`, { headers: { authorization: `Bearer ${w.analyst}` } })).status, 403);
});
