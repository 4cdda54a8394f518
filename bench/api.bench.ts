// API load benchmark: 100,000 incidents in a SQLite file, the server in a child process, autocannon
// (50 concurrent clients on loopback) against a month of one zone's incidents and a zone's
// violation time series, with GET /api/health measured in the same run as the baseline.
// Targets: incidents p95 < 50 ms, violations p95 < 100 ms — measured on the server as shipped
// (GET responses cached per data version, see src/server/cache.ts; the first request of each view
// is a miss), and again with the cache off (`…_nocache` lines: the raw SQL + serialization cost).
//   node --import tsx bench/api.bench.ts            (npm run bench -- api)
//   BENCH_INCIDENTS=20000 BENCH_SECONDS=5 …          (smaller / shorter runs)
//   BENCH_DB_OUT=/tmp/x.db …                         (only generate, keep the file for profiling)
//   BENCH_DB_IN=/tmp/x.db …                          (load-test an existing file, no generation)
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { createRequire } from "node:module";
import { openStore, type Store } from "../src/store/index.js";
import { buildServer } from "../src/server/app.js";
import { parseFilters } from "../src/server/queries/filters.js";
import { incidentPageQuery } from "../src/server/queries/incidents.js";
import { violationQueries } from "../src/server/queries/zones.js";
import { explainSqlite } from "../src/server/queries/explain.js";

// autocannon ships no types; the slice we use, typed here.
interface CannonResult {
  requests: { average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
interface CannonRequest {
  method: string;
  path?: string;
  setupRequest?: (req: CannonRequest) => CannonRequest;
}
interface CannonInstance extends PromiseLike<CannonResult> {
  on(ev: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}
const autocannon = createRequire(import.meta.url)("autocannon") as (o: {
  url: string;
  connections: number;
  duration: number;
  requests: CannonRequest[];
}) => CannonInstance;

const N = Number(process.env.BENCH_INCIDENTS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 50;
const ZONES = [
  { id: "idlib", start: "2017-05-06" },
  { id: "northern-homs", start: "2017-05-06" },
  { id: "eastern-ghouta", start: "2017-07-22" },
  { id: "south", start: "2017-07-09" },
];
const PARTIES = [
  ["Syrian Air Force", "state_force"],
  ["Russian Air Force", "foreign_state_force"],
  ["Hay'at Tahrir al-Sham", "jihadist_group"],
  ["Free Syrian Army", "rebel_group"],
  ["Islamic State", "jihadist_group"],
  ["unknown", "unknown"],
] as const;
const TYPES = ["air_strike", "shelling", "armed_clash", "explosion", "attack_on_civilians", "statement", "humanitarian"];
const DAYS = 730; // 2017-01-01 … 2018-12-31
const DAY0 = Date.UTC(2017, 0, 1);

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same data. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dayOf = (d: number) => new Date(DAY0 + d * 86_400_000).toISOString().slice(0, 10);

async function generate(store: Store): Promise<void> {
  await store.upsertZones(
    ZONES.map((z) => ({ id: z.id, name: z.id, start: z.start, geometry: { type: "Polygon", coordinates: [[[36, 35], [37, 35], [37, 36], [36, 35]]] } })),
  );
  const rand = rng(42);
  const now = new Date().toISOString();
  const BATCH = 500; // 29 columns × 500 rows stays under SQLite's bound-parameter limit
  for (let b = 0; b < N; b += BATCH * 10) {
    await store.db.transaction().execute(async (trx) => {
      for (let s = b; s < Math.min(N, b + BATCH * 10); s += BATCH) {
        const incs = [];
        const parties = [];
        const viol = [];
        for (let i = s; i < Math.min(N, s + BATCH); i++) {
          const id = `inc_${i.toString(16).padStart(16, "0")}`;
          const zone = rand() < 0.7 ? ZONES[Math.floor(rand() * ZONES.length)]! : null;
          const date = dayOf(Math.floor(rand() * DAYS));
          const type = TYPES[Math.floor(rand() * TYPES.length)]!;
          const party = PARTIES[Math.floor(rand() * PARTIES.length)]!;
          const killed = rand() < 0.6 ? Math.floor(rand() * 30) : null;
          const violent = !["statement", "humanitarian"].includes(type);
          const isViolation = Boolean(zone && violent && date >= zone.start);
          incs.push({
            id, type, date_start: date, date_end: date, date_precision: "day",
            lat: 33 + rand() * 3, lon: 36 + rand() * 3, place: `Place ${i % 5000}`, place_ar: `مكان ${i % 5000}`,
            place_precision: "town", place_gid: null, admin1: "Idlib", zone: zone?.id ?? null,
            killed_low: killed, killed_best: killed, killed_high: killed, injured_low: null, injured_best: null, injured_high: null,
            status: rand() < 0.3 ? "corroborated" : "single_source", report_count: 1, source_count: 1, event_count: 1,
            actors: JSON.stringify([{ name: party[0], name_ar: "", kind: party[1] }]), targets: "[]",
            is_violation: isViolation ? 1 : 0, confidence: 0.7, created_at: now, updated_at: now,
          });
          parties.push({ incident_id: id, side: "actor", name: party[0], name_ar: null, kind: party[1] });
          if (isViolation) viol.push({ zone_id: zone!.id, date, incident_id: id, party: party[0], party_kind: party[1], type });
        }
        await trx.insertInto("incidents").values(incs).execute();
        await trx.insertInto("incident_parties").values(parties).execute();
        if (viol.length) await trx.insertInto("violations").values(viol).execute();
      }
    });
  }
  await sql`ANALYZE`.execute(store.db);
}

async function plans(store: Store): Promise<void> {
  // How SQLite answers the two benchmarked queries, EXPLAINed from the very queries the routes run
  // (must be index searches, not table scans).
  const filters = parseFilters({ zone: "idlib", from: "2018-03-01", to: "2018-03-31" });
  for (const line of await explainSqlite(store.db, incidentPageQuery(store.db, { filters, sort: "-date", limit: 100 })))
    console.log(`plan incidents: ${line}`);
  const v = violationQueries(store.db, "idlib");
  for (const line of await explainSqlite(store.db, v.byParty)) console.log(`plan violations_by_party: ${line}`);
  for (const line of await explainSqlite(store.db, v.totals)) console.log(`plan violations_totals: ${line}`);
}

interface Figures {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  errors: number;
  /** what the errors were, so a bad run explains itself: "timeouts=… status_503=…" */
  why: string;
}

function pct(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function load(base: string, paths: () => string): Promise<Figures> {
  const times: number[] = [];
  const statuses = new Map<number, number>();
  const inst = autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: paths() }) }],
  });
  inst.on("response", (_c: unknown, status: number, _bytes: number, ms: number) => {
    times.push(ms);
    if (status < 200 || status > 299) statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  const res = await inst;
  const why = [`timeouts=${res.timeouts}`, `conn_errors=${res.errors - res.timeouts}`, ...[...statuses].map(([s, n]) => `status_${s}=${n}`)];
  times.sort((a, b) => a - b);
  return {
    p50: pct(times, 50),
    p95: pct(times, 95),
    p99: pct(times, 99),
    rps: res.requests.average,
    errors: res.errors + res.non2xx,
    why: why.join(" "),
  };
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : "NaN");

async function serveChild(dbFile: string, cache: boolean): Promise<void> {
  const store = await openStore(dbFile);
  const app = await buildServer({ store, logger: false, webRoot: join(tmpdir(), "hudna-no-web"), cache: cache ? undefined : false });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const addr = app.server.address();
  process.send!({ port: typeof addr === "object" && addr ? addr.port : 0 });
  process.on("disconnect", () => void app.close().then(() => store.close()).then(() => process.exit(0)));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "hudna-bench-api-"));
  const dbFile = process.env.BENCH_DB_IN ?? join(dir, "bench.db");
  let child: ChildProcess | null = null;
  try {
    const t0 = performance.now();
    const store = await openStore(dbFile);
    if (!process.env.BENCH_DB_IN) {
      await generate(store);
      const genSeconds = (performance.now() - t0) / 1000;
      console.log(`BENCH api generate incidents=${N} seconds=${genSeconds.toFixed(1)} rows_per_s=${Math.round(N / genSeconds)}`);
    }
    await plans(store);
    await store.close();
    if (process.env.BENCH_DB_OUT) {
      // Keep the generated file for profiling, skip the load test.
      const { copyFileSync } = await import("node:fs");
      copyFileSync(dbFile, process.env.BENCH_DB_OUT);
      return;
    }

    const rand = rng(7);
    const month = () => {
      const m = Math.floor(rand() * 24);
      const y = 2017 + Math.floor(m / 12);
      const mm = String((m % 12) + 1).padStart(2, "0");
      const last = new Date(Date.UTC(y, (m % 12) + 1, 0)).getUTCDate();
      return [`${y}-${mm}-01`, `${y}-${mm}-${last}`] as const;
    };
    const zone = () => ZONES[Math.floor(rand() * ZONES.length)]!.id;
    const incidentsPath = () => {
      const [from, to] = month();
      return `/api/incidents?zone=${zone()}&from=${from}&to=${to}`;
    };
    const violationsPath = () => `/api/zones/${zone()}/violations?interval=day`;

    // Two servers in turn, each in its own process so the load generator does not steal its event
    // loop: the default (response cache on) and one with the cache off (the raw query cost).
    const results: [string, Figures, number?][] = [];
    for (const mode of ["cache", "nocache"] as const) {
      child = fork(fileURLToPath(import.meta.url), ["--serve", dbFile, mode], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
      const port = await new Promise<number>((resolve, reject) => {
        child!.once("message", (m) => resolve((m as { port: number }).port));
        child!.once("exit", (code) => reject(new Error(`server exited (${code})`)));
      });
      const base = `http://127.0.0.1:${port}`;
      const sfx = mode === "cache" ? "" : "_nocache";
      if (mode === "cache") {
        await load(base, () => "/api/health"); // warm-up (JIT, page cache)
        results.push(["health", await load(base, () => "/api/health")]);
      }
      // The targets apply to the server as shipped; the cache-off figures are for reading only.
      results.push([`incidents_zone_month${sfx}`, await load(base, incidentsPath), mode === "cache" ? 50 : undefined]);
      results.push([`zone_violations_day${sfx}`, await load(base, violationsPath), mode === "cache" ? 100 : undefined]);
      const c = child;
      child = null;
      if (c.connected) c.disconnect();
      await new Promise((r) => (c.exitCode !== null ? r(null) : c.once("exit", r)));
    }
    const health = results[0]![1];
    const line = (name: string, f: Figures, target?: number) =>
      `BENCH api ${name} p50_ms=${fmt(f.p50)} p95_ms=${fmt(f.p95)} p99_ms=${fmt(f.p99)} req_s=${fmt(f.rps)} errors=${f.errors}` +
      (f.errors ? ` (${f.why})` : "") +
      (name === "health" ? "" : ` p95_vs_health=${fmt(f.p95 / health.p95)}x rps_vs_health=${fmt(f.rps / health.rps)}`) +
      (target ? ` target_p95_ms=${target} ${f.p95 < target ? "PASS" : "FAIL"}` : "");
    for (const [name, f, target] of results) console.log(line(name, f, target));
  } finally {
    // A server that died early has no IPC channel left: kill it by pid, never leave it running.
    if (child && child.exitCode === null) {
      const c = child;
      if (c.connected) c.disconnect();
      else c.kill();
      await new Promise((r) => (c.exitCode !== null ? r(null) : c.once("exit", r)));
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--serve") await serveChild(process.argv[3]!, process.argv[4] !== "nocache");
else await main();
