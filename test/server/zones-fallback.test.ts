// A store without zones still answers /api/zones from the zone source given to the server (in
// production: the geo stage's shipped zone file).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../../src/store/index.js";
import { buildServer } from "../../src/server/app.js";

test("zones come from the fallback when the store has none; unknown zones are 404", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "hudna-zones-"));
  const store = await openStore(join(dir, "z.db"));
  const app = await buildServer({
    store,
    webRoot: join(dir, "none"),
    zones: async () => [
      { id: "test-zone", name: "Test zone", name_ar: "منطقة تجريبية", guarantors: ["A"], start: "2020-01-01", end: null, geometry: { type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } },
    ],
  });
  t.after(async () => {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const addr = app.server.address();
  const base = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
  const z = await fetch(`${base}/api/zones`);
  assert.equal(z.status, 200);
  const body = (await z.json()) as { features: { id: string; properties: { name_ar: string; violations: number } }[] };
  assert.deepEqual(body.features.map((f) => [f.id, f.properties.name_ar, f.properties.violations]), [["test-zone", "منطقة تجريبية", 0]]);
  const v = await fetch(`${base}/api/zones/test-zone/violations`);
  assert.equal(v.status, 200);
  assert.deepEqual(((await v.json()) as { buckets: unknown[] }).buckets, []);
  assert.equal((await fetch(`${base}/api/zones/elsewhere/violations`)).status, 404);
});
