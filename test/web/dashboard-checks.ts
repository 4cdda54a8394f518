// The end-to-end checks of the dashboard, run in real headless Chromium against a running server
// (dashboard.test.ts seeds a real store and starts the real server). Kept apart from the seeding
// so the same checks can run against any Hudna server with data in at least one zone.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { launchBrowser } from "../helpers/browser.js";

export interface CheckOptions {
  baseUrl: string;
  /** Folder for screenshots (created). */
  artifacts: string;
  log?: (line: string) => void;
}

export interface CheckReport {
  /** performance marks of the first load, ms since navigation start. */
  marks: Record<string, number>;
  incidents: number;
  screenshots: string[];
}

interface Watch {
  errors: string[];
}

/** Console errors, page errors and CSP violations, all of which fail the test. */
async function watch(page: Page): Promise<Watch> {
  const w: Watch = { errors: [] };
  page.on("console", (m) => {
    if (m.type() === "error") w.errors.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => w.errors.push(`pageerror: ${e.message}`));
  // Init scripts run through the debugging protocol, outside the page's CSP.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return w;
}

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout: 30_000 });
}

/** Rows shown once the list has settled (not loading). */
async function rows(page: Page): Promise<number> {
  await page.waitForFunction(() => !document.getElementById("list")?.hasAttribute("aria-busy"), null, { timeout: 15_000 });
  return page.locator("#list tbody tr").count();
}

async function renderedFeatures(page: Page, layers: string[]): Promise<number> {
  return page.evaluate((ls) => {
    const map = (window as unknown as { hudna: { map: { queryRenderedFeatures(o: { layers: string[] }): unknown[] } } }).hudna.map;
    return map.queryRenderedFeatures({ layers: ls }).length;
  }, layers);
}

export async function checkDashboard(opts: CheckOptions): Promise<CheckReport> {
  const log = opts.log ?? (() => undefined);
  mkdirSync(opts.artifacts, { recursive: true });
  const shots: string[] = [];
  const shot = async (page: Page, name: string): Promise<void> => {
    const path = join(opts.artifacts, `${name}.png`);
    await page.screenshot({ path });
    shots.push(path);
  };

  const api = async (path: string): Promise<unknown> => {
    const res = await fetch(new URL(path, opts.baseUrl));
    assert.equal(res.status, 200, `${path}: HTTP ${res.status}`);
    return res.json();
  };
  const all = (await api("/api/incidents?limit=500")) as { items: { id: string; type: string; place: { lat: number | null } }[] };
  const expected = all.items.length;
  assert.ok(expected > 0, "the store has incidents");
  const mapped = all.items.filter((i) => i.place.lat !== null).length;

  const browser = await launchBrowser({ width: 1280, height: 800 });
  try {
    const page = await browser.context.newPage();
    const w = await watch(page);

    // 1. The page loads with the data, in Arabic (RTL) by default.
    await page.goto(opts.baseUrl);
    await ready(page);
    const marks = await page.evaluate(() =>
      Object.fromEntries(performance.getEntriesByType("mark").map((m) => [m.name, Math.round(m.startTime)])));
    log(`first useful paint: list ${marks["hudna:list"]} ms, list+map data ${marks["hudna:data"]} ms, map idle ${marks["hudna:map-idle"]} ms`);
    assert.equal(await page.getAttribute("html", "dir"), "rtl");
    assert.equal(await page.getAttribute("html", "lang"), "ar");
    assert.equal(await rows(page), Math.min(expected, 25), "the list shows the first page of incidents");

    // 2. The map draws the zones and the incidents (points or clusters) on its WebGL canvas.
    assert.ok((await renderedFeatures(page, ["zones-fill"])) > 0, "zones are rendered");
    if (mapped) assert.ok((await renderedFeatures(page, ["incident-points", "clusters"])) > 0, "incidents are rendered");
    assert.ok((await page.locator(".city-label").count()) > 5, "city labels (DOM) are on the map");
    await shot(page, "dashboard-ar");

    // 2b. Moving the map puts the view into the URL (replaceState: no history entry per move).
    const canvas = await page.locator("#map canvas").boundingBox();
    assert.ok(canvas, "map canvas");
    await page.mouse.move(canvas.x + canvas.width * 0.5, canvas.y + canvas.height * 0.8);
    await page.mouse.down();
    await page.mouse.move(canvas.x + canvas.width * 0.45, canvas.y + canvas.height * 0.7, { steps: 5 });
    await page.mouse.up();
    await page.waitForURL((u) => /^\d+(\.\d+)?\/-?\d+(\.\d+)?\/-?\d+(\.\d+)?$/.test(u.searchParams.get("map") ?? ""));

    // 3. A filter changes the list and the URL; back restores both. Types: several at once.
    const types = [...new Set(all.items.map((i) => i.type))].sort();
    const type = types.find((t) => all.items.some((i) => i.type !== t)) ?? types[0]!;
    const want = all.items.filter((i) => i.type === type).length;
    const tick = async (t: string): Promise<void> => {
      if (!(await page.locator("#f-type").evaluate((d) => (d as HTMLDetailsElement).open))) await page.click("#f-type summary");
      await page.check(`#f-type input[name="type"][value="${t}"]`);
    };
    await tick(type);
    await page.waitForURL((u) => u.searchParams.get("type") === type);
    assert.equal(await rows(page), Math.min(want, 25), `filter type=${type}`);
    const type2 = types.find((t) => t !== type);
    if (type2) {
      await tick(type2);
      const both = [type, type2].sort().join(",");
      await page.waitForURL((u) => u.searchParams.get("type") === both);
      assert.match(page.url(), /type=[a-z_]+,[a-z_]+/, "the type list stays readable in the URL");
      const want2 = all.items.filter((i) => i.type === type || i.type === type2).length;
      assert.equal(await rows(page), Math.min(want2, 25), `filter type=${both}`);
      assert.equal(await page.locator('#f-type input[name="type"]:checked').count(), 2);
      await shot(page, "dashboard-types");
      await page.goBack();
      await page.waitForURL((u) => u.searchParams.get("type") === type);
    }
    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has("type"));
    assert.equal(await rows(page), Math.min(expected, 25), "back restores the list");
    assert.equal(await page.locator('#f-type input[name="type"]:checked').count(), 0, "back restores the filter control");
    await page.mouse.click(5, 5); // a click elsewhere closes the type menu
    assert.equal(await page.locator("#f-type").evaluate((d) => (d as HTMLDetailsElement).open), false, "the type menu closes");

    // 3+. The timeline says which zone(s) it counts (all, summed), its legend names parties in
    // Arabic, and its own zone picker sets the zone filter.
    await page.waitForSelector("#timeline-zone");
    assert.equal(await page.inputValue("#timeline-zone"), "");
    assert.match(await page.locator("#timeline-zone option:checked").innerText(), /مجموع كل المناطق/);
    const legend = await page.$$eval("#timeline .legend li", (ls) => ls.map((l) => l.textContent ?? ""));
    for (const l of legend) assert.match(l, /^[\u0600-\u06FF\s()،.\-]+$/, `Arabic party name in the legend: ${l}`);
    const zoneIds = await page.$$eval("#timeline-zone option", (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    if (zoneIds.length) {
      await page.selectOption("#timeline-zone", zoneIds[0]!);
      await page.waitForURL((u) => u.searchParams.get("zone") === zoneIds[0]);
      assert.equal(await page.inputValue("#f-zone"), zoneIds[0]!, "the filter bar follows the timeline's zone");
      await page.waitForFunction((z) => (document.getElementById("timeline-zone") as HTMLSelectElement | null)?.value === z, zoneIds[0]);
      await page.goBack();
      await page.waitForURL((u) => !u.searchParams.has("zone"));
      await rows(page);
    }

    // 3-. Sorting by the "killed" column header follows the API's order, and goes into the URL.
    const topKilled = ((await api("/api/incidents?sort=-killed&limit=1")) as { items: { id: string }[] }).items[0]!.id;
    await page.click('#list [data-sort="killed"]');
    await page.waitForURL((u) => u.searchParams.get("sort") === "killed_desc");
    await rows(page);
    assert.equal(await page.locator("#list tbody tr").first().getAttribute("data-id"), topKilled, "most killed first");
    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has("sort"));
    assert.equal(await rows(page), Math.min(expected, 25));

    // 3a. Paging (when there is more than one page): next, then previous, through the cursor.
    if (expected > 25) {
      const firstId = await page.locator("#list tbody tr").first().getAttribute("data-id");
      await page.click('#list [data-action="next"]');
      await page.waitForURL((u) => u.searchParams.has("cursor"));
      assert.equal(await rows(page), Math.min(expected - 25, 25), "second page");
      assert.notEqual(await page.locator("#list tbody tr").first().getAttribute("data-id"), firstId);
      await page.click('#list [data-action="prev"]');
      await page.waitForURL((u) => !u.searchParams.has("cursor"));
      await rows(page);
      assert.equal(await page.locator("#list tbody tr").first().getAttribute("data-id"), firstId, "previous page");
    }

    // 3b. Brushing the timeline sets a date range: URL, list and map follow.
    const overlay = await page.locator("#timeline .brush-overlay").boundingBox();
    if (overlay) {
      await page.mouse.move(overlay.x + overlay.width * 0.05, overlay.y + overlay.height / 2);
      await page.mouse.down();
      await page.mouse.move(overlay.x + overlay.width * 0.3, overlay.y + overlay.height / 2, { steps: 4 });
      await page.mouse.up();
      await page.waitForURL((u) => u.searchParams.has("from") && u.searchParams.has("to"));
      const u = new URL(page.url());
      const from = u.searchParams.get("from")!;
      const to = u.searchParams.get("to")!;
      const inRange = ((await api(`/api/incidents?limit=500&from=${from}&to=${to}`)) as { items: unknown[] }).items.length;
      assert.equal(await rows(page), Math.min(inRange, 25), `brush ${from}..${to}`);
      assert.equal(await page.inputValue("#f-from"), from, "the date filter shows the brushed range");
      await shot(page, "dashboard-brushed");
      await page.goBack();
      await page.waitForURL((u2) => !u2.searchParams.has("from"));
      assert.equal(await rows(page), Math.min(expected, 25));
    }

    // 4. The incident panel shows the reports with highlighted evidence inside the Arabic text.
    await page.locator("#list tbody tr .row-select").first().click();
    await page.waitForURL((u) => u.searchParams.has("inc"));
    await page.waitForSelector("#panel .report-text mark", { timeout: 15_000 });
    const evidence = await page.evaluate(() => {
      const text = document.querySelector("#panel .report-text");
      const mark = text?.querySelector("mark");
      return {
        lang: text?.getAttribute("lang"),
        dir: text?.getAttribute("dir"),
        mark: mark?.textContent ?? "",
        text: text?.textContent ?? "",
        marks: text?.querySelectorAll("mark").length ?? 0,
        // Evidence is text, never markup: no element but <mark> inside the report text.
        others: text ? [...text.querySelectorAll("*")].filter((e) => e.tagName !== "MARK").length : -1,
      };
    });
    assert.equal(evidence.lang, "ar");
    assert.equal(evidence.dir, "rtl");
    assert.ok(evidence.marks >= 1 && /[\u0600-\u06FF]/.test(evidence.mark), `an Arabic evidence span is marked: ${evidence.mark}`);
    assert.ok(evidence.text.includes(evidence.mark));
    assert.equal(evidence.others, 0);
    const links = await page.$$eval("#panel a", (as) => as.map((a) => ({ href: a.getAttribute("href") ?? "", rel: a.getAttribute("rel") ?? "" })));
    for (const l of links) {
      assert.match(l.href, /^https?:\/\//, "only http(s) links");
      assert.equal(l.rel, "noopener noreferrer");
    }
    assert.match(await page.locator("#panel .reconciled").innerText(), /[٠-٩–]/, "figures use Arabic-Indic digits in Arabic");
    await shot(page, "dashboard-ar-panel");
    // With the panel open on a 1280 px screen the list keeps a usable width and never scrolls sideways.
    const layout = await page.evaluate(() => {
      const list = document.getElementById("list")!;
      return { sw: list.scrollWidth, cw: list.clientWidth, doc: document.documentElement.scrollWidth, vw: innerWidth };
    });
    assert.ok(layout.sw <= layout.cw + 1, `the list doesn't scroll sideways: ${JSON.stringify(layout)}`);
    assert.ok(layout.doc <= layout.vw, `the page doesn't scroll sideways: ${JSON.stringify(layout)}`);
    assert.ok(layout.cw >= 600, `the list stays wide beside the panel: ${JSON.stringify(layout)}`);

    // 5. The language switch flips dir and lang, keeps the selection, and goes into the URL.
    await page.click("#lang-switch");
    await page.waitForURL((u) => u.searchParams.get("lang") === "en");
    assert.equal(await page.getAttribute("html", "dir"), "ltr");
    assert.equal(await page.getAttribute("html", "lang"), "en");
    await page.waitForSelector("#panel .report-text mark");
    assert.match(await page.locator("#panel-title").innerText(), /[A-Za-z]/);
    await shot(page, "dashboard-en-panel");
    // Back to Arabic through history.
    await page.goBack();
    await page.waitForFunction(() => document.documentElement.dir === "rtl");

    // 6. A shared URL restores the whole view in a fresh page.
    const shared = page.url();
    const page2 = await browser.context.newPage();
    const w2 = await watch(page2);
    await page2.goto(shared);
    await ready(page2);
    await page2.waitForSelector("#panel .report-text mark");
    assert.equal(await page2.getAttribute("html", "dir"), "rtl");
    await page2.close();

    // 7. Phone: the panel becomes a bottom sheet.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() => document.getElementById("panel")!.getBoundingClientRect().top > innerHeight * 0.25);
    const box = await page.locator("#panel").boundingBox();
    assert.ok(box && box.y > 844 * 0.25 && box.width >= 380, `bottom sheet: ${JSON.stringify(box)}`);
    await shot(page, "dashboard-phone");

    // 8. Bad input in a URL: an unknown incident shows an error in the panel, hostile values are
    // ignored; the page keeps working. (Not watched: the 404 is logged by the browser itself.)
    const page3 = await browser.context.newPage();
    await page3.goto(`${opts.baseUrl}?inc=inc_does_not_exist&zone=%3Cimg%20src%3Dx%3E&map=oops`);
    await ready(page3);
    await page3.waitForSelector("#panel .error[role=alert]");
    assert.equal(await page3.inputValue("#f-zone"), "", "a hostile zone value is dropped");
    assert.equal(await rows(page3), Math.min(expected, 25));
    assert.equal(await page3.locator("img[src=x]").count(), 0);
    await page3.close();

    assert.deepEqual([...w.errors, ...w2.errors], [], "no console errors or CSP violations");
    return { marks, incidents: expected, screenshots: shots };
  } finally {
    await browser.close();
  }
}
