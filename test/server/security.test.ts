// Security defaults: headers on every response, JSON-only errors without internals, the OpenAPI
// document, and the static dashboard (with no way out of its folder).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getJson, startWorld, type World } from "./fixture.js";
import { CSP } from "../../src/server/security.js";

let w: World;
let web: string;
before(async () => {
  web = mkdtempSync(join(tmpdir(), "hudna-web-"));
  mkdirSync(join(web, "assets"));
  writeFileSync(join(web, "index.html"), "<!doctype html><title>هدنة</title><script type=module src=/assets/app.js></script>");
  writeFileSync(join(web, "assets", "app.js"), "console.log('hudna')");
  w = await startWorld(undefined, { webRoot: web });
});
after(async () => {
  await w.close();
  rmSync(web, { recursive: true, force: true });
});

function assertSecurityHeaders(h: Headers, what: string): void {
  assert.equal(h.get("content-security-policy"), CSP, what);
  assert.equal(h.get("x-content-type-options"), "nosniff", what);
  assert.equal(h.get("x-frame-options"), "DENY", what);
  assert.ok(h.get("referrer-policy"), what);
}

test("the CSP allows no inline script and lets MapLibre use blob: workers", () => {
  assert.match(CSP, /script-src 'self';/);
  assert.doesNotMatch(CSP, /unsafe-inline|unsafe-eval/);
  assert.match(CSP, /worker-src 'self' blob:/);
  assert.match(CSP, /frame-ancestors 'none'/);
});

test("every kind of response carries the security headers and a JSON body", async () => {
  const cases: [string, RequestInit | undefined, number][] = [
    ["/api/health", undefined, 200],
    ["/api/incidents?limit=1", undefined, 200],
    ["/api/incidents/inc_nope", undefined, 404],
    ["/api/nothing/here", undefined, 404],
    ["/api/incidents?limit=9999", undefined, 400],
    ["/api/reports", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }, 401],
    ["/api/reports", { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${w.analyst}` }, body: "{not json" }, 400],
    ["/api/reports", { method: "POST", headers: { "content-type": "text/html", authorization: `Bearer ${w.analyst}` }, body: "<p>x</p>" }, 415],
  ];
  for (const [path, init, status] of cases) {
    const r = await fetch(w.base + path, init);
    assert.equal(r.status, status, path);
    assertSecurityHeaders(r.headers, path);
    assert.match(r.headers.get("content-type")!, /^application\/json/, path);
    const body = await r.text();
    const parsed = JSON.parse(body) as { error?: string; message?: string };
    if (status >= 400) {
      assert.equal(typeof parsed.error, "string", path);
      assert.doesNotMatch(body, /node_modules|\bat .+:\d+:\d+|<html/i, `${path} leaks internals`);
    }
  }
});

test("report text is only ever returned inside JSON, never as HTML", async () => {
  const inc = (await getJson(`${w.base}/api/incidents?type=air_strike`)).body.items[0];
  await w.store.db
    .updateTable("reports")
    .set({ title: "<script>alert('x')</script>" })
    .where("url", "=", "https://example.org/a1")
    .execute();
  const r = await fetch(`${w.base}/api/incidents/${inc.id}`);
  assert.match(r.headers.get("content-type")!, /^application\/json/);
  const d = (await r.json()) as { reports: { title: string }[] };
  assert.ok(d.reports.some((x) => x.title === "<script>alert('x')</script>"));
});

test("the OpenAPI 3 document describes every route, with bearer auth on writes", async () => {
  const doc = (await getJson(`${w.base}/api/openapi.json`)).body;
  assert.match(doc.openapi, /^3\./);
  for (const p of ["/api/incidents", "/api/incidents/{id}", "/api/zones", "/api/zones/{id}/violations", "/api/stats", "/api/export", "/api/reports", "/api/health"]) {
    assert.ok(doc.paths[p], `missing ${p}`);
  }
  assert.deepEqual(doc.paths["/api/reports"].post.security, [{ bearer: [] }]);
  assert.deepEqual(doc.paths["/api/incidents/{id}"].patch.security, [{ bearer: [] }]);
  assert.equal(doc.components.securitySchemes.bearer.scheme, "bearer");
  for (const name of ["Incident", "IncidentDetail", "Error", "Range", "Party"]) assert.ok(doc.components.schemas[name], name);
  assert.deepEqual(doc.components.schemas.Range.properties.best, { type: "integer", nullable: true });
  const params = doc.paths["/api/incidents"].get.parameters.map((p: { name: string }) => p.name);
  for (const n of ["zone", "type", "from", "to", "bbox", "party", "source", "status", "min_killed", "sort", "limit", "cursor"]) assert.ok(params.includes(n), n);
});

test("the dashboard is served from its folder, with the same headers, and nothing outside it", async () => {
  const index = await fetch(`${w.base}/`);
  assert.equal(index.status, 200);
  assert.match(index.headers.get("content-type")!, /text\/html/);
  assertSecurityHeaders(index.headers, "/");
  assert.match(await index.text(), /هدنة/);
  const js = await fetch(`${w.base}/assets/app.js`);
  assert.equal(js.status, 200);
  for (const p of ["/../package.json", "/assets/../../package.json", "/%2e%2e/package.json", "/assets/%2e%2e/%2e%2e/package.json"]) {
    const r = await fetch(w.base + p);
    assert.notEqual(r.status, 200, p);
    assert.doesNotMatch(await r.text(), /"devDependencies"/, p);
  }
});
