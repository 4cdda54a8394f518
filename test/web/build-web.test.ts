// scripts/build-web.mjs: one self-contained folder the server can serve, with no inline script
// (the CSP forbids it), MapLibre's worker beside its module, and the offline basemap; idempotent.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

test("build:web writes a complete, CSP-clean dashboard, twice in a row", () => {
  const out = mkdtempSync(join(tmpdir(), "hudna-web-build-"));
  try {
    for (let i = 0; i < 2; i++) {
      const r = spawnSync(process.execPath, [join(root, "scripts", "build-web.mjs"), "--out", out], { encoding: "utf8" });
      assert.equal(r.status, 0, r.stderr);
    }
    const files = readdirSync(out).sort();
    for (const f of ["app.js", "index.html", "maplibre-gl-worker.mjs", "maplibre-gl.css", "maplibre-gl.mjs", "style.css"]) assert.ok(files.includes(f), f);
    assert.deepEqual(readdirSync(join(out, "basemap")).sort(), ["cities.geojson", "countries.geojson", "governorates.geojson", "rivers.geojson"]);

    const html = readFileSync(join(out, "index.html"), "utf8");
    // Every <script> has a same-origin src and no body; no inline handlers or style attributes.
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      assert.match(m[1]!, /\bsrc="[^":]+"/);
      assert.equal(m[2]!.trim(), "");
    }
    assert.doesNotMatch(html, /\son[a-z]+=/i);
    assert.doesNotMatch(html, /\sstyle=/i);
    assert.match(html, /<html lang="ar" dir="rtl">/);

    const app = readFileSync(join(out, "app.js"), "utf8");
    // MapLibre stays a sibling module (its worker is resolved next to it), not re-bundled.
    assert.match(app, /from"\.\/maplibre-gl\.mjs"|from "\.\/maplibre-gl\.mjs"/);
    assert.ok(app.length < 300_000, `app.js is ${app.length} bytes`);
    assert.doesNotMatch(app, /\binnerHTML\s*=/, "the dashboard never assigns innerHTML");
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
