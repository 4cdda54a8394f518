// Test world for the API: a real store (SQLite file in a temp dir, or a PostgreSQL database) filled
// with our own Arabic reports through the store's saveExtraction, and a real server on 127.0.0.1:0.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { HudnaEvent, Party, Place, Source, Count, ExtractResult } from "../../src/model/index.js";
import { openStore, type Store } from "../../src/store/index.js";
import { buildServer, type ServerOptions } from "../../src/server/app.js";
import { createToken } from "../../src/server/tokens.js";

export const SAF: Party = { name: "Syrian Air Force", name_ar: "الطيران الحربي السوري", kind: "state_force", country: "SY" };
export const CIV: Party = { name: "civilians", name_ar: "مدنيين", kind: "civilians" };
export const SDF: Party = { name: "SDF", name_ar: "قوات سوريا الديمقراطية", kind: "kurdish_forces" };
export const IS: Party = { name: "Islamic State", name_ar: "تنظيم داعش", kind: "jihadist_group" };
export const ACT: Source = { name: "activists", kind: "activists", text: "بحسب ناشطين محليين" };
export const MON: Source = { name: "Syrian Observatory for Human Rights", kind: "monitor", text: "أفاد المرصد" };

const place = (name: string, name_ar: string, lat: number, lon: number, zone: string | null, admin1 = "Idlib"): Place => ({
  name, name_ar, admin1, lat, lon, precision: "town", zone,
});
const count = (best: number | null, group: Count["group"] = "civilians", text = ""): Count => ({
  low: best, best, high: best, qualifier: "exact", group, text,
});

export interface FixtureReport {
  text: string;
  published: string | null;
  outlet: string;
  url: string;
  /** The event: the sentence it is told in, and its fields. */
  sentence: string;
  event: Partial<HudnaEvent> & Pick<HudnaEvent, "type">;
}

export const KHAN = place("Khan Shaykhun", "خان شيخون", 35.4383, 36.6511, "idlib");
export const DOUMA = place("Douma", "دوما", 33.5711, 36.4022, "eastern-ghouta", "Rif Dimashq");
export const RAQQA = place("Raqqa", "الرقة", 35.95, 39.0167, null, "Raqqa");
export const DARAA = place("Daraa countryside", "ريف درعا", 32.75, 36.1, "south", "Daraa");

export const REPORTS: FixtureReport[] = [
  {
    outlet: "Hudna Test Daily",
    url: "https://example.org/a1",
    published: "2017-08-10",
    sentence: "قصفت طائرات حربية سورية بلدة خان شيخون في ريف إدلب الجنوبي صباح اليوم، ما أدى إلى مقتل خمسة مدنيين وإصابة عشرة آخرين، بحسب ناشطين محليين.",
    text: "",
    event: {
      type: "air_strike", actors: [SAF], targets: [CIV], locations: [KHAN], sources: [ACT],
      fatalities: count(5, "civilians", "مقتل خمسة مدنيين"), injured: count(10, "civilians", "إصابة عشرة"),
    },
  },
  {
    outlet: "Second Test Outlet",
    url: "https://example.org/b1",
    published: "2017-08-10",
    sentence: "أفاد المرصد بمقتل سبعة مدنيين جراء غارات جوية على خان شيخون اليوم.",
    text: "",
    event: { type: "air_strike", actors: [SAF], targets: [CIV], locations: [KHAN], sources: [MON], fatalities: count(7, "civilians", "مقتل سبعة مدنيين") },
  },
  {
    outlet: "Hudna Test Daily",
    url: "https://example.org/a2",
    published: "2017-08-15",
    sentence: "سقطت قذائف هاون على حي سكني في مدينة دوما بالغوطة الشرقية، وأصيب ثلاثة أشخاص بجروح.",
    text: "",
    event: { type: "shelling", actors: [], targets: [CIV], locations: [DOUMA], sources: [], injured: count(3, "civilians", "أصيب ثلاثة أشخاص") },
  },
  {
    outlet: "Hudna Test Daily",
    url: "https://example.org/a3",
    published: "2017-09-02",
    sentence: "اندلعت اشتباكات عنيفة بين قوات سوريا الديمقراطية وتنظيم داعش في مدينة الرقة، وقتل عشرون مقاتلاً من الطرفين.",
    text: "",
    event: { type: "armed_clash", actors: [SDF], targets: [IS], locations: [RAQQA], sources: [], fatalities: count(20, "combatants", "قتل عشرون مقاتلاً") },
  },
  {
    outlet: "Second Test Outlet",
    url: "https://example.org/b2",
    published: "2017-09-20",
    sentence: "عقد ممثلو الدول الضامنة اجتماعاً جديداً لبحث تثبيت وقف إطلاق النار في مناطق خفض التصعيد.",
    text: "",
    event: { type: "meeting", actors: [], targets: [], locations: [], sources: [] },
  },
  {
    outlet: "Second Test Outlet",
    url: "https://example.org/b3",
    published: null,
    sentence: "قالت مصادر محلية إن انفجاراً هز ريف درعا دون أن تذكر موعده أو حجم الأضرار.",
    text: "",
    event: { type: "explosion", actors: [], targets: [], locations: [DARAA], sources: [], date: { start: null, end: null, precision: "unknown", text: "" } },
  },
  {
    outlet: "Second Test Outlet",
    url: "https://example.org/b4",
    published: "2017-09-30",
    sentence: "أعلن المرصد أن حصيلة القتلى في المحافظة منذ بداية العام بلغت ثلاثة آلاف شخص.",
    text: "",
    event: { type: "casualty_claim", actors: [], targets: [], locations: [], sources: [MON], fatalities: count(3000, "unknown", "ثلاثة آلاف شخص") },
  },
];

// Twelve more shelling reports on the same day, at villages 20 km apart, so pagination has ties.
for (let i = 0; i < 12; i++) {
  REPORTS.push({
    outlet: "Village Wire",
    url: `https://example.org/v${i}`,
    published: "2017-10-01",
    sentence: `سقطت قذيفة صاروخية على القرية رقم ${i + 1} في ريف إدلب، وقتل فيها ${i % 3 === 0 ? "شخص واحد" : "عدد من الأشخاص"}.`,
    text: "",
    event: {
      type: "shelling",
      actors: [],
      targets: [CIV],
      locations: [place(`Village ${i + 1}`, `القرية ${i + 1}`, 35.0 + i * 0.2, 36.0 + (i % 2) * 0.3, i < 6 ? "idlib" : null)],
      sources: [],
      fatalities: i % 3 === 0 ? count(1) : null,
    },
  });
}
for (const r of REPORTS) r.text = `${r.url.slice(-2)} — تقرير تجريبي\n${r.sentence}\nانتهى التقرير.`;

export const sha = (s: string) => createHash("sha256").update(s).digest("hex");

export function extractionOf(r: FixtureReport, n: number): ExtractResult {
  const start = r.text.indexOf(r.sentence);
  const day = r.published;
  const ev: HudnaEvent = {
    id: `ev_fixture_${n}`,
    stance: "asserted",
    disputes: [],
    date: { start: day, end: day, precision: day ? "day" : "unknown", text: day ? "اليوم" : "" },
    actors: [],
    targets: [],
    locations: [],
    fatalities: null,
    injured: null,
    sources: [],
    evidence: [{ start, end: start + r.sentence.length, quote: r.sentence }],
    confidence: 0.8,
    details: {},
    ...r.event,
  };
  return {
    report: { id: sha(r.text), published: r.published, outlet: r.outlet, language: "ar", title: r.text.split("\n")[0]!, chars: r.text.length },
    events: [ev],
    warnings: [],
  };
}

export const ZONES = [
  { id: "idlib", name: "Idlib", name_ar: "إدلب", guarantors: ["Russia", "Turkey", "Iran"], start: "2017-05-06", end: null,
    geometry: { type: "Polygon", coordinates: [[[35.5, 34.8], [37.5, 34.8], [37.5, 36.5], [35.5, 36.5], [35.5, 34.8]]] } },
  { id: "eastern-ghouta", name: "Eastern Ghouta", name_ar: "الغوطة الشرقية", guarantors: ["Russia"], start: "2017-07-22", end: null,
    geometry: { type: "Polygon", coordinates: [[[36.3, 33.4], [36.6, 33.4], [36.6, 33.7], [36.3, 33.7], [36.3, 33.4]]] } },
  { id: "south", name: "South", name_ar: "الجنوب", guarantors: ["Russia", "USA", "Jordan"], start: "2017-07-09", end: null,
    geometry: { type: "Polygon", coordinates: [[[35.7, 32.5], [36.6, 32.5], [36.6, 33.3], [35.7, 33.3], [35.7, 32.5]]] } },
];

export async function fillStore(store: Store): Promise<void> {
  await store.upsertZones(ZONES);
  let n = 0;
  for (const r of REPORTS) {
    const result = extractionOf(r, n++);
    await store.saveExtraction({
      report: { id: result.report.id, text: r.text, published: r.published, outlet: r.outlet, url: r.url, title: result.report.title, format: "text" },
      result,
      source: "test",
      extractorVersion: "test-1",
    });
  }
}

export interface World {
  store: Store;
  app: FastifyInstance;
  base: string;
  analyst: string;
  admin: string;
  /** The database the world lives in (a SQLite path or a postgres:// URL). */
  dbUrl: string;
  close(): Promise<void>;
}

/** A filled store behind a listening server. `dbUrl` default: a fresh SQLite file in a temp dir. */
export async function startWorld(dbUrl?: string, extra: Partial<ServerOptions> = {}): Promise<World> {
  let dir: string | null = null;
  if (!dbUrl) {
    dir = mkdtempSync(join(tmpdir(), "hudna-server-"));
    dbUrl = join(dir, "test.db");
  }
  const store = await openStore(dbUrl);
  await fillStore(store);
  const app = await buildServer({ store, webRoot: join(dir ?? tmpdir(), "no-web"), ...extra });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const addr = app.server.address();
  const port = typeof addr === "object" && addr ? addr.port : 0;
  const analyst = (await createToken(store.db, "analyst", "test analyst")).token;
  const admin = (await createToken(store.db, "admin", "test admin")).token;
  return {
    store,
    app,
    base: `http://127.0.0.1:${port}`,
    analyst,
    admin,
    dbUrl,
    async close() {
      await app.close();
      await store.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function getJson<T = any>(url: string, init?: RequestInit): Promise<{ status: number; body: T; headers: Headers }> {
  const r = await fetch(url, init);
  const text = await r.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON: the test asserts on it */
  }
  return { status: r.status, body: body as T, headers: r.headers };
}
