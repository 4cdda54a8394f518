// Write routes: bearer tokens (401/403), corrections with revisions, audit rows, report ingestion,
// body limit and rate limit — all over real HTTP against a real SQLite file.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createHash } from "node:crypto";
import { getJson, startWorld, type World } from "./fixture.js";
import { makeIngest } from "../../src/server/ingest-report.js";
import { createToken, revokeToken } from "../../src/server/tokens.js";
import type { ExtractResult } from "../../src/model/index.js";

let w: World;
before(async () => {
  w = await startWorld();
});
after(async () => {
  await w.close();
});

const json = (token: string | null, body: unknown, method = "POST"): RequestInit => ({
  method,
  headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify(body),
});

async function anIncident(type = "armed_clash"): Promise<{ id: string; killed: { low: number; best: number; high: number } }> {
  const r = await getJson(`${w.base}/api/incidents?type=${type}`);
  return r.body.items[0];
}

test("writes without a valid token are 401 with a Bearer challenge", async () => {
  const inc = await anIncident();
  for (const auth of [null, "nonsense", "hudna_000000000000_" + "A".repeat(43)]) {
    const r = await getJson(`${w.base}/api/incidents/${inc.id}`, json(auth, { note: "x", status: "contested" }, "PATCH"));
    assert.equal(r.status, 401, String(auth));
    assert.equal(r.body.error, "unauthorized");
    assert.match(r.headers.get("www-authenticate")!, /^Bearer/);
  }
  // A real token with one character changed, and a revoked token.
  const flipped = w.analyst.slice(0, -1) + (w.analyst.endsWith("A") ? "B" : "A");
  assert.equal((await getJson(`${w.base}/api/reports`, json(flipped, { text: "نص" }))).status, 401);
  const t = await createToken(w.store.db, "analyst", "soon revoked");
  assert.equal(await revokeToken(w.store.db, t.id), true);
  assert.equal((await getJson(`${w.base}/api/reports`, json(t.token, { text: "نص" }))).status, 401);
});

test("the audit log is for admins only (403 for an analyst)", async () => {
  const r = await getJson(`${w.base}/api/audit`, { headers: { authorization: `Bearer ${w.analyst}` } });
  assert.equal(r.status, 403);
  assert.equal(r.body.error, "forbidden");
  const ok = await getJson(`${w.base}/api/audit`, { headers: { authorization: `Bearer ${w.admin}` } });
  assert.equal(ok.status, 200);
  assert.ok(Array.isArray(ok.body.items));
});

test("a correction changes the incident, records revisions and one audit row", async () => {
  const inc = await anIncident();
  const note = "تصحيح الحصيلة بعد مراجعة بيان المرصد";
  const r = await getJson(`${w.base}/api/incidents/${inc.id}`, json(w.analyst, { status: "contested", killed: { best: 22, high: 25 }, note }, "PATCH"));
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.incident.status, "contested");
  assert.deepEqual(r.body.incident.killed, { low: 20, best: 22, high: 25 });
  assert.deepEqual(
    r.body.changes.map((c: { field: string }) => c.field),
    ["status", "killed_best", "killed_high"],
  );
  const detail = (await getJson(`${w.base}/api/incidents/${inc.id}`)).body;
  const fields = detail.revisions.map((v: { field: string }) => v.field);
  assert.ok(fields.includes("killed_best") && fields.includes("status"));
  const noteRev = detail.revisions.find((v: { field: string }) => v.field === "note");
  assert.equal(noteRev.new_value, note);
  const audit = await w.store.db.selectFrom("audit_log").selectAll().where("target", "=", inc.id).execute();
  assert.equal(audit.length, 1);
  assert.equal(audit[0]!.action, "incident.correct");
  assert.equal(audit[0]!.token_id, w.analyst.split("_")[1]);
  const d = JSON.parse(audit[0]!.detail!);
  assert.equal(d.note, note);
  assert.deepEqual(d.changes[1], { field: "killed_best", old_value: "20", new_value: "22" });
});

test("bad corrections are 400, unknown incidents 404, and nothing is written", async () => {
  const inc = await anIncident("air_strike");
  const before = await w.store.db.selectFrom("audit_log").select("id").execute();
  for (const body of [
    { status: "contested" },
    { note: "" },
    { note: "x", status: "maybe" },
    { note: "x", killed: { low: 9, high: 3 } },
    { note: "x", killed: { best: -1 } },
    { note: "x", killed: {} },
  ]) {
    const r = await getJson(`${w.base}/api/incidents/${inc.id}`, json(w.analyst, body, "PATCH"));
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.equal(r.body.error, "bad_request");
  }
  const nf = await getJson(`${w.base}/api/incidents/inc_missing`, json(w.analyst, { note: "x", status: "contested" }, "PATCH"));
  assert.equal(nf.status, 404);
  const afterRows = await w.store.db.selectFrom("audit_log").select("id").execute();
  assert.equal(afterRows.length, before.length);
});

test("POST /api/reports ingests through the pipeline and audits it", async (t) => {
  // The route, the store's save and the audit are real; extraction is the fixture's own result,
  // so this test does not depend on the extractor's lexicons.
  const text = "أفادت مصادر محلية بسقوط قذائف على بلدة تجريبية في ريف حماة الشمالي صباح اليوم.";
  const extract = (): ExtractResult => ({
    report: { id: createHash("sha256").update(text).digest("hex"), published: "2017-11-02", outlet: "API Test", language: "ar", title: null, chars: text.length },
    events: [
      {
        id: "ev_api_1", type: "shelling", stance: "asserted", disputes: [],
        date: { start: "2017-11-02", end: "2017-11-02", precision: "day", text: "اليوم" },
        actors: [], targets: [], locations: [{ name: "Test Town", name_ar: "بلدة تجريبية", admin1: "Hama", lat: 35.3, lon: 36.6, precision: "town", zone: null }],
        fatalities: null, injured: null, sources: [], evidence: [{ start: 0, end: text.length }], confidence: 0.7, details: {},
      },
    ],
    warnings: [],
  });
  const local = await startWorld(undefined, {
    ingest: makeIngest({
      extract,
      save: (report, result, original) => local.store.saveExtraction({ report: { ...report, id: result.report.id }, result, original, source: "api" }),
    }),
  });
  t.after(() => local.close());
  const r = await getJson(`${local.base}/api/reports`, json(local.analyst, { text, outlet: "API Test", published: "2017-11-02", url: "https://example.org/api" }));
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.status, "new");
  assert.equal(r.body.events.length, 1);
  assert.equal(r.body.incidents.length, 1);
  const inc = await getJson(`${local.base}/api/incidents/${r.body.incidents[0]}`);
  assert.equal(inc.body.reports[0].text, text);
  assert.equal(inc.body.reports[0].url, "https://example.org/api");
  const again = await getJson(`${local.base}/api/reports`, json(local.admin, { text }));
  assert.equal(again.body.status, "duplicate");
  const audit = await local.store.db.selectFrom("audit_log").selectAll().where("action", "=", "report.ingest").execute();
  assert.equal(audit.length, 2);
  assert.equal(audit[0]!.target, r.body.report_id);
  for (const body of [{}, { text: "" }, { text: "a", html: "<p>a</p>" }, { text: "نص", published: "أمس" }, { text: "نص", url: "javascript:alert(1)" }]) {
    assert.equal((await getJson(`${local.base}/api/reports`, json(local.analyst, body))).status, 400, JSON.stringify(body));
  }
});

const extractorPath = fileURLToPath(new URL("../../src/extract/index.ts", import.meta.url));
test("POST /api/reports with the real extractor stores the report and its events", { skip: !existsSync(extractorPath) && "src/extract/index.ts not built yet" }, async () => {
  const text = "قصفت طائرات حربية بلدة كفرنبل في ريف إدلب الجنوبي أمس، ما أدى إلى مقتل ثلاثة مدنيين، بحسب ناشطين.";
  const r = await getJson(`${w.base}/api/reports`, json(w.analyst, { text, outlet: "Extractor Test", published: "2017-09-19" }));
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.status, "new");
  const stored = await w.store.db.selectFrom("reports").select(["text", "outlet"]).where("id", "=", r.body.report_id).executeTakeFirstOrThrow();
  assert.equal(stored.text, text);
  assert.equal(stored.outlet, "Extractor Test");
  const events = await w.store.db.selectFrom("events").select("id").where("report_id", "=", r.body.report_id).execute();
  assert.equal(events.length, r.body.events.length);
  // The strike, dated from "أمس" against the published day, and findable through the API.
  const strike = r.body.events.find((e: { type: string }) => e.type === "air_strike");
  assert.ok(strike, JSON.stringify(r.body.events));
  assert.equal(strike.date_start, "2017-09-18");
  assert.equal(strike.killed_best, 3);
  assert.ok(r.body.incidents.length >= 1);
  const detail = (await getJson(`${w.base}/api/incidents/${r.body.incidents[0]}`)).body;
  const rep = detail.reports.find((x: { id: string }) => x.id === r.body.report_id);
  const ev = rep.events[0].evidence[0];
  assert.ok(rep.text.slice(ev.start, ev.end).includes("كفرنبل"));
  const html = `<html><head><title>خبر</title></head><body><article><h1>خبر تجريبي</h1><p>${text}</p><p>${text.replace("كفرنبل", "معرة النعمان")}</p></article></body></html>`;
  const h = await getJson(`${w.base}/api/reports`, json(w.analyst, { html, published: "2017-09-19" }));
  assert.equal(h.status, 200, JSON.stringify(h.body));
});

test("bodies over 2 MB are refused with 413 JSON (after authentication)", async () => {
  const big = JSON.stringify({ text: "ق".repeat(1_200_000) }); // 2.4 MB of UTF-8
  const anon = await getJson(`${w.base}/api/reports`, { method: "POST", headers: { "content-type": "application/json" }, body: big });
  assert.equal(anon.status, 401);
  const r = await getJson(`${w.base}/api/reports`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${w.analyst}` }, body: big });
  assert.equal(r.status, 413);
  assert.equal(r.body.error, "payload_too_large");
});

test("writes are rate limited per client (429 JSON)", async (t) => {
  const local = await startWorld(undefined, { writeRateLimit: { max: 2, timeWindow: 60_000 } });
  t.after(() => local.close());
  const inc = (await getJson(`${local.base}/api/incidents?type=meeting`)).body.items[0];
  const statuses: number[] = [];
  for (let i = 0; i < 3; i++) {
    const r = await getJson(`${local.base}/api/incidents/${inc.id}`, json(local.analyst, { note: `n${i}` }, "PATCH"));
    statuses.push(r.status);
    if (r.status === 429) {
      assert.equal(r.body.error, "too_many_requests");
      assert.ok(Number(r.headers.get("retry-after")) > 0, "tells the client when to retry");
      assert.equal(r.headers.get("x-content-type-options"), "nosniff");
    }
  }
  assert.deepEqual(statuses, [200, 200, 429]);
  // Reads are not limited.
  assert.equal((await getJson(`${local.base}/api/incidents/${inc.id}`)).status, 200);
});
